// mandate_benchtool: the mandate side of bench/compare.sh.
//   generate --n N [--seed S] [--as-of D] --csv FILE [--sql FILE]
//       writes the workload (bench/generate.h) as the project CSV and, with --sql, the
//       pre-resolved CSV the SQL engines load.
//   query --csv FILE [--as-of D] [--from D --to D] [--reps R] [--threads T] [--json no]
//         [--snapshot FILE]
//       loads the CSV (timed; T threads, default the hardware's), writes it as the bundled
//       JSON and loads that (timed, load_json_ms; --json no skips it), writes the binary
//       snapshot (default bench/out/query.snapshot) and times opening it (snapshot_open_ms,
//       best of R; snapshot_bytes), runs query 1 (every task, lead x status + totals) and
//       query 2 (assigned in [from, to]) R times each, best time kept, and the streaming floor
//       (bench/stream_floor.h: reading the bytes query 1 reads, on every core); prints one JSON
//       object with the times, the floor, memory per task and the counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "generate.h"
#include "mandate/aggregate.h"
#include "mandate/atomic_file.h"
#include "mandate/classification.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/dataset_snapshot.h"
#include "naive_loop.h"
#include "stream_floor.h"

namespace {

using json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::map<std::string, std::string> Flags(int argc, char** argv, int from) {
  std::map<std::string, std::string> out;
  for (int i = from; i + 1 < argc; i += 2) out[argv[i]] = argv[i + 1];
  return out;
}

mandate::Day DayFlag(const std::map<std::string, std::string>& f, const std::string& name,
                     mandate::Day fallback) {
  auto it = f.find(name);
  if (it == f.end()) return fallback;
  auto d = mandate::ParseIsoDay(it->second);
  if (!d.ok()) {
    std::cerr << name << ": " << d.status().message() << "\n";
    std::exit(2);
  }
  return *d;
}

int Generate(const std::map<std::string, std::string>& f) {
  mandate::bench::GenOptions opt;
  if (!f.count("--n") || !f.count("--csv")) {
    std::cerr << "generate: --n N and --csv FILE are required\n";
    return 2;
  }
  opt.n = std::stoull(f.at("--n"));
  if (f.count("--seed")) opt.seed = std::stoull(f.at("--seed"));
  opt.as_of = DayFlag(f, "--as-of", opt.as_of);
  std::ofstream csv(f.at("--csv"), std::ios::binary);
  std::ofstream sql;
  if (f.count("--sql")) sql.open(f.at("--sql"), std::ios::binary);
  if (!csv || (f.count("--sql") && !sql)) {
    std::cerr << "generate: cannot open the output files\n";
    return 1;
  }
  const auto& reg = mandate::AgencyRegistry::Bundled();
  mandate::bench::Generator gen(opt);
  mandate::bench::GenTask t;
  mandate::bench::WriteCsvHeader(csv);
  if (sql.is_open()) mandate::bench::WriteSqlHeader(sql);
  while (gen.Next(t)) {
    mandate::bench::WriteCsvRow(csv, t);
    if (sql.is_open()) mandate::bench::WriteSqlRow(sql, t, reg);
  }
  csv.close();
  if (sql.is_open()) sql.close();
  if (!csv || (f.count("--sql") && !sql)) {
    std::cerr << "generate: write failed\n";
    return 1;
  }
  return 0;
}

json Counts(const mandate::AggregateResult& r) {
  json out = json::object();
  for (const auto& g : r.groups) {
    const auto lead = r.plan->Label(0, g.code[0]);
    const auto status = r.plan->Label(1, g.code[1]);
    const auto n = g.counts.total();
    if (n) out[lead.value_or("") + "|" + status.value_or("")] = n;
  }
  for (int s = 0; s < mandate::kTaskStatusCount; ++s) {
    if (r.totals.n[s]) {
      out["*|" + std::string(mandate::EnumName(static_cast<mandate::TaskStatus>(s)))] =
          r.totals.n[s];
    }
  }
  return out;
}

int Query(const std::map<std::string, std::string>& f) {
  if (!f.count("--csv")) {
    std::cerr << "query: --csv FILE is required\n";
    return 2;
  }
  const mandate::Day as_of = DayFlag(f, "--as-of", mandate::bench::kDefaultAsOf);
  const mandate::Day from = DayFlag(f, "--from", date::year{2025} / 1 / 1);
  const mandate::Day to = DayFlag(f, "--to", date::year{2025} / 6 / 30);
  const int reps = f.count("--reps") ? std::stoi(f.at("--reps")) : 5;

  auto t0 = Clock::now();
  mandate::CsvReadOptions ro;
  ro.max_bytes = std::size_t{16} << 30;
  if (f.count("--threads")) ro.threads = std::stoull(f.at("--threads"));
  if (f.count("--chunk-bytes")) ro.chunk_bytes = std::stoull(f.at("--chunk-bytes"));
  std::vector<mandate::LoadProblem> problems;
  auto ds = mandate::LoadDatasetCsv(f.at("--csv"), ro, &problems);
  const double load_s = Since(t0);
  if (!ds.ok()) {
    std::cerr << "query: " << ds.status().message() << "\n";
    return 1;
  }
  if (!problems.empty()) {
    std::cerr << "query: " << problems.size()
              << " load problems, first: " << mandate::FormatLoadProblem(problems.front()) << "\n";
    return 1;
  }
  const std::size_t n = ds->task_count();
  std::size_t title_bytes = 0;
  for (mandate::TaskIndex i = 0; i < n; ++i) title_bytes += ds->task_title(i).size();

  json out;
  out["n"] = n;
  out["load_s"] = load_s;
  out["bytes_per_task"] = double(ds->MemoryBytes()) / double(n);
  out["bytes_per_task_excl_titles"] = double(ds->MemoryBytes() - title_bytes) / double(n);
  if (!f.count("--json") || f.at("--json") != "no") {
    // The same tasks in the bundled JSON format, written by the library, then loaded (timed:
    // file read, JSON, dataset), next to the CSV load.
    const std::string json_path = f.at("--csv") + ".json";
    if (auto s = mandate::SaveDatasetJson(*ds, json_path); !s.ok()) {
      std::cerr << "query: " << s.message() << "\n";
      return 1;
    }
    mandate::JsonReadOptions jo;
    jo.max_bytes = std::size_t{16} << 30;
    const auto j0 = Clock::now();
    auto from_json = mandate::LoadDatasetJson(json_path, jo);
    out["load_json_ms"] = Since(j0) * 1e3;
    if (!from_json.ok() || from_json->task_count() != n) {
      std::cerr << "query: the JSON did not load back: " << from_json.status().message() << "\n";
      return 1;
    }
    std::remove(json_path.c_str());
  }
  out["load_csv_ms"] = load_s * 1e3;

  // The same dataset as a snapshot: written once, then opened (mapped, checksums verified,
  // indexes rebuilt) R times, best kept; the file stays in the page cache as a reopened one.
  {
    const std::string snap =
        f.count("--snapshot") ? f.at("--snapshot") : "bench/out/query.snapshot";
    if (auto s = mandate::SaveSnapshot(*ds, snap); !s.ok()) {
      std::cerr << "query: " << s.message() << "\n";
      return 1;
    }
    double best = 1e300;
    std::size_t bytes = 0;
    for (int r = 0; r < std::max(reps, 3); ++r) {
      const auto s0 = Clock::now();
      auto opened = mandate::OpenSnapshot(snap);
      const double ms = Since(s0) * 1e3;
      if (!opened.ok() || opened->task_count() != n) {
        std::cerr << "query: snapshot: " << opened.status().message() << "\n";
        return 1;
      }
      best = std::min(best, ms);
    }
    std::ifstream in(snap, std::ios::binary | std::ios::ate);
    bytes = static_cast<std::size_t>(in.tellg());
    out["snapshot_open_ms"] = best;
    out["snapshot_bytes"] = bytes;
  }

  const auto run = [&](const mandate::AggregateQuery& q, double& best_ms) {
    mandate::AggregateResult result;
    best_ms = 1e300;
    for (int r = 0; r < reps; ++r) {
      const auto s0 = Clock::now();
      auto res = mandate::Aggregate(*ds, q);  // classify and count (one fused pass here)
      best_ms = std::min(best_ms, Since(s0) * 1e3);
      if (!res.ok()) {
        std::cerr << "query: " << res.status().message() << "\n";
        std::exit(1);
      }
      result = *std::move(res);
    }
    return result;
  };
  mandate::AggregateQuery q1{.as_of = as_of,
                             .by = {mandate::Dimension::kLead, mandate::Dimension::kStatus}};
  mandate::AggregateQuery q2 = q1;
  q2.assigned = {from, to};
  double q1_ms = 0, q2_ms = 0;
  const auto r1 = run(q1, q1_ms);
  const auto r2 = run(q2, q2_ms);

  std::vector<std::uint32_t> by((ds->registry().size() + 1) * 8);
  std::uint32_t totals[8];
  double naive_ms = 1e300;
  const std::int32_t d = mandate::ToEpochDays(as_of);
  for (int r = 0; r < std::max(reps, 5); ++r) {
    std::fill(by.begin(), by.end(), 0u);
    std::fill(std::begin(totals), std::end(totals), 0u);
    const auto s0 = Clock::now();
    mandate::bench::NaiveLoop(ds->columns(), d, d + 7, INT32_MIN + 1, d, by.data(), totals);
    naive_ms = std::min(naive_ms, Since(s0) * 1e3);
  }
  std::uint64_t naive_total = 0;
  for (auto v : totals) naive_total += v;
  const auto stream = mandate::bench::MeasureStreamFloor(ds->columns(), 0, std::max(reps, 7));

  out["q1_ms"] = q1_ms;
  out["q2_ms"] = q2_ms;
  out["floor_ms"] = stream.seconds * 1e3;  // the streaming floor, every core
  out["floor_bytes"] = stream.bytes;
  out["floor_gb_per_s"] = stream.gb_per_s();
  out["floor_threads"] = std::max(1u, std::thread::hardware_concurrency());
  out["q1_x_floor"] = q1_ms / (stream.seconds * 1e3);
  out["q2_x_floor"] = q2_ms / (stream.seconds * 1e3);
  out["naive_loop_ms"] = naive_ms;
  out["naive_loop_tasks"] = naive_total;
  out["q1"] = Counts(r1);
  out["q2"] = Counts(r2);
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "generate") return Generate(Flags(argc, argv, 2));
  if (cmd == "query") return Query(Flags(argc, argv, 2));
  std::cerr << "usage: mandate_benchtool generate --n N --csv FILE [--sql FILE] [--seed S] "
               "[--as-of D]\n"
               "       mandate_benchtool query --csv FILE [--as-of D] [--from D --to D] "
               "[--reps R] [--threads T] [--json no]\n";
  return 2;
}
