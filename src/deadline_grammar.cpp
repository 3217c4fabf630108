#include "deadline_grammar.h"

#include <algorithm>
#include <string_view>

#include "absl/strings/str_format.h"
#include "document_ref_internal.h"
#include "mandate/calendar.h"

namespace mandate::internal {
namespace {

using date::days;

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

const char* FreqWord(Frequency f) {
  switch (f) {
    case Frequency::kWeekly:
      return "weekly";
    case Frequency::kMonthly:
      return "monthly";
    case Frequency::kQuarterly:
      return "quarterly";
    case Frequency::kSemiannual:
      return "semiannual";
    case Frequency::kYearly:
      return "yearly";
  }
  return "monthly";
}

absl::Status PartError(const Lexed& lx, std::size_t b, std::size_t e, const absl::Status& s) {
  return absl::InvalidArgumentError(absl::StrFormat("%s: %s", Q(lx, b, e), s.message()));
}

Day LastOfMonth(int y, unsigned m) { return Day{date::year{y} / date::month{m} / date::last}; }

// The year a phrase leaves out, from the context; error naming the phrase otherwise.
bool ContextYear(const Lexed& lx, std::size_t b, std::size_t e, const DeadlineContext& ctx, Core& c,
                 int* year) {
  if (ctx.plan_year) {
    *year = *ctx.plan_year;
    c.explanation.push_back(
        absl::StrFormat("%s names no year: %d from the plan year", Q(lx, b, e), *year));
    return true;
  }
  c.status = absl::InvalidArgumentError(absl::StrFormat(
      "%s names no year: the plan year is needed (DeadlineContext::plan_year, --year)",
      Q(lx, b, e)));
  return false;
}

bool CheckYear(const Lexed& lx, std::size_t b, std::size_t e, int y, Core& c) {
  auto d = MakeDay(y, 1, 1);
  if (!d.ok()) c.status = PartError(lx, b, e, d.status());
  return d.ok();
}

// The body of a deadline at token j (after the prefix words). Returns its end, or j.
std::size_t Body(const Lexed& lx, std::size_t j, const DeadlineContext& ctx, bool whole, Core& c) {
  const auto& t = lx.tokens;
  int d = 0, m = 0, y = 0;
  // before: "trước ngày 20/12/2025", "trước 15/11/2025", "trước ngày 25 hàng tháng".
  if (IsTruoc(lx, j)) {
    std::size_t k = j + 1;
    if (IsNgay(lx, k)) ++k;
    std::size_t e = MatchDmy(lx, k, &d, &m, &y);
    bool no_year = false;
    if (e == k && IsSmallNumber(lx, k) && (lx.IsPunct(k + 1, '/') || lx.IsPunct(k + 1, '-')) &&
        lx.Adjacent(k + 1) && IsSmallNumber(lx, k + 2) && lx.Adjacent(k + 2)) {
      e = k + 3;  // "trước ngày 15/11": the year from the context
      d = Val(lx, k), m = Val(lx, k + 2);
      no_year = true;
    }
    if (e != k) {
      if (no_year && !ContextYear(lx, j, e, ctx, c, &y)) return e;
      auto day = MakeDay(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
      if (!day.ok()) {
        c.status = PartError(lx, j, e, day.status());
        return e;
      }
      c.kind = DeadlineKind::kBefore;
      c.anchor = *day;
      c.due = ctx.inclusive_before ? *day : *day - days{1};
      c.self_evident = true;
      c.explanation.push_back(absl::StrFormat(
          "%s -> before rule: named day %s, due %s (%s)", Q(lx, j, e), FormatIsoDay(*day),
          FormatIsoDay(*c.due), ctx.inclusive_before ? "inclusive" : "the day before"));
      return e;
    }
    Frequency f;
    if (IsSmallNumber(lx, k)) {
      const std::size_t r = Recurring(lx, k + 1, &f);
      if (r != k + 1) {
        const int n = Val(lx, k);
        if (n < 1 || n > 31) {
          c.status = absl::InvalidArgumentError(
              absl::StrFormat("%s: day %d does not exist", Q(lx, j, r), n));
          return r;
        }
        c.kind = DeadlineKind::kRecurring;
        c.recurrence = Recurrence{f, static_cast<unsigned>(n), true};
        c.self_evident = true;
        c.explanation.push_back(absl::StrFormat(
            "%s -> recurring %s, stated day %d with the before rule", Q(lx, j, r), FreqWord(f), n));
        return r;
      }
    }
    return j;
  }
  // "ngày 25 hàng tháng"
  if (IsNgay(lx, j) && IsSmallNumber(lx, j + 1)) {
    Frequency f;
    const std::size_t r = Recurring(lx, j + 2, &f);
    if (r != j + 2) {
      const int n = Val(lx, j + 1);
      if (n < 1 || n > 31) {
        c.status = absl::InvalidArgumentError(
            absl::StrFormat("%s: day %d does not exist", Q(lx, j, r), n));
        return r;
      }
      c.kind = DeadlineKind::kRecurring;
      c.recurrence = Recurrence{f, static_cast<unsigned>(n), false};
      c.self_evident = true;
      c.explanation.push_back(
          absl::StrFormat("%s -> recurring %s, due on day %d", Q(lx, j, r), FreqWord(f), n));
      return r;
    }
  }
  // date: "31/12/2025", "ngày 01 tháng 7 năm 2025", "31-12-2025", "ngày 15/11" (context year).
  {
    std::size_t k = j;
    const bool ngay = IsNgay(lx, k);
    if (ngay) ++k;
    std::size_t e = MatchDmy(lx, k, &d, &m, &y);
    bool no_year = false;
    if (e == k && (ngay || whole) && IsSmallNumber(lx, k) &&
        (lx.IsPunct(k + 1, '/') || lx.IsPunct(k + 1, '-')) && lx.Adjacent(k + 1) &&
        IsSmallNumber(lx, k + 2) && lx.Adjacent(k + 2) &&
        !(IsSep(lx, k + 3) && lx.Adjacent(k + 3))) {
      e = k + 3;
      d = Val(lx, k), m = Val(lx, k + 2);
      no_year = true;
    } else if (e == k && ngay && IsSmallNumber(lx, k) && IsThang(lx, k + 1) &&
               IsSmallNumber(lx, k + 2) && !IsNam(lx, k + 3)) {
      e = k + 3;  // "ngày 15 tháng 11"
      d = Val(lx, k), m = Val(lx, k + 2);
      no_year = true;
    }
    if (e != k) {
      if (no_year && !ContextYear(lx, j, e, ctx, c, &y)) return e;
      auto day = MakeDay(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
      if (!day.ok()) {
        c.status = PartError(lx, j, e, day.status());
        return e;
      }
      c.kind = DeadlineKind::kDate;
      c.due = *day;
      c.explanation.push_back(
          absl::StrFormat("%s -> date rule: due that day, %s", Q(lx, j, e), FormatIsoDay(*day)));
      return e;
    }
  }
  // month: "tháng 10/2025", "tháng 6 năm 2025", "tháng 10" (context year), bare "7/2025".
  {
    std::size_t k = j;
    const bool thang = IsThang(lx, k);
    if (thang) ++k;
    if (IsSmallNumber(lx, k) && (thang || (IsSep(lx, k + 1) && lx.Adjacent(k + 1) &&
                                           IsYearNumber(lx, k + 2) && lx.Adjacent(k + 2)))) {
      m = Val(lx, k);
      std::size_t e = YearSuffix(lx, k + 1, &y);
      if (e == k + 1 && IsSep(lx, k + 1) && IsYearNumber(lx, k + 2)) e = k + 3, y = Val(lx, k + 2);
      // A "6 tháng đầu năm" half or "tháng 10 ngày ..." is not this; "tháng 6 năm" without a
      // year falls to the context.
      if (e == k + 1) {
        if (!thang) return j;
        if (!ContextYear(lx, j, e, ctx, c, &y)) return e;
      }
      if (m < 1 || m > 12) {
        c.status = absl::InvalidArgumentError(
            absl::StrFormat("%s: month %d does not exist", Q(lx, j, e), m));
        return e;
      }
      if (!CheckYear(lx, j, e, y, c)) return e;
      c.kind = DeadlineKind::kMonth;
      c.due = LastOfMonth(y, static_cast<unsigned>(m));
      c.self_evident = thang && e != k + 1;
      c.explanation.push_back(absl::StrFormat("%s -> month rule: last day of %02d/%d, %s",
                                              Q(lx, j, e), m, y, FormatIsoDay(*c.due)));
      return e;
    }
  }
  // quarter: "Quý IV", "Quý III/2025", "quý 1/2026", "quý I năm 2026".
  if (lx.IsWord(j, "quy")) {
    int q = 0;
    const std::size_t k = j + 1;
    if (lx.IsWord(k, "i"))
      q = 1;
    else if (lx.IsWord(k, "ii"))
      q = 2;
    else if (lx.IsWord(k, "iii"))
      q = 3;
    else if (lx.IsWord(k, "iv"))
      q = 4;
    else if (lx.IsWord(k, "v") || lx.IsWord(k, "vi"))
      q = 99;
    else if (IsSmallNumber(lx, k))
      q = Val(lx, k) == 0 ? 99 : Val(lx, k);
    if (q != 0) {
      std::size_t e = YearSuffix(lx, k + 1, &y);
      if (q < 1 || q > 4) {
        c.status = absl::InvalidArgumentError(absl::StrFormat(
            "%s: quarter %s does not exist (I..IV)", Q(lx, j, e), lx.Quote(k, k + 1)));
        return e;
      }
      if (e == k + 1 && !ContextYear(lx, j, e, ctx, c, &y)) return e;
      if (!CheckYear(lx, j, e, y, c)) return e;
      c.kind = DeadlineKind::kQuarter;
      c.due = LastOfMonth(y, static_cast<unsigned>(q * 3));
      c.self_evident = true;
      c.explanation.push_back(absl::StrFormat("%s -> quarter rule: last day of Q%d/%d, %s",
                                              Q(lx, j, e), q, y, FormatIsoDay(*c.due)));
      return e;
    }
  }
  // half: "6 tháng đầu năm 2025", "6 tháng cuối năm", "nửa đầu năm 2025".
  {
    std::size_t k = j;
    if (lx.IsNumber(k) && Val(lx, k) == 6 && IsThang(lx, k + 1))
      k += 2;
    else if (lx.IsWord(k, "nua"))
      k += 1;
    if (k != j && (lx.IsWord(k, "dau") || lx.IsWord(k, "cuoi")) && IsNam(lx, k + 1)) {
      const bool first = lx.IsWord(k, "dau");
      std::size_t e = k + 2;
      if (IsYearNumber(lx, e)) {
        y = Val(lx, e);
        ++e;
      } else if (!ContextYear(lx, j, e, ctx, c, &y)) {
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
  }
  // open end: "2025 và những năm tiếp theo"; year: "2025", "năm 2026".
  {
    std::size_t k = j;
    if (IsNam(lx, k)) ++k;
    if (IsYearNumber(lx, k) && !(IsSep(lx, k + 1) && lx.Adjacent(k + 1) && lx.IsNumber(k + 2))) {
      y = Val(lx, k);
      std::size_t e = k + 1;
      const bool open =
          lx.IsWord(e, "va") && (lx.IsWord(e + 1, "nhung") || lx.IsWord(e + 1, "cac")) &&
          IsNam(lx, e + 2) &&
          ((lx.IsWord(e + 3, "tiep") && lx.IsWord(e + 4, "theo")) || lx.IsWord(e + 3, "sau"));
      if (open) e += lx.IsWord(e + 3, "sau") ? 4 : 5;
      if (!CheckYear(lx, j, e, y, c)) return e;
      if (open) {
        c.kind = DeadlineKind::kOpenEnded;
        c.first_due = LastOfMonth(y, 12);
        c.self_evident = true;
        c.explanation.push_back(absl::StrFormat("%s -> open-ended rule: first due %s, no final due",
                                                Q(lx, j, e), FormatIsoDay(*c.first_due)));
      } else {
        c.kind = DeadlineKind::kYear;
        c.due = LastOfMonth(y, 12);
        c.explanation.push_back(
            absl::StrFormat("%s -> year rule: 31 December, %s", Q(lx, j, e), FormatIsoDay(*c.due)));
      }
      return e;
    }
  }
  // recurring: "Hàng tháng", "Hằng tuần", "định kỳ 6 tháng".
  {
    Frequency f;
    const std::size_t e = Recurring(lx, j, &f);
    if (e != j) {
      c.kind = DeadlineKind::kRecurring;
      c.recurrence = Recurrence{f, std::nullopt, false};
      c.explanation.push_back(absl::StrFormat("%s -> recurring %s: each period's last day%s",
                                              Q(lx, j, e), FreqWord(f),
                                              f == Frequency::kWeekly ? " (Sunday)" : ""));
      return e;
    }
  }
  if ((lx.IsWord(j, "thuong") || lx.IsWord(j, "thudng")) && lx.IsWord(j + 1, "xuyen")) {
    c.kind = DeadlineKind::kOngoing;
    c.explanation.push_back(absl::StrFormat("%s -> ongoing: no due day", Q(lx, j, j + 2)));
    return j + 2;
  }
  if (lx.IsWord(j, "theo") && lx.IsWord(j + 1, "lo") && lx.IsWord(j + 2, "trinh")) {
    c.kind = DeadlineKind::kRoadmap;
    c.explanation.push_back(
        absl::StrFormat("%s -> roadmap: due set by the roadmap", Q(lx, j, j + 3)));
    return j + 3;
  }
  // relative: "30 ngày kể từ ngày giao", "05 ngày làm việc".
  if (lx.IsNumber(j) && t[j].digits() <= 4 && IsNgay(lx, j + 1)) {
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
    if (ctx.assigned) {
      if (working) {
        const WorkingCalendar& cal = ctx.calendar ? *ctx.calendar : WorkingCalendar::Vietnam();
        c.due = cal.AddWorkingDays(*ctx.assigned, c.relative_days);
      } else {
        c.due = *ctx.assigned + days{c.relative_days};
      }
      c.explanation.push_back(absl::StrFormat("%s -> relative: %d %s after %s, %s", Q(lx, j, e),
                                              c.relative_days, working ? "working days" : "days",
                                              FormatIsoDay(*ctx.assigned), FormatIsoDay(*c.due)));
    } else {
      c.explanation.push_back(absl::StrFormat(
          "%s -> relative: %d %s after the assignment date (none given, so no due day)",
          Q(lx, j, e), c.relative_days, working ? "working days" : "days"));
    }
    return e;
  }
  return j;
}

}  // namespace

std::optional<Core> MatchCore(const Lexed& lx, std::size_t i, const DeadlineContext& ctx,
                              bool whole) {
  Core c;
  c.tb = i;
  std::size_t j = i;
  for (int guard = 0; guard < 6; ++guard) {
    if (lx.IsWord(j, "thoi") && lx.IsWord(j + 1, "han"))
      c.markers |= kHan, j += 2;
    else if (lx.IsWord(j, "han") && !lx.IsWord(j + 1, "che"))
      c.markers |= kHan, j += 1;
    else if (lx.IsWord(j, "hoan") && lx.IsWord(j + 1, "thanh"))
      c.markers |= kHoanThanh, j += 2;
    else if (lx.IsWord(j, "hoan") && !lx.IsWord(j + 1, "thien"))
      c.markers |= kHoanThanh, j += 1;
    else if (lx.IsWord(j, "xong"))
      c.markers |= kXong, j += 1;
    else if (lx.IsWord(j, "cham") && (lx.IsWord(j + 1, "nhat") || lx.IsWord(j + 1, "nhit")))
      c.markers |= kChamNhat, j += 2;
    else if (lx.IsWord(j, "thuc") && lx.IsWord(j + 1, "hien") &&
             (lx.IsWord(j + 2, "thuong") || lx.IsWord(j + 2, "thudng")))
      c.markers |= kThucHien, j += 2;
    else if (lx.IsWord(j, "trong") && lx.IsWord(j + 1, "vong"))
      c.markers |= kTrongVong, j += 2;
    else if (lx.IsWord(j, "trong") && lx.IsWord(j + 1, "thoi") && lx.IsWord(j + 2, "han"))
      c.markers |= kTrongVong, j += 3;
    else if (lx.IsWord(j, "trong"))
      c.markers |= kTrong, j += 1;
    else if (lx.IsWord(j, "cuoi"))
      c.markers |= kCuoi, j += 1;
    else if (lx.IsWord(j, "vao"))
      c.markers |= kVao, j += 1;
    else if (lx.IsWord(j, "den"))
      c.markers |= kDen, j += 1;
    else
      break;
  }
  c.body = j;
  std::size_t e = Body(lx, j, ctx, whole, c);
  if (e == j) return std::nullopt;
  // OCR glued a stray letter to the number: "10/2025S."
  if (c.status.ok() && lx.IsWord(e, "s") && lx.Adjacent(e) && lx.IsNumber(e - 1)) {
    c.explanation.push_back(
        absl::StrFormat("%s: OCR letter after the number ignored", Q(lx, e, e + 1)));
    ++e;
  }
  if (j != i) {
    c.explanation.insert(c.explanation.begin(),
                         absl::StrFormat("%s: deadline marker words", Q(lx, i, j)));
  }
  c.te = e;
  return c;
}

Deadline Assemble(const std::vector<Core>& cores, const std::vector<std::string>& labels) {
  Deadline d;
  if (cores.size() == 1) {
    const Core& c = cores[0];
    d.kind = c.kind;
    d.due = c.due;
    d.anchor = c.anchor;
    d.first_due = c.first_due;
    d.recurrence = c.recurrence;
    d.relative_days = c.relative_days;
    d.relative_working_days = c.relative_working_days;
    d.explanation = c.explanation;
    return d;
  }
  d.kind = DeadlineKind::kMulti;
  for (std::size_t k = 0; k < cores.size(); ++k) {
    const Core& c = cores[k];
    d.milestones.push_back(Milestone{labels[k], c.kind, c.due});
    for (const auto& e : c.explanation) d.explanation.push_back(e);
    if (c.due && (!d.due || *c.due > *d.due)) d.due = c.due;
    if (c.recurrence && !d.recurrence) d.recurrence = c.recurrence;
    if (c.first_due && !d.first_due) d.first_due = c.first_due;
    if (c.kind == DeadlineKind::kRelative) {
      d.relative_days = c.relative_days;
      d.relative_working_days = c.relative_working_days;
    }
  }
  d.explanation.push_back(absl::StrFormat(
      "multi: %d milestones; due = the last fixed milestone%s", static_cast<int>(cores.size()),
      d.due ? ", " + FormatIsoDay(*d.due) : std::string(" (none is fixed)")));
  return d;
}

}  // namespace mandate::internal
