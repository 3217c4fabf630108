// CRC-32C (Castagnoli), the checksum of the binary snapshot's header, table and sections.
// Abseil's absl/crc arrived after the Abseil this project builds with (20220623), so this is
// the same algorithm: SSE4.2's crc32 instruction on three interleaved streams combined with
// precomputed shift tables (~3x one stream), and a table fallback on other CPUs.
#ifndef MANDATE_SRC_CRC32C_H
#define MANDATE_SRC_CRC32C_H

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mandate::internal {

// The CRC-32C of bytes, continuing from crc (0 for a fresh checksum):
// Crc32c("123456789") == 0xE3069283.
std::uint32_t Crc32c(std::string_view bytes, std::uint32_t crc = 0);

// The CRC of A||B from crc(A), crc(B) and B's length.
std::uint32_t Crc32cCombine(std::uint32_t crc_a, std::uint32_t crc_b, std::size_t len_b);

}  // namespace mandate::internal

#endif
