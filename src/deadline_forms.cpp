#include "deadline_forms.h"

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

// Recurrence unit at i ("tháng", "tuần", "quý", "năm", "6 tháng", "nửa năm").
std::size_t RecurUnit(const Lexed& lx, std::size_t i, Frequency* f) {
  if (IsThang(lx, i)) return *f = Frequency::kMonthly, i + 1;
  if (lx.IsWord(i, "tuan")) return *f = Frequency::kWeekly, i + 1;
  if (lx.IsWord(i, "quy")) return *f = Frequency::kQuarterly, i + 1;
  if (IsNam(lx, i)) return *f = Frequency::kYearly, i + 1;
  if (lx.IsNumber(i) && Val(lx, i) == 6 && IsThang(lx, i + 1))
    return *f = Frequency::kSemiannual, i + 2;
  if (lx.IsWord(i, "nua") && IsNam(lx, i + 1)) return *f = Frequency::kSemiannual, i + 2;
  return i;
}

// "hàng tháng", "hằng quý", "định kỳ 6 tháng", "định kỳ hằng tuần", "mỗi tháng".
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
  return e == j ? i : e;
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

// "25 hàng tháng" at k: the stated day of each period. before: the "trước" rule applies.
std::size_t DayOfEachPeriod(const Lexed& lx, std::size_t j, std::size_t k, bool before, Core& c) {
  if (!IsSmallNumber(lx, k)) return j;
  Frequency f;
  const std::size_t r = Recurring(lx, k + 1, &f);
  if (r == k + 1) return j;
  const int n = Val(lx, k);
  if (n < 1 || n > 31) {
    c.status =
        absl::InvalidArgumentError(absl::StrFormat("%s: day %d does not exist", Q(lx, j, r), n));
    return r;
  }
  c.kind = DeadlineKind::kRecurring;
  c.recurrence = Recurrence{f, static_cast<unsigned>(n), before};
  c.self_evident = true;
  c.explanation.push_back(
      before ? absl::StrFormat("%s -> recurring %s, stated day %d with the before rule",
                               Q(lx, j, r), EnumName(f), n)
             : absl::StrFormat("%s -> recurring %s, due on day %d", Q(lx, j, r), EnumName(f), n));
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

// "Hàng tháng", "Hằng tuần", "định kỳ 6 tháng": each period's last day.
std::size_t EachPeriod(const FormInput& in, std::size_t j, Core& c) {
  Frequency f;
  const std::size_t e = Recurring(in.lx, j, &f);
  if (e == j) return j;
  c.kind = DeadlineKind::kRecurring;
  c.recurrence = Recurrence{f, std::nullopt, false};
  c.explanation.push_back(absl::StrFormat("%s -> recurring %s: each period's last day%s",
                                          Q(in.lx, j, e), EnumName(f),
                                          f == Frequency::kWeekly ? " (Sunday)" : ""));
  return e;
}

// "Thường xuyên": no due day.
std::size_t Ongoing(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  if (!(lx.IsWord(j, "thuong") || lx.IsWord(j, "thudng")) || !lx.IsWord(j + 1, "xuyen")) return j;
  c.kind = DeadlineKind::kOngoing;
  c.explanation.push_back(absl::StrFormat("%s -> ongoing: no due day", Q(lx, j, j + 2)));
  return j + 2;
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

// "30 ngày kể từ ngày giao", "05 ngày làm việc": days after the assignment date.
std::size_t Relative(const FormInput& in, std::size_t j, Core& c) {
  const Lexed& lx = in.lx;
  const auto& t = lx.tokens;
  if (!lx.IsNumber(j) || t[j].digits() > 4 || !IsNgay(lx, j + 1)) return j;
  std::size_t e = j + 2;
  const bool working = lx.IsWord(e, "lam") && lx.IsWord(e + 1, "viec");
  if (working) e += 2;
  bool from = false;
  if (lx.IsWord(e, "ke") && lx.IsWord(e + 1, "tu")) {
    from = true;
    e += 2;
    while (e < t.size() && t[e].kind == Token::kWord) ++e;  // "ngày giao", "ngày nhận"
  }
  c.kind = DeadlineKind::kRelative;
  c.relative_days = Val(lx, j);
  c.relative_working_days = working;
  c.self_evident = working || from;
  const char* unit = working ? "working days" : "days";
  if (!in.ctx.assigned) {
    c.explanation.push_back(absl::StrFormat(
        "%s -> relative: %d %s after the assignment date (none given, so no due day)", Q(lx, j, e),
        c.relative_days, unit));
    return e;
  }
  if (working) {
    const WorkingCalendar& cal = in.ctx.calendar ? *in.ctx.calendar : WorkingCalendar::Vietnam();
    c.due = cal.AddWorkingDays(*in.ctx.assigned, c.relative_days);
  } else {
    c.due = *in.ctx.assigned + days{c.relative_days};
  }
  c.explanation.push_back(absl::StrFormat("%s -> relative: %d %s after %s, %s", Q(lx, j, e),
                                          c.relative_days, unit, FormatIsoDay(*in.ctx.assigned),
                                          FormatIsoDay(*c.due)));
  return e;
}

// Tried in this order; the first form that reads a phrase at the token wins. Order matters
// where one form's phrase starts like another's: a longer form comes before its prefix
// ("2025 và những năm tiếp theo" before "2025"), "trước" forms before the bare day they name,
// a year before a relative count ("2025 ngày" stays a year). tests/golden/deadline-seed.txt
// pins the outcome on every seed phrase, so a reordering that changes any shows there.
constexpr PhraseForm kForms[] = {
    {"before_date", BeforeDate},
    {"before_day_of_each_period", BeforeDayOfEachPeriod},
    {"day_of_each_period", DayOfEachPeriodForm},
    {"date", Date},
    {"month", Month},
    {"quarter", Quarter},
    {"half", Half},
    {"open_ended", OpenEnded},
    {"year", Year},
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
