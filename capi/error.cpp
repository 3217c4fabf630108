#include "internal/error.h"

#include <new>
#include <string>

#include "mandate/text.h"

namespace mandate::capi {
namespace {
thread_local std::string t_last_error;
}  // namespace

mdt_status Fail(mdt_status code, std::string_view msg) {
  try {
    // A NUL inside the message (a quoted phrase holding one) would end the C string early
    // and hide the rest: it is written as the two characters "\0".
    t_last_error.clear();
    t_last_error.reserve(msg.size());
    for (const char c : msg) {
      if (c == '\0') {
        t_last_error += "\\0";
      } else {
        t_last_error.push_back(c);
      }
    }
    // mdt_last_error() is valid UTF-8 whatever a message quotes: invalid bytes become '?'.
    std::size_t from = 0;
    while (auto bad = FindInvalidUtf8(std::string_view(t_last_error).substr(from))) {
      t_last_error[from + *bad] = '?';
      from += *bad + 1;
    }
  } catch (...) {
    t_last_error.clear();
  }
  return code;
}

mdt_status Ok() { return MDT_OK; }

mdt_status FromStatus(const absl::Status& status) {
  if (status.ok()) return Ok();
  mdt_status code = MDT_ERR_INTERNAL;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      code = MDT_ERR_INVALID_ARGUMENT;
      break;
    case absl::StatusCode::kNotFound:
      code = MDT_ERR_NOT_FOUND;
      break;
    case absl::StatusCode::kAlreadyExists:
      code = MDT_ERR_ALREADY_EXISTS;
      break;
    case absl::StatusCode::kOutOfRange:
      code = MDT_ERR_OUT_OF_RANGE;
      break;
    case absl::StatusCode::kResourceExhausted:
      code = MDT_ERR_LIMIT;
      break;
    case absl::StatusCode::kDataLoss:
      code = MDT_ERR_CORRUPT;
      break;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kPermissionDenied:
      code = MDT_ERR_IO;
      break;
    default:
      break;
  }
  return Fail(code, ToStd(status.message()));
}

}  // namespace mandate::capi

extern "C" {

MDT_API const char* mdt_last_error(void) { return mandate::capi::t_last_error.c_str(); }

MDT_API void mdt_clear_error(void) { mandate::capi::t_last_error.clear(); }

MDT_API const char* mdt_status_name(mdt_status status) {
  switch (status) {
    case MDT_OK:
      return "MDT_OK";
    case MDT_ERR_INVALID_ARGUMENT:
      return "MDT_ERR_INVALID_ARGUMENT";
    case MDT_ERR_INVALID_HANDLE:
      return "MDT_ERR_INVALID_HANDLE";
    case MDT_ERR_NOT_FOUND:
      return "MDT_ERR_NOT_FOUND";
    case MDT_ERR_PARSE:
      return "MDT_ERR_PARSE";
    case MDT_ERR_INVALID_UTF8:
      return "MDT_ERR_INVALID_UTF8";
    case MDT_ERR_BUFFER_TOO_SMALL:
      return "MDT_ERR_BUFFER_TOO_SMALL";
    case MDT_ERR_OUT_OF_RANGE:
      return "MDT_ERR_OUT_OF_RANGE";
    case MDT_ERR_ALREADY_EXISTS:
      return "MDT_ERR_ALREADY_EXISTS";
    case MDT_ERR_IO:
      return "MDT_ERR_IO";
    case MDT_ERR_LIMIT:
      return "MDT_ERR_LIMIT";
    case MDT_ERR_CORRUPT:
      return "MDT_ERR_CORRUPT";
    case MDT_ERR_NO_MEMORY:
      return "MDT_ERR_NO_MEMORY";
    case MDT_ERR_INTERNAL:
      return "MDT_ERR_INTERNAL";
  }
  return "MDT_ERR_UNKNOWN";
}

MDT_API void mdt_string_free(char* s) { delete[] s; }

}  // extern "C"
