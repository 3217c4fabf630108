// Deadline extraction from sentences: every deadline-shaped phrase is a candidate unless it
// lies inside a cited document reference or is a duration; candidates are ranked by how
// clearly the sentence marks them as the deadline, and the best ones win.
#include <algorithm>

#include "absl/strings/str_format.h"
#include "deadline_grammar.h"
#include "document_ref_internal.h"
#include "mandate/deadline.h"

namespace mandate {
namespace {

using internal::Core;
using internal::Lexed;

bool IsUnit(const Lexed& lx, std::size_t i) {
  return lx.IsWord(i, "thang") || lx.IsWord(i, "nam") || lx.IsWord(i, "tuan") ||
         lx.IsWord(i, "ngay") || lx.IsWord(i, "thing") || lx.IsWord(i, "nim");
}

// Durations and ranges that are never deadlines: "6-12 tháng", "kéo dài 6 tháng",
// "3 - 5 năm", "2026 - 2030". Returns the end of the one at i, or i.
std::size_t Duration(const Lexed& lx, std::size_t i) {
  if (!lx.IsNumber(i)) return i;
  std::size_t j = i + 1;
  const bool range = (lx.IsPunct(j, '-') || lx.IsPunct(j, '?')) && lx.IsNumber(j + 1);
  if (range) j += 2;
  if (range && lx.tokens[i].digits() == 4 && lx.tokens[j - 1].digits() == 4) return j;  // years
  if (!IsUnit(lx, j)) return i;
  // "6 tháng đầu năm" is a half-year deadline, "30 ngày kể từ" a relative one.
  if (!range && (lx.IsWord(j, "thang") || lx.IsWord(j, "thing")) &&
      (lx.IsWord(j + 1, "dau") || lx.IsWord(j + 1, "cuoi"))) {
    return i;
  }
  if (lx.IsWord(j, "ngay") && !range) return i;
  if (!range &&
      (lx.IsWord(j, "nam") || lx.IsWord(j, "nim") || lx.IsWord(j, "thang") ||
       lx.IsWord(j, "thing")) &&
      lx.IsNumber(j + 1)) {
    return i;  // "01 tháng 7 năm 2025" is a date
  }
  if (i > 0 && (lx.IsWord(i - 1, "thang") || lx.IsWord(i - 1, "ngay") || lx.IsWord(i - 1, "quy")))
    return i;
  return j + 1;
}

bool SegmentEdge(const Lexed& lx, std::size_t i) {
  return lx.IsPunct(i, ';') || lx.IsPunct(i, '(') || lx.IsPunct(i, ')') || lx.IsPunct(i, '.');
}

struct Candidate {
  Core core;
  int tier = 0;
  std::string why;
};

// How clearly the sentence marks the phrase as the deadline: 3 marked ("hạn", "hoàn thành",
// "chậm nhất", or standing alone between separators), 2 self-evident ("tháng 10/2025",
// "trước ngày …", "trong tháng …"), 1 weak ("trong năm 2025", "hằng tháng"), 0 not a deadline
// ("từ ngày 01/7/2025", "cho năm 2026").
int Tier(const Lexed& lx, const Core& c, std::string* why) {
  const std::size_t n = lx.tokens.size();
  if (c.markers & internal::kStrongMarkers) {
    *why = "marked as the deadline";
    return 3;
  }
  const bool left = c.tb == 0 || lx.IsPunct(c.tb - 1, '(') || lx.IsPunct(c.tb - 1, ';') ||
                    lx.IsPunct(c.tb - 1, ',') || lx.IsPunct(c.tb - 1, ':');
  const bool right = c.te == n || lx.IsPunct(c.te, ')') || lx.IsPunct(c.te, ';') ||
                     (lx.IsPunct(c.te, '.') && c.te + 1 == n);
  if (left && right && c.kind != DeadlineKind::kRelative) {
    *why = "stands alone between separators";
    return 3;
  }
  for (std::size_t k = c.tb; k > 0 && !SegmentEdge(lx, k - 1); --k) {
    if (lx.IsWord(k - 1, "han") && !lx.IsWord(k, "che")) {
      *why = "\"hạn\" earlier in the same clause";
      return 3;
    }
  }
  const bool trong =
      c.markers & (internal::kTrong | internal::kCuoi | internal::kDen | internal::kVao);
  switch (c.kind) {
    case DeadlineKind::kBefore:
    case DeadlineKind::kQuarter:
    case DeadlineKind::kHalf:
      *why = "self-evident deadline phrase";
      return 2;
    case DeadlineKind::kMonth:
    case DeadlineKind::kRelative:
    case DeadlineKind::kDate:
      if (c.self_evident || (trong && c.kind != DeadlineKind::kRelative)) {
        *why = trong ? "\"trong\"/\"cuối\"/\"đến\" before it" : "self-evident deadline phrase";
        return 2;
      }
      return 0;
    case DeadlineKind::kYear:
      if (trong) *why = "\"trong năm\"";
      return trong ? 1 : 0;
    case DeadlineKind::kRecurring:
    case DeadlineKind::kRoadmap:
    case DeadlineKind::kOpenEnded:
      *why = "recurrence, roadmap or open end";
      return 1;
    default:
      return 0;
  }
}

bool SameValue(const Core& a, const Core& b) {
  return a.kind == b.kind && a.due == b.due && a.anchor == b.anchor &&
         a.recurrence == b.recurrence && a.first_due == b.first_due;
}

// Tokens no deadline may use: cited documents (with their dates) and durations. Says why in
// *notes.
std::vector<bool> MaskNonDeadlines(const Lexed& lx, std::vector<std::string>* notes) {
  const std::size_t n = lx.tokens.size();
  std::vector<bool> masked(n, false);
  for (const auto& f : internal::FindRefs(lx)) {
    for (std::size_t k = f.tb; k < f.te; ++k) masked[k] = true;
    if (f.ref.date) {
      notes->push_back(
          absl::StrFormat("\"%s\": a cited document, its date is not a deadline", f.ref.raw));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (masked[i]) continue;
    const std::size_t e = Duration(lx, i);
    if (e == i) continue;
    for (std::size_t k = i; k < e; ++k) masked[k] = true;
    notes->push_back(
        absl::StrFormat("\"%s\": a duration or range, not a deadline", lx.Quote(i, e)));
    i = e - 1;
  }
  return masked;
}

struct Candidates {
  std::vector<Candidate> found;     // readable deadlines, tier 1 and up, in sentence order
  std::optional<Candidate> failed;  // the first tier-2+ phrase that cannot hold
};

// Every deadline phrase outside the masked tokens, left to right, each with its tier.
Candidates FindCandidates(const Lexed& lx, const std::vector<bool>& masked,
                          const DeadlineContext& ctx) {
  Candidates out;
  for (std::size_t i = 0; i < lx.tokens.size(); ++i) {
    if (masked[i]) continue;
    auto c = internal::MatchCore(lx, i, ctx, /*whole=*/false);
    if (!c) continue;
    if (std::any_of(masked.begin() + static_cast<std::ptrdiff_t>(c->tb),
                    masked.begin() + static_cast<std::ptrdiff_t>(c->te),
                    [](bool m) { return m; })) {
      continue;
    }
    // Past the phrase either way: its inner numbers ("02/2025" in "31/02/2025") are not
    // deadlines either.
    i = c->te - 1;
    Candidate cand;
    cand.tier = Tier(lx, *c, &cand.why);
    if (!c->status.ok()) {
      if (cand.tier >= 2 && !out.failed) {
        cand.core = std::move(*c);
        out.failed = std::move(cand);
      }
      continue;
    }
    if (cand.tier == 0) continue;
    cand.core = std::move(*c);
    out.found.push_back(std::move(cand));
  }
  return out;
}

// No readable deadline: kNone, or kUnknown with the error of a phrase that cannot hold.
ExtractedDeadline NoDeadline(std::string_view sentence, const Lexed& lx,
                             const std::optional<Candidate>& failed,
                             std::vector<std::string> notes) {
  ExtractedDeadline out;
  out.deadline.kind = DeadlineKind::kNone;
  out.deadline.explanation = std::move(notes);
  if (!failed) {
    out.deadline.explanation.push_back("no deadline phrase in the sentence");
    return out;
  }
  out.deadline.kind = DeadlineKind::kUnknown;
  out.begin = lx.OrigBegin(failed->core.tb);
  out.end = lx.OrigEnd(failed->core.te - 1);
  out.deadline.text = std::string(sentence.substr(out.begin, out.end - out.begin));
  out.status = failed->core.status;
  out.deadline.explanation.push_back(std::string(out.status.message()));
  return out;
}

// The candidates that make the deadline, in sentence order: those of the top tier, those
// chained to them by "và", and a recurrence beside a fixed day.
std::vector<std::size_t> Choose(const Lexed& lx, const std::vector<Candidate>& cands) {
  int top = 0;
  for (const auto& c : cands) top = std::max(top, c.tier);
  std::vector<std::size_t> chosen;
  auto add = [&](std::size_t k) {
    for (std::size_t x : chosen) {
      if (x == k || SameValue(cands[x].core, cands[k].core)) return;
    }
    chosen.push_back(k);
  };
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (cands[k].tier == top) add(k);
  }
  // "… tháng 12/2025 và thực hiện trong năm 2026", "trước ngày 20/11/2025 và hàng tháng".
  for (std::size_t x = 0; x < chosen.size(); ++x) {
    const std::size_t after = cands[chosen[x]].core.te;
    if (!lx.IsWord(after, "va")) continue;
    // "và" then at most three words (a verb: "thực hiện") before the next deadline.
    for (std::size_t k = 0; k < cands.size(); ++k) {
      const std::size_t tb = cands[k].core.tb;
      bool words_only = tb > after && tb - after <= 4;
      for (std::size_t w = after + 1; words_only && w < tb; ++w) words_only = lx.IsWord(w);
      if (words_only) add(k);
    }
  }
  // A fixed deadline with a reporting rhythm ("…trước ngày 31/12/2025; báo cáo hằng tuần").
  const bool has_recurring = std::any_of(chosen.begin(), chosen.end(), [&](std::size_t x) {
    return cands[x].core.kind == DeadlineKind::kRecurring;
  });
  if (!has_recurring) {
    for (std::size_t k = 0; k < cands.size(); ++k) {
      if (cands[k].core.kind == DeadlineKind::kRecurring) {
        add(k);
        break;
      }
    }
  }
  std::sort(chosen.begin(), chosen.end(),
            [&](std::size_t a, std::size_t b) { return cands[a].core.tb < cands[b].core.tb; });
  return chosen;
}

// The chosen candidates as one deadline spanning them all, its explanation saying what was
// chosen and passed over and why.
ExtractedDeadline AssembleChosen(std::string_view sentence, const Lexed& lx,
                                 const std::vector<Candidate>& cands,
                                 const std::vector<std::size_t>& chosen,
                                 std::vector<std::string> notes) {
  ExtractedDeadline out;
  std::vector<Core> cores;
  std::vector<std::string> labels;
  out.begin = sentence.size();
  out.end = 0;
  for (std::size_t x : chosen) {
    const Core& c = cands[x].core;
    const std::size_t b = lx.OrigBegin(c.tb), e = lx.OrigEnd(c.te - 1);
    out.begin = std::min(out.begin, b);
    out.end = std::max(out.end, e);
    labels.emplace_back(sentence.substr(b, e - b));
    cores.push_back(c);
  }
  out.deadline = internal::Assemble(cores, labels);
  out.deadline.text = std::string(sentence.substr(out.begin, out.end - out.begin));
  std::vector<std::string> expl = std::move(notes);
  for (std::size_t x : chosen) {
    expl.push_back(absl::StrFormat("\"%s\" chosen: %s",
                                   lx.Quote(cands[x].core.tb, cands[x].core.te), cands[x].why));
  }
  for (std::size_t k = 0; k < cands.size(); ++k) {
    if (std::find(chosen.begin(), chosen.end(), k) == chosen.end()) {
      expl.push_back(absl::StrFormat("\"%s\" passed over: a weaker or repeated mention",
                                     lx.Quote(cands[k].core.tb, cands[k].core.te)));
    }
  }
  expl.insert(expl.end(), out.deadline.explanation.begin(), out.deadline.explanation.end());
  out.deadline.explanation = std::move(expl);
  return out;
}

}  // namespace

ExtractedDeadline ExtractDeadline(std::string_view sentence, const DeadlineContext& ctx) {
  if (const std::size_t limit = ctx.max_text_bytes.value_or(kMaxDeadlineSentenceBytes);
      sentence.size() > limit) {
    ExtractedDeadline out;
    out.deadline.kind = DeadlineKind::kUnknown;
    out.status = absl::ResourceExhaustedError(
        absl::StrFormat("sentence is %d bytes, over the limit of %d for deadline extraction",
                        sentence.size(), limit));
    return out;
  }
  const Lexed lx = internal::Lex(sentence);
  std::vector<std::string> notes;
  const std::vector<bool> masked = MaskNonDeadlines(lx, &notes);
  Candidates cands = FindCandidates(lx, masked, ctx);
  if (cands.found.empty()) return NoDeadline(sentence, lx, cands.failed, std::move(notes));
  return AssembleChosen(sentence, lx, cands.found, Choose(lx, cands.found), std::move(notes));
}

}  // namespace mandate
