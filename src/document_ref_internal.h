// Internal: document references found on a shared token stream, with their token ranges.
#ifndef MANDATE_SRC_DOCUMENT_REF_INTERNAL_H
#define MANDATE_SRC_DOCUMENT_REF_INTERNAL_H

#include <vector>

#include "deadline_lexer.h"
#include "mandate/document_ref.h"

namespace mandate::internal {

struct FoundRef {
  DocumentRef ref;
  std::size_t tb = 0;  // token range [tb, te)
  std::size_t te = 0;
};
std::vector<FoundRef> FindRefs(const Lexed& lx);

// Day/month/year at token i written "D/M/YYYY" (or '-' '.'), or "D tháng M năm YYYY";
// returns the token after it, or i when there is none. Sets *day (may be an error).
std::size_t MatchDmy(const Lexed& lx, std::size_t i, int* d, int* m, int* y);

}  // namespace mandate::internal

#endif
