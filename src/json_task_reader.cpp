#include "json_task_reader.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <tuple>
#include <type_traits>

#include "mandate/civil_day.h"
#include "mandate/enum_table.h"

namespace mandate::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int HexDigit(char c, bool& lower) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') {
    lower = false;
    return c - 'A' + 10;
  }
  return -1;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the well-formed UTF-8 sequence at s[i] (a byte >= 0x80), 0 if ill-formed: the
// table of Unicode 3.9 (D92), which is what nlohmann's lexer accepts.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const unsigned c = b(0);
  const auto cont = [&](std::size_t k) { return b(k) >= 0x80 && b(k) <= 0xBF; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return b(1) >= lo && b(1) <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return b(1) >= lo && b(1) <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

// t_[i_] is the opening quote. Canonical: escaped exactly as nlohmann's dump() escapes.
bool JsonTaskReader::String(std::string_view& decoded, bool& canonical) {
  const std::size_t begin = ++i_;
  std::string* out = nullptr;
  std::size_t copied = begin;  // t_[copied, i_) not yet in *out
  for (;;) {
    // Eight plain ASCII bytes at a time: no quote, backslash, control or non-ASCII byte (the
    // tests may flag a plain word, never miss one of those).
    constexpr std::uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
    while (i_ + 8 <= t_.size()) {
      std::uint64_t w;
      std::memcpy(&w, t_.data() + i_, 8);
      const std::uint64_t quote = w ^ (k01 * '"'), slash = w ^ (k01 * '\\');
      if (((w | ((quote - k01) & ~quote) | ((slash - k01) & ~slash) | ((w - k01 * 0x20) & ~w)) &
           k80) != 0) {
        break;
      }
      i_ += 8;
    }
    if (i_ >= t_.size()) return false;
    const auto c = static_cast<unsigned char>(t_[i_]);
    if (c == '"') break;
    if (c < 0x20) return false;
    if (c < 0x80 && c != '\\') {
      ++i_;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = Utf8Length(t_, i_);
      if (n == 0) return false;
      i_ += n;
      continue;
    }
    // An escape.
    if (!out) out = &decoded_.emplace_back();
    out->append(t_.substr(copied, i_ - copied));
    if (++i_ >= t_.size()) return false;
    const char e = t_[i_++];
    switch (e) {
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case '/':
        out->push_back('/');
        canonical = false;
        break;
      case 'u': {
        const auto hex4 = [&](std::uint32_t& v, bool& lower) {
          if (i_ + 4 > t_.size()) return false;
          v = 0;
          for (int k = 0; k < 4; ++k) {
            const int d = HexDigit(t_[i_ + k], lower);
            if (d < 0) return false;
            v = v * 16 + static_cast<std::uint32_t>(d);
          }
          i_ += 4;
          return true;
        };
        std::uint32_t cp = 0;
        bool lower = true;
        if (!hex4(cp, lower)) return false;
        // Only control characters other than \b \f \n \r \t are written as \u00xx.
        if (cp >= 0x20 || cp == 0x08 || cp == 0x09 || cp == 0x0A || cp == 0x0C || cp == 0x0D ||
            !lower) {
          canonical = false;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (i_ + 2 > t_.size() || t_[i_] != '\\' || t_[i_ + 1] != 'u') return false;
          i_ += 2;
          std::uint32_t low = 0;
          if (!hex4(low, lower) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        AppendUtf8(*out, cp);
        break;
      }
      default:
        return false;
    }
    copied = i_;
  }
  if (out) {
    out->append(t_.substr(copied, i_ - copied));
    decoded = *out;
  } else {
    decoded = t_.substr(begin, i_ - begin);
  }
  ++i_;  // the closing quote
  return true;
}

// Integers only, as dump() writes them; anything else is left to the old reader (a fraction
// or exponent may be out of double range, which nlohmann reports as an error of its own).
bool JsonTaskReader::Number(std::int64_t& out) {
  const std::size_t begin = i_;
  bool negative = false;
  if (t_[i_] == '-') {
    negative = true;
    ++i_;
  }
  const std::size_t digits = i_;
  while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
  const std::size_t n = i_ - digits;
  if (n == 0 || n > 18) return false;
  if (i_ < t_.size() && (t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E')) return false;
  if (t_[digits] == '0' && n > 1) return false;  // "01": not JSON
  std::int64_t v = 0;
  for (std::size_t k = digits; k < i_; ++k) v = v * 10 + (t_[k] - '0');
  if (negative && v == 0) canonical_ = false;  // "-0" is dumped as 0
  out = negative ? -v : v;
  compact_->append(t_.substr(begin, i_ - begin));
  return true;
}

bool JsonTaskReader::Value(std::size_t depth) {
  while (i_ < t_.size() && IsSpace(t_[i_])) ++i_;
  if (i_ >= t_.size()) return false;
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  nodes_[index].begin = i_;
  const char c = t_[i_];
  const auto skip_space = [&] {
    while (i_ < t_.size() && IsSpace(t_[i_])) ++i_;
    return i_ < t_.size();
  };
  if (c == '{' || c == '[') {
    if (depth > max_depth_) return false;
    const bool object = c == '{';
    nodes_[index].kind = object ? Node::kObject : Node::kArray;
    compact_->push_back(c);
    ++i_;
    const char close = object ? '}' : ']';
    if (!skip_space()) return false;
    if (t_[i_] == close) {
      ++i_;
    } else {
      std::string_view previous_key;
      for (bool first = true;; first = false) {
        std::string_view key;
        if (object) {
          if (!skip_space() || t_[i_] != '"') return false;
          const std::size_t key_begin = i_;
          bool key_canonical = true;
          if (!String(key, key_canonical)) return false;
          // Sorted and unique, as nlohmann's std::map orders them; no escapes in keys.
          if (!key_canonical || key.data() != t_.data() + key_begin + 1 ||
              (!first && !(previous_key < key))) {
            canonical_ = false;
          }
          previous_key = key;
          compact_->append(t_.substr(key_begin, i_ - key_begin));
          if (!skip_space() || t_[i_] != ':') return false;
          ++i_;
          compact_->push_back(':');
        }
        const auto child = static_cast<std::uint32_t>(nodes_.size());
        if (!Value(depth + 1)) return false;
        nodes_[child].key = key;
        if (!skip_space()) return false;
        if (t_[i_] == ',') {
          ++i_;
          compact_->push_back(',');
          continue;
        }
        if (t_[i_] != close) return false;
        ++i_;
        break;
      }
    }
    compact_->push_back(close);
  } else if (c == '"') {
    const std::size_t begin = i_;
    bool canonical = true;
    std::string_view s;
    if (!String(s, canonical)) return false;
    if (!canonical) canonical_ = false;
    nodes_[index].kind = Node::kString;
    nodes_[index].str = s;
    compact_->append(t_.substr(begin, i_ - begin));
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    nodes_[index].kind = Node::kInt;
    if (!Number(nodes_[index].num)) return false;
  } else {
    static constexpr std::string_view kWords[] = {"null", "false", "true"};
    static constexpr Node::Kind kKinds[] = {Node::kNull, Node::kFalse, Node::kTrue};
    bool found = false;
    for (int w = 0; w < 3 && !found; ++w) {
      if (t_.substr(i_, kWords[w].size()) == kWords[w]) {
        nodes_[index].kind = kKinds[w];
        compact_->append(kWords[w]);
        i_ += kWords[w].size();
        found = true;
      }
    }
    if (!found) return false;
  }
  nodes_[index].end = static_cast<std::uint32_t>(nodes_.size());
  nodes_[index].finish = i_;
  return true;
}

JsonTaskReader::Verdict JsonTaskReader::Read(std::string_view text, std::size_t& pos,
                                             ReadTask& task, std::string& compact) {
  t_ = text;
  i_ = pos;
  canonical_ = true;
  compact_ = &compact;
  nodes_.clear();
  decoded_.clear();
  const bool ok = max_depth_ > 0 && Value(1);
  pos = i_;
  if (!ok) return Verdict::kInvalid;
  if (!canonical_ || !ToTask(0, task)) return Verdict::kFallback;
  return Verdict::kTask;
}

template <std::size_t N>
bool JsonTaskReader::Members(std::uint32_t object, const std::string_view (&known)[N],
                             const Node* (&slot)[N]) const {
  std::size_t k = 0;
  for (auto& p : slot) p = nullptr;
  for (std::uint32_t c = object + 1; c < nodes_[object].end; c = nodes_[c].end) {
    if (nodes_[c].kind == Node::kNull) return false;
    while (k < N && known[k] < nodes_[c].key) ++k;
    if (k == N || known[k] != nodes_[c].key) return false;
    slot[k++] = &nodes_[c];
  }
  return true;
}

namespace {

// Sorted, as the canonical file orders them; the enums index the slots.
constexpr std::string_view kTaskKeys[] = {"assigned",
                                          "attributes",
                                          "category",
                                          "coordinators",
                                          "coordinators_text",
                                          "deadline",
                                          "expected_result",
                                          "history",
                                          "id",
                                          "lead",
                                          "lead_text",
                                          "note",
                                          "occurrence_reports_tracked",
                                          "partners",
                                          "sources",
                                          "title"};
enum TaskKey {
  kAssigned,
  kAttributes,
  kCategory,
  kCoordinators,
  kCoordinatorsText,
  kDeadline,
  kExpectedResult,
  kHistory,
  kId,
  kLead,
  kLeadText,
  kNote,
  kTracked,
  kPartners,
  kSources,
  kTitle
};
constexpr std::string_view kDeadlineKeys[] = {
    "anchor",     "due",        "explanation",   "first_due",     "kind",
    "milestones", "recurrence", "relative_days", "relative_from", "relative_working_days",
    "start",      "text"};
enum DeadlineKey {
  kAnchor,
  kDue,
  kExplanation,
  kFirstDue,
  kKind,
  kMilestones,
  kRecurrence,
  kRelativeDays,
  kRelativeFrom,
  kRelativeWorkingDays,
  kStart,
  kText
};
constexpr std::string_view kMilestoneKeys[] = {"due", "kind", "label"};
constexpr std::string_view kRecurrenceKeys[] = {"before", "day_of_period", "freq",
                                                "month_of_period"};
constexpr std::string_view kEventKeys[] = {"day",          "document", "evidence", "milestone",
                                           "new_deadline", "percent",  "text",     "type"};
static_assert(std::is_sorted(std::begin(kTaskKeys), std::end(kTaskKeys)) &&
              std::is_sorted(std::begin(kDeadlineKeys), std::end(kDeadlineKeys)) &&
              std::is_sorted(std::begin(kMilestoneKeys), std::end(kMilestoneKeys)) &&
              std::is_sorted(std::begin(kRecurrenceKeys), std::end(kRecurrenceKeys)) &&
              std::is_sorted(std::begin(kEventKeys), std::end(kEventKeys)));
enum EventKey {
  kEvDay,
  kEvDocument,
  kEvEvidence,
  kEvMilestone,
  kEvNewDeadline,
  kEvPercent,
  kEvText,
  kEvType
};

}  // namespace

// The conversions below read what TaskFromJson / DeadlineFromJson read and give up (false)
// wherever those would report a problem, so a task read here is always the DOM reader's.
bool JsonTaskReader::ToDeadline(std::uint32_t n, Deadline& d) const {
  const auto idx = [&](const Node* p) { return static_cast<std::uint32_t>(p - nodes_.data()); };
  const auto str = [&](const Node* v, std::string& out) {
    if (!v) return true;
    if (v->kind != Node::kString) return false;
    out.assign(v->str);
    return true;
  };
  const auto day = [&](const Node* v, std::optional<Day>& out) {
    if (!v) return true;
    if (v->kind != Node::kString) return false;
    if (v->str.empty()) return true;
    auto parsed = ParseIsoDay(v->str);
    if (!parsed.ok()) return false;
    out = *parsed;
    return true;
  };
  const auto kind = [&](const Node* v, DeadlineKind& out) {
    if (!v || v->kind != Node::kString) return false;
    if (v->str.empty()) return true;  // kUnknown, as the DOM reader leaves it
    auto k = EnumFromName<DeadlineKind>(v->str);
    if (!k) return false;
    out = *k;
    return true;
  };
  const auto integer = [&](const Node* v, std::int64_t lo, std::int64_t hi, auto& out) {
    if (!v) return true;
    if (v->kind != Node::kInt || v->num < lo || v->num > hi) return false;
    *out = static_cast<typename std::remove_reference_t<decltype(*out)>::value_type>(v->num);
    return true;
  };
  const auto boolean = [&](const Node* v, bool& out) {
    if (!v) return true;
    if (v->kind != Node::kTrue && v->kind != Node::kFalse) return false;
    out = v->kind == Node::kTrue;
    return true;
  };
  const Node* f[std::size(kDeadlineKeys)];
  if (nodes_[n].kind != Node::kObject || !Members(n, kDeadlineKeys, f)) return false;
  d.kind = DeadlineKind::kUnknown;
  if (!kind(f[kKind], d.kind) || !str(f[kText], d.text) || !day(f[kDue], d.due) ||
      !day(f[kAnchor], d.anchor) || !day(f[kFirstDue], d.first_due) || !day(f[kStart], d.start)) {
    return false;
  }
  if (const Node* ms = f[kMilestones]) {
    if (ms->kind != Node::kArray) return false;
    for (std::uint32_t c = idx(ms) + 1; c < ms->end; c = nodes_[c].end) {
      const Node* m[std::size(kMilestoneKeys)];
      if (nodes_[c].kind != Node::kObject || !Members(c, kMilestoneKeys, m)) return false;
      Milestone milestone;
      if (!str(m[2], milestone.label) || !kind(m[1], milestone.kind) || !day(m[0], milestone.due)) {
        return false;
      }
      d.milestones.push_back(std::move(milestone));
    }
  }
  if (const Node* r = f[kRecurrence]) {
    const Node* q[std::size(kRecurrenceKeys)];
    if (r->kind != Node::kObject || !Members(idx(r), kRecurrenceKeys, q)) return false;
    Recurrence rec;
    const Node* freq = q[2];
    if (!freq || freq->kind != Node::kString) return false;
    if (!freq->str.empty()) {
      auto fq = EnumFromName<Frequency>(freq->str);
      if (!fq) return false;
      rec.freq = *fq;
    }
    std::optional<unsigned>* day_of_period = &rec.day_of_period;
    std::optional<unsigned>* month_of_period = &rec.month_of_period;
    if (!boolean(q[0], rec.before) || !integer(q[1], 1, 31, day_of_period) ||
        !integer(q[3], 1, 12, month_of_period)) {
      return false;
    }
    d.recurrence = rec;
  }
  std::optional<int> relative_days;
  std::optional<int>* rd = &relative_days;
  if (!integer(f[kRelativeDays], -100000, 100000, rd)) return false;
  if (relative_days) d.relative_days = *relative_days;
  if (!boolean(f[kRelativeWorkingDays], d.relative_working_days) ||
      !str(f[kRelativeFrom], d.relative_from)) {
    return false;
  }
  if (const Node* e = f[kExplanation]) {
    if (e->kind != Node::kArray) return false;
    for (std::uint32_t c = idx(e) + 1; c < e->end; c = nodes_[c].end) {
      if (nodes_[c].kind != Node::kString) return false;
      d.explanation.emplace_back(nodes_[c].str);
    }
  }
  return true;
}

bool JsonTaskReader::ToTask(std::uint32_t n, ReadTask& out) const {
  Task& t = out.task;
  const auto idx = [&](const Node* p) { return static_cast<std::uint32_t>(p - nodes_.data()); };
  const auto str = [&](const Node* v, std::string& s) {
    s.clear();
    if (!v) return true;
    if (v->kind != Node::kString) return false;
    s.assign(v->str);
    return true;
  };
  const auto strs = [&](const Node* v, std::vector<std::string>& list,
                        std::vector<AgencyIndex>* agencies) {
    list.clear();
    if (agencies) agencies->clear();
    if (!v) return true;
    if (v->kind != Node::kArray) return false;
    for (std::uint32_t c = idx(v) + 1; c < v->end; c = nodes_[c].end) {
      if (nodes_[c].kind != Node::kString) return false;
      if (agencies) {
        const auto a = reg_.FindById(nodes_[c].str);
        if (!a) return false;  // the DOM reader drops it with a problem
        agencies->push_back(*a);
      }
      list.emplace_back(nodes_[c].str);
    }
    return true;
  };
  const auto day = [&](const Node* v, std::optional<Day>& d) {
    d.reset();
    if (!v) return true;
    if (v->kind != Node::kString) return false;
    if (v->str.empty()) return true;
    auto parsed = ParseIsoDay(v->str);
    if (!parsed.ok()) return false;
    d = *parsed;
    return true;
  };
  const Node* f[std::size(kTaskKeys)];
  if (nodes_[n].kind != Node::kObject || !Members(n, kTaskKeys, f)) return false;
  const Node* id = f[kId];
  if (!id || id->kind != Node::kString || id->str.empty()) return false;
  t.id.assign(id->str);
  std::vector<AgencyIndex> partners;
  if (!str(f[kTitle], t.title) || !strs(f[kLead], t.lead, &out.lead) ||
      !strs(f[kCoordinators], t.coordinators, &out.coordinators) ||
      !strs(f[kPartners], t.partners, &partners) || !str(f[kLeadText], t.lead_text) ||
      !str(f[kCoordinatorsText], t.coordinators_text) || !strs(f[kSources], t.sources, nullptr) ||
      !str(f[kCategory], t.category) || !str(f[kExpectedResult], t.expected_result) ||
      !day(f[kAssigned], t.assigned) || !str(f[kNote], t.note)) {
    return false;
  }
  t.occurrence_reports_tracked.reset();
  if (const Node* v = f[kTracked]) {
    if (v->kind != Node::kTrue && v->kind != Node::kFalse) return false;
    t.occurrence_reports_tracked = v->kind == Node::kTrue;
  }
  const Node* dl = f[kDeadline];
  t.deadline = Deadline{};
  if (!dl || !ToDeadline(idx(dl), t.deadline)) return false;
  out.deadline_bytes = t_.substr(dl->begin, dl->finish - dl->begin);
  out.deadline_hash = std::hash<std::string_view>{}(out.deadline_bytes);
  t.history.clear();
  if (const Node* h = f[kHistory]) {
    if (h->kind != Node::kArray) return false;
    for (std::uint32_t c = idx(h) + 1; c < h->end; c = nodes_[c].end) {
      const Node* ev[std::size(kEventKeys)];
      if (nodes_[c].kind != Node::kObject || !Members(c, kEventKeys, ev)) return false;
      TaskEvent e;
      std::optional<Day> d;
      if (!day(ev[kEvDay], d) || !d) return false;
      e.day = *d;
      const Node* type = ev[kEvType];
      if (!type || type->kind != Node::kString) return false;
      const auto et = EnumFromName<EventType>(type->str);
      if (!et) return false;
      e.type = *et;
      for (const auto& [v, lo, hi, target] :
           {std::tuple<const Node*, int, int, std::optional<int>*>{ev[kEvPercent], 0, 100,
                                                                   &e.percent},
            {ev[kEvMilestone], 0, 1000, &e.milestone}}) {
        if (v) {
          if (v->kind != Node::kInt || v->num < lo || v->num > hi) return false;
          *target = static_cast<int>(v->num);
        }
      }
      if (!str(ev[kEvText], e.text) || !strs(ev[kEvEvidence], e.evidence, nullptr) ||
          !str(ev[kEvDocument], e.document)) {
        return false;
      }
      if (const Node* nd = ev[kEvNewDeadline]) {
        Deadline deadline;
        if (!ToDeadline(idx(nd), deadline)) return false;
        e.new_deadline = std::move(deadline);
      }
      t.history.push_back(std::move(e));
    }
  }
  t.attributes.clear();
  if (const Node* a = f[kAttributes]) {
    if (a->kind != Node::kArray) return false;
    for (std::uint32_t c = idx(a) + 1; c < a->end; c = nodes_[c].end) {
      const Node& pair = nodes_[c];
      if (pair.kind != Node::kArray || pair.end != c + 3 || nodes_[c + 1].kind != Node::kString ||
          nodes_[c + 2].kind != Node::kString) {
        return false;
      }
      t.attributes.emplace_back(nodes_[c + 1].str, nodes_[c + 2].str);
    }
  }
  return true;
}

}  // namespace mandate::internal
