#include "xlsx_archive.h"

#include <zip.h>

#include <utility>

#include "absl/strings/str_format.h"

namespace mandate::internal {

struct XlsxArchive::Impl {
  zip_t* zip = nullptr;
  XlsxLimits limits;
  std::size_t total = 0;  // uncompressed bytes read so far
  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }
};

XlsxArchive::XlsxArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxArchive::XlsxArchive(XlsxArchive&&) noexcept = default;
XlsxArchive& XlsxArchive::operator=(XlsxArchive&&) noexcept = default;
XlsxArchive::~XlsxArchive() = default;

absl::StatusOr<XlsxArchive> XlsxArchive::Open(std::string_view bytes, const XlsxLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "the workbook is %d bytes, over the limit of %d", bytes.size(), limits.max_file_bytes));
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string m = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InternalError("cannot read the workbook: " + m);
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    const std::string m = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError("not a readable .xlsx (zip) file: " + m);
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->zip = zip;
  impl->limits = limits;
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "the workbook has %d zip entries, over the limit of %d", entries, limits.max_entries));
  }
  return XlsxArchive(std::move(impl));
}

bool XlsxArchive::Has(std::string_view name) const {
  return zip_name_locate(impl_->zip, std::string(name).c_str(), 0) >= 0;
}

absl::StatusOr<std::string> XlsxArchive::Read(std::string_view name) {
  const std::string n(name);
  const zip_int64_t index = zip_name_locate(impl_->zip, n.c_str(), 0);
  if (index < 0) return absl::NotFoundError(absl::StrFormat("the workbook has no part %s", n));
  zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "cannot open the workbook part %s: %s", n, zip_strerror(impl_->zip)));
  }
  // Read in chunks and stop at the limits: the sizes in the zip directory may lie.
  const XlsxLimits& lim = impl_->limits;
  std::string out;
  char buf[1 << 16];
  absl::Status status;
  for (;;) {
    const zip_int64_t got = zip_fread(file, buf, sizeof buf);
    if (got < 0) {
      status = absl::InvalidArgumentError(absl::StrFormat(
          "the workbook part %s is damaged: %s", n, zip_file_strerror(file)));
      break;
    }
    if (got == 0) break;
    const auto size = static_cast<std::size_t>(got);
    if (out.size() + size > lim.max_part_bytes) {
      status = absl::ResourceExhaustedError(absl::StrFormat(
          "the workbook part %s expands past %d bytes (the limit for one part)", n,
          lim.max_part_bytes));
      break;
    }
    if (impl_->total + size > lim.max_total_bytes) {
      status = absl::ResourceExhaustedError(absl::StrFormat(
          "the workbook expands past %d bytes in all (the limit), reading %s",
          lim.max_total_bytes, n));
      break;
    }
    impl_->total += size;
    out.append(buf, size);
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  return out;
}

}  // namespace mandate::internal
