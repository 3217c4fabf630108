#include "appendix_reader.h"

#include <algorithm>
#include <optional>

#include "mandate/text.h"

namespace mandate::tools {
namespace {

// Byte offsets in text of each whole-word occurrence of the folded phrase.
std::vector<std::size_t> Find(const FoldedText& f, std::string_view phrase) {
  std::vector<std::size_t> out;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t p = f.text.find(phrase); p != std::string::npos;
       p = f.text.find(phrase, p + 1)) {
    const std::size_t e = p + phrase.size();
    if ((p == 0 || !is_letter(f.text[p - 1])) && (e == f.text.size() || !is_letter(f.text[e])))
      out.push_back(p);
  }
  return out;
}

void AddIds(const AgencyRegistry& reg, const Resolution& r, std::vector<std::string>& bodies,
            std::vector<std::string>* enterprises) {
  for (AgencyIndex i : r.agencies) {
    const Agency& a = reg.agency(i);
    auto& into = (enterprises && a.kind == AgencyKind::kEnterprise) ? *enterprises : bodies;
    if (std::find(into.begin(), into.end(), a.id) == into.end()) into.push_back(a.id);
  }
}

std::string Names(const AgencyRegistry& reg, const Resolution& r) {
  std::string s;
  for (AgencyIndex i : r.agencies) s += (s.empty() ? "" : ", ") + reg.agency(i).name;
  for (const auto& c : r.collectives) s += (s.empty() ? "" : ", ") + c;
  return s;
}

// The clause that ends right before "chủ trì" at byte `at`, if it is nothing but agency names:
// "…, Bộ KHCN chủ trì" (PL2-80), not "… về doanh nghiệp chủ trì đồng hành".
std::optional<Resolution> SubjectBefore(const AgencyRegistry& reg, std::string_view text,
                                        std::size_t at) {
  const std::size_t cut = text.substr(0, at).find_last_of(",;(:.");
  const std::size_t from = cut == std::string_view::npos ? 0 : cut + 1;
  const Resolution r = reg.Resolve(text.substr(from, at - from));
  if (!r.ok() || r.agencies.empty()) return std::nullopt;
  return r;
}

// The names a parenthesis opens with ("(Bộ GDĐT, hạn …)", "(04 Đại học: ĐHQG Hà Nội, …; hạn
// …)"): a label before a colon is skipped.
std::optional<Resolution> ParenthesisSubject(const AgencyRegistry& reg, std::string_view text) {
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    std::string_view inner = text.substr(open + 1);
    const std::size_t colon = inner.find(':');
    if (colon != std::string_view::npos && colon < inner.find_first_of(";,)")) {
      inner = inner.substr(colon + 1);
    }
    const Resolution r = reg.FindLeadingAgencies(inner);
    if (!r.agencies.empty()) return r;
  }
  return std::nullopt;
}

}  // namespace

AppendixRoles ReadAppendixRoles(const AgencyRegistry& reg, std::string_view text) {
  AppendixRoles out;
  const FoldedText f = FoldWithOffsets(text);
  std::optional<Resolution> lead;
  if (Resolution r = reg.FindLeadingAgencies(text); !r.agencies.empty()) lead = std::move(r);
  for (std::size_t p : Find(f, "chu tri")) {
    if (lead) break;
    lead = SubjectBefore(reg, text, f.origin[p]);
  }
  if (!lead) lead = ParenthesisSubject(reg, text);
  if (lead) {
    AddIds(reg, *lead, out.lead, nullptr);
    out.lead_text = Names(reg, *lead);
  }
  for (std::string_view marker : {"phoi hop voi", "phoi hop cung", "chu tri cung"}) {
    for (std::size_t p : Find(f, marker)) {
      const std::size_t from = f.origin[p + marker.size()];
      const Resolution r = reg.FindLeadingAgencies(text.substr(from));
      AddIds(reg, r, out.coordinators, &out.partners);
      out.related.insert(out.related.end(), r.related.begin(), r.related.end());
      const std::string names = Names(reg, r);
      if (!names.empty()) out.coordinators_text += (out.coordinators_text.empty() ? "" : "; ") + names;
    }
  }
  std::erase_if(out.coordinators, [&](const std::string& id) {
    return std::find(out.lead.begin(), out.lead.end(), id) != out.lead.end();
  });
  return out;
}

}  // namespace mandate::tools
