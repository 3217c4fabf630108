// The bundled dataset is exactly what `mandate-import-seed` (tools/import_seed.cpp) builds from the
// seed tables: anyone can regenerate it, and a change to a parser or resolver that alters it shows
// here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "mandate/agency_registry.h"
#include "seed_data.h"

namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ImportSeed, RebuildsTheBundledDatasetByteForByte) {
  const std::string src = MANDATE_SOURCE_DIR;
  const std::string out = ::testing::TempDir() + "/plan-2025-rebuilt.json";
  const std::string problems = ::testing::TempDir() + "/plan-2025-rebuilt.problems.jsonl";
  const std::string cmd = std::string(MANDATE_BIN_DIR) + "/mandate-import-seed --plan " +
                          mandate::testing::SeedPath("plan-2025-tasks.jsonl") + " --appendix " +
                          mandate::testing::SeedPath("appendix-2025-items.jsonl") + " --out " +
                          out + " --problems " + problems + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_EQ(ReadText(out), ReadText(src + "/examples/data/plan-2025.json"));
  EXPECT_EQ(ReadText(problems), ReadText(src + "/examples/data/plan-2025.problems.jsonl"));
  // Every problem names a record and a field; none is silent.
  std::istringstream lines(ReadText(problems));
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const bool named = line.find("\"record\":\"KH25-") != std::string::npos ||
                       line.find("\"record\":\"PL2-") != std::string::npos;
    EXPECT_TRUE(named) << line;
    EXPECT_EQ(line.find("\"field\":\"\""), std::string::npos) << line;
  }
  EXPECT_EQ(n, 53);  // issue 17: "… liên quan" phrases and the title-vs-cell check are reported
}

// Issue 17: every bullet of the appendix (seed 000), read by hand: the lead (the subject of
// the sentence: the names the bullet opens with, the clause marked "chủ trì", or the names its
// parenthesis opens with; a "+" bullet, and a bullet under one ending in ":", takes its
// parent's), the coordinators ("phối hợp với …", "chủ trì cùng …"; enterprises after ";"),
// the due day ("-": none, a roadmap or a recurrence). "*56": every ministry, ministry-level and
// government agency and province ("các bộ, ngành, địa phương"); "*22": the central ones; the
// lead is never its own coordinator. "… liên quan" names no fixed set, so no ids. Bullets
// that state no deadline take the list heading's ("… ĐẾN 31/12/2025"). PL2-12 "Các bộ, cơ
// quan chủ quản các nền tảng số": the owners are not named, so the central pool. PL2-56, 57
// follow PL2-55's "các nội dung sau:" and are Bộ KHCN's. PL2-14, 16, 22, 23, 27, 72 name no
// agency (27: "Doanh nghiệp chủ trì đồng hành", not enumerable).
struct Bullet {
  const char* id;
  const char* lead;
  const char* coordinators;  // "ids;partner ids"
  const char* due;
};
const Bullet kBullets[] = {
      {"PL2-1", "VPTWD", "", "2025-10-31"},
      {"PL2-2", "BKHCN", "", "2025-10-31"},
      {"PL2-3", "BCA,BCT,BKHCN,BTC", "", "2025-12-31"},
      {"PL2-4", "BKHCN", "BXD", "2025-12-31"},
      {"PL2-5", "BKHCN", "", "2025-12-31"},
      {"PL2-6", "BCA", "", "2025-12-31"},
      {"PL2-7", "BCT,BKHCN,BTC", "", "2025-12-31"},
      {"PL2-8", "BKHCN", "BCA,BNV,VPCP,VPTWD", "2025-11-30"},
      {"PL2-9", "BKHCN", "BGDDT", "2025-12-31"},
      {"PL2-10", "BCYCP", "", "2025-11-30"},
      {"PL2-11", "BKHCN", "", "2025-12-31"},
      {"PL2-12", "*22", "", "2025-10-10"},
      {"PL2-13", "*56", "", "2025-12-31"},
      {"PL2-14", "", "", "2025-12-31"},
      {"PL2-15", "*56", "", "2025-12-31"},
      {"PL2-16", "", "", "-"},
      {"PL2-17", "*56", "", "2025-12-31"},
      {"PL2-18", "*56", "", "2025-12-31"},
      {"PL2-19", "*56", "", "2025-12-31"},
      {"PL2-20", "*56", "", "2025-12-31"},
      {"PL2-21", "*56", "", "2025-12-31"},
      {"PL2-22", "", "", "2025-12-31"},
      {"PL2-23", "", "", "2025-12-31"},
      {"PL2-24", "*22", "", "2025-12-31"},
      {"PL2-25", "BCA", "BKHCN,VPCP;VNPT,MOBIFONE", "2026-01-01"},
      {"PL2-26", "BCA", "*56", "2025-11-09"},
      {"PL2-27", "", "", "2025-12-30"},
      {"PL2-28", "BCA", "", "2025-11-30"},
      {"PL2-29", "BCA", "", "2025-11-30"},
      {"PL2-30", "DHBKHN,DHDN,DHQGHCM,DHQGHN", "", "2025-11-30"},
      {"PL2-31", "BGDDT", "", "2025-11-30"},
      {"PL2-32", "BGDDT", "", "2025-11-30"},
      {"PL2-33", "BGDDT", "", "2025-11-30"},
      {"PL2-34", "BKHCN", "", "2025-12-31"},
      {"PL2-35", "BTC", "", "2025-12-31"},
      {"PL2-36", "DNG,HCM,HNI", "", "2025-12-31"},
      {"PL2-37", "BKHCN", "BTC", "2025-12-31"},
      {"PL2-38", "BKHCN", "*56", "2025-12-31"},
      {"PL2-39", "BGDDT", "", "2025-10-30"},
      {"PL2-40", "BKHCN", "", "2025-11-30"},
      {"PL2-41", "BKHCN", "", "2025-12-31"},
      {"PL2-42", "BKHCN", "", "2025-12-31"},
      {"PL2-43", "BKHCN", "", "2025-11-30"},
      {"PL2-44", "HNI", "", "2025-12-31"},
      {"PL2-45", "HNI", "", "2025-12-31"},
      {"PL2-46", "DNG", "", "2025-12-31"},
      {"PL2-47", "DNG", "", "2025-12-31"},
      {"PL2-48", "HCM", "", "2025-12-31"},
      {"PL2-49", "BTC", "BKHCN", "2025-09-30"},
      {"PL2-50", "BXD", "", "2025-11-14"},
      {"PL2-51", "BXD", "", "2025-12-31"},
      {"PL2-52", "HNI", "", "2025-12-31"},
      {"PL2-53", "HCM", "", "2025-12-31"},
      {"PL2-54", "BKHCN", "BXD", "2025-12-31"},
      {"PL2-55", "BKHCN", "", "2025-10-29"},
      {"PL2-56", "BKHCN", "", "2025-10-31"},
      {"PL2-57", "BKHCN", "", "2025-10-31"},
      {"PL2-58", "BKHCN", "", "2025-10-31"},
      {"PL2-59", "BKHCN", "", "2025-12-31"},
      {"PL2-60", "BKHCN", "", "2025-12-31"},
      {"PL2-61", "BKHCN", "", "2025-12-31"},
      {"PL2-62", "BKHCN", "", "2025-12-31"},
      {"PL2-63", "BGDDT", "", "2025-11-30"},
      {"PL2-64", "BGDDT", "", "2025-11-30"},
      {"PL2-65", "BCA", "*56", "2025-12-19"},
      {"PL2-66", "VPCP", "*56", "2025-12-19"},
      {"PL2-67", "BYT", "", "2025-12-19"},
      {"PL2-68", "BGDDT", "", "2025-12-19"},
      {"PL2-69", "BXD", "", "2025-12-19"},
      {"PL2-70", "BNNMT", "", "2025-12-19"},
      {"PL2-71", "BKHCN", "", "-"},
      {"PL2-72", "", "", "2025-12-31"},
      {"PL2-73", "BGDDT", "", "2025-12-31"},
      {"PL2-74", "BCT,BKHCN,BTC", "", "2025-12-31"},
      {"PL2-75", "BGDDT", "BKHCN,BNG,BNV", "2025-10-31"},
      {"PL2-76", "BGDDT", "", "2025-10-31"},
      {"PL2-77", "BGDDT", "", "2025-12-31"},
      {"PL2-78", "BTC", "BKHCN", "2025-12-31"},
      {"PL2-79", "BKHCN", "*22", "2025-12-31"},
      {"PL2-80", "BKHCN", "BTC", "2025-12-31"},
      {"PL2-81", "BKHCN", "BCA,BTC", "2025-11-30"},
      {"PL2-82", "BKHCN,BTC", "", "2025-12-31"},
      {"PL2-83", "BKHCN,BTC", "", "2025-12-31"},
      {"PL2-84", "BKHCN", "", "2025-12-31"},
      {"PL2-85", "BCT,BKHCN,BTC", "", "2025-12-31"},
};

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::size_t b = 0;;) {
    const std::size_t e = s.find(sep, b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) return out;
    b = e + 1;
  }
}

std::set<std::string> Expand(std::string_view spec, const std::set<std::string>& lead) {
  std::set<std::string> out;
  const mandate::AgencyRegistry& reg = mandate::AgencyRegistry::Bundled();
  if (spec == "*56" || spec == "*22") {
    for (std::size_t i = 0; i < reg.size(); ++i) {
      const auto k = reg.agency(i).kind;
      if (k == mandate::AgencyKind::kMinistry || k == mandate::AgencyKind::kMinistryLevel ||
          k == mandate::AgencyKind::kGovernmentAgency ||
          (spec == "*56" && k == mandate::AgencyKind::kProvince)) {
        if (!lead.contains(reg.agency(i).id)) out.insert(reg.agency(i).id);
      }
    }
    EXPECT_EQ(out.size() + lead.size(), spec == "*56" ? 56u : 22u);
    return out;
  }
  for (const std::string& id : Split(spec, ','))
    if (!id.empty()) out.insert(id);
  return out;
}

std::set<std::string> Set(const nlohmann::json& v) {
  std::set<std::string> out;
  if (v.is_array())
    for (const auto& x : v) out.insert(x.get<std::string>());
  return out;
}

TEST(ImportSeed, EveryAppendixBulletHasItsHandCheckedLeadCoordinatorsAndDue) {
  const std::string src = MANDATE_SOURCE_DIR;
  const auto doc = nlohmann::json::parse(ReadText(src + "/examples/data/plan-2025.json"));
  std::map<std::string, nlohmann::json> tasks;
  for (const auto& t : doc.at("dataset").at("tasks")) tasks[t.at("id").get<std::string>()] = t;
  ASSERT_EQ(std::size(kBullets), 85u);
  for (const Bullet& b : kBullets) {
    SCOPED_TRACE(b.id);
    ASSERT_TRUE(tasks.contains(b.id));
    const nlohmann::json& t = tasks[b.id];
    const std::set<std::string> lead = Expand(b.lead, {});
    EXPECT_EQ(Set(t.value("lead", nlohmann::json())), lead);
    const std::vector<std::string> roles = Split(b.coordinators, ';');
    EXPECT_EQ(Set(t.value("coordinators", nlohmann::json())), Expand(roles[0], lead));
    EXPECT_EQ(Set(t.value("partners", nlohmann::json())),
              Expand(roles.size() > 1 ? roles[1] : "", {}));
    const nlohmann::json& d = t.at("deadline");
    EXPECT_EQ(d.value("due", std::string("-")), std::string(b.due));
  }
}

// Issue 17: no plan task lists its lead among its coordinators.
TEST(ImportSeed, NoLeadIsItsOwnCoordinator) {
  const std::string src = MANDATE_SOURCE_DIR;
  const auto doc = nlohmann::json::parse(ReadText(src + "/examples/data/plan-2025.json"));
  for (const auto& t : doc.at("dataset").at("tasks")) {
    const std::set<std::string> lead = Set(t.value("lead", nlohmann::json()));
    for (const std::string& c : Set(t.value("coordinators", nlohmann::json())))
      EXPECT_FALSE(lead.contains(c)) << t.at("id") << " " << c;
  }
}

}  // namespace
