// The members of a JSON object and the elements of an array as byte spans of text already
// checked to be valid JSON: the dataset reader parses one task at a time this way, instead of
// the whole file as one DOM (which took 5-11 times the file's size in memory).
#ifndef MANDATE_SRC_JSON_SPANS_H
#define MANDATE_SRC_JSON_SPANS_H

#include <cstddef>
#include <string_view>
#include <vector>

namespace mandate::internal {

// The text without JSON whitespace around it.
std::string_view TrimJson(std::string_view text);

struct JsonMember {
  std::string_view key;    // as written, with its quotes and escapes
  std::string_view value;  // the whole value
};
// Members of the object `object` (starting with '{'), in file order. No recursion.
std::vector<JsonMember> ObjectMembers(std::string_view object);

// Elements of the array `array` (starting with '['), one at a time, without a vector of a
// million spans.
class JsonArrayCursor {
 public:
  explicit JsonArrayCursor(std::string_view array) : text_(array), pos_(1) {}
  bool Next(std::string_view& element);

 private:
  std::string_view text_;
  std::size_t pos_;
};

}  // namespace mandate::internal

#endif
