#include "deadline_grammar.h"

#include "absl/strings/str_format.h"
#include "deadline_forms.h"

namespace mandate::internal {
namespace {

std::string Q(const Lexed& lx, std::size_t b, std::size_t e) {
  return absl::StrFormat("\"%s\"", lx.Quote(b, e));
}

// The marker word(s) at j: adds their Marker to *markers and returns the token after them, or j.
std::size_t MarkerWords(const Lexed& lx, std::size_t j, unsigned* markers) {
  const auto mark = [&](Marker m, std::size_t n) {
    *markers |= m;
    return j + n;
  };
  if (lx.IsWord(j, "thoi") && lx.IsWord(j + 1, "han")) return mark(kHan, 2);
  if (lx.IsWord(j, "han") && !lx.IsWord(j + 1, "che")) return mark(kHan, 1);
  if (lx.IsWord(j, "hoan") && lx.IsWord(j + 1, "thanh")) return mark(kHoanThanh, 2);
  if (lx.IsWord(j, "hoan") && !lx.IsWord(j + 1, "thien")) return mark(kHoanThanh, 1);
  if (lx.IsWord(j, "xong")) return mark(kXong, 1);
  if (lx.IsWord(j, "cham") && (lx.IsWord(j + 1, "nhat") || lx.IsWord(j + 1, "nhit")))
    return mark(kChamNhat, 2);
  if (lx.IsWord(j, "thuc") && lx.IsWord(j + 1, "hien") &&
      (lx.IsWord(j + 2, "thuong") || lx.IsWord(j + 2, "thudng")))
    return mark(kThucHien, 2);
  if (lx.IsWord(j, "trong") && lx.IsWord(j + 1, "vong")) return mark(kTrongVong, 2);
  if (lx.IsWord(j, "trong") && lx.IsWord(j + 1, "thoi") && lx.IsWord(j + 2, "gian"))
    return mark(kTrongVong, 3);
  // "Không quá 20 ngày làm việc", "tối đa là 07 ngày làm việc": the longest time allowed.
  if (lx.IsWord(j, "khong") && lx.IsWord(j + 1, "qua")) return mark(kTrongVong, 2);
  if (lx.IsWord(j, "toi") && lx.IsWord(j + 1, "da"))
    return mark(kTrongVong, lx.IsWord(j + 2, "la") ? 3 : 2);
  // "(từ nay) đến hết năm 2025": to the end of that period.
  if (lx.IsWord(j, "tu") && lx.IsWord(j + 1, "nay") && lx.IsWord(j + 2, "den"))
    return mark(kDen, 2);
  if (lx.IsWord(j, "den") && lx.IsWord(j + 1, "het") && !lx.IsWord(j + 2, "han"))
    return mark(kDen, 2);
  if (lx.IsWord(j, "trong") && lx.IsWord(j + 1, "thoi") && lx.IsWord(j + 2, "han"))
    return mark(kTrongVong, 3);
  if (lx.IsWord(j, "trong")) return mark(kTrong, 1);
  if (lx.IsWord(j, "cuoi")) return mark(kCuoi, 1);
  if (lx.IsWord(j, "vao")) return mark(kVao, 1);
  if (lx.IsWord(j, "den")) return mark(kDen, 1);
  return j;
}

}  // namespace

std::optional<Core> MatchCore(const Lexed& lx, std::size_t i, const DeadlineContext& ctx,
                              bool whole) {
  // "tính đến (hết) ngày 23/9/2025": the day a report counts up to, not a deadline.
  if (i > 0 && lx.IsWord(i - 1, "tinh") && lx.IsWord(i, "den")) return std::nullopt;
  Core c;
  c.tb = i;
  std::size_t j = i;
  for (int guard = 0; guard < 6; ++guard) {  // "hạn hoàn thành trong …": a few marker words
    const std::size_t next = MarkerWords(lx, j, &c.markers);
    if (next == j) break;
    j = next;
  }
  c.body = j;
  std::size_t e = MatchForm(FormInput{lx, ctx, whole}, j, c);
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
    d.start = c.start;
    d.recurrence = c.recurrence;
    d.relative_days = c.relative_days;
    d.relative_working_days = c.relative_working_days;
    d.relative_from = c.relative_from;
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
      d.relative_from = c.relative_from;
    }
    if (c.start && (!d.start || *c.start < *d.start)) d.start = c.start;
  }
  d.explanation.push_back(absl::StrFormat(
      "multi: %d milestones; due = the last fixed milestone%s", static_cast<int>(cores.size()),
      d.due ? ", " + FormatIsoDay(*d.due) : std::string(" (none is fixed)")));
  return d;
}

}  // namespace mandate::internal
