/*
 * mandate: tracks the tasks, targets and goals a government assigns to its agencies.
 * The stable C ABI (C99, usable from C++). Conventions, as in SQLite, libgit2 and DuckDB:
 *  - every function is prefixed mdt_ and returns an mdt_status; results go to out-parameters,
 *    which come first and are named out;
 *  - on failure mdt_last_error() holds a message for the calling thread, valid until the
 *    next mdt_ call on that thread;
 *  - whatever the library allocates, the matching mdt_*_free releases; free functions accept NULL;
 *  - all strings are UTF-8; dates cross the boundary as int32_t days since 1970-01-01 or as
 *    "YYYY-MM-DD" strings;
 *  - enum values are fixed forever: new values are only ever appended.
 */
#ifndef MANDATE_H
#define MANDATE_H

#include <stddef.h>
#include <stdint.h>

#include "mandate_version.h"

#if defined(MDT_STATIC)
#define MDT_API
#elif defined(_WIN32)
#if defined(MDT_BUILDING_LIBRARY)
#define MDT_API __declspec(dllexport)
#else
#define MDT_API __declspec(dllimport)
#endif
#else
#define MDT_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. 0 is success. Values never change and are never reused. */
typedef enum mdt_status {
  MDT_OK = 0,
  MDT_ERR_INVALID_ARGUMENT = 1, /* a null pointer, bad flag or out-of-range value */
  MDT_ERR_INVALID_HANDLE = 2,   /* a handle that is null, closed or of the wrong kind */
  MDT_ERR_NOT_FOUND = 3,        /* no such task, target, agency or file */
  MDT_ERR_PARSE = 4,            /* text that could not be read: date, deadline, JSON, CSV */
  MDT_ERR_INVALID_UTF8 = 5,     /* a string that is not valid UTF-8 */
  MDT_ERR_BUFFER_TOO_SMALL = 6, /* the caller's buffer is too small; the needed size is reported */
  MDT_ERR_OUT_OF_RANGE = 7,     /* a date or number outside the supported range */
  MDT_ERR_ALREADY_EXISTS = 8,   /* a duplicate id */
  MDT_ERR_IO = 9,               /* a file could not be read or written */
  MDT_ERR_LIMIT = 10,           /* an input exceeds a configured limit (size, depth, count) */
  MDT_ERR_CORRUPT = 11,         /* a file failed validation (truncated, checksum mismatch) */
  MDT_ERR_NO_MEMORY = 12,
  MDT_ERR_INTERNAL = 13         /* a bug: please report it with mdt_last_error() */
} mdt_status;

/* The runtime version, to compare with MDT_VERSION_NUMBER when a binding loads. */
MDT_API int32_t mdt_version_number(void);
/* Static string, never freed. */
MDT_API const char* mdt_version(void);

/* The message of the last failed call on this thread, or "" if none. Borrowed: valid until
 * the next mdt_ call on the same thread. */
MDT_API const char* mdt_last_error(void);
/* A static English name for a status code ("MDT_ERR_PARSE"); never NULL. */
MDT_API const char* mdt_status_name(mdt_status status);

/* Frees a string the library returned (reports, JSON). Accepts NULL. */
MDT_API void mdt_string_free(char* s);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MANDATE_H */
