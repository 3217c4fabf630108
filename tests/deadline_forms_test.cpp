// The phrase forms of the deadline grammar (src/deadline_forms.cpp), each with its cases:
// real phrases from the seed material (tests/data/seed: the plan's deadline cells, the
// appendix, the OCR text of 003), the forms the issue tables list, and (issue 17) phrases copied
// verbatim from public Vietnamese plans, decisions and procedure pages, each with its source in
// a comment. Each case names the form that must read it; FormsTest.EveryFormHasCases fails when
// a table entry has none.
#include "deadline_forms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "deadline_lexer.h"

namespace mandate::internal {
namespace {

enum class Ctx { k2025, kNoYear, kAssigned };  // plan year 2025; nothing; 2025 + assigned 1/10

struct FormCase {
  std::string_view form;  // the PhraseForms() entry that must read the phrase
  std::string_view text;
  // kind, due, anchor, first due, recurrence, relative count (see Describe); a case that
  // starts with "error" expects the form to recognise the phrase and refuse it with a status
  // holding the rest.
  std::string_view want;
  Ctx ctx = Ctx::k2025;
  bool whole = true;  // a whole deadline cell (false: a phrase inside a sentence)
};

// Grouped by form, in table order.
const std::vector<FormCase>& Cases() {
  static const auto* cases = new std::vector<FormCase>{
      // before_date
      {"before_date", "Trước ngày 20/12/2025", "before 2025-12-19 anchor 2025-12-20"},
      {"before_date", "hoàn thành trước ngày 31/10/2025", "before 2025-10-30 anchor 2025-10-31",
       Ctx::k2025, false},  // seed 000
      {"before_date", "hoan thanh trwéc ngay 30/10/2025", "before 2025-10-29 anchor 2025-10-30",
       Ctx::k2025, false},  // seed 003 (OCR)
      {"before_date", "trước 15/11/2025", "before 2025-11-14 anchor 2025-11-15"},
      {"before_date", "trước ngày 15/11", "before 2025-11-14 anchor 2025-11-15"},
      {"before_date", "trước ngày 15/11", "error \"trước ngày 15/11\" names no year", Ctx::kNoYear},
      {"before_date", "trước ngày 31/02/2025", "error \"trước ngày 31/02/2025\":"},
      // before_day_of_each_period
      {"before_day_of_each_period", "Trước ngày 25 hàng tháng",
       "recurring monthly day 25 before"},  // seed 002
      {"before_day_of_each_period", "trước 10 hằng quý", "recurring quarterly day 10 before"},
      // issue 17: yearly duties with a stated day
      {"before_day_of_each_period", "trước ngày 01 tháng 10 hằng năm",
       "recurring yearly day 1 month 10 before"},  // issue 17 (its example class)
      {"before_day_of_each_period", "Trước ngày 03 hàng tháng",
       "recurring monthly day 3 before"},  // phapluatdoanhnghiep.vn, lịch nộp báo cáo 12/2025
      {"before_day_of_each_period", "trước ngày 20/11 hằng năm",
       "recurring yearly day 20 month 11 before"},
      {"before_day_of_each_period", "trước ngày 31/02 hằng năm", "error \"trước ngày 31/02 hằng năm\": day 31/2 does not exist"},
      {"before_day_of_each_period", "trước ngày 15/10 hằng tháng",
       "error \"trước ngày 15/10 hằng tháng\": a stated month needs a yearly duty"},
      {"before_day_of_each_period", "trước ngày 32 hàng tháng",
       "error \"trước ngày 32 hàng tháng\": day 32 does not exist"},
      // day_of_each_period
      {"day_of_each_period", "ngày 25 hằng tháng", "recurring monthly day 25"},
      {"day_of_each_period", "ngày 10 hàng quý", "recurring quarterly day 10"},
      {"day_of_each_period", "ngày 0 hàng tháng",
       "error \"ngày 0 hàng tháng\": day 0 does not exist"},
      // date
      {"date", "30/09/2025", "date 2025-09-30"},  // plan cells
      {"date", "15/7/2025", "date 2025-07-15"},
      {"date", "hạn 31/12/2025", "date 2025-12-31", Ctx::k2025, false},            // appendix
      {"date", "ngày 22 tháng 9 năm 2025", "date 2025-09-22", Ctx::k2025, false},  // seed 002
      {"date", "31-12-2025", "date 2025-12-31"},
      {"date", "ngày 15/11", "date 2025-11-15", Ctx::k2025, false},  // seed 004
      {"date", "ngày 15 tháng 11", "date 2025-11-15", Ctx::k2025, false},
      {"date", "15/11", "date 2025-11-15"},
      {"date", "ngày 15/11", "error \"ngày 15/11\" names no year", Ctx::kNoYear},
      {"date", "31/02/2025", "error \"31/02/2025\":"},
      // month
      {"month", "Tháng 10/2025", "month 2025-10-31"},  // plan cells
      {"month", "7/2025", "month 2025-07-31"},
      {"month", "hạn trong tháng 10/2025", "month 2025-10-31", Ctx::k2025, false},  // appendix
      {"month", "Hoan thanh trong thing 12/2025", "month 2025-12-31", Ctx::k2025,
       false},  // seed 003 (OCR)
      {"month", "tháng 6 năm 2025", "month 2025-06-30"},
      {"month", "tháng 10", "month 2025-10-31"},
      {"month", "đến hết tháng 10/2025", "month 2025-10-31"},  // issue 17 (its example class)
      {"month", "tháng 10", "error \"tháng 10\" names no year", Ctx::kNoYear},
      {"month", "Tháng 13/2025", "error \"Tháng 13/2025\": month 13 does not exist"},
      // quarter
      {"quarter", "Quý IV", "quarter 2025-12-31"},  // plan cells
      {"quarter", "Quý III/2025", "quarter 2025-09-30"},
      {"quarter", "hoan thanh trong quy IV/2025", "quarter 2025-12-31", Ctx::k2025,
       false},  // seed 003 (OCR)
      {"quarter", "quý 1/2026", "quarter 2026-03-31"},
      {"quarter", "quý I năm 2026", "quarter 2026-03-31"},
      {"quarter", "Quý IV", "error \"Quý IV\" names no year", Ctx::kNoYear},
      {"quarter", "Quý V/2025", "error \"Quý V/2025\": quarter V does not exist (I..IV)"},
      // half
      {"half", "6 tháng đầu năm 2025", "half 2025-06-30"},
      {"half", "6 tháng cuối năm", "half 2025-12-31"},
      {"half", "nửa đầu năm 2026", "half 2026-06-30"},
      {"half", "6 tháng cuối năm", "error \"6 tháng cuối năm\" names no year", Ctx::kNoYear},
      // period (issue 17): spans of years, any dash
      {"period", "Giai đoạn 2026 - 2030", "period 2030-12-31 start 2026-01-01"},
      // vietnamnet.vn, dự thảo Chương trình hành động (2025-10-15): "giai đoạn 2026 - 2030"
      {"period", "giai đoạn 2026 - 2030", "period 2030-12-31 start 2026-01-01", Ctx::k2025,
       false},
      // hethongphapluat.com, Chỉ thị 31/CT-TTg (18/10/2025): "5 NĂM 2026-2030"
      {"period", "2026-2030", "period 2030-12-31 start 2026-01-01"},
      // kienthuc.net.vn (2026-02-07): "10 năm 2021 - 2030"
      {"period", "năm 2021 - 2030", "period 2030-12-31 start 2021-01-01"},
      {"period", "2025 - 2026", "period 2026-12-31 start 2025-01-01"},
      {"period", "giai đoạn 2025\u20132027", "period 2027-12-31 start 2025-01-01"},  // en dash
      {"period", "từ năm 2025 đến năm 2030", "period 2030-12-31 start 2025-01-01"},
      {"period", "2030 - 2026", "error \"2030 - 2026\": the period ends (2026) before it starts"},
      // open_ended
      {"open_ended", "2025 và những năm tiếp theo", "open_ended first 2025-12-31"},  // plan cell
      {"open_ended", "trong năm 2025 và các năm tiếp theo", "open_ended first 2025-12-31",
       Ctx::k2025, false},  // seed 002
      {"open_ended", "năm 2026 và các năm sau", "open_ended first 2026-12-31"},
      // year
      {"year", "2025", "year 2025-12-31"},                                   // plan cell
      {"year", "hạn trong năm 2025", "year 2025-12-31", Ctx::k2025, false},  // appendix
      {"year", "trong năm 2026", "year 2026-12-31", Ctx::k2025, false},      // prose
      {"year", "nim 2025", "year 2025-12-31", Ctx::k2025, false},            // seed 003 (OCR)
      {"year", "đến hết năm 2025", "year 2025-12-31"},  // issue 17 (its example class)
      // vietbao.vn (2025-10-25): "từ nay đến hết năm 2025 và những năm tiếp theo"
      {"year", "từ nay đến hết năm 2025", "year 2025-12-31", Ctx::k2025, false},
      // frequency (issue 17): n times a unit, once every n units
      {"frequency", "01 lần/năm", "recurring yearly"},      // issue 17 (its example class)
      {"frequency", "02 lần/năm", "recurring semiannual"},
      {"frequency", "6 tháng/lần", "recurring semiannual"},  // issue 17 (its example class)
      {"frequency", "03 tháng một lần", "recurring quarterly"},
      {"frequency", "1 lần/quý", "recurring quarterly"},
      {"frequency", "4 tháng/lần", "error \"4 tháng/lần\": no frequency the library keeps"},
      // each_period
      {"each_period", "Hàng tháng", "recurring monthly"},  // plan cells
      {"each_period", "Hàng tuần", "recurring weekly"},
      {"each_period", "Hằng năm", "recurring yearly"},
      {"each_period", "hing thang", "recurring monthly", Ctx::k2025, false},  // seed 003 (OCR)
      {"each_period", "định kỳ 6 tháng", "recurring semiannual"},
      {"each_period", "mỗi quý", "recurring quarterly"},
      {"each_period", "định kỳ 03 tháng một lần", "recurring quarterly"},  // issue 17
      // phapluatdoanhnghiep.vn, lịch nộp báo cáo 12/2025 (Nghị định 145/2020/NĐ-CP)
      {"each_period", "Định kỳ hằng năm (trước ngày 05 tháng 12)",
       "recurring yearly day 5 month 12 before"},
      {"each_period", "định kỳ hằng năm (trước ngày 20/11)",
       "recurring yearly day 20 month 11 before"},  // issue 17 (read as a one-off date before)
      {"each_period", "hằng quý, trước ngày 15 của tháng cuối quý",
       "recurring quarterly day 15 month 3 before"},  // issue 17
      // ongoing
      {"ongoing", "Thường xuyên", "ongoing"},  // plan cells
      {"ongoing", "Thực hiện thường xuyên", "ongoing"},
      {"ongoing", "Nhiệm vụ thường xuyên", "ongoing"},  // issue 17 (its example class)
      {"ongoing", "Thường xuyên, liên tục", "ongoing"},
      // roadmap
      {"roadmap", "Hoàn thành theo lộ trình", "roadmap"},          // plan cell
      {"roadmap", "theo lộ trình", "roadmap", Ctx::k2025, false},  // seed 002
      // relative
      {"relative", "trong vòng 30 ngày kể từ ngày giao", "relative 2025-10-31 +30 days",
       Ctx::kAssigned},
      {"relative", "05 ngày làm việc", "relative +5 working days"},
      {"relative", "15 ngày làm việc kể từ ngày nhận", "relative 2025-10-22 +15 working days",
       Ctx::kAssigned},
      // dichvucong.binhdinh.gov.vn, thủ tục 34822 (thời hạn giải quyết), verbatim:
      {"relative", "Không quá 10 ngày làm việc kể từ nhận được đầy đủ hồ sơ theo quy định",
       "relative +10 working days from \"nhận được đầy đủ hồ sơ theo quy định\"",
       Ctx::kAssigned},
      {"relative", "trong thời hạn không quá 03 ngày làm việc kể từ ngày nhận được hồ sơ",
       "relative +3 working days from \"ngày nhận được hồ sơ\"", Ctx::kAssigned, false},
      {"relative", "Trong thời hạn 01 ngày làm việc kể từ ngày nhận lại hồ sơ",
       "relative +1 working days from \"ngày nhận lại hồ sơ\"", Ctx::kAssigned},
      // issue 17 (its example classes): anchored at the assigned day unless an event is named
      {"relative", "Không quá 20 ngày làm việc", "relative 2025-10-29 +20 working days",
       Ctx::kAssigned},
      {"relative", "tối đa là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
       "relative +7 working days from \"ngày nhận đủ hồ sơ hợp lệ\"", Ctx::kAssigned},
      {"relative", "Trong thời gian 30 ngày", "relative 2025-10-31 +30 days", Ctx::kAssigned},
      {"relative", "05 ngày làm việc kể từ ngày cấp giấy tiếp nhận hồ sơ",
       "relative +5 working days from \"ngày cấp giấy tiếp nhận hồ sơ\"", Ctx::kAssigned},
  };
  return *cases;
}

DeadlineContext MakeContext(Ctx ctx) {
  DeadlineContext c;
  if (ctx == Ctx::kNoYear) return c;
  c.plan_year = 2025;
  if (ctx == Ctx::kAssigned) c.assigned = Day{date::year{2025} / 10 / 1};
  return c;
}

std::string Describe(const Core& c) {
  if (!c.status.ok()) return "error " + std::string(c.status.message());
  std::string s(EnumName(c.kind));
  if (c.due) s += " " + FormatIsoDay(*c.due);
  if (c.anchor) s += " anchor " + FormatIsoDay(*c.anchor);
  if (c.first_due) s += " first " + FormatIsoDay(*c.first_due);
  if (c.start) s += " start " + FormatIsoDay(*c.start);
  if (c.recurrence) {
    s += " " + std::string(EnumName(c.recurrence->freq));
    if (c.recurrence->day_of_period) s += " day " + std::to_string(*c.recurrence->day_of_period);
    if (c.recurrence->month_of_period)
      s += " month " + std::to_string(*c.recurrence->month_of_period);
    if (c.recurrence->before) s += " before";
  }
  if (c.kind == DeadlineKind::kRelative) {
    s += " +" + std::to_string(c.relative_days) +
         (c.relative_working_days ? " working days" : " days");
    if (!c.relative_from.empty()) s += " from \"" + c.relative_from + "\"";
  }
  return s;
}

TEST(FormsTest, EveryCaseIsReadByItsForm) {
  for (const FormCase& k : Cases()) {
    SCOPED_TRACE(std::string(k.form) + ": " + std::string(k.text));
    const Lexed lx = Lex(k.text);
    const auto c = MatchCore(lx, 0, MakeContext(k.ctx), k.whole);
    ASSERT_TRUE(c.has_value()) << "no form reads it";
    EXPECT_EQ(c->form, k.form);
    EXPECT_EQ(c->te, lx.tokens.size()) << "not read to the end";
    if (k.want.starts_with("error")) {
      EXPECT_THAT(Describe(*c), ::testing::HasSubstr(k.want));
    } else {
      EXPECT_EQ(Describe(*c), k.want);
      EXPECT_FALSE(c->explanation.empty());
    }
  }
}

TEST(FormsTest, EveryFormHasCases) {
  std::set<std::string_view> table, covered;
  for (const PhraseForm& f : PhraseForms()) {
    EXPECT_TRUE(table.insert(f.name).second) << "form named twice: " << f.name;
  }
  for (const FormCase& k : Cases()) covered.insert(k.form);
  EXPECT_EQ(covered, table);
}

TEST(FormsTest, NoFormStartsAtAPlainWord) {
  const Lexed lx = Lex("báo cáo Thủ tướng Chính phủ");
  for (const PhraseForm& f : PhraseForms()) {
    for (std::size_t i = 0; i < lx.tokens.size(); ++i) {
      Core c;
      EXPECT_EQ(f.match(FormInput{lx, MakeContext(Ctx::k2025), true}, i, c), i) << f.name;
      EXPECT_EQ(c.kind, DeadlineKind::kUnknown) << f.name;  // untouched
      EXPECT_TRUE(c.explanation.empty()) << f.name;
    }
  }
}

}  // namespace
}  // namespace mandate::internal
