#include "xml_events.h"

#include <expat.h>

#include <climits>
#include <string>

#include "absl/strings/str_format.h"

namespace mandate::internal {
namespace {

// With XML_ParserCreateNS names arrive as "uri|local"; the local part is what matters.
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const std::size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

struct Context {
  XML_Parser parser;
  XmlHandler* handler;
  absl::Status status;
  std::vector<const char*> attrs;  // the local names, for the handler

  void Stop(absl::Status s) {
    if (status.ok()) status = std::move(s);
    XML_StopParser(parser, XML_FALSE);
  }
};

void OnStart(void* data, const XML_Char* name, const XML_Char** atts) {
  auto* c = static_cast<Context*>(data);
  if (!c->status.ok()) return;
  c->attrs.clear();
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    c->attrs.push_back(Local(atts[i]).data());
    c->attrs.push_back(atts[i + 1]);
  }
  c->attrs.push_back(nullptr);
  if (auto s = c->handler->Start(Local(name), c->attrs.data()); !s.ok()) c->Stop(std::move(s));
}

void OnEnd(void* data, const XML_Char* name) {
  auto* c = static_cast<Context*>(data);
  if (!c->status.ok()) return;
  if (auto s = c->handler->End(Local(name)); !s.ok()) c->Stop(std::move(s));
}

void OnText(void* data, const XML_Char* text, int len) {
  auto* c = static_cast<Context*>(data);
  if (!c->status.ok() || len <= 0) return;
  if (auto s = c->handler->Text(std::string_view(text, static_cast<std::size_t>(len))); !s.ok()) {
    c->Stop(std::move(s));
  }
}

void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  static_cast<Context*>(data)->Stop(
      absl::InvalidArgumentError("a document type declaration (DTD) is not allowed"));
}

}  // namespace

const char* XmlAttr(const char** attrs, std::string_view name) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    if (name == attrs[i]) return attrs[i + 1];
  }
  return nullptr;
}

absl::Status ParseXml(std::string_view xml, std::string_view part, XmlHandler& handler) {
  XML_Parser parser = XML_ParserCreateNS("UTF-8", '|');
  if (parser == nullptr) return absl::ResourceExhaustedError("cannot create an XML parser");
  Context c{parser, &handler, absl::OkStatus(), {}};
  XML_SetUserData(parser, &c);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  XML_SetStartDoctypeDeclHandler(parser, OnDoctype);
  // Fed in pieces: expat takes an int length.
  constexpr std::size_t kChunk = std::size_t{1} << 24;
  std::size_t at = 0;
  XML_Status rc = XML_STATUS_OK;
  do {
    const std::size_t n = std::min(kChunk, xml.size() - at);
    const bool last = at + n == xml.size();
    rc = XML_Parse(parser, xml.data() + at, static_cast<int>(n), last ? XML_TRUE : XML_FALSE);
    at += n;
  } while (rc == XML_STATUS_OK && at < xml.size());
  absl::Status out = c.status;
  if (out.ok() && rc != XML_STATUS_OK) {
    out = absl::InvalidArgumentError(absl::StrFormat(
        "%s: malformed XML at line %d: %s", part, XML_GetCurrentLineNumber(parser),
        XML_ErrorString(XML_GetErrorCode(parser))));
  } else if (!out.ok()) {
    out = absl::Status(out.code(), absl::StrFormat("%s: %s", part, out.message()));
  }
  XML_ParserFree(parser);
  return out;
}

}  // namespace mandate::internal
