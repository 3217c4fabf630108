// What a dataset reader reports about input it could not take as is. Readers collect every
// problem they meet and keep going, so one pass over a file lists all that is wrong with it.
#ifndef MANDATE_LOAD_PROBLEM_H
#define MANDATE_LOAD_PROBLEM_H

#include <string>

namespace mandate {

struct LoadProblem {
  std::string record;   // where: "line 12" (CSV), "task KH25-II-3" (JSON), "header", "file"
  std::string field;    // the column or field name, "" when the whole record is concerned
  std::string message;  // what is wrong, naming the offending value
  friend bool operator==(const LoadProblem&, const LoadProblem&) = default;
};

// "line 12: deadline: cannot read \"Tháng 13/2025\" ...": for logs and error statuses.
inline std::string FormatLoadProblem(const LoadProblem& p) {
  std::string out = p.record;
  if (!p.field.empty()) out += (out.empty() ? "" : ": ") + p.field;
  if (!out.empty()) out += ": ";
  return out + p.message;
}

}  // namespace mandate

#endif
