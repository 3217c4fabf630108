#include "mandate/deadline.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_format.h"
#include "deadline_grammar.h"
#include "occurrence_internal.h"

namespace mandate {
namespace {

using date::days;
using internal::Core;
using internal::Lexed;

// Words that may name a milestone of a multi deadline ("Tháng 9/2025 xong thí điểm; phát
// triển 2025 …"). Anything else in a deadline cell is an error, so garbage is never hidden.
constexpr std::string_view kLabelWords[] = {
    "xong", "thi", "diem",   "phat",  "trien", "khai", "thuc", "hien", "hoan", "thanh", "ban",
    "hanh", "bao", "cao",    "trinh", "van",   "dua",  "vao",  "su",   "dung", "tong",  "ket",
    "danh", "gia", "nghiem", "thu",   "chinh", "ap",   "giai", "doan", "dot",  "buoc",  "tiep",
    "tuc",  "duy", "tri",    "mo",    "rong",  "xay",  "sau",  "do",   "nhan", "cap",   "nhat",
    "so"};  // "sơ kết vào năm 2028 và tổng kết vào năm 2030"

bool IsLabelWord(const Lexed& lx, std::size_t i) {
  if (!lx.IsWord(i)) return false;
  const std::string_view w = lx.Text(i);
  return std::find(std::begin(kLabelWords), std::end(kLabelWords), w) != std::end(kLabelWords);
}

bool IsConnector(const Lexed& lx, std::size_t i) {
  return lx.IsPunct(i, ';') || lx.IsPunct(i, ',') || lx.IsPunct(i, '+') || lx.IsPunct(i, '&') ||
         lx.IsWord(i, "va");
}
bool IsIgnorable(const Lexed& lx, std::size_t i) {
  return lx.IsPunct(i, '.') || lx.IsPunct(i, ':') || lx.IsPunct(i, '(') || lx.IsPunct(i, ')') ||
         lx.IsPunct(i, '"') || lx.IsPunct(i, '?');
}

Day PeriodStart(Frequency f, Day day) {
  const date::year_month_day ymd{day};
  switch (f) {
    case Frequency::kWeekly: {
      const date::weekday wd{day};
      return day - days{(wd.c_encoding() + 6) % 7};  // Monday of the ISO week
    }
    case Frequency::kMonthly:
      return Day{ymd.year() / ymd.month() / 1};
    case Frequency::kQuarterly: {
      const unsigned m = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
      return Day{ymd.year() / date::month{m} / 1};
    }
    case Frequency::kSemiannual: {
      const unsigned m = static_cast<unsigned>(ymd.month()) <= 6 ? 1 : 7;
      return Day{ymd.year() / date::month{m} / 1};
    }
    case Frequency::kYearly:
      return Day{ymd.year() / date::January / 1};
  }
  return day;
}

Day NextPeriodStart(Frequency f, Day start) {
  const date::year_month_day ymd{start};
  switch (f) {
    case Frequency::kWeekly:
      return start + days{7};
    case Frequency::kMonthly:
      return Day{ymd + date::months{1}};
    case Frequency::kQuarterly:
      return Day{ymd + date::months{3}};
    case Frequency::kSemiannual:
      return Day{ymd + date::months{6}};
    case Frequency::kYearly:
      return Day{ymd + date::years{1}};
  }
  return start + days{1};
}

Day PrevPeriodStart(Frequency f, Day start) { return PeriodStart(f, start - days{1}); }

// The due day of the occurrence whose period starts at start.
Day DueOf(const Recurrence& r, Day start, bool inclusive_before) {
  Day end = NextPeriodStart(r.freq, start) - days{1};
  if (!r.day_of_period) return end;
  if (r.month_of_period) {  // "01 tháng 10 hằng năm": the stated day of that month
    start = Day{date::year_month_day{start} + date::months{*r.month_of_period - 1}};
    end = Day{date::year_month_day{start} + date::months{1}} - days{1};
  }
  Day stated = start + days{static_cast<int>(*r.day_of_period) - 1};
  if (stated > end) stated = end;  // "ngày 31 hàng tháng" in a 30-day month
  return r.before && !inclusive_before ? stated - days{1} : stated;
}

}  // namespace

absl::StatusOr<Deadline> ParseDeadline(std::string_view text, const DeadlineContext& ctx) {
  if (const std::size_t limit = ctx.max_text_bytes.value_or(kMaxDeadlinePhraseBytes);
      text.size() > limit) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("deadline text is %d bytes, over the limit of %d", text.size(), limit));
  }
  if (auto bad = FindInvalidUtf8(text)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("invalid UTF-8 at byte %d", static_cast<int>(*bad)));
  }
  const Lexed lx = internal::Lex(text);
  const std::size_t n = lx.tokens.size();
  if (n == 0) return absl::InvalidArgumentError("empty deadline text");
  std::vector<Core> cores;
  std::vector<std::pair<std::size_t, std::size_t>> segment_of;  // each core's segment
  std::size_t seg_begin = 0;
  std::size_t seg_first_core = 0;
  bool seg_has_label = false;
  auto close_segment = [&](std::size_t end) -> absl::Status {
    if (seg_has_label && seg_first_core == cores.size()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("could not read \"%s\": no deadline in it", lx.Quote(seg_begin, end)));
    }
    for (std::size_t k = seg_first_core; k < cores.size(); ++k)
      segment_of.emplace_back(seg_begin, end);
    return absl::OkStatus();
  };
  std::size_t p = 0;
  while (p < n) {
    if (IsConnector(lx, p)) {
      if (auto s = close_segment(p); !s.ok()) return s;
      seg_begin = p + 1;
      seg_first_core = cores.size();
      seg_has_label = false;
      ++p;
      continue;
    }
    if (auto c = internal::MatchCore(lx, p, ctx, /*whole=*/true)) {
      if (!c->status.ok()) return c->status;
      p = c->te;
      cores.push_back(std::move(*c));
      continue;
    }
    if (IsIgnorable(lx, p)) {
      if (seg_begin == p) ++seg_begin;
      ++p;
      continue;
    }
    if (IsLabelWord(lx, p)) {
      seg_has_label = true;
      ++p;
      continue;
    }
    std::size_t q = p + 1;
    while (q < n && !IsConnector(lx, q) && lx.tokens[q].kind == lx.tokens[p].kind) ++q;
    return absl::InvalidArgumentError(
        absl::StrFormat("could not read \"%s\" in \"%s\"", lx.Quote(p, q), text.substr(0, 200)));
  }
  if (auto s = close_segment(n); !s.ok()) return s;
  if (cores.empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("no deadline in \"%s\"", text.substr(0, 200)));
  }
  std::vector<std::string> labels;
  for (std::size_t k = 0; k < cores.size(); ++k) {
    auto [b, e] = segment_of[k];
    // Several cores in one segment are labelled by their own words.
    const bool shared = (k > 0 && segment_of[k - 1] == segment_of[k]) ||
                        (k + 1 < cores.size() && segment_of[k + 1] == segment_of[k]);
    if (shared) b = cores[k].tb, e = cores[k].te;
    while (e > b && IsIgnorable(lx, e - 1)) --e;
    labels.emplace_back(lx.Quote(b, e));
  }
  Deadline d = internal::Assemble(cores, labels);
  d.text = std::string(text);
  return d;
}

std::vector<Day> Occurrences(const Recurrence& r, Day from, Day to, bool inclusive_before) {
  std::vector<Day> out;
  if (to < from) return out;
  // A before rule can move a due day into the previous period, so start one period early.
  for (Day start = PrevPeriodStart(r.freq, PeriodStart(r.freq, from)); start <= to + days{1};
       start = NextPeriodStart(r.freq, start)) {
    const Day due = DueOf(r, start, inclusive_before);
    if (due >= from && due <= to) out.push_back(due);
  }
  return out;
}

std::pair<Day, Day> OccurrencePeriod(const Recurrence& r, Day due) {
  if (!r.day_of_period) return {PeriodStart(r.freq, due), due};
  // Between two stated days: the period runs from the day after the previous due.
  Day start = PeriodStart(r.freq, due);
  for (int guard = 0; guard < 3 && DueOf(r, start, false) < due; ++guard) {
    start = NextPeriodStart(r.freq, start);
  }
  for (int guard = 0; guard < 3 && DueOf(r, start, false) > due; ++guard) {
    start = PrevPeriodStart(r.freq, start);
  }
  const Day prev_due = DueOf(r, PrevPeriodStart(r.freq, start), false);
  return {prev_due + days{1}, due};
}

namespace internal {

std::optional<Day> FirstOccurrence(const Recurrence& r, Day from, bool inclusive_before) {
  // As Occurrences: a before rule can move a due day into the previous period.
  Day start = PrevPeriodStart(r.freq, PeriodStart(r.freq, from));
  for (int guard = 0; guard < 8; ++guard, start = NextPeriodStart(r.freq, start)) {
    const Day due = DueOf(r, start, inclusive_before);
    if (due >= from) return due;
  }
  return std::nullopt;
}

}  // namespace internal

}  // namespace mandate
