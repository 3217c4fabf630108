// The resolver: a raw cell of agency names ("Bộ Văn hóa, Thể thao và Du lịch, UBND TP. Hà
// Nội", "Các bộ, ngành, địa phương") or the start of a sentence, turned into agency ids by the
// registry's name index (agency_registry.cpp builds it). Rules: docs/agencies.md.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "agency_splitter.h"
#include "mandate/absl_compat.h"
#include "mandate/agency_registry.h"
#include "mandate/text.h"

namespace mandate {

using internal::CellToken;
using internal::Gap;

namespace {

// Words before a province name that name its government, not another body ("UBND TP. Hà
// Nội"). Longest first, so "thanh pho" is not read as an unknown word before "pho".
const std::vector<std::vector<std::string_view>>& AdminPrefixes() {
  static const auto* prefixes = new std::vector<std::vector<std::string_view>>{
      {"uy", "ban", "nhan", "dan"}, {"thanh", "pho"}, {"ubnd"}, {"tinh"}, {"tp"}};
  return *prefixes;
}

// Joiners between two agencies of a list: "A và B", "A cùng B".
bool IsConnector(std::string_view w) { return w == "va" || w == "cung"; }

}  // namespace

namespace {
void SortUnique(std::vector<AgencyIndex>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

struct AgencyRegistry::Match {
  bool collective = false;
  std::size_t index = 0;  // agency or collective index
  std::size_t begin = 0;  // token range
  std::size_t end = 0;
  unsigned kinds = 0;  // a collective read by its parts: bits of AgencyKind (index unused)
};

namespace {

constexpr unsigned Bit(AgencyKind k) { return 1u << static_cast<unsigned>(k); }
constexpr unsigned kCentral =
    Bit(AgencyKind::kMinistry) | Bit(AgencyKind::kMinistryLevel) | Bit(AgencyKind::kGovernmentAgency);

// The words of one part of a collective ("bộ", "ngành", "cơ quan ngang bộ", "cơ quan thuộc
// Chính phủ", "địa phương", "tỉnh", "thành phố trực thuộc Trung ương") and the kinds it
// stands for. "cơ quan" alone names no kind: it counts only beside a part that does.
struct CollectivePart {
  std::vector<std::string_view> words;
  unsigned kinds;
};
const std::vector<CollectivePart>& CollectiveParts() {
  static const auto* parts = new std::vector<CollectivePart>{
      // longest first
      {{"co", "quan", "thuoc", "chinh", "phu"}, Bit(AgencyKind::kGovernmentAgency)},
      {{"co", "quan", "ngang", "bo"}, Bit(AgencyKind::kMinistryLevel)},
      {{"co", "quan", "trung", "uong"}, kCentral},
      {{"thanh", "pho"}, Bit(AgencyKind::kProvince)},
      {{"dia", "phuong"}, Bit(AgencyKind::kProvince)},
      {{"co", "quan"}, 0},
      {{"bo"}, Bit(AgencyKind::kMinistry)},
      {{"nganh"}, kCentral},
      {{"tinh"}, Bit(AgencyKind::kProvince)},
      {{"tp"}, Bit(AgencyKind::kProvince)},
  };
  return *parts;
}

// The words at i, in one parenthesis group, none separated by more than a space after the
// first: their count, or 0.
std::size_t WordsAt(const std::vector<CellToken>& toks, std::size_t i, std::size_t end,
                    const std::vector<std::string_view>& words) {
  if (i + words.size() > end) return 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const CellToken& t = toks[i + k];
    if (t.text != words[k] || t.group != toks[i].group || (k > 0 && t.gap != Gap::kNone)) return 0;
  }
  return words.size();
}

// The members of a collective read by its parts: every agency of its kinds.
std::vector<AgencyIndex> MembersOfKinds(const std::vector<Agency>& agencies, unsigned kinds) {
  std::vector<AgencyIndex> out;
  for (std::size_t a = 0; a < agencies.size(); ++a) {
    if (kinds & (1u << static_cast<unsigned>(agencies[a].kind)))
      out.push_back(static_cast<AgencyIndex>(a));
  }
  return out;
}

}  // namespace

// A collective written in its own words, read by its parts: "Các bộ, ngành và địa phương",
// "Ủy ban nhân dân các tỉnh, thành phố", "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ".
// Needs "các" before the parts or two parts that name kinds; nullopt otherwise.
std::optional<AgencyRegistry::Match> AgencyRegistry::PartsAt(const Tokens& toks, std::size_t i,
                                                             std::size_t end) const {
  std::size_t j = i;
  bool cac = false;
  if (std::size_t n = WordsAt(toks, j, end, {"uy", "ban", "nhan", "dan"})) {
    j += n;
  } else if (WordsAt(toks, j, end, {"ubnd"})) {
    ++j;
  }
  if (WordsAt(toks, j, end, {"cac"})) cac = true, ++j;
  unsigned kinds = 0;
  int named = 0;
  std::size_t last = j;  // the end of the last part read
  for (std::size_t k = j; k < end;) {
    if (k > j) {  // a separator: a comma, "và", "hoặc"
      if (toks[k].gap == Gap::kBreak || toks[k].group != toks[i].group) break;
      if (toks[k].text == "va" || toks[k].text == "hoac") {
        if (toks[k].gap != Gap::kNone) break;
        ++k;
      } else if (toks[k].gap != Gap::kComma) {
        break;
      }
      if (k >= end || toks[k].gap == Gap::kBreak) break;
      if (WordsAt(toks, k, end, {"cac"})) ++k;  // "các bộ và các địa phương"
    }
    std::size_t n = 0;
    unsigned part = 0;
    for (const CollectivePart& p : CollectiveParts()) {
      if ((n = WordsAt(toks, k, end, p.words)) != 0) {
        part = p.kinds;
        break;
      }
    }
    if (n == 0) break;
    // "Bộ Tài chính": a name, not the part "bộ".
    if (auto name = LongestAt(toks, k, end, ""); name && !name->collective && name->end > k + n)
      break;
    k += n;
    if (std::size_t t = WordsAt(toks, k, end, {"truc", "thuoc", "trung", "uong"})) k += t;
    else if (std::size_t t2 = WordsAt(toks, k, end, {"truc", "thuoc", "tw"})) k += t2;
    kinds |= part;
    named += part != 0;
    last = k;
  }
  if (kinds == 0 || (!cac && named < 2)) return std::nullopt;
  return Match{true, 0, i, last, kinds};
}

// Stacked prefixes ("tp tp tp …", "tỉnh, tỉnh, …") reach the same positions from every item
// start: remembering each position's match keeps resolution linear in the cell.
struct AgencyRegistry::MatchMemo {
  absl::flat_hash_map<std::size_t, std::optional<Match>> at;  // MatchAt(j, item start)
};

std::optional<AgencyIndex> AgencyRegistry::FindByName(std::string_view name) const {
  if (!IsValidUtf8(name)) return std::nullopt;
  const Tokens toks = internal::SplitCell(name);
  if (toks.empty()) return std::nullopt;
  MatchMemo memo;
  auto m = MatchAt(toks, 0, toks.size(), true, memo);
  if (!m || m->collective || m->end != toks.size()) return std::nullopt;
  return static_cast<AgencyIndex>(m->index);
}

// The longest known name starting at token i (preceded by `prefix`, for the omitted
// "Bộ"). A name may span commas ("Bộ Văn hóa, Thể thao và Du lịch") but not a line
// break, semicolon or parenthesis.
std::optional<AgencyRegistry::Match> AgencyRegistry::LongestAt(const Tokens& toks, std::size_t i,
                                                               std::size_t end,
                                                               std::string_view prefix) const {
  std::size_t limit = i + 1;
  while (limit < end && limit - i < max_key_tokens_ && toks[limit].gap != Gap::kBreak &&
         toks[limit].group == toks[i].group) {
    ++limit;
  }
  // Called at every position of a cell: the buffers are reused, so a 90 KB cell costs no
  // allocation per token (which dominated under the sanitizers' allocator).
  thread_local std::string key;
  thread_local std::vector<std::size_t> lengths;  // key length after each token
  key.assign(prefix);
  lengths.clear();
  for (std::size_t j = i; j < limit; ++j) {
    if (j > i || !key.empty()) key.push_back(' ');
    key += toks[j].text;
    lengths.push_back(key.size());
  }
  for (std::size_t n = lengths.size(); n > 0; --n) {
    const std::string_view k(key.data(), lengths[n - 1]);
    if (auto it = by_key_.find(ToAbsl(k)); it != by_key_.end()) {
      return Match{false, it->second, i, i + n};
    }
    if (auto it = collective_by_key_.find(ToAbsl(k)); it != collective_by_key_.end()) {
      return Match{true, it->second, i, i + n};
    }
  }
  return std::nullopt;
}

namespace {

// Whether an administrative prefix is written at token i, with a word after it.
bool PrefixAt(const std::vector<CellToken>& toks, std::size_t i, std::size_t end,
              const std::vector<std::string_view>& prefix) {
  if (i + prefix.size() >= end) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (toks[i + k].text != prefix[k] || toks[i + k].group != toks[i].group ||
        (k > 0 && toks[i + k].gap != Gap::kNone)) {
      return false;
    }
  }
  return toks[i + prefix.size()].gap != Gap::kBreak;
}

}  // namespace

std::optional<AgencyRegistry::Match> AgencyRegistry::MatchAt(const Tokens& toks, std::size_t i,
                                                             std::size_t end, bool item_start,
                                                             MatchMemo& memo) const {
  if (!item_start) return LongestAt(toks, i, end, "");
  if (auto it = memo.at.find(i); it != memo.at.end()) return it->second;
  // "UBND", "Ủy ban nhân dân", "tỉnh", "thành phố", "TP" before a province or a collective
  // of provinces; they may stack ("UBND TP. Hà Nội"), without limit in hostile input. So no
  // recursion: first the positions the prefixes reach from i, in order, then their matches
  // from the last back, each seeing the matches after it.
  std::vector<std::size_t> chain;
  std::vector<std::optional<Match>> longest;  // LongestAt of each chain position
  std::vector<char> reached(1, 1);            // by position - i
  for (std::size_t j = i; j - i < reached.size(); ++j) {
    if (!reached[j - i] || memo.at.contains(j)) continue;
    chain.push_back(j);
    longest.push_back(LongestAt(toks, j, end, ""));
    if (longest.back()) continue;  // a name here: prefixes are not tried
    for (const auto& prefix : AdminPrefixes()) {
      if (!PrefixAt(toks, j, end, prefix)) continue;
      const std::size_t next = j + prefix.size() - i;
      if (reached.size() <= next) reached.resize(next + 1, 0);
      reached[next] = 1;
    }
  }
  auto provincial = [&](const Match& m) {
    if (!m.collective) return agencies_[m.index].kind == AgencyKind::kProvince;
    const auto& members = collectives_[m.index].members;
    return !members.empty() && std::all_of(members.begin(), members.end(), [&](AgencyIndex a) {
      return agencies_[a].kind == AgencyKind::kProvince;
    });
  };
  for (std::size_t k = chain.size(); k-- > 0;) {
    const std::size_t j = chain[k];
    std::optional<Match> m = std::move(longest[k]);
    for (std::size_t p = 0; !m && p < AdminPrefixes().size(); ++p) {
      const auto& prefix = AdminPrefixes()[p];
      if (!PrefixAt(toks, j, end, prefix)) continue;
      const std::optional<Match>& inner = memo.at.at(j + prefix.size());
      if (inner && provincial(*inner)) {
        m = inner;
        m->begin = j;
      }
    }
    // A list that leaves out "Bộ": "Tài chính, Khoa học và Công nghệ, …".
    if (!m && toks[j].text != "bo") {
      auto b = LongestAt(toks, j, end, "bo");
      if (b && !b->collective && agencies_[b->index].kind == AgencyKind::kMinistry) m = b;
    }
    memo.at.emplace(j, std::move(m));
  }
  return memo.at.at(i);
}

// ---- resolution ----

void AgencyRegistry::ResolveRange(std::string_view cell, const Tokens& toks, std::size_t begin,
                                  std::size_t end, bool leading_only, Resolution& out) const {
  const unsigned base = toks[begin].group;
  MatchMemo memo;
  // The unresolved run being collected, as a byte span of the cell.
  std::optional<std::pair<std::size_t, std::size_t>> run;
  auto close_run = [&] {
    if (!run) return;
    out.unresolved.emplace_back(cell.substr(run->first, run->second - run->first));
    run.reset();
  };
  // A collective waits for a parenthesis that may enumerate it ("Các ngân hàng (…)").
  std::optional<Match> pending;
  std::size_t pending_text_end = 0;
  bool pending_related = false;  // "… liên quan" followed it: no fixed set
  auto flush = [&](const std::vector<AgencyIndex>* instead) {
    if (!pending) return;
    const std::size_t b = toks[pending->begin].begin;
    auto& phrases = pending_related ? out.related : out.collectives;
    phrases.emplace_back(cell.substr(b, pending_text_end - b));
    if (!pending_related) {
      const auto members = instead                ? *instead
                           : pending->kinds != 0 ? MembersOfKinds(agencies_, pending->kinds)
                                                 : collectives_[pending->index].members;
      out.agencies.insert(out.agencies.end(), members.begin(), members.end());
    }
    pending.reset();
    pending_related = false;
  };
  bool after_match = false;  // the previous item was a name: a parenthesis is its note
  bool item_start = true;
  std::size_t i = begin;
  while (i < end) {
    const CellToken& tok = toks[i];
    if (tok.group != base) {  // a parenthesis
      std::size_t j = i;
      while (j < end && toks[j].group == tok.group) ++j;
      if (pending) {
        Resolution sub;
        ResolveRange(cell, toks, i, j, false, sub);
        if (sub.ok() && !sub.agencies.empty()) {
          flush(&sub.agencies);
        } else {
          flush(nullptr);
          out.agencies.insert(out.agencies.end(), sub.agencies.begin(), sub.agencies.end());
          out.collectives.insert(out.collectives.end(), sub.collectives.begin(),
                                 sub.collectives.end());
          out.unresolved.insert(out.unresolved.end(), sub.unresolved.begin(), sub.unresolved.end());
        }
      } else if (run) {  // the unknown name's own parenthesis, through its ")"
        const std::size_t limit = j < end ? toks[j].begin : cell.size();
        const std::size_t close = cell.find(')', toks[j - 1].end);
        run->second = close < limit ? close + 1 : toks[j - 1].end;
      } else if (!after_match) {
        if (leading_only) return;
        ResolveRange(cell, toks, i, j, false, out);
      }
      i = j;
      continue;
    }
    if (tok.gap != Gap::kNone && i != begin) item_start = true;
    // "liên quan" / "có liên quan" narrows a collective to members the text does not name:
    // no fixed set, so no ids (Resolution::related keeps the phrase).
    if (pending && !run) {
      std::size_t n = 0;
      if (tok.text == "lien" && i + 1 < end && toks[i + 1].text == "quan") n = 2;
      if (tok.text == "co" && i + 2 < end && toks[i + 1].text == "lien" &&
          toks[i + 2].text == "quan") {
        n = 3;
      }
      if (n > 0 && toks[i + n - 1].group == base) {
        pending_text_end = toks[i + n - 1].end;
        pending_related = true;
        i += n;
        continue;
      }
    }
    if (IsConnector(tok.text) && i + 1 < end && toks[i + 1].group == base) {
      if (!run && (item_start || after_match)) {
        if (leading_only && !MatchAt(toks, i + 1, end, true, memo)) break;
        ++i;
        item_start = true;
        continue;
      }
      if (run && MatchAt(toks, i + 1, end, true, memo)) {  // "<unknown> và Bộ Y tế"
        close_run();
        ++i;
        item_start = true;
        continue;
      }
    }
    if (item_start || after_match) {
      // Prefixes and an omitted "Bộ" only where an item starts, so "Bộ Công Thương… xây
      // dựng" does not read "xây dựng" as Bộ Xây dựng.
      std::optional<Match> m = MatchAt(toks, i, end, item_start, memo);
      // No omitted "Bộ" at a sentence's start: "Xây dựng Đề án …" is a verb, not Bộ Xây dựng.
      if (leading_only && i == begin && m && !m->collective && toks[i].text != "bo" &&
          agencies_[m->index].kind == AgencyKind::kMinistry && !LongestAt(toks, i, end, ""))
        m.reset();
      auto parts = item_start ? PartsAt(toks, i, end) : std::nullopt;  // a collective by parts
      if (parts && (!m || parts->end > m->end)) m = parts;
      if (m) {
        close_run();
        flush(nullptr);
        if (m->collective) {
          pending = m;
          pending_text_end = toks[m->end - 1].end;
        } else {
          out.agencies.push_back(static_cast<AgencyIndex>(m->index));
        }
        i = m->end;
        after_match = true;
        item_start = false;
        continue;
      }
    }
    if (leading_only) break;
    flush(nullptr);
    if (run) {
      run->second = tok.end;
    } else {
      run.emplace(tok.begin, tok.end);
    }
    after_match = false;
    item_start = false;
    ++i;
  }
  flush(nullptr);
  close_run();
}

Resolution AgencyRegistry::Resolve(std::string_view cell) const {
  Resolution out;
  if (auto bad = FindInvalidUtf8(cell)) {
    out.error = absl::StrFormat("invalid UTF-8 at byte %d", *bad);
    return out;
  }
  const Tokens toks = internal::SplitCell(cell);
  if (!toks.empty()) ResolveRange(cell, toks, 0, toks.size(), false, out);
  SortUnique(out.agencies);
  return out;
}

Resolution AgencyRegistry::FindLeadingAgencies(std::string_view text) const {
  Resolution out;
  if (auto bad = FindInvalidUtf8(text)) {
    out.error = absl::StrFormat("invalid UTF-8 at byte %d", *bad);
    return out;
  }
  const Tokens toks = internal::SplitCell(text);
  if (!toks.empty()) ResolveRange(text, toks, 0, toks.size(), true, out);
  SortUnique(out.agencies);
  return out;
}

}  // namespace mandate
