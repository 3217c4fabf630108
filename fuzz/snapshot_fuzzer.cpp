// The binary snapshot reader, any bytes. The first byte's bit 0 re-seals the input (every
// checksum recomputed, ResealSnapshotForTesting) so the fuzzer reaches past the checksums into
// the parser behind them; without it the checksums themselves are fuzzed. A snapshot that
// opens is whole: every task materialises, every id is found again, and writing it and
// reading it back gives the same bytes twice.
#include <string>

#include "fuzz_util.h"
#include "mandate/dataset_snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  std::string bytes(in.Rest());
  if (mode & 1) ResealSnapshotForTesting(bytes);
  auto ds = ReadSnapshot(bytes);
  if (!ds.ok()) {
    FUZZ_CHECK(!ds.status().message().empty());
    return 0;
  }
  for (TaskIndex i = 0; i < ds->task_count(); ++i) {
    FUZZ_CHECK(ds->FindTask(ds->task_id(i)) == i);
    const Task t = ds->GetTask(i);
    FUZZ_CHECK(t.id == ds->task_id(i));
  }
  auto out = WriteSnapshot(*ds);
  FUZZ_CHECK(out.ok());
  auto again = ReadSnapshot(*out);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->task_count() == ds->task_count());
  auto out2 = WriteSnapshot(*again);
  FUZZ_CHECK(out2.ok() && *out2 == *out);
  return 0;
}
