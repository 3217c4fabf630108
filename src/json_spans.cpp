#include "json_spans.h"

namespace mandate::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t SkipSpace(std::string_view t, std::size_t i) {
  while (i < t.size() && IsSpace(t[i])) ++i;
  return i;
}

// t[i] is the opening quote; returns the index after the closing one.
std::size_t SkipString(std::string_view t, std::size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return t.size();
}

// Index after the value starting at t[i]: strings, nested containers (by counting brackets,
// no recursion) and scalars.
std::size_t SkipValue(std::string_view t, std::size_t i) {
  if (i >= t.size()) return t.size();
  if (t[i] == '"') return SkipString(t, i);
  if (t[i] == '{' || t[i] == '[') {
    std::size_t depth = 0;
    while (i < t.size()) {
      const char c = t[i];
      if (c == '"') {
        i = SkipString(t, i);
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
      ++i;
    }
    return t.size();
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !IsSpace(t[i])) ++i;
  return i;
}

}  // namespace

std::string_view TrimJson(std::string_view text) {
  std::size_t b = SkipSpace(text, 0), e = text.size();
  while (e > b && IsSpace(text[e - 1])) --e;
  return text.substr(b, e - b);
}

std::vector<JsonMember> ObjectMembers(std::string_view t) {
  std::vector<JsonMember> out;
  std::size_t i = 1;
  for (;;) {
    i = SkipSpace(t, i);
    if (i >= t.size() || t[i] != '"') break;  // '}'
    const std::size_t key_begin = i;
    i = SkipString(t, i);
    const std::string_view key = t.substr(key_begin, i - key_begin);
    i = SkipSpace(t, i);
    if (i < t.size() && t[i] == ':') ++i;
    i = SkipSpace(t, i);
    const std::size_t value_begin = i;
    i = SkipValue(t, i);
    out.push_back({key, t.substr(value_begin, i - value_begin)});
    i = SkipSpace(t, i);
    if (i < t.size() && t[i] == ',') ++i;
  }
  return out;
}

bool JsonArrayCursor::Next(std::string_view& element) {
  pos_ = SkipSpace(text_, pos_);
  if (pos_ >= text_.size() || text_[pos_] == ']') return false;
  const std::size_t begin = pos_;
  pos_ = SkipValue(text_, pos_);
  element = text_.substr(begin, pos_ - begin);
  pos_ = SkipSpace(text_, pos_);
  if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
  return true;
}

}  // namespace mandate::internal
