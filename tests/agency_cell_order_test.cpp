// Agency cells stored as an order of the task's agencies instead of text
// (src/agency_cell_order.h): every order of up to 8 agencies reads back as written, other text
// is not mistaken for one, and a dataset reads such cells back as written.
#include "agency_cell_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "mandate/dataset.h"

namespace mandate::internal {
namespace {

const AgencyRegistry& Reg() { return AgencyRegistry::Bundled(); }

std::vector<AgencyIndex> Agencies(std::initializer_list<const char*> ids) {
  std::vector<AgencyIndex> out;
  for (const char* id : ids) out.push_back(*Reg().FindById(id));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Joined(const std::vector<AgencyIndex>& list) {
  std::string out;
  for (AgencyIndex a : list) out += (out.empty() ? "" : ", ") + Reg().agency(a).name;
  return out;
}

TEST(AgencyCellOrder, EveryOrderReadsBackAsWritten) {
  const auto list = Agencies({"BCA", "BQP", "BTC", "BKHCN"});
  std::vector<AgencyIndex> order = list;
  std::vector<std::uint32_t> codes;
  do {
    const std::string cell = Joined(order);
    const auto code = AgencyCellOrder(Reg(), cell, list);
    ASSERT_TRUE(code.has_value()) << cell;
    EXPECT_EQ(AgencyCellInOrder(Reg(), list, *code), cell);
    codes.push_back(*code);
  } while (std::next_permutation(order.begin(), order.end()));
  // 24 orders, 24 distinct codes below 4!; the registry's order is code 0.
  std::sort(codes.begin(), codes.end());
  std::vector<std::uint32_t> expected(24);
  std::iota(expected.begin(), expected.end(), 0u);
  EXPECT_EQ(codes, expected);
  EXPECT_EQ(AgencyCellOrder(Reg(), Joined(list), list), 0u);
}

TEST(AgencyCellOrder, EightAgenciesAndNamesThatShareAPrefix) {
  const auto list = Agencies({"BCA", "BQP", "BTC", "BKHCN", "BYT", "BGDDT", "BXD", "BNV"});
  std::vector<AgencyIndex> reversed(list.rbegin(), list.rend());
  const std::string cell = Joined(reversed);
  const auto code = AgencyCellOrder(Reg(), cell, list);
  ASSERT_TRUE(code.has_value());
  EXPECT_LT(*code, 40320u);
  EXPECT_EQ(AgencyCellInOrder(Reg(), list, *code), cell);
}

TEST(AgencyCellOrder, OtherTextIsNotAnOrder) {
  const auto list = Agencies({"BCA", "BQP"});
  const std::string a = Reg().agency(list[0]).name, b = Reg().agency(list[1]).name;
  for (const std::string& text :
       {a, b + "; " + a, b + ", " + a + ", " + a, b + "," + a, b + ", " + a + " ",
        " " + b + ", " + a, std::string("Bộ Công an và Bộ Quốc phòng"), std::string()}) {
    EXPECT_FALSE(AgencyCellOrder(Reg(), text, list).has_value()) << text;
  }
  EXPECT_TRUE(AgencyCellOrder(Reg(), b + ", " + a, list).has_value());
  EXPECT_FALSE(AgencyCellOrder(Reg(), "", {}).has_value());
  // Nine agencies: kept as text.
  const auto nine = Agencies({"BCA", "BQP", "BTC", "BKHCN", "BYT", "BGDDT", "BXD", "BNV", "BTP"});
  EXPECT_FALSE(AgencyCellOrder(Reg(), Joined(nine), nine).has_value());
}

TEST(AgencyCellOrder, AnyCodeReadsSafely) {
  const auto list = Agencies({"BCA", "BQP", "BTC"});
  for (std::uint32_t code : {6u, 7u, 0x7FFFFFFFu, 12345u}) {
    const std::string cell = AgencyCellInOrder(Reg(), list, code);
    EXPECT_TRUE(AgencyCellOrder(Reg(), cell, list).has_value()) << code;
  }
  EXPECT_EQ(AgencyCellInOrder(Reg(), {}, 5), "");
}

TEST(AgencyCellOrder, ADatasetReadsReorderedCellsBack) {
  Dataset ds;
  Task t;
  t.lead = {"BQP", "BCA"};
  t.lead_text =
      Reg().agency(*Reg().FindById("BQP")).name + ", " + Reg().agency(*Reg().FindById("BCA")).name;
  t.coordinators = {"BTC", "BYT"};
  t.coordinators_text = "Bộ Tài chính; Bộ Y tế";  // another separator: kept as text
  for (int k = 0; k < 1000; ++k) {
    t.id = "R-" + std::to_string(1000 + k);
    ASSERT_TRUE(ds.AddTask(t).ok());
  }
  for (TaskIndex i : {0u, 999u}) {
    const Task back = ds.GetTask(i);
    EXPECT_EQ(back.lead_text, t.lead_text);
    EXPECT_EQ(back.coordinators_text, t.coordinators_text);
  }
}

}  // namespace
}  // namespace mandate::internal
