// `mandate convert`: the bundled plan as a snapshot answers every command as the JSON does
// (aggregate, status, report through the C ABI), and converts back to the same JSON; a damaged
// snapshot is refused with exit 2 and the reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace mandate::testing {
namespace {

namespace fs = std::filesystem;

fs::path Dir() { return ScratchDir("cmd_convert"); }

TEST(CmdConvert, ASnapshotAnswersAsTheJsonDoes) {
  const std::string snap = (Dir() / "plan.snapshot").string();
  const CliResult c =
      RunCli("convert --data " + BundledPlanPath() + " --to snapshot --out " + snap, "2>&1");
  ASSERT_EQ(c.code, 0) << c.out;
  EXPECT_EQ(Slurp(snap).rfind("MDTSNAP1", 0), 0u);
  for (const std::string cmd : {"aggregate --as-of 2025-09-23 --by lead,status",
                                "status --as-of 2025-09-23", "report --as-of 2025-09-23"}) {
    const CliResult from_json = RunCli(cmd + " --data " + BundledPlanPath());
    const CliResult from_snap = RunCli(cmd + " --data " + snap);
    EXPECT_EQ(from_snap.code, from_json.code) << cmd;
    EXPECT_EQ(from_snap.out, from_json.out) << cmd;
    EXPECT_FALSE(from_snap.out.empty()) << cmd;
  }
  const std::string json = (Dir() / "back.json").string();
  const std::string direct = (Dir() / "direct.json").string();
  ASSERT_EQ(RunCli("convert --data " + snap + " --to json --out " + json).code, 0);
  ASSERT_EQ(RunCli("convert --data " + BundledPlanPath() + " --to json --out " + direct).code, 0);
  EXPECT_EQ(Slurp(json), Slurp(direct));
  const std::string csv = (Dir() / "back.csv").string();
  ASSERT_EQ(RunCli("convert --data " + snap + " --to csv --out " + csv).code, 0);
  EXPECT_NE(Slurp(csv).find("id,title"), std::string::npos);
}

TEST(CmdConvert, DamageAndBadArgumentsAreRefused) {
  const std::string snap = (Dir() / "bad.snapshot").string();
  ASSERT_EQ(RunCli("convert --data " + BundledPlanPath() + " --to snapshot --out " + snap).code, 0);
  std::string bytes = Slurp(snap);
  bytes[bytes.size() / 2] ^= 0x10;
  std::ofstream(snap, std::ios::binary) << bytes;
  const CliResult r = RunCli("aggregate --as-of 2025-09-23 --by lead --data " + snap, "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("checksum mismatch"), std::string::npos) << r.out;
  const CliResult to = RunCli("convert --data " + BundledPlanPath() + " --to pdf --out x", "2>&1");
  EXPECT_EQ(to.code, 2);
  EXPECT_NE(to.out.find("snapshot, json or csv"), std::string::npos) << to.out;
}

}  // namespace
}  // namespace mandate::testing
