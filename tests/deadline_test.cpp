#include "mandate/deadline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "mandate/document_ref.h"
#include "mandate/text.h"
#include "seed_data.h"

namespace mandate {
namespace {

using K = DeadlineKind;

std::vector<nlohmann::json> ReadJsonl(const std::string& name) {
  return mandate::testing::ReadSeedJsonl(name);
}

std::string Iso(const std::optional<Day>& d) { return d ? FormatIsoDay(*d) : "-"; }

DeadlineContext Year2025() {
  DeadlineContext c;
  c.plan_year = 2025;
  return c;
}

struct Expect {
  K kind;
  std::string due;  // "-" = none
  std::string first_due = "-";
  std::vector<std::pair<std::string, std::string>> milestones = {};
};

// Every distinct deadline_text of the 2025 plan, keyed by NormalizeKey (NFC and NFD alike).
const std::map<std::string, Expect>& PlanTable() {
  static const auto* t = new std::map<std::string, Expect>{
      {"hang thang", {K::kRecurring, "-"}},
      {"hang tuan", {K::kRecurring, "-"}},
      {"quy iv", {K::kQuarter, "2025-12-31"}},
      {"quy ii", {K::kQuarter, "2025-06-30"}},
      {"thuong xuyen", {K::kOngoing, "-"}},
      {"thuc hien thuong xuyen", {K::kOngoing, "-"}},
      {"thang 7 2025", {K::kMonth, "2025-07-31"}},
      {"thang 8 2025", {K::kMonth, "2025-08-31"}},
      {"thang 9 2025", {K::kMonth, "2025-09-30"}},
      {"thang 10 2025", {K::kMonth, "2025-10-31"}},
      {"thang 11 2025", {K::kMonth, "2025-11-30"}},
      {"thang 12 2025", {K::kMonth, "2025-12-31"}},
      {"7 2025", {K::kMonth, "2025-07-31"}},
      {"hang nam", {K::kRecurring, "-"}},
      {"2025", {K::kYear, "2025-12-31"}},
      {"2025 va nhung nam tiep theo", {K::kOpenEnded, "-", "2025-12-31"}},
      {"thang 12 2025 va nam 2026",
       {K::kMulti,
        "2026-12-31",
        "-",
        {{"Tháng 12/2025", "2025-12-31"}, {"năm 2026", "2026-12-31"}}}},
      {"thang 9 2025 xong thi diem phat trien 2025 va nhung nam tiep theo",
       {K::kMulti,
        "2025-09-30",
        "2025-12-31",
        {{"Tháng 9/2025 xong thí điểm", "2025-09-30"},
         {"phát triển 2025 và những năm tiếp theo", "-"}}}},
      {"30 09 2025", {K::kDate, "2025-09-30"}},
      {"15 7 2025", {K::kDate, "2025-07-15"}},
      {"31 12 2025", {K::kDate, "2025-12-31"}},
      {"hoan thanh theo lo trinh", {K::kRoadmap, "-"}},
      {"quy iii 2025", {K::kQuarter, "2025-09-30"}},
  };
  return *t;
}

void CheckPlanPhrase(const std::string& text, const Expect& e) {
  SCOPED_TRACE(text);
  auto d = ParseDeadline(text, Year2025());
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->kind, e.kind);
  EXPECT_EQ(Iso(d->due), e.due);
  EXPECT_EQ(Iso(d->first_due), e.first_due);
  EXPECT_EQ(d->text, text);
  EXPECT_FALSE(d->explanation.empty());
  if (e.kind == K::kMulti) {
    ASSERT_EQ(d->milestones.size(), e.milestones.size());
    for (std::size_t i = 0; i < e.milestones.size(); ++i) {
      EXPECT_EQ(NormalizeKey(d->milestones[i].label), NormalizeKey(e.milestones[i].first));
      EXPECT_EQ(Iso(d->milestones[i].due), e.milestones[i].second);
    }
  }
}

TEST(Deadline, EveryDistinctPlanDeadlineTextParses) {
  std::set<std::string> raw;
  for (const auto& r : ReadJsonl("plan-2025-tasks.jsonl"))
    raw.insert(r["deadline_text"].get<std::string>());
  ASSERT_EQ(raw.size(), 29u);  // 25 after NFC: NFD variants are covered too
  std::set<std::string> keys;
  for (const std::string& text : raw) {
    const std::string key = NormalizeKey(text);
    keys.insert(key);
    auto it = PlanTable().find(key);
    ASSERT_NE(it, PlanTable().end()) << "no expectation for " << text;
    CheckPlanPhrase(text, it->second);
    // Without diacritics, upper-cased, with extra spaces.
    const std::string ascii = FoldDiacritics(text);
    CheckPlanPhrase(ascii, it->second);
    std::string upper = ascii;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CheckPlanPhrase(upper, it->second);
    std::string spaced = "  ";
    for (char c : text) spaced += c == ' ' ? std::string("   ") : std::string(1, c);
    CheckPlanPhrase(spaced + " ", it->second);
  }
  EXPECT_EQ(keys.size(), 23u);  // 25 NFC values; Hàng/Hằng and Hằng/hằng share a key
}

TEST(Deadline, RecurringPlanPhrasesCarryTheirFrequency) {
  EXPECT_EQ(ParseDeadline("Hàng tháng")->recurrence, (Recurrence{Frequency::kMonthly, {}, false}));
  EXPECT_EQ(ParseDeadline("Hằng tuần")->recurrence, (Recurrence{Frequency::kWeekly, {}, false}));
  EXPECT_EQ(ParseDeadline("hằng năm")->recurrence, (Recurrence{Frequency::kYearly, {}, false}));
  EXPECT_EQ(ParseDeadline("Hằng quý")->recurrence, (Recurrence{Frequency::kQuarterly, {}, false}));
  EXPECT_EQ(ParseDeadline("định kỳ 6 tháng")->recurrence,
            (Recurrence{Frequency::kSemiannual, {}, false}));
  EXPECT_EQ(ParseDeadline("Trước ngày 25 hàng tháng")->recurrence,
            (Recurrence{Frequency::kMonthly, 25u, true}));
}

TEST(Deadline, IssueTableExamples) {
  struct Row {
    const char* text;
    K kind;
    const char* due;
    const char* anchor;
  };
  const Row rows[] = {
      {"31/12/2025", K::kDate, "2025-12-31", "-"},
      {"hạn 30/11/2025", K::kDate, "2025-11-30", "-"},
      {"15/7/2025", K::kDate, "2025-07-15", "-"},
      {"ngày 01 tháng 7 năm 2025", K::kDate, "2025-07-01", "-"},
      {"31-12-2025", K::kDate, "2025-12-31", "-"},
      {"chậm nhất ngày 15/12/2025", K::kDate, "2025-12-15", "-"},
      {"ngày 15/11", K::kDate, "2025-11-15", "-"},
      {"trước ngày 20/12/2025", K::kBefore, "2025-12-19", "2025-12-20"},
      {"hạn trước 15/11/2025", K::kBefore, "2025-11-14", "2025-11-15"},
      {"hoàn thành trước ngày 01/01/2026", K::kBefore, "2025-12-31", "2026-01-01"},
      {"Tháng 10/2025", K::kMonth, "2025-10-31", "-"},
      {"tháng 6 năm 2025", K::kMonth, "2025-06-30", "-"},
      {"hạn trong tháng 10/2025", K::kMonth, "2025-10-31", "-"},
      {"trong tháng 12/2025", K::kMonth, "2025-12-31", "-"},
      {"7/2025", K::kMonth, "2025-07-31", "-"},
      {"Quý IV", K::kQuarter, "2025-12-31", "-"},
      {"Quý III/2025", K::kQuarter, "2025-09-30", "-"},
      {"quý 1/2026", K::kQuarter, "2026-03-31", "-"},
      {"quý I năm 2026", K::kQuarter, "2026-03-31", "-"},
      {"6 tháng đầu năm 2025", K::kHalf, "2025-06-30", "-"},
      {"6 tháng cuối năm 2025", K::kHalf, "2025-12-31", "-"},
      {"2025", K::kYear, "2025-12-31", "-"},
      {"năm 2026", K::kYear, "2026-12-31", "-"},
      {"trong năm 2025", K::kYear, "2025-12-31", "-"},
      {"hạn trong năm 2025", K::kYear, "2025-12-31", "-"},
      {"hoàn thành 2025", K::kYear, "2025-12-31", "-"},
      {"cuối năm 2025", K::kYear, "2025-12-31", "-"},
      {"Hằng tháng", K::kRecurring, "-", "-"},
      {"Thường xuyên", K::kOngoing, "-", "-"},
      {"Thực hiện thường xuyên", K::kOngoing, "-", "-"},
      {"Hoàn thành theo lộ trình", K::kRoadmap, "-", "-"},
      {"Theo lộ trình", K::kRoadmap, "-", "-"},
      {"2025 và những năm tiếp theo", K::kOpenEnded, "-", "-"},
      {"trước ngày 20/11/2025 và hàng tháng", K::kMulti, "2025-11-19", "-"},
      {"trong vòng 30 ngày kể từ ngày giao", K::kRelative, "-", "-"},
      {"05 ngày làm việc", K::kRelative, "-", "-"},
      {"15 ngày làm việc kể từ ngày nhận", K::kRelative, "-", "-"},
  };
  for (const Row& r : rows) {
    for (const std::string& text : {std::string(r.text), FoldDiacritics(r.text)}) {
      SCOPED_TRACE(text);
      auto d = ParseDeadline(text, Year2025());
      ASSERT_TRUE(d.ok()) << d.status();
      EXPECT_EQ(d->kind, r.kind);
      EXPECT_EQ(Iso(d->due), r.due);
      EXPECT_EQ(Iso(d->anchor), r.anchor);
    }
  }
}

TEST(Deadline, NfdInputParsesLikeNfc) {
  // "Trước ngày 20/12/2025" and "Quý IV" with decomposed tone marks.
  const std::string nfd = "Tr\x75\xcc\x9b\x6f\xcc\x9b\xcc\x81\x63 nga\xcc\x80y 20/12/2025";
  auto d = ParseDeadline(nfd);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->kind, K::kBefore);
  EXPECT_EQ(Iso(d->due), "2025-12-19");
  auto q = ParseDeadline("Qu\x79\xcc\x81 IV", Year2025());
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(Iso(q->due), "2025-12-31");
}

TEST(Deadline, MultiKeepsMilestonesAndRecurrence) {
  auto d = ParseDeadline("trước ngày 20/11/2025 và hàng tháng");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->milestones.size(), 2u);
  EXPECT_EQ(d->milestones[0].label, "trước ngày 20/11/2025");
  EXPECT_EQ(d->milestones[0].kind, K::kBefore);
  EXPECT_EQ(d->milestones[1].label, "hàng tháng");
  EXPECT_FALSE(d->milestones[1].due.has_value());
  EXPECT_EQ(d->recurrence, (Recurrence{Frequency::kMonthly, {}, false}));
}

TEST(Deadline, InclusiveBeforeOption) {
  DeadlineContext ctx;
  ctx.inclusive_before = true;
  auto d = ParseDeadline("trước ngày 20/12/2025", ctx);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Iso(d->due), "2025-12-20");
  EXPECT_EQ(Iso(d->anchor), "2025-12-20");
}

TEST(Deadline, RelativeUsesAssignmentDate) {
  DeadlineContext ctx;
  ctx.assigned = *ParseIsoDay("2025-06-02");  // a Monday, no holiday in the next weeks
  auto cal = ParseDeadline("trong vòng 30 ngày kể từ ngày giao", ctx);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(Iso(cal->due), "2025-07-02");
  EXPECT_EQ(cal->relative_days, 30);
  EXPECT_FALSE(cal->relative_working_days);
  auto work = ParseDeadline("05 ngày làm việc", ctx);
  ASSERT_TRUE(work.ok());
  EXPECT_EQ(Iso(work->due), "2025-06-09");
  EXPECT_TRUE(work->relative_working_days);
  // Across 30/4-1/5 2025: the days off are skipped.
  ctx.assigned = *ParseIsoDay("2025-04-28");
  auto holiday = ParseDeadline("3 ngày làm việc", ctx);
  ASSERT_TRUE(holiday.ok());
  EXPECT_GT(*holiday->due, *ParseIsoDay("2025-05-01"));
  // Without the assignment date: relative, no due, no error.
  auto none = ParseDeadline("15 ngày làm việc kể từ ngày nhận");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->kind, K::kRelative);
  EXPECT_FALSE(none->due.has_value());
  EXPECT_EQ(none->relative_days, 15);
}

TEST(Deadline, ErrorsNameTheUnreadablePart) {
  struct Row {
    const char* text;
    const char* part;
  };
  const Row rows[] = {
      {"31/02/2025", "day 31 does not exist in 02/2025"},
      {"Tháng 13/2025", "month 13 does not exist"},
      {"hạn 30/02/2026", "\"30/02/2026\""},
      {"quý 5/2025", "quarter 5"},
      {"năm 3025", "3025"},
      {"", "empty"},
      {"   ", "empty"},
      {"blah blah", "\"blah blah\""},
      {"Tháng 12/2025 hmm", "\"hmm\""},
      {"xong; 2025", "\"xong\""},
      {"Quý IV", "plan year"},
      {"ngày 15/11", "plan year"},
      {"a\xff", "UTF-8"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    auto d = ParseDeadline(r.text);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(d.status().message().find(r.part), std::string_view::npos) << d.status();
  }
}

TEST(Deadline, ExplanationSaysWhichWordsMatchedWhichRule) {
  auto d = ParseDeadline("hạn trong tháng 10/2025");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->explanation.size(), 2u);
  EXPECT_NE(d->explanation[0].find("\"hạn trong\""), std::string::npos);
  EXPECT_NE(d->explanation[1].find("\"tháng 10/2025\" -> month rule"), std::string::npos);
}

TEST(Deadline, KindAndFrequencyNamesRoundTrip) {
  for (int k = 0; k <= 14; ++k) {
    const auto kind = static_cast<K>(k);
    EXPECT_EQ(EnumFromName<DeadlineKind>(EnumName(kind)), kind);
  }
  EXPECT_EQ(EnumName(K::kOpenEnded), "open_ended");
  EXPECT_EQ(EnumName(K::kPeriod), "period");
  EXPECT_EQ(static_cast<int>(K::kPeriod), 14);  // appended: values never change
  EXPECT_FALSE(EnumFromName<DeadlineKind>("soon").has_value());
  EXPECT_EQ(EnumName(Frequency::kSemiannual), "semiannual");
}

std::vector<std::string> Isos(const std::vector<Day>& days) {
  std::vector<std::string> out;
  for (Day d : days) out.push_back(FormatIsoDay(d));
  return out;
}

TEST(Deadline, OccurrencesEnumerateDueDays) {
  const Day from = *ParseIsoDay("2025-01-01"), to = *ParseIsoDay("2025-12-31");
  const auto monthly = Occurrences({Frequency::kMonthly, {}, false}, from, to);
  ASSERT_EQ(monthly.size(), 12u);
  EXPECT_EQ(FormatIsoDay(monthly[1]), "2025-02-28");
  EXPECT_EQ(FormatIsoDay(monthly[11]), "2025-12-31");
  EXPECT_EQ(Isos(Occurrences({Frequency::kQuarterly, {}, false}, from, to)),
            (std::vector<std::string>{"2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"}));
  EXPECT_EQ(Isos(Occurrences({Frequency::kSemiannual, {}, false}, from, to)),
            (std::vector<std::string>{"2025-06-30", "2025-12-31"}));
  EXPECT_EQ(Isos(Occurrences({Frequency::kYearly, {}, false}, from, *ParseIsoDay("2026-12-31"))),
            (std::vector<std::string>{"2025-12-31", "2026-12-31"}));
  // Weekly: the Sunday of each ISO week.
  EXPECT_EQ(Isos(Occurrences({Frequency::kWeekly, {}, false}, *ParseIsoDay("2025-09-01"),
                             *ParseIsoDay("2025-09-21"))),
            (std::vector<std::string>{"2025-09-07", "2025-09-14", "2025-09-21"}));
  // "Trước ngày 25 hàng tháng": the 24th, or the 25th when inclusive.
  const Recurrence before25{Frequency::kMonthly, 25u, true};
  const auto strict = Occurrences(before25, from, *ParseIsoDay("2025-03-31"));
  EXPECT_EQ(Isos(strict), (std::vector<std::string>{"2025-01-24", "2025-02-24", "2025-03-24"}));
  EXPECT_EQ(Isos(Occurrences(before25, from, *ParseIsoDay("2025-02-28"), true)),
            (std::vector<std::string>{"2025-01-25", "2025-02-25"}));
  EXPECT_TRUE(Occurrences(before25, to, from).empty());
}

// Issue 17: whole cells of the new wording classes, as ParseDeadline reads them.
TEST(Deadline, YearSpansAreAPeriodFromTheFirstDayToTheLastDay) {
  for (const char* cell : {"2026-2030", "Giai đoạn 2026 - 2030", "giai đoạn 2026\u20142030",
                           "từ năm 2026 đến năm 2030"}) {
    auto d = ParseDeadline(cell, Year2025());
    ASSERT_TRUE(d.ok()) << cell << ": " << d.status();
    EXPECT_EQ(d->kind, K::kPeriod) << cell;
    EXPECT_EQ(Iso(d->start), "2026-01-01") << cell;
    EXPECT_EQ(Iso(d->due), "2030-12-31") << cell;
  }
  // A single year stays a year; "2025-12" is no span.
  EXPECT_EQ(ParseDeadline("2025", Year2025())->kind, K::kYear);
  EXPECT_FALSE(ParseDeadline("2030 - 2026", Year2025()).ok());
}

TEST(Deadline, ReviewMilestonesAndEndOfPeriod) {
  auto m = ParseDeadline("sơ kết vào năm 2028 và tổng kết vào năm 2030", Year2025());
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->kind, K::kMulti);
  ASSERT_EQ(m->milestones.size(), 2u);
  EXPECT_EQ(m->milestones[0].label, "sơ kết vào năm 2028");
  EXPECT_EQ(Iso(m->milestones[0].due), "2028-12-31");
  EXPECT_EQ(m->milestones[1].label, "tổng kết vào năm 2030");
  EXPECT_EQ(Iso(m->due), "2030-12-31");
  EXPECT_EQ(Iso(ParseDeadline("đến hết năm 2025", Year2025())->due), "2025-12-31");
  EXPECT_EQ(Iso(ParseDeadline("đến hết tháng 10/2025", Year2025())->due), "2025-10-31");
}

TEST(Deadline, YearlyDutiesWithAStatedDay) {
  auto a = ParseDeadline("trước ngày 01 tháng 10 hằng năm", Year2025());
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->kind, K::kRecurring);
  Recurrence want{Frequency::kYearly, 1u, true};
  want.month_of_period = 10;
  EXPECT_EQ(a->recurrence, want);
  auto b = ParseDeadline("định kỳ hằng năm (trước ngày 20/11)", Year2025());
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->kind, K::kRecurring);  // was a one-off date
  EXPECT_EQ(b->recurrence->month_of_period, 11u);
  EXPECT_EQ(b->recurrence->day_of_period, 20u);
  // Each year's due: the day before 1 October; inclusive, 1 October.
  const Day from = *ParseIsoDay("2025-01-01"), to = *ParseIsoDay("2026-12-31");
  EXPECT_EQ(Isos(Occurrences(want, from, to)),
            (std::vector<std::string>{"2025-09-30", "2026-09-30"}));
  EXPECT_EQ(Isos(Occurrences(want, from, to, true)),
            (std::vector<std::string>{"2025-10-01", "2026-10-01"}));
  // "hằng quý, trước ngày 15 của tháng cuối quý": the 14th of March, June, …
  auto q = ParseDeadline("hằng quý, trước ngày 15 của tháng cuối quý", Year2025());
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(Isos(Occurrences(*q->recurrence, from, *ParseIsoDay("2025-06-30"))),
            (std::vector<std::string>{"2025-03-14", "2025-06-14"}));
  const auto [start, end] = OccurrencePeriod(*q->recurrence, *ParseIsoDay("2025-06-14"));
  EXPECT_EQ(FormatIsoDay(start), "2025-03-15");
  EXPECT_EQ(FormatIsoDay(end), "2025-06-14");
}

TEST(Deadline, RelativeSaysWhichAnchorItUses) {
  DeadlineContext ctx = Year2025();
  ctx.assigned = *ParseIsoDay("2025-10-01");
  auto assigned = ParseDeadline("Không quá 20 ngày làm việc", ctx);
  ASSERT_TRUE(assigned.ok()) << assigned.status();
  EXPECT_TRUE(assigned->relative_from.empty());
  EXPECT_EQ(Iso(assigned->due), "2025-10-29");
  EXPECT_NE(assigned->explanation.back().find("anchor: the assigned day"), std::string::npos);
  auto event = ParseDeadline("tối đa là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", ctx);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->relative_from, "ngày nhận đủ hồ sơ hợp lệ");
  EXPECT_EQ(Iso(event->due), "-");
  EXPECT_NE(event->explanation.back().find("anchor: that event"), std::string::npos);
}

TEST(Deadline, OccurrencePeriodRunsFromThePreviousDue) {
  const auto [s1, e1] =
      OccurrencePeriod({Frequency::kMonthly, {}, false}, *ParseIsoDay("2025-02-28"));
  EXPECT_EQ(FormatIsoDay(s1), "2025-02-01");
  EXPECT_EQ(FormatIsoDay(e1), "2025-02-28");
  const auto [s2, e2] =
      OccurrencePeriod({Frequency::kMonthly, 25u, true}, *ParseIsoDay("2025-03-24"));
  EXPECT_EQ(FormatIsoDay(s2), "2025-02-25");
  EXPECT_EQ(FormatIsoDay(e2), "2025-03-24");
  const auto [s3, e3] =
      OccurrencePeriod({Frequency::kWeekly, {}, false}, *ParseIsoDay("2025-09-14"));
  EXPECT_EQ(FormatIsoDay(s3), "2025-09-08");
  EXPECT_EQ(FormatIsoDay(e3), "2025-09-14");
}

// ---- extraction ----

struct Extracted {
  K kind;
  std::string due;
  std::string span;  // the text the span covers
};

void CheckExtraction(const std::string& id, const std::string& text, const Extracted& e) {
  SCOPED_TRACE(id + ": " + text);
  const ExtractedDeadline x = ExtractDeadline(text, Year2025());
  EXPECT_TRUE(x.status.ok()) << x.status;
  EXPECT_EQ(x.deadline.kind, e.kind);
  EXPECT_EQ(Iso(x.deadline.due), e.due);
  if (e.kind == K::kNone) return;
  ASSERT_LE(x.begin, x.end);
  ASSERT_LE(x.end, text.size());
  // Spans are bytes of the input (NFD bullets stay NFD); compare them folded.
  EXPECT_EQ(FoldDiacritics(text.substr(x.begin, x.end - x.begin)), FoldDiacritics(e.span));
  EXPECT_EQ(x.deadline.text, text.substr(x.begin, x.end - x.begin));
  // A cited document's date is never the deadline.
  for (const DocumentRef& r : FindDocumentRefs(text)) {
    EXPECT_TRUE(x.end <= r.begin || x.begin >= r.end) << "span overlaps " << r.raw;
  }
}

TEST(DeadlineExtract, EveryAppendixBullet) {
  const std::map<std::string, Extracted> table = {
      {"PL2-1", {K::kMonth, "2025-10-31", "hạn trong tháng 10/2025"}},
      {"PL2-2", {K::kMonth, "2025-10-31", "hạn tháng 10/2025"}},
      {"PL2-4", {K::kDate, "2025-12-31", "hạn 31/12/2025"}},
      {"PL2-5", {K::kMonth, "2025-12-31", "trong tháng 12/2025"}},
      {"PL2-6", {K::kDate, "2025-12-31", "31/12/2025"}},
      {"PL2-7", {K::kMonth, "2025-12-31", "trong tháng 12/2025"}},
      {"PL2-8", {K::kDate, "2025-11-30", "hạn 30/11/2025"}},
      {"PL2-9", {K::kDate, "2025-12-31", "hạn 31/12/2025"}},
      {"PL2-10", {K::kMonth, "2025-11-30", "hoàn tháng 11/2025"}},
      {"PL2-12", {K::kDate, "2025-10-10", "hạn 10/10/2025"}},
      {"PL2-13", {K::kDate, "2025-12-31", "31/12/2025"}},
      {"PL2-14", {K::kDate, "2025-12-31", "31/12/2025"}},
      {"PL2-16", {K::kRoadmap, "-", "theo lộ trình"}},
      {"PL2-24", {K::kBefore, "2025-12-31", "hoàn thành trước ngày 01/01/2026"}},
      {"PL2-25", {K::kDate, "2026-01-01", "01/01/2026"}},
      {"PL2-26", {K::kBefore, "2025-11-09", "trước ngày 10/11/2025"}},
      {"PL2-27",
       {K::kMulti, "2025-12-30",
        "hoàn thành trước ngày 31/12/2025; thực hiện báo cáo tiến độ hằng tuần"}},
      {"PL2-28", {K::kDate, "2025-11-30", "hạn 30/11/2025"}},
      {"PL2-29", {K::kMonth, "2025-11-30", "trong tháng 11/2025"}},
      {"PL2-44", {K::kYear, "2025-12-31", "hạn trong năm 2025"}},
      {"PL2-45", {K::kYear, "2025-12-31", "hạn trong năm 2025"}},
      {"PL2-46", {K::kYear, "2025-12-31", "hạn trong năm 2025"}},
      {"PL2-47", {K::kYear, "2025-12-31", "hạn trong năm 2025"}},
      {"PL2-48", {K::kYear, "2025-12-31", "năm 2025"}},
      {"PL2-49", {K::kMonth, "2025-09-30", "Hoàn thành trong tháng 9/2025"}},
      {"PL2-50", {K::kBefore, "2025-11-14", "hạn trước 15/11/2025"}},
      {"PL2-52", {K::kYear, "2025-12-31", "hoàn thành 2025"}},
      {"PL2-37", {K::kDate, "2025-12-31", "hạn 31/12/2025"}},
      {"PL2-38", {K::kDate, "2025-12-31", "hạn 31/12/2025"}},
      {"PL2-39", {K::kDate, "2025-10-30", "hạn 30/10/2025"}},
      {"PL2-54", {K::kDate, "2025-12-31", "31/12/2025"}},
      {"PL2-55", {K::kBefore, "2025-10-29", "hoàn thành trước ngày 30/10/2025"}},
      {"PL2-56", {K::kMonth, "2025-10-31", "Hoàn thành trong tháng 10/2025"}},
      {"PL2-57", {K::kMonth, "2025-10-31", "Hoàn thành trong tháng 10/2025"}},
      {"PL2-71", {K::kRecurring, "-", "Hằng tháng"}},
      {"PL2-75", {K::kDate, "2025-10-31", "hạn 31/10/2025"}},
      {"PL2-76", {K::kDate, "2025-10-31", "hạn 31/10/2025"}},
      {"PL2-77", {K::kDate, "2025-12-31", "hạn 31/12/2025"}},
      {"PL2-81", {K::kDate, "2025-11-30", "30/11/2025"}},
      {"PL2-82", {K::kDate, "2025-12-31", "31/12/2025"}},
  };
  // Bullets whose deadline is "hạn tháng M/2025" (Thông báo 45/47 lists).
  const std::map<std::string, int> hạn_month = {
      {"PL2-30", 11}, {"PL2-31", 11}, {"PL2-32", 11}, {"PL2-33", 11}, {"PL2-34", 12},
      {"PL2-35", 12}, {"PL2-36", 12}, {"PL2-40", 11}, {"PL2-41", 12}, {"PL2-42", 12},
      {"PL2-43", 11}, {"PL2-51", 12}, {"PL2-58", 10}, {"PL2-59", 12}, {"PL2-60", 12},
      {"PL2-61", 12}, {"PL2-62", 12}, {"PL2-63", 11}, {"PL2-64", 11}};
  const std::set<std::string> report_dec = {"PL2-72", "PL2-74", "PL2-78",
                                            "PL2-79", "PL2-80", "PL2-85"};
  const std::set<std::string> before_20_12 = {"PL2-65", "PL2-66", "PL2-67",
                                              "PL2-68", "PL2-69", "PL2-70"};
  const std::set<std::string> none = {"PL2-3",  "PL2-11", "PL2-15", "PL2-17", "PL2-18",
                                      "PL2-19", "PL2-20", "PL2-21", "PL2-22", "PL2-23",
                                      "PL2-53", "PL2-73", "PL2-83", "PL2-84"};
  const std::string thang_month[] = {"", "", "", "",           "",           "",          "",
                                     "", "", "", "2025-10-31", "2025-11-30", "2025-12-31"};
  const auto items = ReadJsonl("appendix-2025-items.jsonl");
  ASSERT_EQ(items.size(), 85u);
  int checked = 0;
  for (const auto& item : items) {
    const std::string id = item["id"], text = item["text"];
    if (auto it = table.find(id); it != table.end()) {
      CheckExtraction(id, text, it->second);
    } else if (auto m = hạn_month.find(id); m != hạn_month.end()) {
      CheckExtraction(
          id, text,
          {K::kMonth, thang_month[m->second], "hạn tháng " + std::to_string(m->second) + "/2025"});
    } else if (report_dec.count(id)) {
      CheckExtraction(id, text, {K::kMonth, "2025-12-31", "trong tháng 12/2025"});
    } else if (before_20_12.count(id)) {
      CheckExtraction(id, text, {K::kBefore, "2025-12-19", "trước ngày 20/12/2025"});
      // The "hạn …" mention is the one reported, the later of the two.
      const auto x = ExtractDeadline(text, Year2025());
      EXPECT_EQ(x.begin, text.rfind("trước ngày 20/12/2025")) << id;
      EXPECT_EQ(Iso(x.deadline.anchor), "2025-12-20");
    } else {
      ASSERT_TRUE(none.count(id)) << id << " has no expectation";
      CheckExtraction(id, text, {K::kNone, "-", ""});
    }
    ++checked;
  }
  EXPECT_EQ(checked, 85);
}

TEST(DeadlineExtract, MultiInSentences) {
  const auto pl27 = ExtractDeadline(
      "bảo đảm hoàn thành trước ngày 31/12/2025; thực hiện báo cáo tiến độ hằng tuần trên Hệ thống "
      "nq57.vn");
  ASSERT_EQ(pl27.deadline.kind, K::kMulti);
  ASSERT_EQ(pl27.deadline.milestones.size(), 2u);
  EXPECT_EQ(pl27.deadline.recurrence, (Recurrence{Frequency::kWeekly, {}, false}));
  const auto x = ExtractDeadline("báo cáo Thủ tướng Chính phủ trước ngày 20/11/2025 và hàng tháng");
  EXPECT_EQ(x.deadline.kind, K::kMulti);
  EXPECT_EQ(Iso(x.deadline.due), "2025-11-19");
  EXPECT_EQ(x.deadline.text, "trước ngày 20/11/2025 và hàng tháng");
}

TEST(DeadlineExtract, DocumentDatesAndDurationsAreNeverDeadlines) {
  const char* none[] = {
      "(Thông báo số 45-TB/TGV ngày 30/09/2025)",
      "Khẩn trương ban hành văn bản theo Nghị định 82/2024/NĐ-CP ngày 10/7/2024 và việc triển "
      "khai.",
      "sửa đổi Nghị định 118 ngày 9/6/2025 về thủ tục hành chính",
      "theo Quyết định số 06/QĐ-TTg, ngày 06/01/2022 của Thủ tướng",
      "Triển khai chương trình thực tập R&D có thời gian 6-12 tháng tại các doanh nghiệp",
      "Triển khai chương trình co-op kéo dài 6 tháng",
      "có lộ trình thực hiện 3 - 5 năm",
      "Chương trình Chuyển đổi số quốc gia giai đoạn 2026 - 2030",
      "hồ sơ phát sinh từ ngày 01/7/2025 được tạo lập",
      "Đối với việc bố trí kinh phí cho năm 2026, Bộ KHCN chủ trì",
      "",
      "Thông báo 45-TB/TGV",
  };
  for (const char* s : none) {
    SCOPED_TRACE(s);
    const auto x = ExtractDeadline(s, Year2025());
    EXPECT_EQ(x.deadline.kind, K::kNone);
    EXPECT_TRUE(x.status.ok());
    EXPECT_FALSE(x.deadline.explanation.empty());
  }
  // The document's date is skipped, the deadline next to it found.
  const std::string s = "(Bộ KHCN, hạn tháng 11/2025; Thông báo 45-TB/TGV ngày 30/9/2025)";
  const auto x = ExtractDeadline(s);
  EXPECT_EQ(x.deadline.kind, K::kMonth);
  EXPECT_EQ(Iso(x.deadline.due), "2025-11-30");
  EXPECT_EQ(s.substr(x.begin, x.end - x.begin), "hạn tháng 11/2025");
}

TEST(DeadlineExtract, ImpossibleMarkedDateIsReported) {
  const auto x = ExtractDeadline("Bộ KHCN (hạn 31/02/2025; Thông báo 45-TB/TGV ngày 30/9/2025)");
  EXPECT_EQ(x.deadline.kind, K::kUnknown);
  EXPECT_FALSE(x.status.ok());
  EXPECT_NE(x.status.message().find("\"31/02/2025\": day 31 does not exist"),
            std::string_view::npos)
      << x.status;
}

// Seeds 003 (OCR without diacritics) and 004 (news article): what is readable is read.
TEST(DeadlineExtract, ProseItemsIncludingOcrNoise) {
  const std::map<std::string, Extracted> table = {
      {"TB-004-1", {K::kMonth, "2025-11-30", "trong tháng 11/2025"}},
      {"TB-004-2", {K::kBefore, "2025-12-09", "trước ngày 10/12/2025"}},
      {"TB-004-5", {K::kYear, "2025-12-31", "trong năm 2025"}},
      {"TB-004-6", {K::kYear, "2026-12-31", "trong năm 2026"}},
      {"TB-004-11", {K::kMonth, "2025-12-31", "hoàn thành trong tháng 12/2025"}},
      {"TB-004-12", {K::kMonth, "2025-11-30", "hoàn thành trong tháng 11/2025"}},
      {"TB-004-13",
       {K::kMulti, "2026-12-31", "hoàn thành trong tháng 12/2025 và thực hiện trong năm 2026"}},
      {"TB-004-14", {K::kBefore, "2025-12-09", "hoàn thành trước ngày 10/12/2025"}},
      {"TB-004-15", {K::kMonth, "2025-12-31", "trong tháng 12/2025"}},
      {"TB-004-16", {K::kMonth, "2025-12-31", "hoàn thành trong tháng 12/2025"}},
      {"TB-004-17", {K::kMulti, "2025-11-19", "trước ngày 20/11/2025 và hàng tháng"}},
      {"TB-003-10", {K::kMonth, "2025-10-31", "Hoan thanh trong thing\n10/2025"}},
      {"TB-003-11", {K::kBefore, "2025-10-19", "trwéc ngay 20/10/2025"}},
      {"TB-003-12", {K::kMonth, "2025-11-30", "Hoan thanh trong thang 11/2025"}},
      {"TB-003-18", {K::kMonth, "2025-11-30", "Hoan thanh trong thing\n11/2025"}},
      {"TB-003-19", {K::kQuarter, "2025-12-31", "hoan thanh trong quy IV/2025"}},
      {"TB-003-20", {K::kMonth, "2025-10-31", "Hoan thanh trong thang 10/2025S"}},
      {"TB-003-21", {K::kMonth, "2025-12-31", "Hoan thanh cham nhit trong thang\n12/2025"}},
      {"TB-003-22", {K::kMonth, "2025-10-31", "Hoan thanh trong thang 10/2025"}},
      {"TB-003-23", {K::kMonth, "2025-10-31", "Hoan thanh trong thing 10/2025"}},
      {"TB-003-24", {K::kMonth, "2025-10-31", "Hoan thanh trong thang 10/2025"}},
      {"TB-003-27", {K::kMonth, "2025-11-30", "hoan thanh trong\nthang 11/2025"}},
      {"TB-003-28", {K::kYear, "2025-12-31", "trong nim 2025"}},
      {"TB-003-33", {K::kBefore, "2025-10-29", "hoan thanh trwéc ngay 30/10/2025"}},
      {"TB-003-34", {K::kMonth, "2025-10-31", "Hoan thanh trong thiang\n10/2025"}},
      {"TB-003-36", {K::kMonth, "2025-10-31", "Hoan thanh trong thang 10/2025"}},
      {"TB-003-38", {K::kMonth, "2025-11-30", "hoan thanh trong thang 11/2025"}},
      {"TB-003-39", {K::kMonth, "2025-12-31", "hoan thanh trong thing 12/2025"}},
  };
  int with_deadline = 0;
  for (const auto& item : ReadJsonl("prose-items.jsonl")) {
    const std::string id = item["id"], text = item["text"];
    if (id == "TB-003-25") {
      // "bao c4o hing thang … Hoan thanh trong thang 12/2025": monthly reports, done by 12/2025.
      const auto x = ExtractDeadline(text, Year2025());
      EXPECT_EQ(x.deadline.kind, K::kMulti);
      EXPECT_EQ(Iso(x.deadline.due), "2025-12-31");
      EXPECT_EQ(x.deadline.recurrence, (Recurrence{Frequency::kMonthly, {}, false}));
      ++with_deadline;
      continue;
    }
    auto it = table.find(id);
    if (it != table.end()) ++with_deadline;
    CheckExtraction(id, text, it != table.end() ? it->second : Extracted{K::kNone, "-", ""});
  }
  EXPECT_EQ(with_deadline, 29);
}

// Notice 003's body (outside prose-items.jsonl) quoted in the data README, page break and all.
// Not read, by design: "thudng xuyén, kip thoi bao cáo" (TB-003-4) is an adverb in running
// text, not an ongoing deadline; "trudc mét" (TB-003-6) is "trước mắt", no date follows.
TEST(DeadlineExtract, Notice003BodyDeadlines) {
  const struct {
    const char* text;
    const char* due;
  } rows[] = {
      {"B\u1ed9 T\u01b0 ph\u00e1p ... Hoan thanh truéc\n\nngay 15/11/2025S.", "2025-11-14"},
      {"IV.3 trwdc ngay 18/10/2025", "2025-10-17"},
      {"Pang uy Chinh phu, trudc ngay 31/3/2026", "2026-03-30"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.text);
    const auto x = ExtractDeadline(r.text);
    EXPECT_EQ(x.deadline.kind, K::kBefore);
    EXPECT_EQ(Iso(x.deadline.due), r.due);
  }
}

}  // namespace
}  // namespace mandate

namespace mandate {
namespace {

// Never crash: truncations and byte mutations of every seed phrase and bullet, run through
// all three entry points (the sanitizer build makes this a memory-safety check too).
TEST(DeadlineRobustness, MutatedSeedTextNeverCrashes) {
  std::vector<std::string> texts;
  for (const auto& r : ReadJsonl("appendix-2025-items.jsonl")) texts.push_back(r["text"]);
  for (const auto& r : ReadJsonl("prose-items.jsonl")) texts.push_back(r["text"]);
  texts.push_back("Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo");
  texts.push_back("trước ngày 25 hàng tháng");
  unsigned seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  const char kBytes[] = "0123456789/-.;,() hanqutrgvy\xe1\xba\xc3\x80\xff";
  std::size_t parsed = 0;
  for (const std::string& t : texts) {
    for (std::size_t cut = 0; cut <= t.size(); cut += 1 + t.size() / 40) {
      std::string s = t.substr(cut);
      for (int k = 0; k < 3 && !s.empty(); ++k)
        s[next() % s.size()] = kBytes[next() % (sizeof kBytes - 1)];
      const auto x = ExtractDeadline(s, Year2025());
      EXPECT_LE(x.begin, s.size());
      EXPECT_LE(x.end, s.size());
      if (ParseDeadline(s.substr(0, 40), Year2025()).ok()) ++parsed;
      for (const auto& r : FindDocumentRefs(s)) EXPECT_LE(r.end, s.size());
    }
  }
  EXPECT_GT(parsed, 0u);
}

}  // namespace
}  // namespace mandate
