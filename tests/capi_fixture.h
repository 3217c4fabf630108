// Shared by the tests/capi_*_test.cpp files: status assertions that print mdt_last_error(),
// RAII for handles, and the seed plan (plan-2025-tasks.jsonl) loaded through the C ABI only.
#ifndef MANDATE_TESTS_CAPI_FIXTURE_H
#define MANDATE_TESTS_CAPI_FIXTURE_H

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// The experimental section is tested too.
#define MDT_EXPERIMENTAL
#include "mandate.h"
#include "mandate.hpp"
#include "seed_data.h"

#define ASSERT_MDT_OK(expr)                                                           \
  do {                                                                                \
    const mdt_status mdt_s_ = (expr);                                                 \
    ASSERT_EQ(mdt_s_, MDT_OK) << mdt_status_name(mdt_s_) << ": " << mdt_last_error(); \
  } while (0)
#define EXPECT_MDT_OK(expr)                                                           \
  do {                                                                                \
    const mdt_status mdt_s_ = (expr);                                                 \
    EXPECT_EQ(mdt_s_, MDT_OK) << mdt_status_name(mdt_s_) << ": " << mdt_last_error(); \
  } while (0)
// The call fails with code and leaves a message mentioning `needle`. The last error is
// cleared first: it outlives successful calls, so a stale message must not pass the check.
#define EXPECT_MDT_ERR(code, needle, expr)                                          \
  do {                                                                              \
    mdt_clear_error();                                                              \
    const mdt_status mdt_s_ = (expr);                                               \
    EXPECT_EQ(mdt_s_, code) << mdt_status_name(mdt_s_) << ": " << mdt_last_error(); \
    EXPECT_NE(std::string(mdt_last_error()).find(needle), std::string::npos)        \
        << "message: " << mdt_last_error();                                         \
  } while (0)

namespace mandate::capi_test {

// The handles are owned by the RAII classes of mandate.hpp (the C++ API over the C ABI).
using Dataset = mandate::c::Dataset;
using Registry = mandate::c::Registry;
using Resolution = mandate::c::Resolution;
using Calendar = mandate::c::Calendar;
using DeadlinePtr = mandate::c::Deadline;
using ClassificationPtr = mandate::c::Classification;
using Iter = mandate::c::ClassificationIter;
using Problems = mandate::c::Problems;
using AggPtr = mandate::c::AggregateResult;
using ChangePtr = mandate::c::TaskChange;
using ListsPtr = mandate::c::TaskLists;
using EvalPtr = mandate::c::TargetEvaluations;
using Columns = mandate::c::TaskColumns;
// Allocated strings are not handles: a unique_ptr with mdt_string_free.
struct StringDeleter {
  void operator()(char* p) const { mdt_string_free(p); }
};
using String = std::unique_ptr<char, StringDeleter>;

inline mdt_date Date(const char* iso) {
  mdt_date d = MDT_NO_DATE;
  EXPECT_EQ(mdt_date_parse(&d, iso, MDT_NUL_TERMINATED), MDT_OK) << iso;
  return d;
}

inline std::vector<nlohmann::json> SeedPlanRows() {
  return mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl");
}

// Adds every seed task through the C ABI: the lead cell resolved with mdt_registry_resolve,
// the deadline phrase parsed by mdt_dataset_add_task with plan year 2025. Returns the
// number of tasks added; failures are test failures.
inline std::size_t AddSeedPlan(mdt_dataset* ds, const mdt_registry* reg) {
  std::size_t added = 0;
  for (const auto& row : SeedPlanRows()) {
    const std::string id = row["id"], title = row["title"], lead = row["lead"],
                      coord = row["coordinators"], result = row["expected_result"],
                      deadline = row["deadline_text"], note = row["note"], section = row["section"];
    mdt_resolution* r = nullptr;
    EXPECT_EQ(mdt_registry_resolve(&r, reg, lead.data(), lead.size()), MDT_OK);
    size_t n = 0;
    mdt_resolution_agency_count(&n, r);
    std::vector<const char*> ids(n);
    for (size_t i = 0; i < n; ++i) mdt_resolution_agency(nullptr, &ids[i], r, i);
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = id.c_str();
    t.title = title.c_str();
    t.lead = ids.data();
    t.lead_count = n;
    t.lead_text = lead.c_str();
    t.coordinators_text = coord.c_str();
    t.expected_result = result.c_str();
    t.category = section.c_str();
    t.deadline_text = deadline.c_str();
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    t.deadline_context = &ctx;
    t.note = note.c_str();
    const mdt_status st = mdt_dataset_add_task(nullptr, ds, &t);
    EXPECT_EQ(st, MDT_OK) << id << ": " << mdt_last_error();
    if (st == MDT_OK) ++added;
    mdt_resolution_free(r);  // the dataset copied the ids
  }
  return added;
}

// A new dataset (bundled registry) holding the 248 seed plan rows, added through the C ABI.
// Fails the test (ASSERT) when any step fails; call it from SetUp or a test body.
inline void NewSeedPlanDataset(Dataset* out) {
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_bundled(&reg));
  Registry owned(reg);
  mdt_dataset* d = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&d, reg));
  out->reset(d);
  ASSERT_EQ(AddSeedPlan(d, reg), 248u);
}

}  // namespace mandate::capi_test

#endif
