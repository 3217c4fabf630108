// The phrase forms the deadline grammar accepts, in table order (kForms below). Marker words
// may come first (deadline_grammar.cpp: "hạn", "thời hạn", "hoàn thành", "xong", "chậm nhất",
// "trong", "trong vòng", "trong thời hạn", "trong thời gian", "không quá", "tối đa (là)",
// "cuối", "vào", "đến", "(từ nay) đến hết", "hết").
//
// - before_day_of_each_period: "trước ngày 25 hàng tháng", "trước ngày 01 tháng 10 hằng năm",
//   "trước ngày 20/11 hằng năm": recurring, the stated day (and month of the year), before rule.
// - day_of_each_period: "ngày 25 hằng tháng", "ngày 15/11 hằng năm": recurring, on that day.
// - before_date: "trước ngày 20/12/2025", "trước 15/11/2025", "trước ngày 15/11": the day
//   before the named day (DeadlineContext::inclusive_before: that day).
// - date: "31/12/2025", "ngày 01 tháng 7 năm 2025", "ngày 15/11", a cell "15/11": that day.
// - month: "tháng 10/2025", "tháng 6 năm 2025", "7/2025", "đến hết tháng 10/2025": its last day.
// - quarter: "Quý IV", "quý 1/2026", "quý I năm 2026": the quarter's last day.
// - half: "6 tháng đầu năm 2025", "nửa đầu năm 2026": 30 June or 31 December.
// - period: "Giai đoạn 2026 - 2030", "2025–2027" (any dash), "năm 2021 - 2030", "từ năm 2025 đến
//   năm 2030": kind period, start 1 January of the first year, due 31 December of the last.
// - open_ended: "2025 và những năm tiếp theo": first due 31 December, no final due.
// - year: "2025", "năm 2026", "đến hết năm 2025", "từ nay đến hết năm 2025": 31 December.
// - frequency: "01 lần/năm", "02 lần/năm", "1 lần/quý", "6 tháng/lần", "03 tháng một lần":
//   recurring; a count no kept frequency matches ("4 tháng/lần") is recognised and refused.
// - each_period: "Hàng tháng", "định kỳ 6 tháng", "định kỳ 03 tháng một lần", "định kỳ hằng năm
//   (trước ngày 20/11)", "hằng quý, trước ngày 15 của tháng cuối quý": recurring, each
//   period's last day or the stated day.
// - ongoing: "Thường xuyên", "Nhiệm vụ thường xuyên", "thường xuyên, liên tục": no due day.
// - roadmap: "theo lộ trình": the roadmap sets the due day.
// - relative: "30 ngày kể từ ngày giao", "Không quá 20 ngày làm việc", "tối đa là 07 ngày làm
//   việc kể từ ngày nhận đủ hồ sơ hợp lệ": N (working) days after the assigned day; after
//   another event the phrase names (Deadline::relative_from), no due day: its day is unknown.
//
// In a whole cell several forms make a multi deadline, milestones labelled by their words
// ("sơ kết vào năm 2028 và tổng kết vào năm 2030": 2028-12-31 and 2030-12-31).
#include "deadline_forms.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "absl/strings/str_format.h"
#include "document_ref_internal.h"
#include "mandate/calendar.h"

namespace mandate::internal {
namespace {

using date::days;

// ---- words and numbers -------------------------------------------------------------------

// OCR of seed 003 loses diacritics and mangles letters: "thing"/"thiang" for tháng, "trwéc"
// for trước, "nim" for năm, "hing" for hằng. Folded forms only.
bool IsThang(const Lexed& lx, std::size_t i) {
  return lx.IsWord(i, "thang") || lx.IsWord(i, "thing") || lx.IsWord(i, "thiang");
}
bool IsNam(const Lexed& lx, std::size_t i) { return lx.IsWord(i, "nam") || lx.IsWord(i, "nim"); }
bool IsNgay(const Lexed& lx, std::size_t i) { return lx.IsWord(i, "ngay") || lx.IsWord(i, "ngdy"); }
bool IsTruoc(const Lexed& lx, std::size_t i) {
  return lx.IsWord(i, "truoc") || lx.IsWord(i, "trwec") || lx.IsWord(i, "trudc") ||
         lx.IsWord(i, "truec") || lx.IsWord(i, "trwdc");
}
bool IsHang(const Lexed& lx, std::size_t i) {  // hàng / hằng both fold to "hang"
  return lx.IsWord(i, "hang") || lx.IsWord(i, "hing");
}
bool IsSep(const Lexed& lx, std::size_t i) {
  return lx.IsPunct(i, '/') || lx.IsPunct(i, '-') || lx.IsPunct(i, '.');
}
bool IsYearNumber(const Lexed& lx, std::size_t i) {
  return lx.IsNumber(i) && lx.tokens[i].digits() == 4;
}
bool IsSmallNumber(const Lexed& lx, std::size_t i) {
  return lx.IsNumber(i) && lx.tokens[i].digits() <= 2;
}
int Val(const Lexed& lx, std::size_t i) { return static_cast<int>(lx.tokens[i].value); }

std::string Q(const Lexed& lx, std::size_t b, std::size_t e) {
  return absl::StrFormat("\"%s\"", lx.Quote(b, e));
}

// ---- pieces several forms share ----------------------------------------------------------

// "/2025", "-2025", " năm 2025" after a month or quarter: returns the token after it, or i.
std::size_t YearSuffix(const Lexed& lx, std::size_t i, int* year) {
  if ((lx.IsPunct(i, '/') || lx.IsPunct(i, '-')) && IsYearNumber(lx, i + 1)) {
    *year = Val(lx, i + 1);
    return i + 2;
  }
  if (IsNam(lx, i) && IsYearNumber(lx, i + 1)) {
    *year = Val(lx, i + 1);
    return i + 2;
  }
  return i;
}

// The frequency of "every n months" (1, 3, 6, 12); nullopt for any other n.
std::optional<Frequency> EveryMonths(int n) {
  switch (n) {
    case 1: return Frequency::kMonthly;
    case 3: return Frequency::kQuarterly;
    case 6: return Frequency::kSemiannual;
    case 12: return Frequency::kYearly;
    default: return std::nullopt;
  }
}

// Recurrence unit at i ("tháng", "tuần", "quý", "năm", "6 tháng", "03 tháng", "nửa năm").
std::size_t RecurUnit(const Lexed& lx, std::size_t i, Frequency* f) {
  if (IsThang(lx, i)) return *f = Frequency::kMonthly, i + 1;
  if (lx.IsWord(i, "tuan")) return *f = Frequency::kWeekly, i + 1;
  if (lx.IsWord(i, "quy")) return *f = Frequency::kQuarterly, i + 1;
  if (IsNam(lx, i)) return *f = Frequency::kYearly, i + 1;
  if (IsSmallNumber(lx, i) && IsThang(lx, i + 1)) {
    if (auto every = EveryMonths(Val(lx, i))) return *f = *every, i + 2;
  }
  if (lx.IsWord(i, "nua") && IsNam(lx, i + 1)) return *f = Frequency::kSemiannual, i + 2;
  return i;
}

// "một lần", "1 lần" after a unit ("định kỳ 03 tháng một lần"): the token after it, or i.
std::size_t OnceWords(const Lexed& lx, std::size_t i) {
  if ((lx.IsWord(i, "mot") || (lx.IsNumber(i) && Val(lx, i) == 1)) && lx.IsWord(i + 1, "lan"))
    return i + 2;
  if (lx.IsPunct(i, '/') && lx.IsWord(i + 1, "lan")) return i + 2;  // "định kỳ 6 tháng/lần"
  return i;
}

// "hàng tháng", "hằng quý", "định kỳ 6 tháng", "định kỳ 03 tháng một lần", "định kỳ hằng
// tuần", "mỗi tháng".
std::size_t Recurring(const Lexed& lx, std::size_t i, Frequency* f) {
  std::size_t j = i;
  if (lx.IsWord(j, "dinh") && lx.IsWord(j + 1, "ky")) {
    j += 2;
    if (IsHang(lx, j)) ++j;
  } else if (IsHang(lx, j) || lx.IsWord(j, "moi")) {
    ++j;
  } else {
    return i;
  }
  const std::size_t e = RecurUnit(lx, j, f);
  return e == j ? i : OnceWords(lx, e);
}

absl::Status PartError(const Lexed& lx, std::size_t b, std::size_t e, const absl::Status& s) {
  return absl::InvalidArgumentError(absl::StrFormat("%s: %s", Q(lx, b, e), s.message()));
}

Day LastOfMonth(int y, unsigned m) { return Day{date::year{y} / date::month{m} / date::last}; }

// The year a phrase leaves out, from the context; error naming the phrase otherwise.
bool ContextYear(const FormInput& in, std::size_t b, std::size_t e, Core& c, int* year) {
  if (in.ctx.plan_year) {
    *year = *in.ctx.plan_year;
    c.explanation.push_back(
        absl::StrFormat("%s names no year: %d from the plan year", Q(in.lx, b, e), *year));
    return true;
  }
  c.status = absl::InvalidArgumentError(absl::StrFormat(
      "%s names no year: the plan year is needed (DeadlineContext::plan_year, --year)",
      Q(in.lx, b, e)));
  return false;
}

bool CheckYear(const Lexed& lx, std::size_t b, std::size_t e, int y, Core& c) {
  auto d = MakeDay(y, 1, 1);
  if (!d.ok()) c.status = PartError(lx, b, e, d.status());
  return d.ok();
}

// A day as a phrase writes it; no_year: the year is left to the context.
struct DayParts {
  int d = 0, m = 0, y = 0;
  bool no_year = false;
};

// "15/11", "15-11" (glued, no year) at k.
bool DayMonthGlued(const Lexed& lx, std::size_t k) {
  return IsSmallNumber(lx, k) && (lx.IsPunct(k + 1, '/') || lx.IsPunct(k + 1, '-')) &&
         lx.Adjacent(k + 1) && IsSmallNumber(lx, k + 2) && lx.Adjacent(k + 2);
}

// The day [j, e) names, the year from the context when it has none; nullopt with c.status set
// when it cannot hold.
std::optional<Day> NamedDay(const FormInput& in, std::size_t j, std::size_t e, DayParts p,
                            Core& c) {
  if (p.no_year && !ContextYear(in, j, e, c, &p.y)) return std::nullopt;
  auto day = MakeDay(p.y, static_cast<unsigned>(p.m), static_cast<unsigned>(p.d));
  if (!day.ok()) {
    c.status = PartError(in.lx, j, e, day.status());
    return std::nullopt;
  }
  return *day;
}

// The month a stated day names within its period, at k: "/10", "-10", "tháng 10" (a month of
// the year), "của tháng cuối quý" (3), "của tháng đầu quý" (1). Returns the token after it,
// or k (then *month is untouched).
std::size_t MonthPart(const Lexed& lx, std::size_t k, int* month, bool* of_quarter) {
  if ((lx.IsPunct(k, '/') || lx.IsPunct(k, '-')) && lx.Adjacent(k) && IsSmallNumber(lx, k + 1) &&
      lx.Adjacent(k + 1) && !(IsSep(lx, k + 2) && lx.Adjacent(k + 2))) {
    *month = Val(lx, k + 1);
    return k + 2;
  }
  if (IsThang(lx, k) && IsSmallNumber(lx, k + 1)) {
    *month = Val(lx, k + 1);
    return k + 2;
  }
  const std::size_t t = lx.IsWord(k, "cua") ? k + 1 : k;
  if (IsThang(lx, t) && (lx.IsWord(t + 1, "cuoi") || lx.IsWord(t + 1, "dau")) &&
      lx.IsWord(t + 2, "quy")) {
    *month = lx.IsWord(t + 1, "cuoi") ? 3 : 1;
    *of_quarter = true;
    return t + 3;
  }
  return k;
}

// Checks a stated day (and month) against the frequency; false with c.status set if it cannot
// hold, true otherwise. A month of the year needs a yearly recurrence, a month of the quarter a
// quarterly one.
bool StatedDayHolds(const Lexed& lx, std::size_t j, std::size_t e, Frequency f, int day,
                    std::optional<int> month, bool of_quarter, Core& c) {
  const auto refuse = [&](std::string why) {
    c.status = absl::InvalidArgumentError(absl::StrFormat("%s: %s", Q(lx, j, e), why));
    return false;
  };
  if (day < 1 || day > 31) return refuse(absl::StrFormat("day %d does not exist", day));
  if (!month) return true;
  if (of_quarter && f != Frequency::kQuarterly)
    return refuse("a month of the quarter needs a quarterly duty");
  if (!of_quarter && f != Frequency::kYearly)
    return refuse("a stated month needs a yearly duty (hằng năm)");
  if (*month < 1 || *month > 12) return refuse(absl::StrFormat("month %d does not exist", *month));
  if (!of_quarter && !MakeDay(2024, static_cast<unsigned>(*month), static_cast<unsigned>(day)).ok())
    return refuse(absl::StrFormat("day %d/%d does not exist", day, *month));
  return true;
}

void SetStatedDay(const Lexed& lx, std::size_t j, std::size_t e, Frequency f, int day,
                  std::optional<int> month, bool before, Core& c) {
  c.kind = DeadlineKind::kRecurring;
  c.recurrence = Recurrence{f, static_cast<unsigned>(day), before};
  if (month) c.recurrence->month_of_period = static_cast<unsigned>(*month);
  c.self_evident = true;
  const std::string on =
      month ? absl::StrFormat("day %d of month %d of the period", day, *month)
            : absl::StrFormat("day %d", day);
  c.explanation.push_back(
      before ? absl::StrFormat("%s -> recurring %s, stated %s with the before rule", Q(lx, j, e),
                               EnumName(f), on)
             : absl::StrFormat("%s -> recurring %s, due on %s", Q(lx, j, e), EnumName(f), on));
}

// "25 hàng tháng", "01 tháng 10 hằng năm", "20/11 hằng năm" at k: the stated day of each
// period. before: the "trước" rule applies.
std::size_t DayOfEachPeriod(const Lexed& lx, std::size_t j, std::size_t k, bool before, Core& c) {
  if (!IsSmallNumber(lx, k)) return j;
  int month = 0;
  bool of_quarter = false;
  const std::size_t m = MonthPart(lx, k + 1, &month, &of_quarter);
  Frequency f;
  const std::size_t r = Recurring(lx, m, &f);
  if (r == m) return j;
  const int n = Val(lx, k);
  const std::optional<int> mo = m == k + 1 ? std::nullopt : std::optional<int>(month);
  if (!StatedDayHolds(lx, j, r, f, n, mo, of_quarter, c)) return r;
  SetStatedDay(lx, j, r, f, n, mo, before, c);
  return r;
}

// ---- the forms, in table order -----------------------------------------------------------

// "trước ngày 20/12/2025", "trước 15/11/2025", "trước ngày 15/11" (context year).
std::size_t BeforeDate(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  if (!IsTruoc(lx, j)) return j;
  std::size_t k = j + 1;
  if (IsNgay(lx, k)) ++k;
  DayParts p;
  std::size_t e = MatchDmy(lx, k, &p.d, &p.m, &p.y);
  if (e == k && DayMonthGlued(lx, k)) {
    e = k + 3;
    p = {Val(lx, k), Val(lx, k + 2), 0, true};
  }
  if (e == k) return j;
  const std::optional<Day> day = NamedDay(in, j, e, p, c);
  if (!day) return e;
  c.kind = DeadlineKind::kBefore;
  c.anchor = *day;
  c.due = in.ctx.inclusive_before ? *day : *day - days{1};
  c.self_evident = true;
  c.explanation.push_back(absl::StrFormat(
      "%s -> before rule: named day %s, due %s (%s)", Q(lx, j, e), FormatIsoDay(*day),
      FormatIsoDay(*c.due), in.ctx.inclusive_before ? "inclusive" : "the day before"));
  return e;
}

// "trước ngày 25 hàng tháng": each period, before its stated day.
std::size_t BeforeDayOfEachPeriod(const FormInput& in, std::size_t j, Core& c) {
  if (!IsTruoc(in.lx, j)) return j;
  const std::size_t k = IsNgay(in.lx, j + 1) ? j + 2 : j + 1;
  return DayOfEachPeriod(in.lx, j, k, /*before=*/true, c);
}

// "ngày 25 hàng tháng": each period, on its stated day.
std::size_t DayOfEachPeriodForm(const FormInput& in, std::size_t j, Core& c) {
  if (!IsNgay(in.lx, j)) return j;
  return DayOfEachPeriod(in.lx, j, j + 1, /*before=*/false, c);
}

// "31/12/2025", "ngày 01 tháng 7 năm 2025", "31-12-2025"; the year from the context in
// "ngày 15/11", "ngày 15 tháng 11" and, in a whole cell, "15/11".
std::size_t Date(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = j;
  const bool ngay = IsNgay(lx, k);
  if (ngay) ++k;
  DayParts p;
  std::size_t e = MatchDmy(lx, k, &p.d, &p.m, &p.y);
  if (e == k && (ngay || in.whole) && DayMonthGlued(lx, k) &&
      !(IsSep(lx, k + 3) && lx.Adjacent(k + 3))) {
    e = k + 3;
    p = {Val(lx, k), Val(lx, k + 2), 0, true};
  } else if (e == k && ngay && IsSmallNumber(lx, k) && IsThang(lx, k + 1) &&
             IsSmallNumber(lx, k + 2) && !IsNam(lx, k + 3)) {
    e = k + 3;  // "ngày 15 tháng 11"
    p = {Val(lx, k), Val(lx, k + 2), 0, true};
  }
  if (e == k) return j;
  const std::optional<Day> day = NamedDay(in, j, e, p, c);
  if (!day) return e;
  c.kind = DeadlineKind::kDate;
  c.due = *day;
  c.explanation.push_back(
      absl::StrFormat("%s -> date rule: due that day, %s", Q(lx, j, e), FormatIsoDay(*day)));
  return e;
}

// "tháng 10/2025", "tháng 6 năm 2025", "tháng 10" (context year), bare "7/2025".
std::size_t Month(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = j;
  const bool thang = IsThang(lx, k);
  if (thang) ++k;
  if (!IsSmallNumber(lx, k) || !(thang || (IsSep(lx, k + 1) && lx.Adjacent(k + 1) &&
                                           IsYearNumber(lx, k + 2) && lx.Adjacent(k + 2)))) {
    return j;
  }
  const int m = Val(lx, k);
  int y = 0;
  std::size_t e = YearSuffix(lx, k + 1, &y);
  if (e == k + 1 && IsSep(lx, k + 1) && IsYearNumber(lx, k + 2)) e = k + 3, y = Val(lx, k + 2);
  // A "6 tháng đầu năm" half or "tháng 10 ngày ..." is not this; "tháng 6 năm" without a
  // year falls to the context.
  if (e == k + 1) {
    if (!thang) return j;
    if (!ContextYear(in, j, e, c, &y)) return e;
  }
  if (m < 1 || m > 12) {
    c.status =
        absl::InvalidArgumentError(absl::StrFormat("%s: month %d does not exist", Q(lx, j, e), m));
    return e;
  }
  if (!CheckYear(lx, j, e, y, c)) return e;
  c.kind = DeadlineKind::kMonth;
  c.due = LastOfMonth(y, static_cast<unsigned>(m));
  c.self_evident = thang && e != k + 1;
  c.explanation.push_back(absl::StrFormat("%s -> month rule: last day of %02d/%d, %s", Q(lx, j, e),
                                          m, y, FormatIsoDay(*c.due)));
  return e;
}

// The quarter number at k: I..IV, 1..4; 99 for one that does not exist ("V", "0"); 0 for none.
int QuarterNumber(const Lexed& lx, std::size_t k) {
  if (lx.IsWord(k, "i")) return 1;
  if (lx.IsWord(k, "ii")) return 2;
  if (lx.IsWord(k, "iii")) return 3;
  if (lx.IsWord(k, "iv")) return 4;
  if (lx.IsWord(k, "v") || lx.IsWord(k, "vi")) return 99;
  if (IsSmallNumber(lx, k)) return Val(lx, k) == 0 ? 99 : Val(lx, k);
  return 0;
}

// "Quý IV", "Quý III/2025", "quý 1/2026", "quý I năm 2026".
std::size_t Quarter(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  if (!lx.IsWord(j, "quy")) return j;
  const std::size_t k = j + 1;
  const int q = QuarterNumber(lx, k);
  if (q == 0) return j;
  int y = 0;
  const std::size_t e = YearSuffix(lx, k + 1, &y);
  if (q < 1 || q > 4) {
    c.status = absl::InvalidArgumentError(
        absl::StrFormat("%s: quarter %s does not exist (I..IV)", Q(lx, j, e), lx.Quote(k, k + 1)));
    return e;
  }
  if (e == k + 1 && !ContextYear(in, j, e, c, &y)) return e;
  if (!CheckYear(lx, j, e, y, c)) return e;
  c.kind = DeadlineKind::kQuarter;
  c.due = LastOfMonth(y, static_cast<unsigned>(q * 3));
  c.self_evident = true;
  c.explanation.push_back(absl::StrFormat("%s -> quarter rule: last day of Q%d/%d, %s", Q(lx, j, e),
                                          q, y, FormatIsoDay(*c.due)));
  return e;
}

// "6 tháng đầu năm 2025", "6 tháng cuối năm", "nửa đầu năm 2025".
std::size_t Half(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = j;
  if (lx.IsNumber(k) && Val(lx, k) == 6 && IsThang(lx, k + 1))
    k += 2;
  else if (lx.IsWord(k, "nua"))
    k += 1;
  if (k == j || !(lx.IsWord(k, "dau") || lx.IsWord(k, "cuoi")) || !IsNam(lx, k + 1)) return j;
  const bool first = lx.IsWord(k, "dau");
  std::size_t e = k + 2;
  int y = 0;
  if (IsYearNumber(lx, e)) {
    y = Val(lx, e);
    ++e;
  } else if (!ContextYear(in, j, e, c, &y)) {
    return e;
  }
  if (!CheckYear(lx, j, e, y, c)) return e;
  c.kind = DeadlineKind::kHalf;
  c.due = LastOfMonth(y, first ? 6u : 12u);
  c.self_evident = true;
  c.explanation.push_back(
      absl::StrFormat("%s -> half-year rule: %s", Q(lx, j, e), FormatIsoDay(*c.due)));
  return e;
}

// "2025", "năm 2026" at j (not "2025/..." nor "2025-12"): the token after the year, or j.
std::size_t YearNumber(const Lexed& lx, std::size_t j, int* y) {
  const std::size_t k = IsNam(lx, j) ? j + 1 : j;
  if (!IsYearNumber(lx, k) || (IsSep(lx, k + 1) && lx.Adjacent(k + 1) && lx.IsNumber(k + 2))) {
    return j;
  }
  *y = Val(lx, k);
  return k + 1;
}

// "và những năm tiếp theo", "và các năm sau" at e: the token after it, or e.
std::size_t AndTheYearsAfter(const Lexed& lx, std::size_t e) {
  if (!lx.IsWord(e, "va") || !(lx.IsWord(e + 1, "nhung") || lx.IsWord(e + 1, "cac")) ||
      !IsNam(lx, e + 2)) {
    return e;
  }
  if (lx.IsWord(e + 3, "tiep") && lx.IsWord(e + 4, "theo")) return e + 5;
  if (lx.IsWord(e + 3, "sau")) return e + 4;
  return e;
}

// "2025 và những năm tiếp theo": due each year from 2025 on, no final due.
std::size_t OpenEnded(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  int y = 0;
  const std::size_t k = YearNumber(lx, j, &y);
  if (k == j) return j;
  const std::size_t e = AndTheYearsAfter(lx, k);
  if (e == k) return j;
  if (!CheckYear(lx, j, e, y, c)) return e;
  c.kind = DeadlineKind::kOpenEnded;
  c.first_due = LastOfMonth(y, 12);
  c.self_evident = true;
  c.explanation.push_back(absl::StrFormat("%s -> open-ended rule: first due %s, no final due",
                                          Q(lx, j, e), FormatIsoDay(*c.first_due)));
  return e;
}

// "2025", "năm 2026".
std::size_t Year(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  int y = 0;
  const std::size_t e = YearNumber(lx, j, &y);
  if (e == j) return j;
  if (!CheckYear(lx, j, e, y, c)) return e;
  c.kind = DeadlineKind::kYear;
  c.due = LastOfMonth(y, 12);
  c.explanation.push_back(
      absl::StrFormat("%s -> year rule: 31 December, %s", Q(lx, j, e), FormatIsoDay(*c.due)));
  return e;
}

// The stated day that may follow a recurrence: "(trước ngày 20/11)", ", trước ngày 15 của
// tháng cuối quý", " trước ngày 05 tháng 12". Returns the token after it, or e.
std::size_t StatedDayAfter(const FormInput& in, std::size_t j, std::size_t e, Frequency f,
                           Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = e;
  const bool paren = lx.IsPunct(k, '(');
  if (paren || lx.IsPunct(k, ',')) ++k;
  if (!IsTruoc(lx, k)) return e;
  k = IsNgay(lx, k + 1) ? k + 2 : k + 1;
  if (!IsSmallNumber(lx, k)) return e;
  int month = 0;
  bool of_quarter = false;
  const std::size_t m = MonthPart(lx, k + 1, &month, &of_quarter);
  // A yearly duty names the month of the year, a quarterly one may name the month of the
  // quarter; the others name only a day of their period.
  const bool has_month = m != k + 1;
  if (f == Frequency::kYearly ? !has_month || of_quarter
                              : has_month && !(of_quarter && f == Frequency::kQuarterly)) {
    return e;
  }
  if (IsSep(lx, m) && lx.Adjacent(m)) return e;  // "trước ngày 20/11/2025": a one-off date
  std::size_t r = m;
  if (paren && lx.IsPunct(r, ')')) ++r;
  const std::optional<int> mo = has_month ? std::optional<int>(month) : std::nullopt;
  if (!StatedDayHolds(lx, j, r, f, Val(lx, k), mo, of_quarter, c)) return r;
  SetStatedDay(lx, j, r, f, Val(lx, k), mo, /*before=*/true, c);
  return r;
}

// "Hàng tháng", "Hằng tuần", "định kỳ 6 tháng": each period's last day; "định kỳ hằng năm
// (trước ngày 20/11)", "hằng quý, trước ngày 15 của tháng cuối quý": before the stated day.
std::size_t EachPeriod(const FormInput& in, std::size_t j, Core& c) {
  Frequency f;
  const std::size_t e = Recurring(in.lx, j, &f);
  if (e == j) return j;
  if (const std::size_t r = StatedDayAfter(in, j, e, f, c); r != e) return r;
  c.kind = DeadlineKind::kRecurring;
  c.recurrence = Recurrence{f, std::nullopt, false};
  c.explanation.push_back(absl::StrFormat("%s -> recurring %s: each period's last day%s",
                                          Q(in.lx, j, e), EnumName(f),
                                          f == Frequency::kWeekly ? " (Sunday)" : ""));
  return e;
}

// The unit after "lần/" or "/" in a frequency ("năm", "quý", "tháng", "tuần"): its length in
// months (0 for a week), or -1.
int UnitMonths(const Lexed& lx, std::size_t i) {
  if (IsNam(lx, i)) return 12;
  if (lx.IsWord(i, "quy")) return 3;
  if (IsThang(lx, i)) return 1;
  if (lx.IsWord(i, "tuan")) return 0;
  return -1;
}

// "01 lần/năm", "02 lần/năm", "1 lần một quý" (n times a unit); "6 tháng/lần", "6 tháng một
// lần", "01 năm/lần" (once every n units). Other counts are recognised and refused.
std::size_t Frequencies(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  if (!IsSmallNumber(lx, j)) return j;
  const int n = Val(lx, j);
  std::size_t e = j;
  int months = -1;  // the period of one occurrence
  if (lx.IsWord(j + 1, "lan")) {  // n times per unit
    std::size_t u = j + 2;
    if (lx.IsPunct(u, '/') || lx.IsWord(u, "mot") || lx.IsWord(u, "moi") ||
        lx.IsWord(u, "trong") || (lx.IsNumber(u) && Val(lx, u) == 1)) {
      ++u;
    }
    const int unit = UnitMonths(lx, u);
    if (u == j + 2 || unit < 0) return j;
    e = u + 1;
    if (unit == 0) {
      months = n == 1 ? 0 : -2;
    } else {
      months = n > 0 && unit % n == 0 ? unit / n : -2;
    }
  } else {  // once every n units
    const int unit = UnitMonths(lx, j + 1);
    if (unit <= 0) return j;
    const std::size_t once = OnceWords(lx, j + 2);
    if (once == j + 2) return j;
    e = once;
    months = n * unit;
  }
  std::optional<Frequency> f = months == 0 ? std::optional(Frequency::kWeekly)
                                           : EveryMonths(months);
  if (!f) {
    c.status = absl::InvalidArgumentError(absl::StrFormat(
        "%s: no frequency the library keeps (weekly, monthly, quarterly, every six months, "
        "yearly)", Q(lx, j, e)));
    return e;
  }
  c.kind = DeadlineKind::kRecurring;
  c.recurrence = Recurrence{*f, std::nullopt, false};
  c.self_evident = true;
  c.explanation.push_back(absl::StrFormat("%s -> recurring %s: each period's last day",
                                          Q(lx, j, e), EnumName(*f)));
  return e;
}

// "Thường xuyên", "Nhiệm vụ thường xuyên", "thường xuyên, liên tục": no due day.
std::size_t Ongoing(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = j;
  if (lx.IsWord(k, "nhiem") && lx.IsWord(k + 1, "vu")) k += 2;
  if (!(lx.IsWord(k, "thuong") || lx.IsWord(k, "thudng")) || !lx.IsWord(k + 1, "xuyen")) return j;
  std::size_t e = k + 2;
  const std::size_t l = (lx.IsPunct(e, ',') || lx.IsWord(e, "va")) ? e + 1 : e;
  if (lx.IsWord(l, "lien") && lx.IsWord(l + 1, "tuc")) e = l + 2;
  c.kind = DeadlineKind::kOngoing;
  c.explanation.push_back(absl::StrFormat("%s -> ongoing: no due day", Q(lx, j, e)));
  return e;
}

// "Giai đoạn 2026 - 2030", "2025–2027", "năm 2025 - 2026", "từ năm 2025 đến năm 2030": start
// on 1 January of the first year, due on 31 December of the last.
std::size_t Period(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  std::size_t k = j;
  const bool giai_doan = lx.IsWord(k, "giai") && lx.IsWord(k + 1, "doan");
  if (giai_doan) k += 2;
  const bool tu = !giai_doan && lx.IsWord(k, "tu");
  if (tu) ++k;
  if (IsNam(lx, k)) ++k;
  if (!IsYearNumber(lx, k)) return j;
  std::size_t l = k + 1;
  if (tu ? !lx.IsWord(l, "den") : !lx.IsPunct(l, '-')) return j;
  ++l;
  if (IsNam(lx, l)) ++l;
  if (!IsYearNumber(lx, l) || (IsSep(lx, l + 1) && lx.Adjacent(l + 1) && lx.IsNumber(l + 2)))
    return j;
  const int y1 = Val(lx, k), y2 = Val(lx, l);
  const std::size_t e = l + 1;
  if (!CheckYear(lx, j, e, y1, c) || !CheckYear(lx, j, e, y2, c)) return e;
  if (y2 < y1) {
    c.status = absl::InvalidArgumentError(
        absl::StrFormat("%s: the period ends (%d) before it starts (%d)", Q(lx, j, e), y2, y1));
    return e;
  }
  c.kind = DeadlineKind::kPeriod;
  c.start = Day{date::year{y1} / date::January / 1};
  c.due = LastOfMonth(y2, 12);
  // In a sentence a span of years mostly names a strategy's horizon ("Chiến lược … giai đoạn
  // 2021 - 2030"), so it needs a marker there.
  c.explanation.push_back(absl::StrFormat("%s -> period rule: from %s, due %s", Q(lx, j, e),
                                          FormatIsoDay(*c.start), FormatIsoDay(*c.due)));
  return e;
}

// "Theo lộ trình": the roadmap sets the due day.
std::size_t Roadmap(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  if (!lx.IsWord(j, "theo") || !lx.IsWord(j + 1, "lo") || !lx.IsWord(j + 2, "trinh")) return j;
  c.kind = DeadlineKind::kRoadmap;
  c.explanation.push_back(
      absl::StrFormat("%s -> roadmap: due set by the roadmap", Q(lx, j, j + 3)));
  return j + 3;
}

// Words of an event that is the assignment itself ("ngày giao", "ngày được giao nhiệm vụ",
// "ngày nhận"); any other word names another event ("ngày nhận đủ hồ sơ hợp lệ").
bool IsAssignmentWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"ngay", "ngdy", "duoc", "giao", "nhan",
                                                "nhiem", "vu", "chi", "dao"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "30 ngày kể từ ngày giao", "05 ngày làm việc": days after the assignment date; "10 ngày
// làm việc kể từ ngày nhận đủ hồ sơ hợp lệ": days after that event (no due day: its day is
// not known).
std::size_t Relative(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  const auto& t = lx.tokens;
  if (!lx.IsNumber(j) || t[j].digits() > 4 || !IsNgay(lx, j + 1)) return j;
  std::size_t e = j + 2;
  const bool working = lx.IsWord(e, "lam") && lx.IsWord(e + 1, "viec");
  if (working) e += 2;
  bool from = false;
  bool other_event = false;
  if ((lx.IsWord(e, "ke") || lx.IsWord(e, "tinh")) && lx.IsWord(e + 1, "tu")) {
    from = true;
    e += 2;
    const std::size_t event = e;
    while (e < t.size() && t[e].kind == Token::kWord) {  // "ngày giao", "ngày nhận đủ hồ sơ"
      other_event = other_event || !IsAssignmentWord(lx.Text(e));
      ++e;
    }
    if (other_event) c.relative_from = std::string(lx.Quote(event, e));
  }
  c.kind = DeadlineKind::kRelative;
  c.relative_days = Val(lx, j);
  c.relative_working_days = working;
  c.self_evident = working || from;
  const char* unit = working ? "working days" : "days";
  if (other_event) {
    c.explanation.push_back(absl::StrFormat(
        "%s -> relative: %d %s after \"%s\" (anchor: that event, whose day is not known, so no "
        "due day)", Q(lx, j, e), c.relative_days, unit, c.relative_from));
    return e;
  }
  if (!in.ctx.assigned) {
    c.explanation.push_back(absl::StrFormat(
        "%s -> relative: %d %s after the assignment date (anchor: the assigned day; none given, "
        "so no due day)", Q(lx, j, e),
        c.relative_days, unit));
    return e;
  }
  if (working) {
    const WorkingCalendar& cal = in.ctx.calendar ? *in.ctx.calendar : WorkingCalendar::Vietnam();
    c.due = cal.AddWorkingDays(*in.ctx.assigned, c.relative_days);
  } else {
    c.due = *in.ctx.assigned + days{c.relative_days};
  }
  c.explanation.push_back(absl::StrFormat(
      "%s -> relative: %d %s after %s (anchor: the assigned day), %s", Q(lx, j, e),
      c.relative_days, unit, FormatIsoDay(*in.ctx.assigned), FormatIsoDay(*c.due)));
  return e;
}

// Tried in this order; the first form that reads a phrase at the token wins. Order matters
// where one form's phrase starts like another's: a longer form comes before its prefix
// ("2025 và những năm tiếp theo" before "2025"), "trước" forms before the bare day they name,
// a year before a relative count ("2025 ngày" stays a year). tests/golden/deadline-seed.txt
// pins the outcome on every seed phrase, so a reordering that changes any shows there.
constexpr PhraseForm kForms[] = {
    {"before_day_of_each_period", BeforeDayOfEachPeriod},
    {"day_of_each_period", DayOfEachPeriodForm},
    {"before_date", BeforeDate},
    {"date", Date},
    {"month", Month},
    {"quarter", Quarter},
    {"half", Half},
    {"period", Period},
    {"open_ended", OpenEnded},
    {"year", Year},
    {"frequency", Frequencies},
    {"each_period", EachPeriod},
    {"ongoing", Ongoing},
    {"roadmap", Roadmap},
    {"relative", Relative},
};

// The forms tried in table order, unrolled: each matcher is called directly (and may be
// inlined), as the one long function they replace was; a loop of indirect calls at every token
// of a sentence made extraction slower.
template <std::size_t... kI>
std::size_t TryInOrder(const FormInput& in, std::size_t j, Core& c, std::index_sequence<kI...>) {
  std::size_t e = j;
  const auto tried = [&](const PhraseForm& form, std::size_t end) {
    e = end;
    if (e == j) return false;
    c.form = form.name;
    return true;
  };
  (void)(tried(kForms[kI], kForms[kI].match(in, j, c)) || ...);
  return e;
}

}  // namespace

std::span<const PhraseForm> PhraseForms() { return kForms; }

std::size_t MatchForm(const FormInput& in, std::size_t j, Core& c) {
  return TryInOrder(in, j, c, std::make_index_sequence<std::size(kForms)>());
}

}  // namespace mandate::internal
