// Deadline phrases and sentences, any bytes. The first byte picks the entry point and the
// context: bit 0 extracts from a sentence (else parses a whole phrase), bit 1 sets the plan
// year 2025, bit 2 the inclusive "trước" rule, bit 3 an assignment day (relative deadlines).
// Checks: results are self-consistent (the kinds that promise a due day have one, spans lie
// inside the sentence and quote it, recurrences enumerate in order), document references
// found in the text point into it, and parsing is deterministic.
#include <algorithm>
#include <string>

#include "fuzz_util.h"
#include "mandate/deadline.h"
#include "mandate/document_ref.h"

namespace {

using mandate::Day;
using mandate::Deadline;
using mandate::DeadlineKind;

void CheckDeadline(const Deadline& d) {
  switch (d.kind) {
    case DeadlineKind::kDate:
    case DeadlineKind::kBefore:
    case DeadlineKind::kMonth:
    case DeadlineKind::kQuarter:
    case DeadlineKind::kHalf:
    case DeadlineKind::kYear:
      FUZZ_CHECK(d.due.has_value());
      break;
    case DeadlineKind::kRecurring:
      FUZZ_CHECK(d.recurrence.has_value());
      break;
    default:
      break;
  }
  if (d.kind == DeadlineKind::kBefore) FUZZ_CHECK(d.anchor.has_value());
  if (d.kind == DeadlineKind::kMulti) FUZZ_CHECK(!d.milestones.empty());
  FUZZ_CHECK(!mandate::EnumName(d.kind).empty());
  if (d.recurrence) {
    const auto& r = *d.recurrence;
    const Day from = mandate::FromEpochDays(20089);  // 2025-01-01
    const Day to = mandate::FromEpochDays(20089 + 400);
    const auto occ = mandate::Occurrences(r, from, to);
    FUZZ_CHECK(std::is_sorted(occ.begin(), occ.end()));
    for (const Day due : occ) {
      FUZZ_CHECK(due >= from && due <= to);
      const auto [start, end] = mandate::OccurrencePeriod(r, due);
      FUZZ_CHECK(start <= end && end == due);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mandate::fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  mandate::DeadlineContext ctx;
  if (mode & 2) ctx.plan_year = 2025;
  ctx.inclusive_before = (mode & 4) != 0;
  if (mode & 8) ctx.assigned = mandate::FromEpochDays(20200);
  const std::string_view text = in.Rest();

  if (mode & 1) {
    const auto x = mandate::ExtractDeadline(text, ctx);
    if (x.deadline.kind != DeadlineKind::kNone) {
      FUZZ_CHECK(x.begin <= x.end && x.end <= text.size());
      FUZZ_CHECK(x.deadline.text == text.substr(x.begin, x.end - x.begin));
      if (x.status.ok() && x.deadline.kind != DeadlineKind::kUnknown) CheckDeadline(x.deadline);
    }
    if (!x.status.ok()) FUZZ_CHECK(!x.status.message().empty());
    for (const auto& ref : mandate::FindDocumentRefs(text)) {
      FUZZ_CHECK(ref.begin <= ref.end && ref.end <= text.size());
      FUZZ_CHECK(ref.raw == text.substr(ref.begin, ref.end - ref.begin));
    }
  } else {
    const auto d = mandate::ParseDeadline(text, ctx);
    if (!d.ok()) {
      FUZZ_CHECK(!d.status().message().empty());
      return 0;
    }
    FUZZ_CHECK(d->kind != DeadlineKind::kNone);
    FUZZ_CHECK(d->text == text);
    CheckDeadline(*d);
    const auto again = mandate::ParseDeadline(std::string(text), ctx);
    FUZZ_CHECK(again.ok() && *again == *d);
    if (auto ref = mandate::ParseDocumentRef(text); ref.ok()) {
      FUZZ_CHECK(ref->raw.size() <= text.size());
    }
  }
  return 0;
}
