// The summary counts straight from the C++ core (no C ABI), printed exactly as
// examples/c/summary.c prints them: the reference the C and Python summaries are compared
// with. Usage: core_counts DATASET.json YYYY-MM-DD
#include <cstdio>
#include <vector>

#include "mandate/classification.h"
#include "mandate/dataset_json.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: core_counts DATASET.json YYYY-MM-DD\n");
    return 2;
  }
  auto day = mandate::ParseIsoDay(argv[2]);
  auto ds = mandate::LoadDatasetJson(argv[1]);
  if (!day.ok() || !ds.ok()) {
    std::fprintf(stderr, "core_counts: cannot load\n");
    return 1;
  }
  std::vector<std::uint8_t> status;
  mandate::ClassifyAll(*ds, *day, {}, status);
  unsigned long long by[mandate::kTaskStatusCount] = {}, total = 0, not_yet = 0;
  for (auto s : status) {
    if (s < mandate::kTaskStatusCount) {
      ++by[s];
      ++total;
    } else {
      ++not_yet;
    }
  }
  std::printf("as_of %s\ntotal %llu\n", argv[2], total);
  for (int s = 0; s < mandate::kTaskStatusCount; ++s) {
    const auto name = mandate::EnumName(static_cast<mandate::TaskStatus>(s));
    std::printf("%.*s %llu\n", static_cast<int>(name.size()), name.data(), by[s]);
  }
  std::printf("not_yet_assigned %llu\n", not_yet);
  return 0;
}
