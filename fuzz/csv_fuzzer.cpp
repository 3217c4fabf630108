// CSV reader: any bytes, with the delimiter and (sometimes tiny) limits chosen by the first
// byte. Checks that every record the reader accepts respects the limits and is valid UTF-8
// without NUL, that the reader always advances, and that CsvWriter's output of the accepted
// records reads back to the same fields.
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "mandate/csv.h"
#include "mandate/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  CsvOptions opt;
  constexpr char kDelims[] = {',', ';', '\t', '|'};
  opt.delimiter = kDelims[mode & 3];
  if (mode & 4) {  // small limits, so the fuzzer reaches them with short inputs
    opt.limits.max_field_bytes = 1 + (mode >> 5);
    opt.limits.max_columns = 1 + ((mode >> 3) & 3);
    opt.limits.max_record_bytes = 4 + (mode >> 4);
  }
  const std::string_view text = in.Rest();

  CsvReader reader(text, opt);
  CsvRecord record;
  std::vector<std::vector<std::string>> good;
  std::size_t records = 0;
  std::size_t last_offset = reader.offset();
  while (reader.Next(record)) {
    FUZZ_CHECK(++records <= text.size() + 1);
    FUZZ_CHECK(reader.offset() <= text.size());
    if (!record.ok()) {
      FUZZ_CHECK(record.empty());
      FUZZ_CHECK(!record.error()->message.empty());
      FUZZ_CHECK(record.error()->offset <= text.size());
      continue;
    }
    FUZZ_CHECK(reader.offset() > last_offset);  // an accepted record consumed input
    last_offset = reader.offset();
    FUZZ_CHECK(record.size() >= 1 && record.size() <= opt.limits.max_columns);
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < record.size(); ++i) {
      const std::string_view f = record[i];
      FUZZ_CHECK(f.size() <= opt.limits.max_field_bytes);
      FUZZ_CHECK(f.find('\0') == std::string_view::npos);
      FUZZ_CHECK(IsValidUtf8(f));
      bytes += f.size();
    }
    FUZZ_CHECK(bytes <= opt.limits.max_record_bytes);
    good.push_back(record.ToVector());
  }

  // Round trip: what was accepted, written back out, reads back the same.
  CsvWriter writer(CsvWriteOptions{.delimiter = opt.delimiter});
  for (const auto& r : good) writer.WriteRecord(r);
  const std::string out = writer.Take();
  CsvReader again(out, opt);
  std::size_t i = 0;
  while (again.Next(record)) {
    FUZZ_CHECK(record.ok());
    FUZZ_CHECK(i < good.size());
    FUZZ_CHECK(record.ToVector() == good[i]);
    ++i;
  }
  FUZZ_CHECK(i == good.size());
  return 0;
}
