#include "mandate/document_ref.h"

#include <array>

#include "absl/strings/str_format.h"
#include "document_ref_internal.h"

namespace mandate {
namespace internal {
namespace {

struct TypePhrase {
  std::array<std::string_view, 4> words;  // folded, empty = end
  std::string_view name;
  std::string_view code;
};
// Longer phrases first so "thông báo kết luận" wins over "thông báo".
constexpr TypePhrase kTypePhrases[] = {
    {{"thong", "bao", "ket", "luan"}, "Thông báo", "TB"},
    {{"thong", "bao"}, "Thông báo", "TB"},
    {{"ke", "hoach"}, "Kế hoạch", "KH"},
    {{"nghi", "quyet"}, "Nghị quyết", "NQ"},
    {{"nghi", "dinh"}, "Nghị định", "NĐ-CP"},
    {{"quyet", "dinh"}, "Quyết định", "QĐ"},
    {{"chi", "thi"}, "Chỉ thị", "CT"},
    {{"quy", "che"}, "Quy chế", "QC"},
    {{"quy", "dinh"}, "Quy định", "QĐi"},
    {{"cong", "van"}, "Công văn", "CV"},
    {{"thong", "tu"}, "Thông tư", "TT"},
    {{"ket", "luan"}, "Kết luận", "KL"},
    {{"to", "trinh"}, "Tờ trình", "TTr"},
    {{"bao", "cao"}, "Báo cáo", "BC"},
    {{"huong", "dan"}, "Hướng dẫn", "HD"},
    {{"luat"}, "Luật", ""},
};

struct CodeName {
  std::string_view folded;
  std::string_view name;
};
constexpr CodeName kCodeNames[] = {
    {"tb", "Thông báo"},  {"kh", "Kế hoạch"},  {"nq", "Nghị quyết"}, {"nd", "Nghị định"},
    {"qd", "Quyết định"}, {"ct", "Chỉ thị"},   {"qc", "Quy chế"},    {"qdi", "Quy định"},
    {"cv", "Công văn"},   {"tt", "Thông tư"},  {"kl", "Kết luận"},   {"bc", "Báo cáo"},
    {"hd", "Hướng dẫn"},  {"ttr", "Tờ trình"},
};

bool IsNgay(const Lexed& lx, std::size_t i) { return lx.IsWord(i, "ngay") || lx.IsWord(i, "ngdy"); }

// "số" and its OCR spellings ("so", "sb", "sd", "se", "s6", "s0", "s").
bool IsSoWord(const Lexed& lx, std::size_t i) {
  return lx.IsWord(i, "so") || lx.IsWord(i, "sb") || lx.IsWord(i, "sd") || lx.IsWord(i, "se") ||
         lx.IsWord(i, "s");
}

// The original character at token i is an upper-case letter (codes are written in capitals).
bool UpperInOriginal(const Lexed& lx, std::size_t i) {
  const std::size_t o = lx.OrigBegin(i);
  const auto c = static_cast<unsigned char>(lx.original[o]);
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC4 && o + 1 < lx.original.size() &&
         static_cast<unsigned char>(lx.original[o + 1]) == 0x90;  // Đ
}

// The type phrase ending right before token `end` (exclusive); returns its first token or npos.
std::size_t TypePhraseBefore(const Lexed& lx, std::size_t end, const TypePhrase** found) {
  for (const TypePhrase& p : kTypePhrases) {
    std::size_t n = 0;
    while (n < p.words.size() && !p.words[n].empty()) ++n;
    if (end < n) continue;
    bool ok = true;
    for (std::size_t k = 0; k < n && ok; ++k) ok = lx.IsWord(end - n + k, p.words[k]);
    if (ok) {
      *found = &p;
      return end - n;
    }
  }
  return std::string_view::npos;
}

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

}  // namespace

std::size_t MatchDmy(const Lexed& lx, std::size_t i, int* d, int* m, int* y) {
  const auto& t = lx.tokens;
  if (!lx.IsNumber(i) || t[i].digits() > 2) return i;
  if (lx.IsPunct(i + 1, '/') || lx.IsPunct(i + 1, '-') || lx.IsPunct(i + 1, '.')) {
    const char sep = t[i + 1].punct;
    if (lx.Adjacent(i + 1) && lx.IsNumber(i + 2) && lx.Adjacent(i + 2) && t[i + 2].digits() <= 2 &&
        lx.IsPunct(i + 3, sep) && lx.Adjacent(i + 3) && lx.IsNumber(i + 4) && lx.Adjacent(i + 4) &&
        t[i + 4].digits() == 4) {
      *d = static_cast<int>(t[i].value);
      *m = static_cast<int>(t[i + 2].value);
      *y = static_cast<int>(t[i + 4].value);
      return i + 5;
    }
  }
  // "01 tháng 7 năm 2025"
  if ((lx.IsWord(i + 1, "thang") || lx.IsWord(i + 1, "thing") || lx.IsWord(i + 1, "thiang")) &&
      lx.IsNumber(i + 2) && t[i + 2].digits() <= 2 &&
      (lx.IsWord(i + 3, "nam") || lx.IsWord(i + 3, "nim")) && lx.IsNumber(i + 4) &&
      t[i + 4].digits() == 4) {
    *d = static_cast<int>(t[i].value);
    *m = static_cast<int>(t[i + 2].value);
    *y = static_cast<int>(t[i + 4].value);
    return i + 5;
  }
  return i;
}

std::vector<FoundRef> FindRefs(const Lexed& lx) {
  std::vector<FoundRef> out;
  const auto& t = lx.tokens;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!lx.IsNumber(i)) continue;
    // A number glued to a preceding code part ("TB/TGV-2") is not the start of a reference.
    if (i > 0 && lx.Adjacent(i) && (lx.IsPunct(i - 1, '/') || lx.IsPunct(i - 1, '-'))) continue;
    // OCR "s6"/"s0" is "số", not a number: "Nghi quyét s6 57-NQ/TW".
    if (i > 0 && lx.Adjacent(i) && lx.IsWord(i - 1, "s") && t[i].digits() == 1 &&
        lx.IsNumber(i + 1)) {
      continue;
    }
    // The symbol: number, then '/'- or '-'-separated parts; codes in capitals.
    std::vector<std::size_t> word_parts;
    std::vector<std::size_t> number_parts{i};
    std::size_t j = i + 1;
    while (true) {
      const bool sep = lx.IsPunct(j, '/') || lx.IsPunct(j, '-');
      if (sep && (lx.Adjacent(j) || (j == i + 1)) && lx.Adjacent(j + 1)) {
        if (lx.IsWord(j + 1) && UpperInOriginal(lx, j + 1)) {
          word_parts.push_back(j + 1);
          j += 2;
          continue;
        }
        if (lx.IsNumber(j + 1) && word_parts.empty() && number_parts.size() == 1 &&
            t[j + 1].digits() == 4 && lx.IsPunct(j + 2, '/')) {  // "82/2024/NĐ-CP"
          number_parts.push_back(j + 1);
          j += 2;
          continue;
        }
      }
      // OCR lost the dash: "02 KH/BCDTW".
      if (j == i + 1 && lx.IsWord(j) && UpperInOriginal(lx, j) && lx.IsPunct(j + 1, '/') &&
          lx.Adjacent(j + 1) && lx.IsWord(j + 2) && lx.Adjacent(j + 2) &&
          UpperInOriginal(lx, j + 2)) {
        word_parts.push_back(j);
        j += 1;
        continue;
      }
      break;
    }
    // Looking back: "số" (any OCR form), then a type phrase, possibly a few words earlier.
    std::size_t tb = i;
    std::size_t k = i;
    bool has_so = false;
    if (k >= 2 && lx.IsNumber(k - 1) && lx.Adjacent(k - 1) && t[k - 1].digits() == 1 &&
        lx.IsWord(k - 2, "s")) {  // "s6 57-NQ/TW"
      k -= 2;
      has_so = true;
    } else if (k >= 1 && IsSoWord(lx, k - 1)) {
      k -= 1;
      has_so = true;
    }
    if (has_so) tb = k;
    const TypePhrase* phrase = nullptr;
    std::size_t pb = TypePhraseBefore(lx, k, &phrase);
    for (std::size_t skip = 1; pb == std::string_view::npos && has_so && skip <= 4 && k > skip;
         ++skip) {
      if (!lx.IsWord(k - skip)) break;
      pb = TypePhraseBefore(lx, k - skip, &phrase);
    }
    if (pb != std::string_view::npos) tb = pb;
    if (word_parts.empty() && phrase == nullptr) continue;
    if (word_parts.empty() && i + 1 < t.size() && lx.Adjacent(i + 1) &&
        (lx.IsPunct(i + 1, '/') || lx.IsPunct(i + 1, '.'))) {
      continue;  // "Nghị định 1/2/2025"? a date or a fraction, not a number
    }
    FoundRef f;
    DocumentRef& r = f.ref;
    const std::size_t code_end = j;
    // Number: the parts before the code.
    for (std::size_t n = 0; n < number_parts.size(); ++n) {
      if (n) r.number += '/';
      r.number += std::string(lx.Quote(number_parts[n], number_parts[n] + 1));
    }
    if (!word_parts.empty()) {
      const std::size_t w0 = word_parts[0];
      const std::string_view first = lx.Text(w0);
      if (first == "nd" && word_parts.size() >= 2 && lx.Text(word_parts[1]) == "cp") {
        r.type = std::string(lx.Quote(w0, word_parts[1] + 1));
        r.issuer = std::string(lx.Quote(word_parts[1], word_parts[1] + 1));
      } else {
        r.type = std::string(lx.Quote(w0, w0 + 1));
        if (word_parts.size() >= 2) {
          r.issuer = NoSpaces(lx.Quote(word_parts[1], word_parts.back() + 1));
        }
      }
      for (const CodeName& c : kCodeNames) {
        if (c.folded == first) r.type_name = std::string(c.name);
      }
    } else if (phrase != nullptr) {
      r.type = std::string(phrase->code);
    }
    if (phrase != nullptr) r.type_name = std::string(phrase->name);
    r.symbol = NoSpaces(lx.Quote(i, code_end));
    // The document's date: ", ngày 30/9/2025".
    std::size_t te = code_end;
    std::size_t d = code_end;
    if (lx.IsPunct(d, ',')) ++d;
    if (IsNgay(lx, d)) {
      int dd = 0, mm = 0, yy = 0;
      const std::size_t e = MatchDmy(lx, d + 1, &dd, &mm, &yy);
      if (e != d + 1) {
        auto day = MakeDay(yy, static_cast<unsigned>(mm), static_cast<unsigned>(dd));
        if (day.ok()) r.date = *day;
        te = e;
      }
    }
    f.tb = tb;
    f.te = te;
    r.begin = lx.OrigBegin(tb);
    r.end = lx.OrigEnd(te - 1);
    r.raw = std::string(lx.original.substr(r.begin, r.end - r.begin));
    out.push_back(std::move(f));
    i = te - 1;
  }
  return out;
}

}  // namespace internal

std::vector<DocumentRef> FindDocumentRefs(std::string_view text) {
  const internal::Lexed lx = internal::Lex(text);
  std::vector<DocumentRef> out;
  for (auto& f : internal::FindRefs(lx)) out.push_back(std::move(f.ref));
  return out;
}

absl::StatusOr<DocumentRef> ParseDocumentRef(std::string_view text) {
  const internal::Lexed lx = internal::Lex(text);
  if (lx.tokens.empty()) return absl::InvalidArgumentError("empty document reference");
  auto found = internal::FindRefs(lx);
  std::size_t last = lx.tokens.size();
  while (last > 0 && (lx.IsPunct(last - 1, '.') || lx.IsPunct(last - 1, ';') ||
                      lx.IsPunct(last - 1, ',') || lx.IsPunct(last - 1, ')'))) {
    --last;
  }
  if (found.empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("no document reference (number and symbol such as 45-TB/TGV) in \"%s\"",
                        text.substr(0, 200)));
  }
  const auto& f = found.front();
  if (f.tb != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("could not read \"%s\" before the document reference", lx.Quote(0, f.tb)));
  }
  if (f.te < last) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "could not read \"%s\" after the document reference", lx.Quote(f.te, last)));
  }
  return f.ref;
}

}  // namespace mandate
