// The mdt_*_init functions: the defaults of every versioned struct for bindings that cannot
// use the MDT_*_INIT macros (ctypes, cffi without a compiler, Go, Rust without bindgen). Each
// writes exactly its MDT_*_INIT, with the version the caller asks for.
#define MDT_EXPERIMENTAL
#include <cstddef>
#include <cstring>

#include "internal/convert.h"
#include "internal/error.h"
#include "mandate.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

// Every struct is at version 1, so a known version is the current one and the whole
// struct may be written; a struct that grows will write only its older fields for an older
// version (by copying the defaults of that version's size).
#define MDT_DEFINE_INIT(lower, UPPER)                                          \
  MDT_API mdt_status mdt_##lower##_init(mdt_##lower* opts, uint32_t version) { \
    return Guard([&]() -> mdt_status {                                         \
      MDT_TRY(CheckOut(opts, "opts"));                                         \
      MDT_TRY(CheckStructVersion(version, MDT_##UPPER##_VERSION, "version"));  \
      /* static: zero padding, so the result is the same bytes every time */   \
      static const mdt_##lower defaults = MDT_##UPPER##_INIT;                  \
      std::memcpy(opts, &defaults, sizeof defaults);                           \
      opts->version = version;                                                 \
      return MDT_OK;                                                           \
    });                                                                        \
  }

extern "C" {

MDT_DEFINE_INIT(deadline_context, DEADLINE_CONTEXT)
MDT_DEFINE_INIT(deadline_info, DEADLINE_INFO)
MDT_DEFINE_INIT(task_input, TASK_INPUT)
MDT_DEFINE_INIT(event_input, EVENT_INPUT)
MDT_DEFINE_INIT(deadline_change_input, DEADLINE_CHANGE_INPUT)
MDT_DEFINE_INIT(target_input, TARGET_INPUT)
MDT_DEFINE_INIT(measurement_input, MEASUREMENT_INPUT)
MDT_DEFINE_INIT(classify_options, CLASSIFY_OPTIONS)
MDT_DEFINE_INIT(classification_info, CLASSIFICATION_INFO)
MDT_DEFINE_INIT(status_counts, STATUS_COUNTS)
MDT_DEFINE_INIT(load_options, LOAD_OPTIONS)
MDT_DEFINE_INIT(target_options, TARGET_OPTIONS)
MDT_DEFINE_INIT(target_evaluation_info, TARGET_EVALUATION_INFO)
MDT_DEFINE_INIT(aggregate_options, AGGREGATE_OPTIONS)
MDT_DEFINE_INIT(rank_options, RANK_OPTIONS)
MDT_DEFINE_INIT(task_lists_options, TASK_LISTS_OPTIONS)

// Version 2 appended the letterhead and programmes fields: a version-1 caller's struct ends
// before them, so only its version-1 part is written.
MDT_API mdt_status mdt_report_options_init(mdt_report_options* opts, uint32_t version) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(opts, "opts"));
    MDT_TRY(CheckStructVersion(version, MDT_REPORT_OPTIONS_VERSION, "version"));
    static const mdt_report_options defaults = MDT_REPORT_OPTIONS_INIT;
    const std::size_t size =
        version == 1 ? offsetof(mdt_report_options, issuing_body) : sizeof defaults;
    std::memcpy(opts, &defaults, size);
    opts->version = version;
    return MDT_OK;
  });
}

}  // extern "C"
