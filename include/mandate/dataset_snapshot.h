// The binary snapshot of a Dataset (docs/snapshot-format.md): a checksummed image of its
// columns that is mapped, not parsed, so 10^7 tasks open in a fraction of a second. Written
// atomically like the JSON save; a damaged, truncated or unknown-version file is refused
// whole, with an error that names what is wrong.
#ifndef MANDATE_DATASET_SNAPSHOT_H
#define MANDATE_DATASET_SNAPSHOT_H

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mandate/dataset.h"

namespace mandate {

inline constexpr std::string_view kSnapshotMagic = "MDTSNAP1";
inline constexpr std::uint32_t kSnapshotVersion = 2;

struct SnapshotOptions {
  // The registry the agencies are resolved in; null = AgencyRegistry::Bundled(). A snapshot
  // records the agency ids of the registry it was made with: with the same registry its
  // agency indexes are used as they are, with another one they are mapped by id, and an id
  // the given registry does not know refuses the file (naming it).
  std::shared_ptr<const AgencyRegistry> registry;
  DatasetLimits limits;
};

// True when bytes (a file's first bytes) start with kSnapshotMagic.
bool LooksLikeSnapshot(std::string_view head);

// The snapshot's bytes: deterministic for a dataset's content.
absl::StatusOr<std::string> WriteSnapshot(const Dataset& dataset);
// Written atomically (WriteFileAtomically): the old file or the new one, never a mix.
absl::Status SaveSnapshot(const Dataset& dataset, const std::string& path);

// Maps the file (read-only, private) and verifies every checksum (the sections split over
// two threads) before anything is read; the dataset borrows its ids and titles from the
// mapping, which lives as long as the dataset (or any dataset moved from it). Errors:
// DataLoss for a damaged or truncated file (naming the part: header, section table, the
// section), InvalidArgument for a file that is not a snapshot or has a version or byte order
// this library does not read, NotFound / PermissionDenied / Internal for the file itself.
absl::StatusOr<Dataset> OpenSnapshot(const std::string& path, const SnapshotOptions& options = {});
// The same from bytes in memory (copied once, so text need not outlive the dataset).
absl::StatusOr<Dataset> ReadSnapshot(std::string_view bytes, const SnapshotOptions& options = {});

// For tests and the fuzzer: recomputes every checksum of a snapshot whose header and section
// table are in range, so that a mutated file reaches the parser behind the checksums.
// Returns false (and leaves bytes alone) when the layout cannot be located.
bool ResealSnapshotForTesting(std::string& bytes);

}  // namespace mandate

#endif
