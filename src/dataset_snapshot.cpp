// The binary snapshot (docs/snapshot-format.md). Layout: a 64-byte header, a table of
// sections (kind, offset, length, CRC-32C), the sections at 64-byte boundaries with zero
// padding between them. Numeric columns are raw little-endian arrays copied with one memcpy
// each; the ids, titles and interned texts keep StringColumn's own layout (refs + chunks),
// so the opened dataset points into the mapping instead of copying them. Small, structured
// values (deadlines, rare fields, targets, ...) use a compact tagged-free binary encoding
// read with bounds checks. Nothing is read before every checksum has been verified.
#include "mandate/dataset_snapshot.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <thread>
#include <type_traits>

#include "absl/strings/str_format.h"
#include "crc32c.h"
#include "mandate/atomic_file.h"

namespace mandate {

// Dataset's private members, in and out (a friend of Dataset).
class SnapshotCodec {
 public:
  static absl::StatusOr<std::string> Write(const Dataset& ds);
  static absl::StatusOr<Dataset> Open(std::shared_ptr<const void> keep, std::string_view file,
                                      const SnapshotOptions& options);
};

namespace {

using internal::Crc32c;
using internal::Crc32cCombine;

constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kEntrySize = 32;
constexpr std::size_t kAlign = 64;
constexpr std::uint32_t kByteOrderMark = 0x01020304;  // reads 04 03 02 01 on disk
constexpr std::size_t kMaxSections = 256;

// Header offsets.
constexpr std::size_t kOffVersion = 8, kOffBom = 12, kOffHeaderSize = 16, kOffCount = 20,
                      kOffFileSize = 24, kOffTableCrc = 32, kOffFlags = 36, kOffHeaderCrc = 60;

enum Kind : std::uint32_t {
  kMeta = 1,
  kAgencyIds = 2,
  kDeadlines = 3,
  kDictionaries = 4,
  kExtras = 5,
  kObjects = 6,
  kColAssigned = 16,
  kColDue,
  kColCompleted,
  kColKind,
  kColFlags,
  kColCategory,
  kColSource,
  kColDeadline,
  kLeadFirst,
  kLeadMultiTask,
  kLeadMultiOffset,
  kLeadValues,
  kCoordFirst,
  kCoordMultiTask,
  kCoordMultiOffset,
  kCoordValues,
  kIdEnds = 32,
  kIdChunks,
  kIdText,
  kTitleEnds,
  kTitleChunks,
  kTitleText,
  kPoolEnds,
  kPoolChunks,
  kPoolText,
  kLeadTextTask = 48,  // sparse text fields: task indexes, then their pool ids
  kLeadTextValue,
  kCoordTextTask,
  kCoordTextValue,
  kExpectedTask,
  kExpectedValue,
  kNoteTask,
  kNoteValue,
  kKindEnd
};

const char* KindName(std::uint32_t k) {
  switch (k) {
    case kMeta:
      return "meta";
    case kAgencyIds:
      return "agency ids";
    case kDeadlines:
      return "deadlines";
    case kDictionaries:
      return "dictionaries";
    case kExtras:
      return "rare task fields";
    case kObjects:
      return "targets, goals and documents";
    case kColAssigned:
      return "column assigned";
    case kColDue:
      return "column due";
    case kColCompleted:
      return "column completed";
    case kColKind:
      return "column kind";
    case kColFlags:
      return "column flags";
    case kColCategory:
      return "column category";
    case kColSource:
      return "column source";
    case kColDeadline:
      return "column deadline";
    case kLeadFirst:
      return "lead first";
    case kLeadMultiTask:
      return "lead overflow tasks";
    case kLeadMultiOffset:
      return "lead overflow offsets";
    case kLeadValues:
      return "lead overflow agencies";
    case kCoordFirst:
      return "coordinator first";
    case kCoordMultiTask:
      return "coordinator overflow tasks";
    case kCoordMultiOffset:
      return "coordinator overflow offsets";
    case kCoordValues:
      return "coordinator overflow agencies";
    case kIdEnds:
      return "id ends";
    case kIdChunks:
      return "id chunks";
    case kIdText:
      return "id text";
    case kTitleEnds:
      return "title ends";
    case kTitleChunks:
      return "title chunks";
    case kTitleText:
      return "title text";
    case kPoolEnds:
      return "text pool ends";
    case kPoolChunks:
      return "text pool chunks";
    case kPoolText:
      return "text pool text";
    case kLeadTextTask:
      return "lead_text tasks";
    case kLeadTextValue:
      return "lead_text values";
    case kCoordTextTask:
      return "coordinators_text tasks";
    case kCoordTextValue:
      return "coordinators_text values";
    case kExpectedTask:
      return "expected_result tasks";
    case kExpectedValue:
      return "expected_result values";
    case kNoteTask:
      return "note tasks";
    case kNoteValue:
      return "note values";
    default:
      return nullptr;
  }
}

std::string SectionName(std::uint32_t k) {
  const char* n = KindName(k);
  return n ? absl::StrFormat("section '%s'", n) : absl::StrFormat("section kind %u", k);
}

template <typename T>
void Put(std::string& out, T v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
T Get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// ---------------------------------------------------------------- compact values

class Encoder {
 public:
  std::string out;
  void U8(std::uint8_t v) { Put(out, v); }
  void U32(std::uint32_t v) { Put(out, v); }
  void I32(std::int32_t v) { Put(out, v); }
  void U64(std::uint64_t v) { Put(out, v); }
  void F64(double v) { Put(out, v); }
  void Str(std::string_view s) {
    U64(s.size());
    out.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    U64(v.size());
    for (const auto& s : v) Str(s);
  }
  void OptDay(const std::optional<Day>& d) { I32(d ? ToEpochDays(*d) : kNoDay); }
  void OptInt(const std::optional<int>& v) {
    U8(v.has_value());
    I32(v.value_or(0));
  }
  void OptBool(const std::optional<bool>& v) { U8(v ? (*v ? 2 : 1) : 0); }
  void Dl(const Deadline& d) {
    U8(static_cast<std::uint8_t>(d.kind));
    Str(d.text);
    OptDay(d.due);
    OptDay(d.anchor);
    OptDay(d.first_due);
    OptDay(d.start);
    U64(d.milestones.size());
    for (const auto& m : d.milestones) {
      Str(m.label);
      U8(static_cast<std::uint8_t>(m.kind));
      OptDay(m.due);
    }
    U8(d.recurrence.has_value());
    if (d.recurrence) {
      U8(static_cast<std::uint8_t>(d.recurrence->freq));
      U8(d.recurrence->day_of_period.has_value());
      U32(d.recurrence->day_of_period.value_or(0));
      U8(d.recurrence->before);
      U8(d.recurrence->month_of_period.has_value());
      U32(d.recurrence->month_of_period.value_or(0));
    }
    I32(d.relative_days);
    U8(d.relative_working_days);
    Str(d.relative_from);
    Strs(d.explanation);
  }
  void Event(const TaskEvent& e) {
    I32(ToEpochDays(e.day));
    U8(static_cast<std::uint8_t>(e.type));
    OptInt(e.percent);
    Str(e.text);
    Strs(e.evidence);
    U8(e.new_deadline.has_value());
    if (e.new_deadline) Dl(*e.new_deadline);
    Str(e.document);
    OptInt(e.milestone);
  }
};

// Reads what Encoder wrote; the first out-of-range read or bad value sets error() and every
// later read returns zeros, so a caller checks once at the end.
class Decoder {
 public:
  Decoder(std::string_view data, std::string what) : data_(data), what_(std::move(what)) {}
  bool ok() const { return error_.empty(); }
  absl::Status Finish() {
    if (ok() && pos_ != data_.size()) Fail("bytes left over after the last value");
    if (ok()) return absl::OkStatus();
    return absl::DataLossError(absl::StrFormat("snapshot %s: %s", what_, error_));
  }
  void Fail(std::string why) {
    if (ok()) error_ = absl::StrFormat("%s at byte %u", why, pos_);
  }
  template <typename T>
  T Raw() {
    if (!ok() || data_.size() - pos_ < sizeof(T)) {
      Fail("truncated value");
      return T{};
    }
    T v = Get<T>(data_.data() + pos_);
    pos_ += sizeof(T);
    return v;
  }
  std::uint8_t U8() { return Raw<std::uint8_t>(); }
  std::uint32_t U32() { return Raw<std::uint32_t>(); }
  std::int32_t I32() { return Raw<std::int32_t>(); }
  std::uint64_t U64() { return Raw<std::uint64_t>(); }
  double F64() { return Raw<double>(); }
  bool Bool() {
    const auto v = U8();
    if (v > 1) Fail(absl::StrFormat("%u is not a boolean", v));
    return v == 1;
  }
  // A count of items of at least min_bytes each: never more than the bytes left.
  std::size_t Count(std::size_t min_bytes = 1) {
    const std::uint64_t n = U64();
    if (ok() && n > (data_.size() - pos_) / min_bytes) {
      Fail(absl::StrFormat("count %u exceeds the bytes left", n));
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::string Str() {
    const std::size_t n = Count();
    if (!ok()) return {};
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<std::string> Strs() {
    std::vector<std::string> v(Count(8));
    for (auto& s : v) s = Str();
    return v;
  }
  std::optional<Day> OptDay() {
    const std::int32_t d = I32();
    if (d == kNoDay) return std::nullopt;
    // The library's days are 1900..2200; anything else is damage.
    if (d < -30000 || d > 90000) Fail(absl::StrFormat("day %d is out of range", d));
    return FromEpochDays(d);
  }
  std::optional<int> OptInt() {
    const bool has = Bool();
    const std::int32_t v = I32();
    return has ? std::optional<int>(v) : std::nullopt;
  }
  std::optional<bool> OptBool() {
    const auto v = U8();
    if (v > 2) Fail(absl::StrFormat("%u is not an optional boolean", v));
    return v == 0 ? std::nullopt : std::optional<bool>(v == 2);
  }
  template <typename E>
  E Enum() {
    const auto v = U8();
    if (v < EnumFirst<E>() || v >= EnumFirst<E>() + EnumCount<E>()) {
      Fail(absl::StrFormat("%u is not a valid enum value", v));
      return E{};
    }
    return static_cast<E>(v);
  }
  Deadline Dl() {
    Deadline d;
    d.kind = Enum<DeadlineKind>();
    d.text = Str();
    d.due = OptDay();
    d.anchor = OptDay();
    d.first_due = OptDay();
    d.start = OptDay();
    d.milestones.resize(Count(13));
    for (auto& m : d.milestones) {
      m.label = Str();
      m.kind = Enum<DeadlineKind>();
      m.due = OptDay();
    }
    if (Bool()) {
      Recurrence r;
      r.freq = Enum<Frequency>();
      const bool has_day = Bool();
      const auto day = U32();
      if (has_day) r.day_of_period = day;
      r.before = Bool();
      const bool has_month = Bool();
      const auto month = U32();
      if (has_month) r.month_of_period = month;
      d.recurrence = r;
    }
    d.relative_days = I32();
    d.relative_working_days = Bool();
    d.relative_from = Str();
    d.explanation = Strs();
    return d;
  }
  TaskEvent Event() {
    TaskEvent e;
    const std::int32_t day = I32();
    if (day < -30000 || day > 90000) Fail(absl::StrFormat("event day %d is out of range", day));
    e.day = FromEpochDays(day);
    e.type = Enum<EventType>();
    e.percent = OptInt();
    e.text = Str();
    e.evidence = Strs();
    if (Bool()) e.new_deadline = Dl();
    e.document = Str();
    e.milestone = OptInt();
    return e;
  }

 private:
  std::string_view data_;
  std::string what_;
  std::size_t pos_ = 0;
  std::string error_;
};

// ---------------------------------------------------------------- the container

struct Section {
  std::uint32_t kind = 0;
  std::uint32_t item_size = 0;  // bytes per element of a column; 0 for other sections
  std::vector<std::string_view> pieces;
  std::uint64_t offset = 0, length = 0;
  std::uint32_t crc = 0;
};

std::uint64_t AlignUp(std::uint64_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

template <typename T>
std::string_view Bytes(std::span<const T> v) {
  return {reinterpret_cast<const char*>(v.data()), v.size_bytes()};
}
template <typename T>
std::string_view Bytes(const Column<T>& v) {
  return Bytes(v.span());
}

void FillHeader(char* h, std::uint32_t count, std::uint64_t file_size, std::uint32_t table_crc) {
  std::memset(h, 0, kHeaderSize);
  std::memcpy(h, kSnapshotMagic.data(), 8);
  const auto put32 = [&](std::size_t off, std::uint32_t v) { std::memcpy(h + off, &v, 4); };
  put32(kOffVersion, kSnapshotVersion);
  put32(kOffBom, kByteOrderMark);
  put32(kOffHeaderSize, kHeaderSize);
  put32(kOffCount, count);
  std::memcpy(h + kOffFileSize, &file_size, 8);
  put32(kOffTableCrc, table_crc);
  put32(kOffFlags, 0);
  put32(kOffHeaderCrc, Crc32c({h, kOffHeaderCrc}));
}

void FillEntry(char* e, const Section& s) {
  std::memset(e, 0, kEntrySize);
  std::memcpy(e, &s.kind, 4);
  std::memcpy(e + 4, &s.item_size, 4);
  std::memcpy(e + 8, &s.offset, 8);
  std::memcpy(e + 16, &s.length, 8);
  std::memcpy(e + 24, &s.crc, 4);
}

std::string Assemble(std::vector<Section>& sections) {
  const std::uint64_t table_end = kHeaderSize + sections.size() * kEntrySize;
  std::uint64_t at = AlignUp(table_end);
  for (auto& s : sections) {
    s.offset = at;
    s.length = 0;
    for (auto p : s.pieces) s.length += p.size();
    at = AlignUp(s.offset + s.length);
  }
  const std::uint64_t file_size =
      sections.empty() ? table_end : sections.back().offset + sections.back().length;
  std::string out(file_size, '\0');
  for (auto& s : sections) {
    char* p = out.data() + s.offset;
    for (auto piece : s.pieces) {
      if (!piece.empty()) std::memcpy(p, piece.data(), piece.size());
      p += piece.size();
    }
    s.crc = Crc32c({out.data() + s.offset, s.length});
    FillEntry(out.data() + kHeaderSize + (&s - sections.data()) * kEntrySize, s);
  }
  const std::uint32_t table_crc = Crc32c({out.data() + kHeaderSize, table_end - kHeaderSize});
  FillHeader(out.data(), static_cast<std::uint32_t>(sections.size()), file_size, table_crc);
  return out;
}

// A StringColumn as three sections: string ends, chunk table, text.
void AddColumn(std::vector<Section>& sections, std::deque<std::string>& store,
               const StringColumn& column, std::uint32_t ends_kind) {
  const StringColumn::Image im = column.image();
  Section ends{ends_kind, 4, {Bytes(im.ends)}};
  std::string& table = store.emplace_back();
  Section text{ends_kind + 2, 0, {}};
  std::uint64_t at = 0;
  Put<std::uint64_t>(table, im.chunks.size());
  for (std::size_t k = 0; k < im.chunks.size(); ++k) {
    Put<std::uint64_t>(table, at);
    Put<std::uint64_t>(table, im.chunks[k].size());
    Put<std::uint64_t>(table, im.chunk_first[k]);
    text.pieces.push_back(im.chunks[k]);
    at += im.chunks[k].size();
  }
  sections.push_back(std::move(ends));
  sections.push_back({ends_kind + 1, 0, {table}});
  sections.push_back(std::move(text));
}

absl::Status Corrupt(std::string_view what) {
  return absl::DataLossError(absl::StrFormat("corrupt snapshot: %s", what));
}

// Header and table, bounds-checked; checksums of header and table verified when verify.
absl::StatusOr<std::vector<Section>> ReadLayout(std::string_view f, bool verify) {
  if (f.size() < 8 || f.substr(0, 8) != kSnapshotMagic) {
    return absl::InvalidArgumentError("not a mandate snapshot: no \"MDTSNAP1\" magic");
  }
  if (f.size() < kHeaderSize) {
    return Corrupt(absl::StrFormat("truncated: %u bytes, shorter than the %u-byte header", f.size(),
                                   kHeaderSize));
  }
  const char* h = f.data();
  const auto version = Get<std::uint32_t>(h + kOffVersion);
  if (version != kSnapshotVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "snapshot format version %u is not supported; this library reads version %u", version,
        kSnapshotVersion));
  }
  if (Get<std::uint32_t>(h + kOffBom) != kByteOrderMark) {
    return absl::InvalidArgumentError(
        "the snapshot's byte-order mark is not little-endian (written on another kind of "
        "machine, or damaged); convert it from JSON on this machine");
  }
  if (verify && Get<std::uint32_t>(h + kOffHeaderCrc) != Crc32c({h, kOffHeaderCrc})) {
    return Corrupt("header checksum mismatch (the header is damaged)");
  }
  if (Get<std::uint32_t>(h + kOffHeaderSize) != kHeaderSize) {
    return Corrupt(absl::StrFormat("header size %u, expected %u",
                                   Get<std::uint32_t>(h + kOffHeaderSize), kHeaderSize));
  }
  if (Get<std::uint32_t>(h + kOffFlags) != 0) return Corrupt("unknown header flags");
  for (std::size_t i = kOffFlags + 4; i < kOffHeaderCrc; ++i) {
    if (h[i] != 0) return Corrupt("reserved header bytes are not zero");
  }
  const auto file_size = Get<std::uint64_t>(h + kOffFileSize);
  if (file_size != f.size()) {
    return Corrupt(absl::StrFormat("the header says %u bytes but the file has %u (%s)", file_size,
                                   f.size(),
                                   file_size > f.size() ? "truncated" : "trailing bytes"));
  }
  const auto count = Get<std::uint32_t>(h + kOffCount);
  if (count > kMaxSections) {
    return Corrupt(absl::StrFormat("%u sections, over the limit of %u", count, kMaxSections));
  }
  const std::uint64_t table_end = kHeaderSize + std::uint64_t{count} * kEntrySize;
  if (table_end > f.size()) return Corrupt("the section table runs past the end of the file");
  if (verify && Get<std::uint32_t>(h + kOffTableCrc) !=
                    Crc32c(f.substr(kHeaderSize, table_end - kHeaderSize))) {
    return Corrupt("section table checksum mismatch (the table is damaged)");
  }
  std::vector<Section> sections(count);
  std::uint64_t prev_end = table_end;
  bool seen[kKindEnd] = {};
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* e = f.data() + kHeaderSize + i * kEntrySize;
    Section& s = sections[i];
    s.kind = Get<std::uint32_t>(e);
    s.item_size = Get<std::uint32_t>(e + 4);
    s.offset = Get<std::uint64_t>(e + 8);
    s.length = Get<std::uint64_t>(e + 16);
    s.crc = Get<std::uint32_t>(e + 24);
    if (Get<std::uint32_t>(e + 28) != 0)
      return Corrupt(absl::StrFormat("table entry %u: reserved bytes are not zero", i));
    if (s.kind >= kKindEnd || KindName(s.kind) == nullptr) {
      return Corrupt(absl::StrFormat("table entry %u: unknown section kind %u", i, s.kind));
    }
    if (seen[s.kind]) return Corrupt(absl::StrFormat("%s appears twice", SectionName(s.kind)));
    seen[s.kind] = true;
    if (s.offset % kAlign != 0) {
      return Corrupt(
          absl::StrFormat("%s: offset %u is not 64-byte aligned", SectionName(s.kind), s.offset));
    }
    if (s.offset < prev_end) {
      return Corrupt(absl::StrFormat("%s at offset %u overlaps the table or the section before it",
                                     SectionName(s.kind), s.offset));
    }
    if (s.offset > f.size() || s.length > f.size() - s.offset) {
      return Corrupt(
          absl::StrFormat("%s (offset %u, length %u) runs past the end of the file (%u bytes)",
                          SectionName(s.kind), s.offset, s.length, f.size()));
    }
    // Padding is zero, so that every byte of the file is either checksummed or known.
    for (std::uint64_t k = prev_end; k < s.offset; ++k) {
      if (f[k] != 0) return Corrupt(absl::StrFormat("non-zero padding at byte %u", k));
    }
    prev_end = s.offset + s.length;
  }
  if (prev_end != f.size())
    return Corrupt(absl::StrFormat("%u bytes after the last section", f.size() - prev_end));
  return sections;
}

// Every section's CRC-32C, the work cut into pieces shared by two threads (both cores).
absl::Status VerifySections(std::string_view f, const std::vector<Section>& sections) {
  constexpr std::uint64_t kPiece = 16 << 20;
  struct Piece {
    std::size_t section;
    std::uint64_t offset, length;
    std::uint32_t crc = 0;
  };
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& s = sections[i];
    std::uint64_t at = 0;
    do {
      const std::uint64_t n = std::min(kPiece, s.length - at);
      pieces.push_back({i, s.offset + at, n});
      at += n;
    } while (at < s.length);
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < pieces.size();) {
      pieces[k].crc = Crc32c(f.substr(pieces[k].offset, pieces[k].length));
    }
  };
  std::uint64_t total = 0;
  for (const auto& s : sections) total += s.length;
  if (total > (4 << 20)) {
    std::thread helper(work);
    work();
    helper.join();
  } else {
    work();  // a small file is faster on one thread than starting another
  }
  std::vector<std::uint32_t> crc(sections.size(), 0);
  for (const auto& p : pieces) crc[p.section] = Crc32cCombine(crc[p.section], p.crc, p.length);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (crc[i] != sections[i].crc) {
      return Corrupt(
          absl::StrFormat("%s checksum mismatch (damaged)", SectionName(sections[i].kind)));
    }
  }
  return absl::OkStatus();
}

// --------------------------------------------------------------- mapping

struct Mapping {
  void* addr = nullptr;
  std::size_t size = 0;
  ~Mapping() {
    if (addr != nullptr) munmap(addr, size);
  }
};

absl::Status FileError(const std::string& path, const char* what) {
  const int e = errno;
  const std::string msg = absl::StrFormat("%s \"%s\": %s", what, path, std::strerror(e));
  if (e == ENOENT) return absl::NotFoundError(msg);
  if (e == EACCES || e == EPERM) return absl::PermissionDeniedError(msg);
  return absl::InternalError(msg);
}

// Runs the jobs on both cores (this thread and one more), largest first as given; returns
// the first failure in job order.
absl::Status RunOnBothCores(const std::vector<std::function<absl::Status()>>& jobs) {
  std::vector<absl::Status> status(jobs.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < jobs.size();) status[k] = jobs[k]();
  };
  std::thread helper(work);
  work();
  helper.join();
  for (auto& s : status) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

// ---------------------------------------------------------------- writing

absl::StatusOr<std::string> SnapshotCodec::Write(const Dataset& ds) {
  std::vector<Section> sections;
  std::deque<std::string> store;  // encoded sections (stable addresses)

  Encoder meta;
  meta.U64(ds.task_count());
  meta.OptBool(ds.reports_tracked_);
  meta.U8(ds.registry_.get() == &AgencyRegistry::Bundled() ? 1 : 0);
  sections.push_back({kMeta, 0, {store.emplace_back(std::move(meta.out))}});

  Encoder agencies;
  agencies.U64(ds.registry().size());
  for (AgencyIndex a = 0; a < ds.registry().size(); ++a) agencies.Str(ds.registry().agency(a).id);
  sections.push_back({kAgencyIds, 0, {store.emplace_back(std::move(agencies.out))}});

  Encoder deadlines;
  deadlines.U64(ds.deadlines_.size());
  for (const auto& d : ds.deadlines_) deadlines.Dl(d);
  sections.push_back({kDeadlines, 0, {store.emplace_back(std::move(deadlines.out))}});

  Encoder dict;
  dict.Strs(ds.categories_);
  dict.Strs(ds.sources_);
  sections.push_back({kDictionaries, 0, {store.emplace_back(std::move(dict.out))}});

  // Rare fields in task order (the map's order is not deterministic).
  std::vector<TaskIndex> with_extra;
  with_extra.reserve(ds.extra_.size());
  for (const auto& [i, e] : ds.extra_) with_extra.push_back(i);
  std::sort(with_extra.begin(), with_extra.end());
  Encoder extras;
  extras.U64(with_extra.size());
  for (TaskIndex i : with_extra) {
    const auto& e = ds.extra_.at(i);
    extras.U32(i);
    extras.Strs(e.partners);
    extras.Strs(e.sources);
    extras.U64(e.attributes.size());
    for (const auto& [k, v] : e.attributes) {
      extras.Str(k);
      extras.Str(v);
    }
    extras.U64(e.history.size());
    for (const auto& ev : e.history) extras.Event(ev);
    extras.OptBool(e.reports_tracked);
  }
  sections.push_back({kExtras, 0, {store.emplace_back(std::move(extras.out))}});

  Encoder objects;
  objects.U64(ds.targets_.size());
  for (const auto& t : ds.targets_) {
    objects.Str(t.id);
    objects.Str(t.name);
    objects.Str(t.unit);
    objects.U8(static_cast<std::uint8_t>(t.direction));
    objects.F64(t.baseline);
    objects.OptDay(t.baseline_day);
    objects.F64(t.target);
    objects.OptDay(t.deadline);
    objects.Strs(t.responsible);
    objects.Str(t.family);
    objects.U64(t.measurements.size());
    for (const auto& m : t.measurements) {
      objects.I32(ToEpochDays(m.day));
      objects.F64(m.value);
      objects.Str(m.locality);
      objects.Str(m.source);
    }
  }
  objects.U64(ds.goals_.size());
  for (const auto& g : ds.goals_) {
    objects.Str(g.id);
    objects.Str(g.name);
    objects.Strs(g.task_ids);
    objects.Strs(g.target_ids);
  }
  objects.U64(ds.documents_.size());
  for (const auto& d : ds.documents_) {
    objects.Str(d.id);
    objects.Str(d.type);
    objects.Str(d.number);
    objects.Str(d.issuer);
    objects.OptDay(d.date);
    objects.Str(d.title);
  }
  sections.push_back({kObjects, 0, {store.emplace_back(std::move(objects.out))}});

  const TaskColumns& c = ds.columns_;
  sections.push_back({kColAssigned, 4, {Bytes(c.assigned)}});
  sections.push_back({kColDue, 4, {Bytes(c.due)}});
  sections.push_back({kColCompleted, 4, {Bytes(c.completed)}});
  sections.push_back({kColKind, 1, {Bytes(c.kind)}});
  sections.push_back({kColFlags, 1, {Bytes(c.flags)}});
  sections.push_back({kColCategory, 2, {Bytes(c.category)}});
  sections.push_back({kColSource, 2, {Bytes(c.source)}});
  // 2 bytes a task while the deadline ids fit (IndexColumn), else 4: the item size says which.
  if (ds.deadline_.wide()) {
    sections.push_back({kColDeadline, 4, {Bytes(ds.deadline_.wide32())}});
  } else {
    sections.push_back({kColDeadline, 2, {Bytes(ds.deadline_.narrow())}});
  }
  for (auto [list, kind] :
       {std::pair{&c.lead, kLeadFirst}, std::pair{&c.coordinator, kCoordFirst}}) {
    sections.push_back({kind, sizeof(AgencyIndex), {Bytes(list->first)}});
    sections.push_back({kind + 1, 4, {Bytes(list->multi_task)}});
    sections.push_back({kind + 2, 4, {Bytes(list->multi_offset)}});
    sections.push_back({kind + 3, sizeof(AgencyIndex), {Bytes(list->values)}});
  }
  for (auto [sparse, kind] :
       {std::pair{&ds.lead_text_, kLeadTextTask}, std::pair{&ds.coordinators_text_, kCoordTextTask},
        std::pair{&ds.expected_result_, kExpectedTask}, std::pair{&ds.note_, kNoteTask}}) {
    sections.push_back({kind, 4, {Bytes(sparse->task)}});
    sections.push_back({kind + 1, 4, {Bytes(sparse->value)}});
  }

  AddColumn(sections, store, *ds.ids_, kIdEnds);
  AddColumn(sections, store, ds.titles_, kTitleEnds);
  AddColumn(sections, store, ds.pool_.column(), kPoolEnds);
  return Assemble(sections);
}

// ---------------------------------------------------------------- opening

namespace {

struct View {
  std::string_view f;
  std::vector<Section> sections;
  std::string_view Get(std::uint32_t kind) const {
    for (const auto& s : sections) {
      if (s.kind == kind) return f.substr(s.offset, s.length);
    }
    return {};
  }
};

constexpr std::size_t kAnyCount = ~std::size_t{0};

std::uint32_t ItemSize(const View& view, std::uint32_t kind) {
  for (const auto& s : view.sections) {
    if (s.kind == kind) return s.item_size;
  }
  return 0;
}

// A numeric column: the right element size and count (kAnyCount: any whole number of
// elements), borrowed from the file (keep holds it), not copied.
template <typename T>
absl::Status ReadColumn(const View& view, const std::shared_ptr<const void>& keep,
                        std::uint32_t kind, std::size_t count, Column<T>& v) {
  const std::string_view bytes = view.Get(kind);
  const std::uint32_t item = ItemSize(view, kind);
  if (item != sizeof(T)) {
    return Corrupt(absl::StrFormat("%s has %u-byte elements, expected %u", SectionName(kind), item,
                                   sizeof(T)));
  }
  if (count == kAnyCount) count = bytes.size() / sizeof(T);
  if (bytes.size() != count * sizeof(T)) {
    return Corrupt(absl::StrFormat("%s holds %u values, expected %u", SectionName(kind),
                                   bytes.size() / sizeof(T), count));
  }
  // Sections are 64-byte aligned in a page-aligned mapping (or a new[] copy).
  const T* first = reinterpret_cast<const T*>(bytes.data());
  if (reinterpret_cast<std::uintptr_t>(first) % alignof(T) != 0) {
    return absl::InternalError("misaligned column section");
  }
  v = Column<T>::Borrow(keep, {first, count});
  return absl::OkStatus();
}

absl::StatusOr<StringColumn> ReadStrings(const View& view, std::uint32_t ends_kind,
                                         const std::shared_ptr<const void>& keep,
                                         std::size_t count) {
  Column<std::uint32_t> ends;
  if (auto s = ReadColumn(view, keep, ends_kind, count, ends); !s.ok()) return s;
  const std::string_view table = view.Get(ends_kind + 1);
  const std::string_view text = view.Get(ends_kind + 2);
  Decoder in(table, SectionName(ends_kind + 1));
  std::vector<std::string_view> chunks(in.Count(24));
  std::vector<std::uint32_t> chunk_first(chunks.size());
  for (std::size_t k = 0; k < chunks.size() && in.ok(); ++k) {
    const std::uint64_t off = in.U64(), len = in.U64(), first = in.U64();
    if (in.ok() && (off > text.size() || len > text.size() - off || first >= count)) {
      in.Fail(absl::StrFormat(
          "chunk %u (offset %u, length %u, first string %u) outside the %u bytes of text or the "
          "%u strings",
          k, off, len, first, text.size(), count));
    }
    if (in.ok()) {
      chunks[k] = text.substr(off, len);
      chunk_first[k] = static_cast<std::uint32_t>(first);
    }
  }
  if (auto s = in.Finish(); !s.ok()) return s;
  auto column = StringColumn::Borrow(keep, ends.span(), std::move(chunk_first), std::move(chunks));
  if (!column.ok()) {
    return Corrupt(absl::StrFormat("%s: %s", SectionName(ends_kind), column.status().message()));
  }
  return column;
}

absl::Status CheckOffsets(const Column<std::uint32_t>& offset, std::size_t list_size,
                          std::uint32_t kind) {
  if (offset.empty() || offset.front() != 0 || offset.back() != list_size) {
    return Corrupt(absl::StrFormat("%s does not span its list", SectionName(kind)));
  }
  for (std::size_t i = 1; i < offset.size(); ++i) {
    if (offset[i] < offset[i - 1]) {
      return Corrupt(absl::StrFormat("%s decreases at task %u", SectionName(kind), i - 1));
    }
  }
  return absl::OkStatus();
}

template <typename Values>
absl::Status CheckBelow(const Values& v, std::size_t limit, std::uint32_t kind) {
  using T = std::remove_cvref_t<decltype(v[0])>;
  T worst = 0;
  for (const T x : v) worst = std::max(worst, x);
  if (!v.empty() && worst >= limit) {
    return Corrupt(absl::StrFormat("%s holds %u, over the limit %u", SectionName(kind), worst,
                                   limit == 0 ? 0 : limit - 1));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Dataset> SnapshotCodec::Open(std::shared_ptr<const void> keep, std::string_view f,
                                            const SnapshotOptions& options) {
  if constexpr (std::endian::native != std::endian::little) {
    return absl::UnimplementedError("snapshots are read on little-endian machines only");
  }
  auto layout = ReadLayout(f, true);
  if (!layout.ok()) return layout.status();
  View view{f, *std::move(layout)};
  for (std::uint32_t k = kMeta; k < kKindEnd; ++k) {
    if (KindName(k) == nullptr) continue;
    bool found = false;
    for (const auto& s : view.sections) found = found || s.kind == k;
    if (!found) return Corrupt(absl::StrFormat("%s is missing", SectionName(k)));
  }
  if (auto s = VerifySections(f, view.sections); !s.ok()) return s;

  Dataset ds(options.registry, options.limits);
  const AgencyRegistry& reg = ds.registry();

  Decoder meta(view.Get(kMeta), "meta");
  const std::uint64_t n = meta.U64();
  ds.reports_tracked_ = meta.OptBool();
  const bool made_with_bundled = meta.Bool();
  if (auto s = meta.Finish(); !s.ok()) return s;
  if (n >= 0xFFFFFFF0u) return Corrupt(absl::StrFormat("%u tasks", n));

  // The registry: indexes are the writer's; the same ids in the same order use them as
  // they are, another registry maps them by id (the JSON loader resolves ids the same way).
  Decoder agencies(view.Get(kAgencyIds), "agency ids");
  std::vector<std::string> writer_ids(agencies.Count(8));
  for (auto& id : writer_ids) id = agencies.Str();
  if (auto s = agencies.Finish(); !s.ok()) return s;
  bool same_registry = writer_ids.size() == reg.size();
  for (std::size_t a = 0; same_registry && a < writer_ids.size(); ++a) {
    same_registry = writer_ids[a] == reg.agency(static_cast<AgencyIndex>(a)).id;
  }

  Decoder dl(view.Get(kDeadlines), "deadlines");
  const std::size_t deadline_count = dl.Count(8);
  for (std::size_t i = 0; i < deadline_count && dl.ok(); ++i) {
    const Deadline d = dl.Dl();
    if (dl.ok() && ds.InternDeadline(d) != i)
      dl.Fail(absl::StrFormat("deadline %u is stored twice", i));
  }
  if (auto s = dl.Finish(); !s.ok()) return s;

  Decoder dict(view.Get(kDictionaries), "dictionaries");
  for (auto [values, index] : {std::pair{&ds.categories_, &ds.category_index_},
                               std::pair{&ds.sources_, &ds.source_index_}}) {
    const std::vector<std::string> stored = dict.Strs();
    if (dict.ok() && (stored.empty() || !stored[0].empty() || stored.size() > 0x10000)) {
      dict.Fail("a dictionary starts with \"\" and holds at most 65536 entries");
    }
    for (std::size_t i = 1; dict.ok() && i < stored.size(); ++i) {
      if (ds.InternDictionary(*values, *index, stored[i]) != i) {
        dict.Fail(absl::StrFormat("entry %u is empty or stored twice", i));
      }
    }
  }
  if (auto s = dict.Finish(); !s.ok()) return s;

  // The large part, on both cores: the columns copied, the string columns borrowed (their refs
  // copied and checked), then every index checked against what it points into.
  TaskColumns& c = ds.columns_;
  std::optional<absl::StatusOr<StringColumn>> ids, titles, pool_column;
  const auto strings = [&](std::optional<absl::StatusOr<StringColumn>>& out, std::uint32_t kind,
                           std::size_t count) {
    return [&out, &view, &keep, kind, count] {
      out = ReadStrings(view, kind, keep, count);
      return out->status();
    };
  };
  std::vector<std::function<absl::Status()>> copies = {
      strings(titles, kTitleEnds, n),
      strings(ids, kIdEnds, n),
      [&] { return ReadColumn(view, keep, kColAssigned, n, c.assigned); },
      [&] { return ReadColumn(view, keep, kColDue, n, c.due); },
      [&] { return ReadColumn(view, keep, kColCompleted, n, c.completed); },
      [&] {
        if (ItemSize(view, kColDeadline) == 2) {
          Column<std::uint16_t> narrow;
          auto s = ReadColumn(view, keep, kColDeadline, n, narrow);
          ds.deadline_ = IndexColumn::Of(std::move(narrow));
          return s;
        }
        Column<std::uint32_t> wide;
        auto s = ReadColumn(view, keep, kColDeadline, n, wide);
        ds.deadline_ = IndexColumn::Of(std::move(wide));
        return s;
      },
      [&] { return ReadColumn(view, keep, kColCategory, n, c.category); },
      [&] { return ReadColumn(view, keep, kColSource, n, c.source); },
      [&] { return ReadColumn(view, keep, kColKind, n, c.kind); },
      [&] { return ReadColumn(view, keep, kColFlags, n, c.flags); },
      strings(pool_column, kPoolEnds, view.Get(kPoolEnds).size() / 4),
  };
  for (auto [list, kind] :
       {std::pair{&c.lead, kLeadFirst}, std::pair{&c.coordinator, kCoordFirst}}) {
    // Init-captures: a structured binding cannot be captured by name before clang 16.
    copies.push_back([&view, &keep, list = list, kind = kind, n] {
      for (auto s :
           {ReadColumn(view, keep, kind, n, list->first),
            ReadColumn(view, keep, kind + 1, kAnyCount, list->multi_task),
            ReadColumn(view, keep, kind + 2, list->multi_task.size() + 1, list->multi_offset),
            ReadColumn(view, keep, kind + 3, kAnyCount, list->values)}) {
        if (!s.ok()) return s;
      }
      return absl::OkStatus();
    });
  }
  for (auto [sparse, kind] :
       {std::pair{&ds.lead_text_, kLeadTextTask}, std::pair{&ds.coordinators_text_, kCoordTextTask},
        std::pair{&ds.expected_result_, kExpectedTask}, std::pair{&ds.note_, kNoteTask}}) {
    copies.push_back([&view, &keep, sparse = sparse, kind = kind] {
      if (auto s = ReadColumn(view, keep, kind, kAnyCount, sparse->task); !s.ok()) return s;
      return ReadColumn(view, keep, kind + 1, sparse->task.size(), sparse->value);
    });
  }
  if (auto s = RunOnBothCores(copies); !s.ok()) return s;
  auto pool = StringPool::FromColumn(**std::move(pool_column));
  if (!pool.ok()) return Corrupt(absl::StrFormat("text pool: %s", pool.status().message()));
  ds.pool_ = *std::move(pool);

  // An agency list: inline firsts below the registry's size (or none), the overflow tasks
  // ascending, in range and exactly those flagged as having several, offsets spanning values.
  const TaskColumns& cc = c;  // reads through the const view: a write would copy the column
  const auto check_list = [&](const AgencyListColumn& list, std::uint8_t flag, std::uint32_t kind) {
    for (std::size_t i = 0; i < list.first.size(); ++i) {
      if (list.first[i] != kNoAgency && list.first[i] >= writer_ids.size()) {
        return Corrupt(absl::StrFormat("%s: agency %u of task %u is out of range",
                                       SectionName(kind), list.first[i], i));
      }
    }
    std::size_t flagged = 0;
    for (const std::uint8_t f : cc.flags) flagged += (f & flag) != 0;
    if (flagged != list.multi_task.size()) {
      return Corrupt(absl::StrFormat("%s: %u tasks, but %u are flagged as having several",
                                     SectionName(kind + 1), list.multi_task.size(), flagged));
    }
    for (std::size_t k = 0; k < list.multi_task.size(); ++k) {
      const std::uint32_t t = list.multi_task[k];
      if (t >= n || (k > 0 && t <= list.multi_task[k - 1]) || !(cc.flags[t] & flag)) {
        return Corrupt(
            absl::StrFormat("%s: entry %u (task %u) is out of order, out of range "
                            "or not flagged",
                            SectionName(kind + 1), k, t));
      }
      if (list.multi_offset[k + 1] - list.multi_offset[k] < 2 &&
          list.multi_offset[k + 1] >= list.multi_offset[k]) {
        return Corrupt(
            absl::StrFormat("%s: task %u has fewer than two agencies", SectionName(kind + 2), t));
      }
    }
    if (auto s = CheckOffsets(list.multi_offset, list.values.size(), kind + 2); !s.ok()) return s;
    return CheckBelow(list.values, writer_ids.size(), kind + 3);
  };
  const auto check_sparse = [&](const SparseColumn<std::uint32_t>& sparse, std::uint32_t kind) {
    for (std::size_t k = 0; k < sparse.task.size(); ++k) {
      if (sparse.task[k] >= n || (k > 0 && sparse.task[k] <= sparse.task[k - 1])) {
        return Corrupt(
            absl::StrFormat("%s: entry %u is out of order or range", SectionName(kind), k));
      }
    }
    if (kind == kLeadTextTask || kind == kCoordTextTask) {
      // Agency cells: a pool id, or an order code (any code reads safely).
      for (std::size_t k = 0; k < sparse.value.size(); ++k) {
        const std::uint32_t v = sparse.value[k];
        if (!(v & Dataset::kCellOrder) && v >= ds.pool_.size()) {
          return Corrupt(absl::StrFormat("%s: entry %u holds %u, over the limit %u",
                                         SectionName(kind + 1), k, v, ds.pool_.size() - 1));
        }
      }
      return absl::OkStatus();
    }
    return CheckBelow(sparse.value, ds.pool_.size(), kind + 1);
  };
  if (auto s = RunOnBothCores({
          [&] {
            const std::size_t limit = ds.deadlines_.size();
            return ds.deadline_.wide() ? CheckBelow(ds.deadline_.wide32(), limit, kColDeadline)
                                       : CheckBelow(ds.deadline_.narrow(), limit, kColDeadline);
          },
          [&] { return check_list(c.lead, kTaskMultiLead, kLeadFirst); },
          [&] { return check_list(c.coordinator, kTaskMultiCoordinator, kCoordFirst); },
          [&] {
            return CheckBelow(c.kind, EnumFirst<DeadlineKind>() + EnumCount<DeadlineKind>(),
                              kColKind);
          },
          [&] { return CheckBelow(c.category, ds.categories_.size(), kColCategory); },
          [&] { return CheckBelow(c.source, ds.sources_.size(), kColSource); },
          [&] {
            for (auto [sparse, kind] : {std::pair{&ds.lead_text_, kLeadTextTask},
                                        std::pair{&ds.coordinators_text_, kCoordTextTask},
                                        std::pair{&ds.expected_result_, kExpectedTask},
                                        std::pair{&ds.note_, kNoteTask}}) {
              if (auto s = check_sparse(*sparse, kind); !s.ok()) return s;
            }
            return absl::OkStatus();
          },
      });
      !s.ok()) {
    return s;
  }
  *ds.ids_ = **std::move(ids);
  ds.titles_ = **std::move(titles);

  Decoder ex(view.Get(kExtras), "rare task fields");
  const std::size_t extra_count = ex.Count(4);
  ds.extra_.reserve(extra_count);
  std::int64_t last = -1;
  for (std::size_t k = 0; k < extra_count && ex.ok(); ++k) {
    const std::uint32_t i = ex.U32();
    if (ex.ok() && (i >= n || std::int64_t{i} <= last)) {
      ex.Fail(absl::StrFormat("task index %u out of order or range", i));
      break;
    }
    last = i;
    Dataset::Extra e;
    e.partners = ex.Strs();
    e.sources = ex.Strs();
    e.attributes.resize(ex.Count(16));
    for (auto& [key, value] : e.attributes) {
      key = ex.Str();
      value = ex.Str();
    }
    e.history.resize(ex.Count(16));
    for (auto& event : e.history) event = ex.Event();
    e.reports_tracked = ex.OptBool();
    if (!same_registry) {
      for (const auto& p : e.partners) {
        if (ex.ok() && !reg.FindById(p)) {
          ex.Fail(absl::StrFormat("partner \"%s\" of task %u is unknown to the registry", p, i));
        }
      }
    }
    ds.extra_.emplace(i, std::move(e));
  }
  if (auto s = ex.Finish(); !s.ok()) return s;

  // The agencies under another registry: mapped by id; each list sorted again and its first
  // (smallest) agency set again.
  if (!same_registry) {
    std::vector<AgencyIndex> map(writer_ids.size(), kNoAgency);
    for (std::size_t a = 0; a < writer_ids.size(); ++a) {
      if (auto idx = reg.FindById(writer_ids[a])) map[a] = *idx;
    }
    for (auto* list : {&c.lead, &c.coordinator}) {
      for (auto* v : {&list->first, &list->values}) {
        for (auto& a : v->Mutable()) {
          if (a == kNoAgency) continue;
          if (map[a] == kNoAgency) {
            return absl::InvalidArgumentError(absl::StrFormat(
                "the snapshot was made with %s (%u agencies); its agency id \"%s\" is unknown to "
                "the registry it is opened with: open it with the registry it was made with",
                made_with_bundled ? "the bundled registry" : "a custom registry", writer_ids.size(),
                writer_ids[a]));
          }
          a = map[a];
        }
      }
      const std::span<AgencyIndex> values = list->values.Mutable();
      for (std::size_t k = 0; k < list->multi_task.size(); ++k) {
        auto first = values.begin() + list->multi_offset[k];
        std::sort(first, values.begin() + list->multi_offset[k + 1]);
        list->first[list->multi_task[k]] = *first;
      }
    }
  }

  // The id index: none while ids are in ascending order (FindTask searches the column),
  // else the hash index, rebuilt. Either way an id stored twice refuses the file.
  ds.ids_sorted_ = ds.ids_->StrictlyAscending();
  if (!ds.ids_sorted_) {
    ds.IndexIdsByHash();
    if (ds.by_id_.size() != n) return Corrupt("a task id is stored twice");
  }

  // Targets, goals and documents through the validating calls: a few hundred values.
  Decoder ob(view.Get(kObjects), "targets, goals and documents");
  const std::size_t target_count = ob.Count(8);
  for (std::size_t k = 0; k < target_count && ob.ok(); ++k) {
    Target t;
    t.id = ob.Str();
    t.name = ob.Str();
    t.unit = ob.Str();
    t.direction = ob.Enum<TargetDirection>();
    t.baseline = ob.F64();
    t.baseline_day = ob.OptDay();
    t.target = ob.F64();
    t.deadline = ob.OptDay();
    t.responsible = ob.Strs();
    t.family = ob.Str();
    t.measurements.resize(ob.Count(8));
    for (auto& m : t.measurements) {
      const std::int32_t day = ob.I32();
      if (day < -30000 || day > 90000) ob.Fail("measurement day out of range");
      m.day = FromEpochDays(day);
      m.value = ob.F64();
      m.locality = ob.Str();
      m.source = ob.Str();
    }
    if (!ob.ok()) break;
    if (auto s = ds.AddTarget(t); !s.ok()) ob.Fail(std::string(s.message()));
  }
  const std::size_t goal_count = ob.Count(8);
  for (std::size_t k = 0; k < goal_count && ob.ok(); ++k) {
    Goal g;
    g.id = ob.Str();
    g.name = ob.Str();
    g.task_ids = ob.Strs();
    g.target_ids = ob.Strs();
    if (!ob.ok()) break;
    if (auto s = ds.AddGoal(g); !s.ok()) ob.Fail(std::string(s.message()));
  }
  const std::size_t document_count = ob.Count(8);
  for (std::size_t k = 0; k < document_count && ob.ok(); ++k) {
    SourceDocument d;
    d.id = ob.Str();
    d.type = ob.Str();
    d.number = ob.Str();
    d.issuer = ob.Str();
    d.date = ob.OptDay();
    d.title = ob.Str();
    if (!ob.ok()) break;
    if (auto s = ds.AddDocument(d); !s.ok()) ob.Fail(std::string(s.message()));
  }
  if (auto s = ob.Finish(); !s.ok()) return s;
  return ds;
}

// ---------------------------------------------------------------- public API

bool LooksLikeSnapshot(std::string_view head) { return head.starts_with(kSnapshotMagic); }

absl::StatusOr<std::string> WriteSnapshot(const Dataset& dataset) {
  return SnapshotCodec::Write(dataset);
}

absl::Status SaveSnapshot(const Dataset& dataset, const std::string& path) {
  auto bytes = WriteSnapshot(dataset);
  if (!bytes.ok()) return bytes.status();
  return WriteFileAtomically(path, *bytes);
}

absl::StatusOr<Dataset> OpenSnapshot(const std::string& path, const SnapshotOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileError(path, "cannot open");
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    auto s = FileError(path, "cannot stat");
    ::close(fd);
    return s;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(absl::StrFormat("\"%s\" is a directory", path));
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (!S_ISREG(st.st_mode) || size < kHeaderSize) {
    // Too small to map usefully (or a pipe): read it, and let the reader say what is wrong.
    ::close(fd);
    auto bytes = ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    return ReadSnapshot(*bytes, options);
  }
  void* addr = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (addr == MAP_FAILED) return FileError(path, "cannot map");
  auto mapping = std::make_shared<Mapping>();
  mapping->addr = addr;
  mapping->size = size;
  const std::string_view f(static_cast<const char*>(addr), size);
  auto ds = SnapshotCodec::Open(mapping, f, options);
  if (!ds.ok()) {
    return absl::Status(ds.status().code(), absl::StrFormat("%s: %s", path, ds.status().message()));
  }
  return ds;
}

absl::StatusOr<Dataset> ReadSnapshot(std::string_view bytes, const SnapshotOptions& options) {
  std::shared_ptr<char[]> copy(new char[bytes.size() + 1]);
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  const std::string_view f(copy.get(), bytes.size());
  return SnapshotCodec::Open(std::move(copy), f, options);
}

bool ResealSnapshotForTesting(std::string& bytes) {
  if (bytes.size() < kHeaderSize || !LooksLikeSnapshot(bytes)) return false;
  char* h = bytes.data();
  const auto count = Get<std::uint32_t>(h + kOffCount);
  if (count > kMaxSections) return false;
  const std::uint64_t table_end = kHeaderSize + std::uint64_t{count} * kEntrySize;
  if (table_end > bytes.size()) return false;
  for (std::uint32_t i = 0; i < count; ++i) {
    char* e = h + kHeaderSize + i * kEntrySize;
    const auto offset = Get<std::uint64_t>(e + 8), length = Get<std::uint64_t>(e + 16);
    if (offset > bytes.size() || length > bytes.size() - offset) continue;  // refused anyway
    const std::uint32_t crc = Crc32c({h + offset, length});
    std::memcpy(e + 24, &crc, 4);
  }
  const std::uint32_t table_crc = Crc32c({h + kHeaderSize, table_end - kHeaderSize});
  std::memcpy(h + kOffTableCrc, &table_crc, 4);
  const std::uint32_t header_crc = Crc32c({h, kOffHeaderCrc});
  std::memcpy(h + kOffHeaderCrc, &header_crc, 4);
  return true;
}

}  // namespace mandate
