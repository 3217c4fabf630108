// Writes the seed plan (plan-2025-tasks.jsonl: 248 tasks) as a dataset JSON file through the
// C ABI only, with a few events so that every status occurs: the dataset the C, Python and
// C++ summaries are compared on. Usage: seed_dataset OUT.json
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mandate.h"
#include "seed_data.h"

namespace {

int Fail(const std::string& what, mdt_status st) {
  std::fprintf(stderr, "seed_dataset: %s: %s: %s\n", what.c_str(), mdt_status_name(st),
               mdt_last_error());
  return 1;
}

mdt_date Day(const char* iso) {
  mdt_date d = MDT_NO_DATE;
  mdt_date_parse(&d, iso, MDT_NUL_TERMINATED);
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: seed_dataset OUT.json\n");
    return 2;
  }
  mdt_registry* reg = nullptr;
  mdt_dataset* ds = nullptr;
  if (mdt_status st = mdt_registry_bundled(&reg); st != MDT_OK) return Fail("registry", st);
  if (mdt_status st = mdt_dataset_new(&ds, reg); st != MDT_OK) return Fail("dataset", st);
  std::vector<nlohmann::json> rows;
  try {
    rows = mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "seed_dataset: %s\n", e.what());
    return 1;
  }
  int n = 0;
  for (const auto& row : rows) {
    const std::string id = row["id"], title = row["title"], lead = row["lead"],
                      coord = row["coordinators"], deadline = row["deadline_text"],
                      section = row["section"], note = row["note"];
    mdt_resolution* r = nullptr;
    if (mdt_status st = mdt_registry_resolve(&r, reg, lead.data(), lead.size()); st != MDT_OK) {
      return Fail(id, st);
    }
    size_t count = 0;
    mdt_resolution_agency_count(&count, r);
    std::vector<const char*> ids(count);
    for (size_t i = 0; i < count; ++i) mdt_resolution_agency(nullptr, &ids[i], r, i);
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = id.c_str();
    t.title = title.c_str();
    t.lead = ids.data();
    t.lead_count = count;
    t.lead_text = lead.c_str();
    t.coordinators_text = coord.c_str();
    t.category = section.c_str();
    t.note = note.c_str();
    t.deadline_text = deadline.c_str();
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    t.deadline_context = &ctx;
    t.assigned = Day("2025-03-01");
    const mdt_status st = mdt_dataset_add_task(nullptr, ds, &t);
    mdt_resolution_free(r);
    if (st != MDT_OK) return Fail(id, st);
    // Deterministic history: some completed on time, some late, some cancelled.
    if (n % 4 == 0) mdt_dataset_complete_task(ds, id.c_str(), Day("2025-06-15"));
    if (n % 9 == 1) mdt_dataset_complete_task(ds, id.c_str(), Day("2025-09-20"));
    if (n % 23 == 2)
      mdt_dataset_cancel_task(ds, id.c_str(), Day("2025-05-01"), "Thay đổi", nullptr);
    if (n % 7 == 3)
      mdt_dataset_report_progress(ds, id.c_str(), Day("2025-08-25"), 60, "Đang thực hiện");
    ++n;
  }
  if (mdt_status st = mdt_dataset_save_json(ds, argv[1]); st != MDT_OK) return Fail(argv[1], st);
  mdt_dataset_free(ds);
  mdt_registry_free(reg);
  std::printf("%d tasks written to %s\n", n, argv[1]);
  return 0;
}
