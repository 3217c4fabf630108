// The bundled 2025 plan (examples/data/plan-2025.json), loaded once per test binary: the
// reference the spreadsheet readers (CSV, .xlsx) are compared with.
#ifndef MANDATE_TESTS_BUNDLED_PLAN_H
#define MANDATE_TESTS_BUNDLED_PLAN_H

#include <gtest/gtest.h>

#include <string>

#include "mandate/dataset.h"
#include "mandate/dataset_json.h"

namespace mandate::testing {

inline const Dataset& BundledPlan() {
  static const Dataset* plan = [] {
    auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
    EXPECT_TRUE(ds.ok()) << ds.status();
    return new Dataset(std::move(*ds));
  }();
  return *plan;
}

}  // namespace mandate::testing

#endif
