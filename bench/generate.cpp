#include "generate.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "absl/strings/str_format.h"
#include "mandate/agency_registry.h"

namespace mandate::bench {
namespace {

constexpr const char* kRoman[] = {"I", "II", "III", "IV"};

// Seed-like title openings; the index makes each title distinct.
constexpr const char* kTitles[] = {
    "Xây dựng cơ sở dữ liệu chuyên ngành",
    "Hoàn thiện thể chế, chính sách về chuyển đổi số",
    "Triển khai nền tảng số dùng chung",
    "Đào tạo, bồi dưỡng nhân lực số",
    "Nghiên cứu, ứng dụng trí tuệ nhân tạo",
    "Bảo đảm an toàn, an ninh mạng",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Phát triển hạ tầng viễn thông băng rộng",
};

std::string Quote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Iso(const std::optional<Day>& d) { return d ? FormatIsoDay(*d) : std::string(); }

date::year_month_day Ymd(Day d) { return date::year_month_day{d}; }
int YearOf(Day d) { return static_cast<int>(Ymd(d).year()); }
unsigned MonthOf(Day d) { return static_cast<unsigned>(Ymd(d).month()); }
unsigned DayOf(Day d) { return static_cast<unsigned>(Ymd(d).day()); }

}  // namespace

const std::vector<std::string>& Generator::Categories() {
  static const auto* v = [] {
    auto* out = new std::vector<std::string>;
    const char* names[] = {"Thể chế",    "Hạ tầng số",       "Nhân lực",        "Chuyển đổi số",
                           "Khoa học",   "Đổi mới sáng tạo", "Hợp tác quốc tế", "An ninh mạng",
                           "Dữ liệu số", "Kinh tế số",       "Xã hội số",       "Chính phủ số"};
    for (int i = 0; i < 12; ++i) out->push_back(absl::StrFormat("%d. %s", i + 1, names[i]));
    return out;
  }();
  return *v;
}

const std::vector<std::string>& Generator::Sources() {
  static const auto* v = [] {
    auto* out = new std::vector<std::string>;
    for (int i = 0; i < 40; ++i) {
      out->push_back(absl::StrFormat("%d-TB/TGV ngày %d/%d/%d", 10 + i * 3, 1 + i % 28, 1 + i % 12,
                                     2024 + i % 2));
    }
    return out;
  }();
  return *v;
}

Generator::Generator(const GenOptions& options)
    : opt_(options), reg_(AgencyRegistry::Bundled()), state_(options.seed) {
  const std::size_t agencies = std::min(opt_.agencies, reg_.size());
  double sum = 0;
  for (std::size_t k = 0; k < agencies; ++k) cumulative_.push_back(sum += 1.0 / double(k + 1));
}

std::uint64_t Generator::Rand() {  // splitmix64: fast and the same everywhere
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int Generator::Below(int n) {
  return n <= 1 ? 0 : static_cast<int>(Rand() % static_cast<std::uint64_t>(n));
}

AgencyIndex Generator::PickAgency() {
  const double x = static_cast<double>(Rand() >> 11) / 9007199254740992.0 * cumulative_.back();
  const auto k = static_cast<std::size_t>(
      std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  return static_cast<AgencyIndex>(std::min(k, cumulative_.size() - 1));
}

// The phrase for a due day near `target`, in the seed's mix of kinds.
void Generator::MakeDeadline(GenTask& t) {
  const Day target = t.assigned + date::days{30 + Below(336)};
  const int y = YearOf(target);
  const unsigned m = MonthOf(target), d = DayOf(target);
  const int r = Below(100);
  std::string& s = t.deadline_text;
  if (r < 38) {
    s = absl::StrFormat("%s %d/%d", Below(10) == 0 ? "tháng" : "Tháng", m, y);
  } else if (r < 63) {
    s = Below(5) == 0 ? absl::StrFormat("Năm %d", y) : absl::StrFormat("%d", y);
  } else if (r < 73) {
    s = Below(2) == 0 ? absl::StrFormat("%d/%d/%d", d, m, y)
                      : absl::StrFormat("%02d/%02d/%d", d, m, y);
  } else if (r < 78) {
    const Day anchor = target + date::days{1};
    s = absl::StrFormat("Trước ngày %d/%d/%d", DayOf(anchor), MonthOf(anchor), YearOf(anchor));
  } else if (r < 85) {
    const char* q = kRoman[(m - 1) / 3];
    s = y == YearOf(t.assigned) ? absl::StrFormat("Quý %s", q) : absl::StrFormat("Quý %s/%d", q, y);
  } else if (r < 95) {
    s = Below(4) == 0 ? "Thực hiện thường xuyên" : "Thường xuyên";
  } else {
    constexpr const char* kRecurring[] = {"Hằng tháng", "Hàng tháng", "Trước ngày 25 hàng tháng",
                                          "Hằng năm", "Hàng quý"};
    s = kRecurring[Below(5)];
  }
}

bool Generator::Next(GenTask& t) {
  if (next_ >= opt_.n) return false;
  t.index = next_++;
  t.id = absl::StrFormat("T%07d", t.index);
  t.title = absl::StrFormat("%s %d", kTitles[Below(8)], t.index);
  if (Below(20) == 0) t.title += ", giai đoạn 2\n(theo Kế hoạch 02-KH/BCĐTW)";

  t.leads.assign(1, PickAgency());
  if (Below(10) == 0) {
    const int extra = 1 + Below(3);
    while (t.leads.size() < static_cast<std::size_t>(1 + extra)) {
      const AgencyIndex a = PickAgency();
      if (std::find(t.leads.begin(), t.leads.end(), a) == t.leads.end()) t.leads.push_back(a);
    }
  }
  t.lead_text.clear();
  for (AgencyIndex a : t.leads) {
    if (!t.lead_text.empty()) t.lead_text += ", ";
    t.lead_text += reg_.agency(a).name;
  }
  t.coordinators_text.clear();
  if (Below(10) < 3) t.coordinators_text = reg_.agency(PickAgency()).name;
  t.category = static_cast<std::uint8_t>(Below(12));
  t.source = static_cast<std::uint8_t>(Below(40));
  t.assigned = opt_.as_of - date::days{Below(730)};

  MakeDeadline(t);
  DeadlineContext ctx;
  ctx.plan_year = YearOf(t.assigned);
  const auto& parsed = cache_.Parse(t.deadline_text, ctx);
  if (!parsed.ok()) std::abort();  // the phrases above all parse (tests/bench_generator_test)
  t.deadline = *parsed;
  t.deadline.text = t.deadline_text;

  t.change_day.reset();
  t.new_deadline_text.clear();
  const Deadline* in_force = &t.deadline;
  if (t.deadline.due && t.deadline.kind != DeadlineKind::kRecurring && Below(100) == 0) {
    const int span = static_cast<int>((opt_.as_of - t.assigned).count());
    t.change_day = t.assigned + date::days{Below(std::min(30, span) + 1)};
    const Day later = *t.deadline.due + date::days{60 + Below(60)};
    t.new_deadline_text = absl::StrFormat("Tháng %d/%d", MonthOf(later), YearOf(later));
    const auto& np = cache_.Parse(t.new_deadline_text, ctx);
    if (!np.ok()) std::abort();
    t.new_deadline = *np;
    t.new_deadline.text = t.new_deadline_text;
    in_force = &t.new_deadline;
  }
  if (in_force->kind == DeadlineKind::kRecurring && in_force->recurrence) {
    t.rule = 'R';
    // Its reports are not tracked (none is generated), so the next occurrence on or after the
    // as-of day decides (classification.h): that is the day the SQL engines get.
    const Day from = std::max(t.assigned, opt_.as_of);
    const auto dues = Occurrences(*in_force->recurrence, from, from + date::days{400});
    t.due = dues.empty() ? std::nullopt : std::optional<Day>(dues.front());
  } else {
    t.rule = 'F';
    t.due = in_force->due;
  }

  t.completed.reset();
  if (Below(100) < 45) {
    const Day& a = t.assigned;
    if (t.rule == 'F' && t.due && *t.due < opt_.as_of && Below(100) < 30) {
      const int room = static_cast<int>((opt_.as_of - *t.due).count());  // >= 1
      t.completed = *t.due + date::days{1 + Below(std::min(90, room))};
    } else {
      const Day hi = t.rule == 'F' && t.due ? std::min(*t.due, opt_.as_of) : opt_.as_of;
      t.completed = a + date::days{Below(static_cast<int>((hi - a).count()) + 1)};
    }
  }
  return true;
}

Task ToTask(const GenTask& g) {
  const AgencyRegistry& reg = AgencyRegistry::Bundled();
  Task t;
  t.id = g.id;
  t.title = g.title;
  for (AgencyIndex a : g.leads) t.lead.push_back(reg.agency(a).id);
  t.lead_text = g.lead_text;
  if (!g.coordinators_text.empty()) {
    t.coordinators = reg.Ids(reg.Resolve(g.coordinators_text));
    t.coordinators_text = g.coordinators_text;
  }
  t.category = Generator::Categories()[g.category];
  t.sources.assign(1, Generator::Sources()[g.source]);
  t.assigned = g.assigned;
  t.deadline = g.deadline;
  if (g.change_day) {
    TaskEvent e;
    e.day = *g.change_day;
    e.type = EventType::kDeadlineChanged;
    e.new_deadline = g.new_deadline;
    t.history.push_back(std::move(e));
  }
  if (g.completed) {
    TaskEvent e;
    e.day = *g.completed;
    e.type = EventType::kCompleted;
    t.history.push_back(std::move(e));
  }
  std::stable_sort(t.history.begin(), t.history.end(),
                   [](const TaskEvent& a, const TaskEvent& b) { return a.day < b.day; });
  return t;
}

absl::StatusOr<Dataset> GenerateDataset(const GenOptions& options) {
  Dataset ds;
  Generator gen(options);
  GenTask g;
  while (gen.Next(g)) {
    auto added = ds.AddTask(ToTask(g));
    if (!added.ok()) return added.status();
  }
  return ds;
}

const Dataset& SharedDataset(std::size_t n) {
  static auto* cache = new std::map<std::size_t, std::unique_ptr<Dataset>>;
  auto& slot = (*cache)[n];
  if (!slot) {
    auto ds = GenerateDataset({.n = n});
    if (!ds.ok()) std::abort();
    slot = std::make_unique<Dataset>(*std::move(ds));
  }
  return *slot;
}

void WriteCsvHeader(std::ostream& out) {
  out << "id,title,lead,coordinators,category,source,assigned,deadline,completed,note\r\n";
}

void WriteCsvRow(std::ostream& out, const GenTask& t) {
  const std::string& deadline = t.change_day ? t.new_deadline_text : t.deadline_text;
  std::string note;
  if (t.change_day) {
    note = absl::StrFormat("Thời hạn ban đầu: %s; điều chỉnh ngày %s", t.deadline_text,
                           FormatIsoDay(*t.change_day));
  }
  out << t.id << ',' << Quote(t.title) << ',' << Quote(t.lead_text) << ','
      << Quote(t.coordinators_text) << ',' << Generator::Categories()[t.category] << ','
      << Generator::Sources()[t.source] << ',' << FormatIsoDay(t.assigned) << ',' << Quote(deadline)
      << ',' << Iso(t.completed) << ',' << Quote(note) << "\r\n";
}

void WriteSqlHeader(std::ostream& out) {
  out << "id,assigned,due,completed,rule,lead1,lead2,lead3,lead4\n";
}

void WriteSqlRow(std::ostream& out, const GenTask& t, const AgencyRegistry& reg) {
  out << t.index << ',' << FormatIsoDay(t.assigned) << ',' << Iso(t.due) << ',' << Iso(t.completed)
      << ',' << t.rule;
  for (std::size_t k = 0; k < 4; ++k) {
    out << ',';
    if (k < t.leads.size()) out << reg.agency(t.leads[k]).id;
  }
  out << '\n';
}

}  // namespace mandate::bench
