// Deadlines as Vietnamese plans write them ("Tháng 10/2025", "Quý IV", "Hằng tháng",
// "trước ngày 20/12/2025", "2025 và những năm tiếp theo"), turned into exact due days.
// A task is on time when completed on or before its due day.
#ifndef MANDATE_DEADLINE_H
#define MANDATE_DEADLINE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/enum_table.h"

namespace mandate {

class WorkingCalendar;

// Values are stable: they are stored in files and cross the C ABI.
enum class DeadlineKind : std::uint8_t {
  kUnknown = 0,
  kDate = 1,
  kBefore = 2,
  kMonth = 3,
  kQuarter = 4,
  kHalf = 5,
  kYear = 6,
  kRecurring = 7,
  kOngoing = 8,
  kRoadmap = 9,
  kOpenEnded = 10,
  kMulti = 11,
  kRelative = 12,
  kNone = 13,    // extraction found no deadline in the sentence
  kPeriod = 14,  // years "2026 - 2030": start 1/1 of the first year, due 31/12 of the last
};
template <>
struct EnumTable<DeadlineKind> {
  static constexpr EnumEntry<DeadlineKind> kEntries[] = {
      {DeadlineKind::kUnknown, "unknown"},
      {DeadlineKind::kDate, "date"},
      {DeadlineKind::kBefore, "before"},
      {DeadlineKind::kMonth, "month"},
      {DeadlineKind::kQuarter, "quarter"},
      {DeadlineKind::kHalf, "half"},
      {DeadlineKind::kYear, "year"},
      {DeadlineKind::kRecurring, "recurring"},
      {DeadlineKind::kOngoing, "ongoing"},
      {DeadlineKind::kRoadmap, "roadmap"},
      {DeadlineKind::kOpenEnded, "open_ended"},
      {DeadlineKind::kMulti, "multi"},
      {DeadlineKind::kRelative, "relative"},
      {DeadlineKind::kNone, "none"},
      {DeadlineKind::kPeriod, "period"},
  };
};
static_assert(EnumTableIsDense<DeadlineKind>());

enum class Frequency : std::uint8_t {
  kWeekly = 0,
  kMonthly = 1,
  kQuarterly = 2,
  kSemiannual = 3,
  kYearly = 4
};
// Names as in files; the labels are the words plans write ("hằng tháng").
template <>
struct EnumTable<Frequency> {
  static constexpr EnumEntry<Frequency> kEntries[] = {
      {Frequency::kWeekly, "weekly", "hằng tuần", "weekly"},
      {Frequency::kMonthly, "monthly", "hằng tháng", "monthly"},
      {Frequency::kQuarterly, "quarterly", "hằng quý", "quarterly"},
      {Frequency::kSemiannual, "semiannual", "6 tháng một lần", "every six months"},
      {Frequency::kYearly, "yearly", "hằng năm", "yearly"},
  };
};
static_assert(EnumTableIsDense<Frequency>());

struct Recurrence {
  Frequency freq = Frequency::kMonthly;
  // "Trước ngày 25 hàng tháng": the stated day of each period (25) and the before rule.
  // Without it each occurrence is due on the last day of its period (weekly: the Sunday).
  std::optional<unsigned> day_of_period;
  bool before = false;
  // "trước ngày 01 tháng 10 hằng năm" (10), "trước ngày 15 của tháng cuối quý" (3): the month
  // of the period the stated day falls in; without it, the period's first month.
  std::optional<unsigned> month_of_period;
  friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

// One labelled milestone of a multi deadline ("Tháng 9/2025 xong thí điểm").
struct Milestone {
  std::string label;  // the words of the phrase that name it
  DeadlineKind kind = DeadlineKind::kUnknown;
  std::optional<Day> due;  // none for a recurrence or an open end
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

struct Deadline {
  DeadlineKind kind = DeadlineKind::kUnknown;
  std::string text;                      // the raw phrase, always kept
  std::optional<Day> due;                // the due day; for multi, the last fixed milestone
  std::optional<Day> anchor;             // before: the named day ("trước ngày 20/12" -> 20/12)
  std::optional<Day> first_due;          // open_ended: the first due (31/12 of the start year)
  std::optional<Day> start;              // period: 1/1 of the first year
  std::vector<Milestone> milestones;     // multi
  std::optional<Recurrence> recurrence;  // recurring, or multi with a recurrence
  int relative_days = 0;                 // relative: N ...
  bool relative_working_days = false;    //           ... working days (else calendar days)
  // relative: the event the count runs from as the phrase names it ("ngày nhận đủ hồ sơ hợp
  // lệ"); empty when it runs from the assigned day (no event named, or "ngày giao"). A named
  // event has no known day, so such a deadline has no due day.
  std::string relative_from;
  std::vector<std::string> explanation;  // which words matched which rule, in order
  friend bool operator==(const Deadline& a, const Deadline& b) {
    return a.kind == b.kind && a.text == b.text && a.due == b.due && a.anchor == b.anchor &&
           a.first_due == b.first_due && a.start == b.start && a.milestones == b.milestones &&
           a.recurrence == b.recurrence && a.relative_days == b.relative_days &&
           a.relative_working_days == b.relative_working_days &&
           a.relative_from == b.relative_from;
  }
};

// What the caller knows that the phrase leaves out.
// Real phrases are a few dozen bytes and task sentences a few KiB (see SECURITY.md).
// Extraction weighs every candidate against the others, so its cost grows with the square
// of the mentions a sentence holds: the sentence limit keeps that bounded.
inline constexpr std::size_t kMaxDeadlinePhraseBytes = 4096;
inline constexpr std::size_t kMaxDeadlineSentenceBytes = 16384;

struct DeadlineContext {
  std::optional<int> plan_year;               // for "Quý IV", "ngày 15/11"
  std::optional<Day> assigned;                // for relative deadlines
  bool inclusive_before = false;              // "trước ngày X" due on X instead of X - 1
  const WorkingCalendar* calendar = nullptr;  // for working-day offsets; null = Vietnam()
  // Longest text read, in bytes; unset = kMaxDeadlinePhraseBytes for ParseDeadline and
  // kMaxDeadlineSentenceBytes for ExtractDeadline. Longer text is refused (ResourceExhausted)
  // before any work, so a hostile cell costs bounded time and memory.
  std::optional<std::size_t> max_text_bytes;
};

// Parses a whole deadline phrase (any case, with or without diacritics, NFC or NFD, extra
// spaces). An unreadable phrase, an impossible date ("31/02/2025", "Tháng 13/2025") or empty
// text is an InvalidArgument error naming the part that could not be read.
absl::StatusOr<Deadline> ParseDeadline(std::string_view text, const DeadlineContext& ctx = {});

// Finds the deadline phrase inside a sentence ("(Bộ KHCN, hạn tháng 11/2025; Thông báo
// 45-TB/TGV ngày 30/9/2025)"), ignoring dates of cited documents and durations. kind is
// kNone when the sentence states no deadline. begin/end are byte offsets into sentence.
// A deadline phrase that was found but cannot hold ("hạn 31/02/2025", "hạn quý IV" without a
// plan year) gives kind kUnknown and the error in status.
struct ExtractedDeadline {
  Deadline deadline;
  std::size_t begin = 0;
  std::size_t end = 0;
  absl::Status status;
};
ExtractedDeadline ExtractDeadline(std::string_view sentence, const DeadlineContext& ctx = {});
// Candidates are ranked: "hạn"/"hoàn thành"/"chậm nhất" or standing alone between separators
// beat self-evident phrases ("tháng 10/2025", "trước ngày …"), which beat "trong năm 2025" and
// recurrences; several at the top rank, a "và" chain, or a recurrence next to a fixed day give
// kMulti. Bare dates need a marker ("từ ngày 01/7/2025" is not a deadline).
// OCR of seed 003 that is read: "thing"/"thiang" (tháng), "trwéc"/"trudc"/"truéc"/"trwdc"
// (trước), "nim" (năm), "hing" (hằng), "cham nhit" (chậm nhất), "ngdy" (ngày), a letter glued
// to the year ("10/2025S."), phrases broken over lines. Not read: "thudng xuyén" inside a
// sentence (an adverb there, not an ongoing deadline).

// The due days of a recurrence's occurrences that fall in [from, to], in order.
std::vector<Day> Occurrences(const Recurrence& r, Day from, Day to, bool inclusive_before = false);
// The period [start, due] of the occurrence whose due day is due.
std::pair<Day, Day> OccurrencePeriod(const Recurrence& r, Day due);

}  // namespace mandate

#endif
