// Internal: the deadline grammar over the shared token stream. One Core is one deadline
// phrase ("hạn trong tháng 10/2025", "Quý IV", "trước ngày 25 hàng tháng"): marker words, then
// one phrase form of the table in deadline_forms.h. ParseDeadline reads a whole cell as a
// sequence of cores, ExtractDeadline picks cores out of a sentence.
#ifndef MANDATE_SRC_DEADLINE_GRAMMAR_H
#define MANDATE_SRC_DEADLINE_GRAMMAR_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "deadline_lexer.h"
#include "mandate/deadline.h"

namespace mandate::internal {

// Words in front of a deadline that say "this is a deadline" (and how strongly).
enum Marker : unsigned {
  kHan = 1u << 0,        // hạn, thời hạn
  kHoanThanh = 1u << 1,  // hoàn thành (also "hoàn" alone: PL2-10 lost "thành")
  kXong = 1u << 2,       // xong
  kChamNhat = 1u << 3,   // chậm nhất
  kTrong = 1u << 4,      // trong
  kTrongVong = 1u << 5,  // trong vòng, trong thời hạn
  kThucHien = 1u << 6,   // thực hiện
  kCuoi = 1u << 7,       // cuối
  kVao = 1u << 8,        // vào
  kDen = 1u << 9,        // đến
};
inline constexpr unsigned kStrongMarkers = kHan | kHoanThanh | kXong | kChamNhat | kTrongVong;

struct Core {
  std::string_view form;  // the PhraseForm that read it (its table name)
  DeadlineKind kind = DeadlineKind::kUnknown;
  std::size_t tb = 0;  // tokens [tb, te), prefix words included
  std::size_t te = 0;
  std::size_t body = 0;  // first token after the prefix words
  unsigned markers = 0;
  bool self_evident = false;  // reads as a deadline without a marker ("tháng 10/2025", "Quý IV")
  std::optional<Day> due, anchor, first_due, start;
  std::optional<Recurrence> recurrence;
  int relative_days = 0;
  bool relative_working_days = false;
  std::string relative_from;  // the named event of a relative count; empty: the assigned day
  std::vector<std::string> explanation;
  absl::Status status;  // the form was recognised but cannot hold (impossible date, no year)
};

// The deadline that starts at token i, or nullopt. whole: the text is a deadline cell, so bare
// day/month forms ("15/11") are read too.
std::optional<Core> MatchCore(const Lexed& lx, std::size_t i, const DeadlineContext& ctx,
                              bool whole);

// One core as a Deadline; several as a multi deadline labelled with labels[k].
Deadline Assemble(const std::vector<Core>& cores, const std::vector<std::string>& labels);

}  // namespace mandate::internal

#endif
