// XML parts read with expat as a stream of events on local names (a producer's namespace
// prefixes, "x:row", do not matter). A document type declaration is refused: an OOXML part
// never has one, and refusing it rules out entity expansion.
#ifndef MANDATE_SRC_XML_EVENTS_H
#define MANDATE_SRC_XML_EVENTS_H

#include <string_view>

#include "absl/status/status.h"

namespace mandate::internal {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // attrs: expat's null-terminated name/value array, names as local names.
  virtual absl::Status Start(std::string_view name, const char** attrs) = 0;
  virtual absl::Status End(std::string_view name) = 0;
  virtual absl::Status Text(std::string_view text) = 0;
};

// The value of a local attribute name, or nullptr.
const char* XmlAttr(const char** attrs, std::string_view name);

// Parses `xml` (the part `part`, for messages); the first error a handler returns stops it.
absl::Status ParseXml(std::string_view xml, std::string_view part, XmlHandler& handler);

}  // namespace mandate::internal

#endif
