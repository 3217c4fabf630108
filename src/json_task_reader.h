// One element of the dataset file's "tasks" array read straight from its bytes into a Task,
// without nlohmann's DOM (issue 20: the DOM, its dump() for the checksum and its syntax pass
// made the JSON load 5x slower than the CSV). The reader validates the JSON as it goes and
// says which of three things the element is:
//   kTask      in the canonical form WriteDatasetJson writes (keys sorted and unique, strings
//              escaped as nlohmann's dump() escapes them, plain integers) and a task that the
//              DOM reader (TaskFromJson) would read without any problem: `task` is that task
//              and the element's compact serialisation (what the checksum hashes) is appended
//              to `compact`;
//   kFallback  valid JSON, but not canonical or with a problem to report: the caller reads
//              it through the DOM, which says exactly what is wrong;
//   kInvalid   not valid JSON (or nested deeper than allowed, or a number nlohmann would not
//              keep exactly): the caller reads the whole file the old way, which reports it.
// Reads the registry only: one reader per thread.
#ifndef MANDATE_SRC_JSON_TASK_READER_H
#define MANDATE_SRC_JSON_TASK_READER_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/agency_registry.h"
#include "mandate/task.h"

namespace mandate::internal {

// What Read gives for a task besides the Task: its agencies as registry indexes and the bytes
// of its deadline (equal bytes, equal deadline: the loader interns each once).
struct ReadTask {
  Task task;
  std::vector<AgencyIndex> lead, coordinators;
  std::string_view deadline_bytes;
  std::size_t deadline_hash = 0;  // of deadline_bytes, taken off the loading thread
};

class JsonTaskReader {
 public:
  enum class Verdict : std::uint8_t { kTask, kFallback, kInvalid };

  // max_depth: nesting allowed inside the element (the element itself is level 1).
  JsonTaskReader(const AgencyRegistry& registry, std::size_t max_depth)
      : reg_(registry), max_depth_(max_depth) {}

  // Reads the value starting at text[pos] (after any whitespace) and sets pos past it. With
  // kFallback, `task` and `compact` are unspecified (compact keeps its first bytes).
  Verdict Read(std::string_view text, std::size_t& pos, ReadTask& out, std::string& compact);

 private:
  struct Node {
    enum Kind : std::uint8_t { kNull, kFalse, kTrue, kInt, kString, kArray, kObject };
    Kind kind = kNull;
    std::uint32_t end = 0;  // index past this node's subtree (its children follow it)
    std::string_view key;   // as an object member (canonical: no escapes)
    std::string_view str;   // decoded
    std::int64_t num = 0;
    std::size_t begin = 0, finish = 0;  // the value's bytes in the text
  };

  bool Value(std::size_t depth);
  bool String(std::string_view& decoded, bool& canonical);
  bool Number(std::int64_t& out);

  // The conversion, mirroring TaskFromJson; false where it would report a problem.
  bool ToTask(std::uint32_t n, ReadTask& out) const;
  bool ToDeadline(std::uint32_t n, Deadline& d) const;
  // The members of `object` by key: `known` is sorted, as canonical keys are, so one merge
  // walk finds them; false for a key not in it or a null value (the DOM reader reports the
  // one and takes the other for absent: both are left to it).
  template <std::size_t N>
  bool Members(std::uint32_t object, const std::string_view (&known)[N],
               const Node* (&slot)[N]) const;

  const AgencyRegistry& reg_;
  std::size_t max_depth_;
  std::string_view t_;
  std::size_t i_ = 0;
  bool canonical_ = true;
  std::string* compact_ = nullptr;
  std::vector<Node> nodes_;
  std::deque<std::string> decoded_;  // strings with escapes; stable addresses
};

}  // namespace mandate::internal

#endif
