// The benchmark workload (bench/generate.h) is deterministic and shaped as bench/README.md
// promises, its CSV loads without a problem, and the SQL rule the comparison engines run over
// the pre-resolved columns gives exactly mandate's counts.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "generate.h"
#include "mandate/aggregate.h"
#include "mandate/classification.h"
#include "mandate/dataset_csv.h"

namespace mandate::bench {
namespace {

constexpr std::size_t kN = 10000;

std::vector<GenTask> Generate(std::size_t n, std::uint64_t seed = 57) {
  Generator gen({.n = n, .seed = seed});
  std::vector<GenTask> out;
  GenTask t;
  while (gen.Next(t)) out.push_back(t);
  return out;
}

const std::vector<GenTask>& Tasks() {
  static const auto* v = new std::vector<GenTask>(Generate(kN));
  return *v;
}

TEST(BenchGenerator, DeterministicForASeed) {
  const auto a = Generate(2000, 7), b = Generate(2000, 7), c = Generate(2000, 8);
  ASSERT_EQ(a.size(), 2000u);
  std::ostringstream sa, sb, sc;
  for (const auto& t : a) WriteCsvRow(sa, t);
  for (const auto& t : b) WriteCsvRow(sb, t);
  for (const auto& t : c) WriteCsvRow(sc, t);
  EXPECT_EQ(sa.str(), sb.str());
  EXPECT_NE(sa.str(), sc.str());
}

TEST(BenchGenerator, ShapedLikeTheRealData) {
  const auto& tasks = Tasks();
  ASSERT_EQ(tasks.size(), kN);
  std::size_t multi = 0, completed = 0, late = 0, changed = 0, recurring = 0;
  std::map<AgencyIndex, std::size_t> per_agency;
  std::set<int> categories, sources;
  std::map<DeadlineKind, std::size_t> kinds;
  std::set<std::string> ids;
  for (const auto& t : tasks) {
    EXPECT_TRUE(ids.insert(t.id).second) << t.id;
    multi += t.leads.size() > 1;
    EXPECT_LE(t.leads.size(), 4u);
    EXPECT_EQ(std::set<AgencyIndex>(t.leads.begin(), t.leads.end()).size(), t.leads.size());
    for (AgencyIndex a : t.leads) ++per_agency[a];
    categories.insert(t.category);
    sources.insert(t.source);
    ++kinds[t.deadline.kind];
    EXPECT_GE(t.assigned, kDefaultAsOf - date::days{729});
    EXPECT_LE(t.assigned, kDefaultAsOf);
    if (t.completed) {
      ++completed;
      EXPECT_GE(*t.completed, t.assigned) << t.id;
      EXPECT_LE(*t.completed, kDefaultAsOf) << t.id;
      late += t.rule == 'F' && t.due && *t.completed > *t.due;
    }
    changed += t.change_day.has_value();
    recurring += t.rule == 'R';
    if (t.change_day) {
      EXPECT_GE(*t.change_day, t.assigned);
      EXPECT_LE(*t.change_day, kDefaultAsOf);
    }
  }
  const auto share = [&](std::size_t k) { return double(k) / double(kN); };
  EXPECT_NEAR(share(multi), 0.10, 0.015);
  EXPECT_NEAR(share(completed), 0.45, 0.02);
  EXPECT_GT(share(late), 0.05);  // some completed late
  EXPECT_LT(share(late), 0.20);
  EXPECT_GT(changed, 30u);  // ~1%
  EXPECT_LT(changed, 200u);
  EXPECT_NEAR(share(recurring), 0.05, 0.015);
  // ~60 agencies, skewed: all within the first 60 of the registry, the top five lead about
  // half of the tasks.
  EXPECT_GE(per_agency.size(), 55u);
  EXPECT_LE(per_agency.size(), 60u);
  EXPECT_LT(per_agency.rbegin()->first, 60);
  std::vector<std::size_t> counts;
  for (const auto& [a, k] : per_agency) counts.push_back(k);
  std::sort(counts.rbegin(), counts.rend());
  const std::size_t top5 = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
  EXPECT_GT(share(top5), 0.40);
  EXPECT_GT(counts[0], 10 * counts.back());
  EXPECT_EQ(categories.size(), 12u);
  EXPECT_EQ(sources.size(), 40u);
  for (DeadlineKind k :
       {DeadlineKind::kMonth, DeadlineKind::kDate, DeadlineKind::kBefore, DeadlineKind::kQuarter,
        DeadlineKind::kYear, DeadlineKind::kOngoing, DeadlineKind::kRecurring}) {
    EXPECT_GT(kinds[k], kN / 50) << EnumName(k);
  }
  EXPECT_EQ(kinds.size(), 7u);
}

TEST(BenchGenerator, EveryDeadlinePhraseParsesWithoutTheCache) {
  for (const auto& t : Tasks()) {
    DeadlineContext ctx;
    ctx.plan_year = static_cast<int>(date::year_month_day{t.assigned}.year());
    for (const std::string* text : {&t.deadline_text, &t.new_deadline_text}) {
      if (text->empty()) continue;
      auto d = ParseDeadline(*text, ctx);
      ASSERT_TRUE(d.ok()) << *text << ": " << d.status().message();
      EXPECT_EQ(d->kind, (text == &t.deadline_text ? t.deadline : t.new_deadline).kind) << *text;
      EXPECT_EQ(d->due, (text == &t.deadline_text ? t.deadline : t.new_deadline).due) << *text;
    }
    if (t.rule == 'F' && t.deadline.kind != DeadlineKind::kOngoing) {
      ASSERT_TRUE(t.due.has_value()) << t.deadline_text;
      EXPECT_GE(*t.due, t.assigned + date::days{29}) << t.deadline_text;
    }
  }
}

// The SQL engines' CASE (bench/README.md), over the pre-resolved columns.
std::string SqlStatus(const GenTask& t, Day d) {
  if (t.completed && *t.completed <= d) {
    return t.rule == 'R' || !t.due || *t.completed <= *t.due ? "completed_on_time"
                                                             : "completed_late";
  }
  // R: no report recorded, so none is missed and the next occurrence on or after d decides. The
  // SQL column holds it for the generator's as-of day; another day computes it here.
  std::optional<Day> due = t.due;
  if (t.rule == 'R' && d != kDefaultAsOf) {
    const Day from = std::max(t.assigned, d);
    const auto next = Occurrences(*t.deadline.recurrence, from, from + date::days{400});
    due = next.empty() ? std::nullopt : std::optional<Day>(next.front());
  }
  if (!due) return "in_progress";
  if (*due < d) return "overdue";
  if (*due <= d + date::days{7}) return "due_soon";
  return "in_progress";
}

std::map<std::string, std::uint64_t> Counts(const AggregateResult& r) {
  std::map<std::string, std::uint64_t> out;
  for (const auto& g : r.groups) {
    out[r.plan->Label(0, g.code[0]).value_or("") + "|" +
        r.plan->Label(1, g.code[1]).value_or("")] += g.counts.total();
  }
  for (int s = 0; s < kTaskStatusCount; ++s) {
    if (r.totals.n[s]) out["*|" + std::string(EnumName(TaskStatus(s)))] = r.totals.n[s];
  }
  return out;
}

std::map<std::string, std::uint64_t> SqlCounts(const std::vector<GenTask>& tasks, Day d,
                                               std::optional<Day> from, std::optional<Day> to) {
  const auto& reg = AgencyRegistry::Bundled();
  std::map<std::string, std::uint64_t> out;
  for (const auto& t : tasks) {
    if (t.assigned > d || (from && t.assigned < *from) || (to && t.assigned > *to)) continue;
    const std::string s = SqlStatus(t, d);
    for (AgencyIndex a : t.leads) ++out[reg.agency(a).id + "|" + s];
    ++out["*|" + s];
  }
  return out;
}

TEST(BenchGenerator, CsvLoadsCleanlyAndEveryEngineCountsTheSame) {
  std::ostringstream csv;
  WriteCsvHeader(csv);
  for (const auto& t : Tasks()) WriteCsvRow(csv, t);
  std::vector<LoadProblem> problems;
  auto loaded = ReadDatasetCsv(csv.str(), {}, &problems);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(problems.empty()) << FormatLoadProblem(problems.front());
  ASSERT_EQ(loaded->task_count(), kN);
  auto direct = GenerateDataset({.n = kN});
  ASSERT_TRUE(direct.ok()) << direct.status().message();
  ASSERT_EQ(direct->task_count(), kN);

  const auto& reg = AgencyRegistry::Bundled();
  const auto& c = loaded->columns();
  for (TaskIndex i = 0; i < kN; ++i) {
    const GenTask& t = Tasks()[i];
    ASSERT_EQ(loaded->task_id(i), t.id);
    std::set<std::string> want, got;
    for (AgencyIndex a : t.leads) want.insert(reg.agency(a).id);
    for (mandate::AgencyIndex lead : c.leads(i)) got.insert(reg.agency(lead).id);
    EXPECT_EQ(got, want) << t.lead_text;
    if (t.rule == 'F') {
      EXPECT_EQ(c.due[i], t.due ? ToEpochDays(*t.due) : kNoDay) << t.id;
    }
    EXPECT_EQ(c.completed[i], t.completed ? ToEpochDays(*t.completed) : kNoDay) << t.id;
  }

  for (Day d : {kDefaultAsOf, Day{date::year{2025} / 3 / 31}}) {
    for (bool window : {false, true}) {
      AggregateQuery q{.as_of = d, .by = {Dimension::kLead, Dimension::kStatus}};
      std::optional<Day> from, to;
      if (window) {
        from = Day{date::year{2025} / 1 / 1};
        to = Day{date::year{2025} / 6 / 30};
        q.assigned = {from, to};
      }
      auto a = Aggregate(*loaded, q);
      ASSERT_TRUE(a.ok());
      const auto sql = SqlCounts(Tasks(), d, from, to);
      EXPECT_EQ(Counts(*a), sql) << FormatIsoDay(d) << " window " << window;
      // The dataset built directly holds the deadline changes as events: the same counts
      // once every change is in force.
      if (d == kDefaultAsOf) {
        auto b = Aggregate(*direct, q);
        ASSERT_TRUE(b.ok());
        EXPECT_EQ(Counts(*b), sql) << " window " << window;
      }
    }
  }
}

}  // namespace
}  // namespace mandate::bench
