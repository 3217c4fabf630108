// The programmes a report is organised by (seed 001: the Government's action programme with
// the conclusion notices; Kế hoạch 02-KH/BCĐTW; ...) and the themes its overdue tasks are
// grouped by. Editable data (data/programmes.json, compiled in as the default): a task's
// source documents, or failing them its category, decide its programme and part.
#ifndef MANDATE_REPORT_PROGRAMMES_H
#define MANDATE_REPORT_PROGRAMMES_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace mandate {

// A phrase in the report's two languages; English falls back to Vietnamese when absent.
struct ReportText {
  std::string vi, en;
  const std::string& In(bool english) const { return english && !en.empty() ? en : vi; }
  friend bool operator==(const ReportText&, const ReportText&) = default;
};

struct ProgrammePart {
  std::string id;
  ReportText label;                      // "NQ71" in "06 nhiệm vụ theo NQ71"
  std::vector<std::string> sources;      // document patterns ("71/NQ-CP")
  std::vector<std::string> categories;   // category prefixes
};

struct Programme {
  std::string id;
  ReportText heading;          // "Thực hiện Kế hoạch số 02-KH/BCĐTW"
  ReportText subject;          // "Kế hoạch số 02-KH/BCĐTW" in "Năm 2025, … có tổng số"
  ReportText overdue_heading;  // section II.1's heading for it
  std::string criteria_family; // per-locality criteria reported with it ("" = none)
  bool window_on_time = true;  // the window sentence names the on-time completions
  std::vector<ProgrammePart> parts;
};

struct ReportTheme {
  ReportText label;  // "hạ tầng" in "Về hạ tầng: 17 nhiệm vụ"
  std::vector<std::string> keywords;
};

class Programmes {
 public:
  static absl::StatusOr<Programmes> FromJson(std::string_view json);
  static absl::StatusOr<Programmes> FromFile(const std::string& path);
  static std::shared_ptr<const Programmes> Bundled();  // data/programmes.json
  static std::string_view BundledJson();

  const std::vector<Programme>& programmes() const { return programmes_; }
  const std::vector<ReportTheme>& themes() const { return themes_; }

  struct Match {
    int programme = -1;  // -1: no part matched ("other")
    int part = -1;
  };
  Match Classify(const std::vector<std::string>& sources, std::string_view category) const;
  // The first theme with a keyword in the category (deepest " / " level first); -1 = none.
  int ThemeOf(std::string_view category) const;

 private:
  struct Key {
    int programme, part;
    std::string key;  // " normalized words "
  };
  std::vector<Programme> programmes_;
  std::vector<ReportTheme> themes_;
  std::vector<Key> source_keys_, category_keys_;
  std::vector<std::vector<std::string>> theme_keys_;
};

}  // namespace mandate

#endif
