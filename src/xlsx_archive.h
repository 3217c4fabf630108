// The zip container of an .xlsx (or .docx) read with libzip from memory: a part by name,
// with the expansion bounded (entry count, bytes per part, bytes in all).
#ifndef MANDATE_SRC_XLSX_ARCHIVE_H
#define MANDATE_SRC_XLSX_ARCHIVE_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "mandate/dataset_xlsx.h"

namespace mandate::internal {

class XlsxArchive {
 public:
  // bytes must outlive the archive.
  static absl::StatusOr<XlsxArchive> Open(std::string_view bytes, const XlsxLimits& limits);
  XlsxArchive(XlsxArchive&&) noexcept;
  XlsxArchive& operator=(XlsxArchive&&) noexcept;
  ~XlsxArchive();

  bool Has(std::string_view name) const;
  // The part's uncompressed bytes; NotFound when absent, ResourceExhausted past a limit
  // (whatever size the zip directory claims, reading stops at the limit).
  absl::StatusOr<std::string> Read(std::string_view name);

 private:
  struct Impl;
  explicit XlsxArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mandate::internal

#endif
