#include "crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace mandate::internal {
namespace {

constexpr std::uint32_t kPoly = 0x82F63B78;  // reflected Castagnoli polynomial

using Table = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Table MakeTable() {
  Table t{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = c & 1 ? (c >> 1) ^ kPoly : c >> 1;
    t[0][n] = c;
  }
  for (std::uint32_t n = 0; n < 256; ++n) {
    for (int k = 1; k < 8; ++k) t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
  }
  return t;
}
constexpr Table kTable = MakeTable();

// Slicing-by-8 on the raw (pre-inverted) register.
std::uint32_t Software(std::uint32_t crc, const unsigned char* p, std::size_t n) {
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    w ^= crc;
    crc = kTable[7][w & 0xFF] ^ kTable[6][(w >> 8) & 0xFF] ^ kTable[5][(w >> 16) & 0xFF] ^
          kTable[4][(w >> 24) & 0xFF] ^ kTable[3][(w >> 32) & 0xFF] ^ kTable[2][(w >> 40) & 0xFF] ^
          kTable[1][(w >> 48) & 0xFF] ^ kTable[0][w >> 56];
    p += 8;
    n -= 8;
  }
  while (n--) crc = (crc >> 8) ^ kTable[0][(crc ^ *p++) & 0xFF];
  return crc;
}

// GF(2) 32x32 matrices as 32 columns: the operator "append zero bits" (zlib's crc32_combine).
std::uint32_t Times(const std::uint32_t* mat, std::uint32_t vec) {
  std::uint32_t sum = 0;
  for (; vec; vec >>= 1, ++mat) {
    if (vec & 1) sum ^= *mat;
  }
  return sum;
}
void Square(std::uint32_t* square, const std::uint32_t* mat) {
  for (int n = 0; n < 32; ++n) square[n] = Times(mat, mat[n]);
}

// The operator that appends len zero bytes to a message's register (len >= 1).
void ZerosOperator(std::size_t len, std::uint32_t* op) {
  std::uint32_t even[32], odd[32], tmp[32];
  for (int n = 0; n < 32; ++n) op[n] = std::uint32_t{1} << n;  // identity
  const auto apply = [&](const std::uint32_t* m) {
    for (int n = 0; n < 32; ++n) tmp[n] = Times(m, op[n]);
    std::memcpy(op, tmp, sizeof tmp);
  };
  odd[0] = kPoly;  // one zero bit
  for (std::uint32_t n = 1, row = 1; n < 32; ++n, row <<= 1) odd[n] = row;
  Square(even, odd);  // two zero bits
  Square(odd, even);  // four
  do {                // the first square gives one zero byte
    Square(even, odd);
    if (len & 1) apply(even);
    len >>= 1;
    if (len == 0) break;
    Square(odd, even);
    if (len & 1) apply(odd);
    len >>= 1;
  } while (len != 0);
}

std::uint32_t ShiftZeros(std::uint32_t crc, std::size_t len) {
  std::uint32_t op[32];
  ZerosOperator(len, op);
  return Times(op, crc);
}

#if defined(__x86_64__)
constexpr std::size_t kLong = 8192;  // bytes per stream in the three-stream loop
using ShiftTable = std::array<std::array<std::uint32_t, 256>, 4>;

ShiftTable MakeShift(std::size_t len) {
  std::uint32_t op[32];
  ZerosOperator(len, op);
  ShiftTable t{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    for (int k = 0; k < 4; ++k) t[k][n] = Times(op, n << (8 * k));
  }
  return t;
}

std::uint32_t Shift(const ShiftTable& t, std::uint32_t crc) {
  return t[0][crc & 0xFF] ^ t[1][(crc >> 8) & 0xFF] ^ t[2][(crc >> 16) & 0xFF] ^ t[3][crc >> 24];
}

__attribute__((target("sse4.2"))) std::uint32_t Hardware(std::uint32_t crc0, const unsigned char* p,
                                                         std::size_t n) {
  static const ShiftTable kShiftLong = MakeShift(kLong);
  while (n && (reinterpret_cast<std::uintptr_t>(p) & 7)) {
    crc0 = _mm_crc32_u8(crc0, *p++);
    --n;
  }
  // Three independent streams keep the crc32 unit busy (latency 3, throughput 1).
  while (n >= 3 * kLong) {
    std::uint64_t c0 = crc0, c1 = 0, c2 = 0;
    const unsigned char* end = p + kLong;
    do {
      std::uint64_t a, b, c;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + kLong, 8);
      std::memcpy(&c, p + 2 * kLong, 8);
      c0 = _mm_crc32_u64(c0, a);
      c1 = _mm_crc32_u64(c1, b);
      c2 = _mm_crc32_u64(c2, c);
      p += 8;
    } while (p < end);
    crc0 = Shift(kShiftLong, static_cast<std::uint32_t>(c0)) ^ static_cast<std::uint32_t>(c1);
    crc0 = Shift(kShiftLong, crc0) ^ static_cast<std::uint32_t>(c2);
    p += 2 * kLong;
    n -= 3 * kLong;
  }
  std::uint64_t c = crc0;
  for (; n >= 8; n -= 8, p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    c = _mm_crc32_u64(c, w);
  }
  crc0 = static_cast<std::uint32_t>(c);
  while (n--) crc0 = _mm_crc32_u8(crc0, *p++);
  return crc0;
}

const bool kHaveSse42 = __builtin_cpu_supports("sse4.2");
#endif

}  // namespace

std::uint32_t Crc32c(std::string_view bytes, std::uint32_t crc) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::uint32_t reg = ~crc;
#if defined(__x86_64__)
  if (kHaveSse42) return ~Hardware(reg, p, bytes.size());
#endif
  return ~Software(reg, p, bytes.size());
}

std::uint32_t Crc32cCombine(std::uint32_t crc_a, std::uint32_t crc_b, std::size_t len_b) {
  if (len_b == 0) return crc_a;
  return ShiftZeros(crc_a, len_b) ^ crc_b;
}

}  // namespace mandate::internal
