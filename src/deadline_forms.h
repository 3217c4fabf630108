// Internal: the phrase forms of the deadline grammar ("trước ngày 20/12/2025", "tháng 10/2025",
// "Quý IV", "hằng tháng", "30 ngày kể từ ngày giao"), one small matcher each, in one ordered
// table. MatchCore reads the marker words, then tries the forms in table order at the first
// token after them. Adding a form is one matcher, one table entry and its cases in
// tests/deadline_forms_test.cpp (a test checks every entry has some).
#ifndef MANDATE_SRC_DEADLINE_FORMS_H
#define MANDATE_SRC_DEADLINE_FORMS_H

#include <cstddef>
#include <span>
#include <string_view>

#include "deadline_grammar.h"

namespace mandate::internal {

// What a matcher reads besides the tokens.
struct FormInput {
  const Lexed& lx;
  const DeadlineContext& ctx;
  bool whole;  // the text is a whole deadline cell: bare day/month forms ("15/11") are read too
};

// Reads the form whose phrase starts at token j into c (kind, due days, explanation; status
// when the form is recognised but cannot hold) and returns the token after it; returns j, with
// c untouched, when the form does not start at j.
using MatchFn = std::size_t (*)(const FormInput& in, std::size_t j, Core& c);

struct PhraseForm {
  std::string_view name;  // stable: tests key their cases by it, Core::form records it
  MatchFn match;
};

// The forms in the order they are tried (see the table in deadline_forms.cpp for why).
std::span<const PhraseForm> PhraseForms();

// The first form, in table order, that reads a phrase at token j (c.form names it): its end,
// or j.
std::size_t MatchForm(const FormInput& in, std::size_t j, Core& c);

}  // namespace mandate::internal

#endif
