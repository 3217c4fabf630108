// Programmes and themes from JSON (data/programmes.json's shape), and the matching of a
// task's sources and category against them.
#include "mandate/report_programmes.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "absl/strings/str_format.h"
#include "mandate/text.h"

namespace mandate {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kBundledJson =
#include "programmes_data.inc"
    ;

// Whole-word comparison: " words " of NormalizeKey.
std::string Padded(std::string_view text) { return " " + NormalizeKey(text) + " "; }

absl::Status Bad(const std::string& where, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("programmes: %s: %s", where, what));
}

absl::StatusOr<ReportText> TextOf(const Json& j, const std::string& where, bool required) {
  ReportText t;
  if (!j.is_object()) {
    if (!required && j.is_null()) return t;
    return Bad(where, "must be an object {\"vi\": …, \"en\": …}");
  }
  for (auto [field, out] : {std::pair{"vi", &t.vi}, std::pair{"en", &t.en}}) {
    if (!j.contains(field)) continue;
    if (!j[field].is_string()) return Bad(where + "." + field, "must be a string");
    *out = j[field].get<std::string>();
    if (!IsValidUtf8(*out)) return Bad(where + "." + field, "is not valid UTF-8");
  }
  if (required && t.vi.empty()) return Bad(where + ".vi", "is required");
  return t;
}

absl::StatusOr<std::vector<std::string>> Strings(const Json& j, const std::string& where) {
  std::vector<std::string> out;
  if (j.is_null()) return out;
  if (!j.is_array()) return Bad(where, "must be an array of strings");
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_string() || NormalizeKey(j[i].get<std::string>()).empty()) {
      return Bad(absl::StrFormat("%s[%d]", where, i), "must be a non-empty string");
    }
    out.push_back(j[i].get<std::string>());
  }
  return out;
}

absl::StatusOr<ProgrammePart> PartOf(const Json& j, const std::string& where) {
  if (!j.is_object()) return Bad(where, "must be an object");
  ProgrammePart p;
  p.id = j.value("id", "");
  if (p.id.empty()) return Bad(where + ".id", "is required");
  auto label = TextOf(j.value("label", Json()), where + ".label", false);
  if (!label.ok()) return label.status();
  p.label = label->vi.empty() ? ReportText{p.id, p.id} : *label;
  auto sources = Strings(j.value("sources", Json()), where + ".sources");
  if (!sources.ok()) return sources.status();
  auto categories = Strings(j.value("categories", Json()), where + ".categories");
  if (!categories.ok()) return categories.status();
  p.sources = *std::move(sources);
  p.categories = *std::move(categories);
  return p;
}

absl::StatusOr<Programme> ProgrammeOf(const Json& j, const std::string& where) {
  if (!j.is_object()) return Bad(where, "must be an object");
  Programme p;
  p.id = j.value("id", "");
  if (p.id.empty()) return Bad(where + ".id", "is required");
  const std::string at = where + " (" + p.id + ")";
  for (auto [field, out, required] :
       {std::tuple{"heading", &p.heading, true}, std::tuple{"subject", &p.subject, true},
        std::tuple{"overdue_heading", &p.overdue_heading, false}}) {
    auto t = TextOf(j.value(field, Json()), at + "." + field, required);
    if (!t.ok()) return t.status();
    *out = *std::move(t);
  }
  if (p.overdue_heading.vi.empty()) p.overdue_heading = p.heading;
  p.criteria_family = j.value("criteria_family", "");
  if (j.contains("window_on_time")) {
    if (!j["window_on_time"].is_boolean()) return Bad(at + ".window_on_time", "must be a boolean");
    p.window_on_time = j["window_on_time"].get<bool>();
  }
  const Json parts = j.value("parts", Json::array());
  if (!parts.is_array() || parts.empty()) return Bad(at + ".parts", "must be a non-empty array");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto part = PartOf(parts[i], absl::StrFormat("%s.parts[%d]", at, i));
    if (!part.ok()) return part.status();
    p.parts.push_back(*std::move(part));
  }
  return p;
}

}  // namespace

absl::StatusOr<Programmes> Programmes::FromJson(std::string_view text) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Bad("file", "is not a JSON object");
  Programmes out;
  const Json programmes = j.value("programmes", Json());
  if (!programmes.is_array()) return Bad("programmes", "must be an array");
  for (std::size_t i = 0; i < programmes.size(); ++i) {
    auto p = ProgrammeOf(programmes[i], absl::StrFormat("programmes[%d]", i));
    if (!p.ok()) return p.status();
    const int pi = static_cast<int>(out.programmes_.size());
    for (std::size_t k = 0; k < p->parts.size(); ++k) {
      for (const auto& s : p->parts[k].sources)
        out.source_keys_.push_back({pi, static_cast<int>(k), Padded(s)});
      for (const auto& c : p->parts[k].categories)
        out.category_keys_.push_back({pi, static_cast<int>(k), NormalizeKey(c)});
    }
    out.programmes_.push_back(*std::move(p));
  }
  const Json themes = j.value("themes", Json::array());
  if (!themes.is_array()) return Bad("themes", "must be an array");
  for (std::size_t i = 0; i < themes.size(); ++i) {
    const std::string where = absl::StrFormat("themes[%d]", i);
    if (!themes[i].is_object()) return Bad(where, "must be an object");
    auto label = TextOf(themes[i].value("label", Json()), where + ".label", true);
    if (!label.ok()) return label.status();
    auto keywords = Strings(themes[i].value("keywords", Json()), where + ".keywords");
    if (!keywords.ok()) return keywords.status();
    std::vector<std::string> keys;
    for (const auto& k : *keywords) keys.push_back(Padded(k));
    out.themes_.push_back({*std::move(label), *std::move(keywords)});
    out.theme_keys_.push_back(std::move(keys));
  }
  return out;
}

absl::StatusOr<Programmes> Programmes::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("programmes: cannot open " + path);
  std::stringstream s;
  s << in.rdbuf();
  auto p = FromJson(s.str());
  if (!p.ok()) return absl::InvalidArgumentError(path + ": " + std::string(p.status().message()));
  return p;
}

std::string_view Programmes::BundledJson() { return kBundledJson; }

std::shared_ptr<const Programmes> Programmes::Bundled() {
  static const std::shared_ptr<const Programmes> bundled = [] {
    auto p = FromJson(kBundledJson);
    return p.ok() ? std::make_shared<const Programmes>(*std::move(p))
                  : std::make_shared<const Programmes>();
  }();
  return bundled;
}

Programmes::Match Programmes::Classify(const std::vector<std::string>& sources,
                                       std::string_view category) const {
  for (const std::string& source : sources) {
    const std::string s = Padded(source);
    for (const Key& k : source_keys_) {
      if (s.find(k.key) != std::string::npos) return {k.programme, k.part};
    }
  }
  const std::string c = NormalizeKey(category);
  for (const Key& k : category_keys_) {
    if (c.rfind(k.key, 0) == 0) return {k.programme, k.part};
  }
  return {};
}

int Programmes::ThemeOf(std::string_view category) const {
  std::vector<std::string_view> levels;
  for (std::size_t from = 0;;) {
    const std::size_t at = category.find(" / ", from);
    levels.push_back(category.substr(from, at == std::string_view::npos ? at : at - from));
    if (at == std::string_view::npos) break;
    from = at + 3;
  }
  for (auto level = levels.rbegin(); level != levels.rend(); ++level) {
    const std::string l = Padded(*level);
    for (std::size_t t = 0; t < theme_keys_.size(); ++t) {
      for (const std::string& k : theme_keys_[t]) {
        if (l.find(k) != std::string::npos) return static_cast<int>(t);
      }
    }
  }
  return -1;
}

}  // namespace mandate
