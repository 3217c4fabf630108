#include "mandate/dataset.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_format.h"
#include "agency_cell_order.h"
#include "mandate/absl_compat.h"
#include "mandate/calendar.h"
#include "mandate/task_state.h"
#include "mandate/text.h"

namespace mandate {
namespace {

absl::Status FieldError(std::string_view task_id, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrFormat("task \"%s\": %s: %s", task_id.substr(0, 80), field, what));
}

absl::Status CheckText(std::string_view task_id, std::string_view field, std::string_view text,
                       std::size_t max_bytes, bool check_utf8 = true) {
  if (text.size() > max_bytes) {
    return FieldError(task_id, field,
                      absl::StrFormat("%u bytes exceed the limit of %u", text.size(), max_bytes));
  }
  if (!check_utf8) return absl::OkStatus();
  if (auto bad = FindInvalidUtf8(text)) {
    return FieldError(task_id, field, absl::StrFormat("invalid UTF-8 at byte %u", *bad));
  }
  return absl::OkStatus();
}

std::int32_t DayOrNone(std::optional<Day> d) { return d ? ToEpochDays(*d) : kNoDay; }

// A due day worked out from the assignment day must stay in the supported range: "sau 10
// ngày" from 2200-12-31 was stored as 2201-01-10 (the saved file then did not load), and the
// working-day walk stops on 2200-12-31 instead of failing.
absl::Status CheckDueInRange(std::string_view task_id, const Deadline& d,
                             std::optional<Day> assigned) {
  if (d.kind != DeadlineKind::kRelative || !assigned) return absl::OkStatus();
  bool in_range = true;
  if (d.relative_working_days) {
    in_range = WorkingCalendar::Vietnam().TryAddWorkingDays(*assigned, d.relative_days).ok();
  } else {
    static const std::int64_t kFirst = ToEpochDays(date::sys_days{kMinYear / 1 / 1});
    static const std::int64_t kLast = ToEpochDays(date::sys_days{kMaxYear / 12 / 31});
    const std::int64_t due = std::int64_t{ToEpochDays(*assigned)} + d.relative_days;
    in_range = due >= kFirst && due <= kLast;
  }
  if (in_range) return absl::OkStatus();
  return FieldError(task_id, "deadline",
                    absl::StrFormat("%d %sdays after the assignment day %s falls outside the "
                                    "supported range 1900-01-01..2200-12-31",
                                    d.relative_days, d.relative_working_days ? "working " : "",
                                    FormatIsoDay(*assigned)));
}

// A key that identifies a parsed deadline for interning: the raw phrase plus everything
// parsing derived from context (the same phrase means another day in another plan year).
std::string DeadlineKey(const Deadline& d) {
  std::string key = d.text;
  key.push_back('\x1f');
  key += std::to_string(static_cast<int>(d.kind));
  for (const auto& day : {d.due, d.anchor, d.first_due}) {
    key.push_back('\x1f');
    key += day ? std::to_string(ToEpochDays(*day)) : "-";
  }
  key.push_back('\x1f');
  key += std::to_string(d.relative_days) + (d.relative_working_days ? "w" : "c");
  if (d.recurrence) {
    key += absl::StrFormat("\x1fr%d/%d/%d", static_cast<int>(d.recurrence->freq),
                           d.recurrence->day_of_period.value_or(0), d.recurrence->before);
  }
  for (const auto& m : d.milestones) {
    key += absl::StrFormat("\x1fm%s|%d|%d", m.label, static_cast<int>(m.kind),
                           m.due ? ToEpochDays(*m.due) : kNoDay);
  }
  for (const auto& e : d.explanation)
    key +=
        "\x1f"
        "e" +
        e;
  return key;
}

}  // namespace

Dataset::Dataset(std::shared_ptr<const AgencyRegistry> registry, DatasetLimits limits)
    : registry_(registry
                    ? std::move(registry)
                    : std::shared_ptr<const AgencyRegistry>(std::shared_ptr<const AgencyRegistry>{},
                                                            &AgencyRegistry::Bundled())),
      limits_(limits) {}

absl::StatusOr<std::vector<AgencyIndex>> Dataset::ResolveIds(
    std::string_view task_id, std::string_view field, const std::vector<std::string>& ids) const {
  if (ids.size() > limits_.max_agencies_per_task) {
    return FieldError(task_id, field,
                      absl::StrFormat("%u agencies exceed the limit of %u", ids.size(),
                                      limits_.max_agencies_per_task));
  }
  std::vector<AgencyIndex> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    auto idx = registry_->FindById(id);
    if (!idx) return FieldError(task_id, field, absl::StrFormat("unknown agency id \"%s\"", id));
    out.push_back(*idx);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

absl::Status Dataset::ValidateEvent(std::string_view task_id, const TaskEvent& e) const {
  const date::year_month_day ymd{e.day};
  if (!ymd.ok() || ymd.year() < kMinYear || ymd.year() > kMaxYear) {
    return FieldError(task_id, "history.day", "event day outside 1900..2200");
  }
  if (e.percent && (*e.percent < 0 || *e.percent > 100)) {
    return FieldError(task_id, "history.percent",
                      absl::StrFormat("%d is not a percentage 0..100", *e.percent));
  }
  if (e.milestone && (e.type != EventType::kProgress || *e.milestone < 0)) {
    return FieldError(
        task_id, "history.milestone",
        e.type != EventType::kProgress
            ? absl::StrFormat("only progress events meet a milestone, not %s", EnumName(e.type))
            : absl::StrFormat("%d is not a milestone index (0, 1, ...)", *e.milestone));
  }
  if (e.type == EventType::kDeadlineChanged && !e.new_deadline) {
    return FieldError(task_id, "history.new_deadline", "a deadline change needs the new deadline");
  }
  if (e.type != EventType::kDeadlineChanged && e.new_deadline) {
    return FieldError(
        task_id, "history.new_deadline",
        absl::StrFormat("only deadline_changed events carry one, not %s", EnumName(e.type)));
  }
  if (auto s = CheckText(task_id, "history.text", e.text, limits_.max_text_bytes); !s.ok())
    return s;
  if (auto s = CheckText(task_id, "history.document", e.document, limits_.max_text_bytes);
      !s.ok()) {
    return s;
  }
  for (const auto& link : e.evidence) {
    if (auto s = CheckText(task_id, "history.evidence", link, limits_.max_text_bytes); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

absl::Status Dataset::ValidateTask(const Task& t, bool check_utf8, bool check_duplicate) const {
  if (t.id.empty()) return absl::InvalidArgumentError("task with an empty id");
  if (t.id.size() > limits_.max_id_bytes) {
    return FieldError(
        t.id, "id",
        absl::StrFormat("%u bytes exceed the limit of %u", t.id.size(), limits_.max_id_bytes));
  }
  if (auto bad = check_utf8 ? FindInvalidUtf8(t.id) : std::nullopt) {
    return absl::InvalidArgumentError(absl::StrFormat("task id: invalid UTF-8 at byte %u", *bad));
  }
  // Ids cross the C ABI as NUL-terminated strings and end up in reports: a control character
  // (NUL above all) would make two different ids print and compare alike.
  for (std::size_t i = 0; i < t.id.size(); ++i) {
    const auto c = static_cast<unsigned char>(t.id[i]);
    if (c < 0x20 || c == 0x7F) {
      return absl::InvalidArgumentError(
          absl::StrFormat("task id: control character U+%04X at byte %u", c, i));
    }
  }
  if (check_duplicate && FindTask(t.id)) {
    return absl::AlreadyExistsError(absl::StrFormat("task \"%s\": id: duplicate id", t.id));
  }
  const std::pair<std::string_view, const std::string*> texts[] = {
      {"title", &t.title},
      {"lead_text", &t.lead_text},
      {"coordinators_text", &t.coordinators_text},
      {"category", &t.category},
      {"expected_result", &t.expected_result},
      {"deadline", &t.deadline.text},
      {"note", &t.note}};
  for (const auto& [field, text] : texts) {
    if (auto s = CheckText(t.id, field, *text, limits_.max_text_bytes, check_utf8); !s.ok())
      return s;
  }
  for (const auto& src : t.sources) {
    if (auto s = CheckText(t.id, "source", src, limits_.max_text_bytes, check_utf8); !s.ok())
      return s;
  }
  for (const auto& [k, v] : t.attributes) {
    if (auto s = CheckText(t.id, "attributes", k, limits_.max_text_bytes, check_utf8); !s.ok())
      return s;
    if (auto s = CheckText(t.id, "attributes", v, limits_.max_text_bytes, check_utf8); !s.ok())
      return s;
  }
  if (t.history.size() > limits_.max_events_per_task) {
    return FieldError(t.id, "history", "too many events");
  }
  for (const auto& e : t.history) {
    if (auto s = ValidateEvent(t.id, e); !s.ok()) return s;
  }
  return absl::OkStatus();
}

void Dataset::Reserve(std::size_t n) {
  TaskColumns& c = columns_;
  for (auto* v : {&c.assigned, &c.due, &c.completed}) v->reserve(n);
  for (auto* v : {&c.kind, &c.flags}) v->reserve(n);
  for (auto* v : {&c.category, &c.source}) v->reserve(n);
  c.lead.Reserve(n);
  c.coordinator.Reserve(n);
  deadline_.reserve(n);
  ids_->Reserve(n);
  titles_.Reserve(n);
  if (!ids_sorted_) by_id_.reserve(n);
}

void Dataset::ShrinkToFit() {
  TaskColumns& c = columns_;
  for (auto* v : {&c.assigned, &c.due, &c.completed}) v->shrink_to_fit();
  for (auto* v : {&c.kind, &c.flags}) v->shrink_to_fit();
  for (auto* v : {&c.category, &c.source}) v->shrink_to_fit();
  for (auto* list : {&c.lead, &c.coordinator}) {
    list->first.shrink_to_fit();
    list->multi_task.shrink_to_fit();
    list->multi_offset.shrink_to_fit();
    list->values.shrink_to_fit();
  }
  for (auto* sparse : {&lead_text_, &coordinators_text_, &expected_result_, &note_}) {
    sparse->task.shrink_to_fit();
    sparse->value.shrink_to_fit();
  }
  deadline_.shrink_to_fit();
  ids_->ShrinkToFit();
  titles_.ShrinkToFit();
  pool_.ShrinkToFit();
  deadlines_.shrink_to_fit();
}

std::uint32_t Dataset::InternDeadline(const Deadline& d) {
  std::string key = DeadlineKey(d);
  auto it = deadline_index_.find(key);
  if (it != deadline_index_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(deadlines_.size());
  deadlines_.push_back(d);
  deadline_index_.emplace(std::move(key), id);
  return id;
}

std::uint16_t Dataset::InternDictionary(std::vector<std::string>& dict,
                                        absl::flat_hash_map<std::string, std::uint16_t>& index,
                                        std::string_view value) {
  if (value.empty()) return 0;
  auto it = index.find(ToAbsl(value));
  if (it != index.end()) return it->second;
  const auto id = static_cast<std::uint16_t>(dict.size());
  dict.emplace_back(value);
  index.emplace(std::string(value), id);
  return id;
}

absl::StatusOr<TaskIndex> Dataset::AddTask(const Task& task) {
  if (auto s = ValidateTask(task); !s.ok()) return s;
  auto lead = ResolveIds(task.id, "lead", task.lead);
  if (!lead.ok()) return lead.status();
  auto coord = ResolveIds(task.id, "coordinators", task.coordinators);
  if (!coord.ok()) return coord.status();
  return Append(task, *std::move(lead), *std::move(coord), InternDeadline(task.deadline));
}

absl::StatusOr<TaskIndex> Dataset::AddTask(const Task& task, const Resolved& resolved) {
  if (resolved.deadline >= deadlines_.size()) {
    return FieldError(task.id, "deadline", "not an interned deadline");
  }
  for (const auto& [field, list] :
       {std::pair<std::string_view, std::span<const AgencyIndex>>{"lead", resolved.lead},
        {"coordinators", resolved.coordinators}}) {
    if (list.size() > limits_.max_agencies_per_task) {
      return FieldError(task.id, field,
                        absl::StrFormat("%u agencies exceed the limit of %u", list.size(),
                                        limits_.max_agencies_per_task));
    }
    for (AgencyIndex a : list) {
      if (a >= registry_->size()) return FieldError(task.id, field, "agency index out of range");
    }
  }
  if (auto s = ValidateTask(task, !resolved.utf8_checked, !resolved.id_checked); !s.ok()) return s;
  if (auto s = CheckText(task.id, "deadline", deadlines_[resolved.deadline].text,
                         limits_.max_text_bytes, !resolved.utf8_checked);
      !s.ok()) {
    return s;
  }
  const auto sorted = [](std::span<const AgencyIndex> in) {
    std::vector<AgencyIndex> out(in.begin(), in.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  return Append(task, sorted(resolved.lead), sorted(resolved.coordinators), resolved.deadline);
}

absl::StatusOr<TaskIndex> Dataset::Append(const Task& task, std::vector<AgencyIndex> lead,
                                          std::vector<AgencyIndex> coord, std::uint32_t deadline) {
  auto partners = ResolveIds(task.id, "partners", task.partners);
  if (!partners.ok()) return partners.status();
  if (auto s = CheckDueInRange(task.id, deadlines_[deadline], task.assigned); !s.ok()) return s;
  if (categories_.size() >= 0xFFFF && !category_index_.contains(task.category)) {
    return FieldError(task.id, "category", "more than 65535 distinct categories");
  }
  const std::string_view first_source =
      task.sources.empty() ? std::string_view() : std::string_view(task.sources.front());
  if (sources_.size() >= 0xFFFF && !source_index_.contains(ToAbsl(first_source))) {
    return FieldError(task.id, "source", "more than 65535 distinct source documents");
  }
  if (task_count() >= 0xFFFFFFF0u) return absl::ResourceExhaustedError("too many tasks");
  if (pool_.size() >= kCellOrder - 4) {  // a task adds at most four texts
    return absl::ResourceExhaustedError("too many distinct texts (agency cells, results, notes)");
  }

  const auto i = static_cast<TaskIndex>(task_count());
  if (ids_sorted_ && i > 0 && !((*ids_)[i - 1] < std::string_view(task.id))) IndexIdsByHash();
  ids_->Append(task.id);
  titles_.Append(task.title);
  if (!ids_sorted_) by_id_.insert(i);
  deadline_.push_back(deadline);
  for (auto [column, text, list] :
       {std::tuple{&lead_text_, &task.lead_text, &lead},
        std::tuple{&coordinators_text_, &task.coordinators_text, &coord}}) {
    if (IsDerivedText(*text, *list)) continue;
    const auto order = internal::AgencyCellOrder(*registry_, *text, *list);
    column->Append(i, order ? kCellOrder | *order : pool_.Intern(*text));
  }
  if (!task.expected_result.empty()) expected_result_.Append(i, pool_.Intern(task.expected_result));
  if (!task.note.empty()) note_.Append(i, pool_.Intern(task.note));

  columns_.assigned.push_back(DayOrNone(task.assigned));
  columns_.due.push_back(kNoDay);
  columns_.completed.push_back(kNoDay);
  columns_.kind.push_back(0);
  columns_.flags.push_back(0);
  columns_.category.push_back(InternDictionary(categories_, category_index_, task.category));
  columns_.source.push_back(InternDictionary(sources_, source_index_, first_source));
  columns_.lead.Append(i, lead);
  columns_.coordinator.Append(i, coord);
  const std::uint8_t agency_flags =
      (lead.size() > 1 ? kTaskMultiLead : 0) | (coord.size() > 1 ? kTaskMultiCoordinator : 0);
  columns_.flags[i] = agency_flags;

  // One plain completion is the completed column alone (see history()).
  const bool plain_completion =
      task.history.size() == 1 && task.history[0].type == EventType::kCompleted &&
      !task.history[0].percent && task.history[0].text.empty() &&
      task.history[0].evidence.empty() && task.history[0].document.empty() &&
      !task.history[0].new_deadline && !task.history[0].milestone;
  if (!task.partners.empty() || task.sources.size() > 1 || !task.attributes.empty() ||
      task.occurrence_reports_tracked || (!task.history.empty() && !plain_completion)) {
    Extra& extra = extra_[i];
    extra.partners = task.partners;
    if (task.sources.size() > 1) extra.sources = task.sources;
    extra.attributes = task.attributes;
    extra.reports_tracked = task.occurrence_reports_tracked;
    extra.history = task.history;
    std::stable_sort(extra.history.begin(), extra.history.end(),
                     [](const TaskEvent& a, const TaskEvent& b) { return a.day < b.day; });
    Rederive(i);
    return i;
  }
  // No stored history: what Rederive would derive, without folding an event list.
  const Deadline& dl = deadlines_[deadline];
  std::uint8_t flags = agency_flags | (plain_completion ? kTaskHasHistory : 0);
  if (dl.recurrence) flags |= kTaskRecurring;
  if (dl.kind == DeadlineKind::kMulti || dl.kind == DeadlineKind::kOpenEnded) {
    flags |= kTaskMilestones;
  }
  columns_.flags[i] = flags;
  columns_.kind[i] = static_cast<std::uint8_t>(dl.kind);
  columns_.due[i] = DayOrNone(EffectiveDue(dl, task.assigned));
  if (plain_completion) columns_.completed[i] = ToEpochDays(task.history[0].day);
  return i;
}

absl::Status Dataset::AddEvent(TaskIndex task, const TaskEvent& event) {
  if (task >= task_count()) {
    return absl::NotFoundError(absl::StrFormat("no task with index %u", task));
  }
  if (auto s = ValidateEvent((*ids_)[task], event); !s.ok()) return s;
  // The common case, an event on or after the last one: appended and folded alone, so a
  // history of n events costs O(n) to build, not O(n^2) (issue 21: 40k events took 162 s).
  if (auto it = extra_.find(task); it != extra_.end() && !it->second.history.empty() &&
                                   it->second.history.back().day <= event.day) {
    auto& history = it->second.history;
    if (history.size() >= limits_.max_events_per_task) {
      return FieldError((*ids_)[task], "history", "too many events");
    }
    history.push_back(event);
    FoldAppended(task, history.back());
    return absl::OkStatus();
  }
  // An event before others (or the first stored one): inserted in day order and the whole
  // history folded again.
  std::vector<TaskEvent> current = this->history(task);  // a plain completion becomes an event
  if (current.size() >= limits_.max_events_per_task) {
    return FieldError((*ids_)[task], "history", "too many events");
  }
  auto& history = extra_[task].history;
  history = std::move(current);
  // Insert after every event of the same or an earlier day: the log stays in day order.
  auto pos = std::upper_bound(history.begin(), history.end(), event.day,
                              [](Day d, const TaskEvent& e) { return d < e.day; });
  history.insert(pos, event);
  Rederive(task);
  return absl::OkStatus();
}

void Dataset::Rederive(TaskIndex i) {
  const Deadline& original = deadlines_[deadline_[i]];
  const auto& hist = history(i);
  const TaskState final_state =
      FoldHistory(original, hist, Day{date::days{std::numeric_limits<std::int32_t>::max() / 2}});
  std::uint8_t flags = columns_.flags[i] & kTaskAgencyFlags;
  if (!hist.empty()) flags |= kTaskHasHistory;
  for (const auto& e : hist) {
    if (e.type == EventType::kCancelled) flags |= kTaskCancelled;
    if (e.type == EventType::kDeadlineChanged) flags |= kTaskDeadlineChanged;
    if (e.type == EventType::kReopened) flags |= kTaskReopened;
  }
  columns_.flags[i] = flags;
  SetDeadlineColumns(i, *final_state.deadline);
  columns_.completed[i] = DayOrNone(final_state.completed);
}

void Dataset::SetDeadlineColumns(TaskIndex i, const Deadline& current) {
  const Deadline& original = deadlines_[deadline_[i]];
  std::uint8_t flags = columns_.flags[i] & ~(kTaskRecurring | kTaskMilestones);
  const bool recurring = current.recurrence.has_value() || original.recurrence.has_value();
  if (recurring) flags |= kTaskRecurring;
  if (current.kind == DeadlineKind::kMulti || current.kind == DeadlineKind::kOpenEnded ||
      original.kind == DeadlineKind::kMulti || original.kind == DeadlineKind::kOpenEnded) {
    flags |= kTaskMilestones;
  }
  columns_.flags[i] = flags;
  columns_.kind[i] = static_cast<std::uint8_t>(current.kind);
  columns_.due[i] = DayOrNone(EffectiveDue(current, assigned(i)));
}

// One step of FoldHistory on the derived columns, for an event after every other one.
void Dataset::FoldAppended(TaskIndex i, const TaskEvent& e) {
  columns_.flags[i] |= kTaskHasHistory;
  switch (e.type) {
    case EventType::kProgress:
      break;
    case EventType::kCompleted:
      if (columns_.completed[i] == kNoDay) columns_.completed[i] = ToEpochDays(e.day);
      break;
    case EventType::kReopened:
      columns_.flags[i] |= kTaskReopened;
      columns_.completed[i] = kNoDay;
      break;
    case EventType::kDeadlineChanged:
      columns_.flags[i] |= kTaskDeadlineChanged;
      if (e.new_deadline) SetDeadlineColumns(i, *e.new_deadline);
      break;
    case EventType::kCancelled:
      columns_.flags[i] |= kTaskCancelled;
      break;
  }
}

std::optional<TaskIndex> Dataset::FindTask(std::string_view id) const {
  if (ids_sorted_) {
    // Ascending ids: the last one first (an append checks there), then a binary search.
    const std::size_t n = ids_->size();
    if (n == 0 || (*ids_)[static_cast<TaskIndex>(n - 1)] < id) return std::nullopt;
    std::size_t lo = 0, hi = n;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if ((*ids_)[static_cast<TaskIndex>(mid)] < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < n && (*ids_)[static_cast<TaskIndex>(lo)] == id) return static_cast<TaskIndex>(lo);
    return std::nullopt;
  }
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return *it;
}

void Dataset::IndexIdsByHash() {
  ids_sorted_ = false;
  by_id_.reserve(ids_->size() + 1);
  for (TaskIndex k = 0; k < ids_->size(); ++k) by_id_.insert(k);
}

bool Dataset::IsDerivedText(std::string_view text, std::span<const AgencyIndex> list) const {
  if (list.empty()) return text.empty();
  if (list.size() == 1) return text == registry_->agency(list[0]).name;
  return text == DerivedText(list);
}

std::string Dataset::DerivedText(std::span<const AgencyIndex> list) const {
  std::string out;
  for (AgencyIndex a : list) {
    if (!out.empty()) out += ", ";
    out += registry_->agency(a).name;
  }
  return out;
}

const std::vector<TaskEvent>& Dataset::HistoryRef(TaskIndex i,
                                                  std::vector<TaskEvent>& scratch) const {
  auto it = extra_.find(i);
  if (it != extra_.end()) return it->second.history;
  scratch.resize((columns_.flags[i] & kTaskHasHistory) && columns_.completed[i] != kNoDay ? 1 : 0);
  if (!scratch.empty()) {
    scratch[0] = TaskEvent{};
    scratch[0].day = FromEpochDays(columns_.completed[i]);
    scratch[0].type = EventType::kCompleted;
  }
  return scratch;
}

std::vector<TaskEvent> Dataset::history(TaskIndex i) const {
  auto it = extra_.find(i);
  if (it != extra_.end()) return it->second.history;
  if ((columns_.flags[i] & kTaskHasHistory) && columns_.completed[i] != kNoDay) {
    TaskEvent e;
    e.day = FromEpochDays(columns_.completed[i]);
    e.type = EventType::kCompleted;
    return {std::move(e)};
  }
  return {};
}

std::optional<Day> Dataset::assigned(TaskIndex i) const {
  const std::int32_t d = columns_.assigned[i];
  if (d == kNoDay) return std::nullopt;
  return FromEpochDays(d);
}

std::optional<bool> Dataset::occurrence_reports_tracked(TaskIndex i) const {
  if (auto it = extra_.find(i); it != extra_.end()) return it->second.reports_tracked;
  return std::nullopt;
}

Task Dataset::GetTask(TaskIndex i) const {
  Task t;
  t.id = std::string((*ids_)[i]);
  t.title = std::string(titles_[i]);
  const auto agencies = [&](std::span<const AgencyIndex> list) {
    std::vector<std::string> out;
    for (AgencyIndex a : list) out.push_back(registry_->agency(a).id);
    return out;
  };
  const auto leads = columns_.leads(i), coordinators = columns_.coordinators(i);
  t.lead = agencies(leads);
  t.coordinators = agencies(coordinators);
  constexpr std::uint32_t kDerived = 0xFFFFFFFFu;  // no own text: the registry's names
  const auto cell = [&](const SparseColumn<std::uint32_t>& col, std::span<const AgencyIndex> l) {
    const std::uint32_t id = col.Get(i, kDerived);
    if (id == kDerived) return DerivedText(l);
    if (id & kCellOrder) return internal::AgencyCellInOrder(*registry_, l, id & ~kCellOrder);
    return std::string(pool_.Get(id));
  };
  t.lead_text = cell(lead_text_, leads);
  t.coordinators_text = cell(coordinators_text_, coordinators);
  t.expected_result = std::string(pool_.Get(expected_result_.Get(i)));
  t.note = std::string(pool_.Get(note_.Get(i)));
  t.deadline = deadlines_[deadline_[i]];
  t.category = categories_[columns_.category[i]];
  if (columns_.source[i] != 0) t.sources.push_back(sources_[columns_.source[i]]);
  t.assigned = assigned(i);
  if (auto it = extra_.find(i); it != extra_.end()) {
    t.partners = it->second.partners;
    if (!it->second.sources.empty()) t.sources = it->second.sources;
    t.attributes = it->second.attributes;
    t.occurrence_reports_tracked = it->second.reports_tracked;
  }
  t.history = history(i);
  return t;
}

absl::Status Dataset::AddTarget(const Target& target) {
  if (target.id.empty()) return absl::InvalidArgumentError("target with an empty id");
  const auto err = [&](std::string_view field, std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrFormat("target \"%s\": %s: %s", target.id.substr(0, 80), field, what));
  };
  if (target_index_.contains(target.id))
    return absl::AlreadyExistsError(
        absl::StrFormat("target \"%s\": id: duplicate id", target.id.substr(0, 80)));
  for (const auto& [field, text] :
       {std::pair<std::string_view, const std::string*>{"id", &target.id},
        {"name", &target.name},
        {"unit", &target.unit},
        {"family", &target.family}}) {
    if (text->size() > limits_.max_text_bytes) return err(field, "too long");
    if (!IsValidUtf8(*text)) return err(field, "invalid UTF-8");
  }
  if (target.target == target.baseline) {
    return err("target", "equals the baseline, so progress cannot be measured");
  }
  for (const auto& id : target.responsible) {
    if (!registry_->FindById(id))
      return err("responsible", absl::StrFormat("unknown agency id \"%s\"", id));
  }
  for (const auto& m : target.measurements) {
    if (!m.locality.empty() && !registry_->FindById(m.locality)) {
      return err("measurements.locality", absl::StrFormat("unknown agency id \"%s\"", m.locality));
    }
  }
  Target copy = target;
  std::stable_sort(copy.measurements.begin(), copy.measurements.end(),
                   [](const Measurement& a, const Measurement& b) { return a.day < b.day; });
  target_index_.emplace(copy.id, targets_.size());
  targets_.push_back(std::move(copy));
  return absl::OkStatus();
}

absl::Status Dataset::AddMeasurement(std::string_view target_id, const Measurement& m) {
  auto it = target_index_.find(std::string(target_id));
  if (it == target_index_.end()) {
    return absl::NotFoundError(absl::StrFormat("no target \"%s\"", target_id.substr(0, 80)));
  }
  if (!m.locality.empty() && !registry_->FindById(m.locality)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "target \"%s\": measurements.locality: unknown agency id \"%s\"", target_id, m.locality));
  }
  auto& ms = targets_[it->second].measurements;
  auto pos = std::upper_bound(ms.begin(), ms.end(), m.day,
                              [](Day d, const Measurement& x) { return d < x.day; });
  ms.insert(pos, m);
  return absl::OkStatus();
}

const Target* Dataset::FindTarget(std::string_view id) const {
  auto it = target_index_.find(std::string(id));
  return it == target_index_.end() ? nullptr : &targets_[it->second];
}

absl::Status Dataset::AddGoal(const Goal& goal) {
  if (goal.id.empty()) return absl::InvalidArgumentError("goal with an empty id");
  for (const auto& g : goals_) {
    if (g.id == goal.id) {
      return absl::AlreadyExistsError(absl::StrFormat("goal \"%s\": id: duplicate id", goal.id));
    }
  }
  goals_.push_back(goal);
  return absl::OkStatus();
}

absl::Status Dataset::AddDocument(const SourceDocument& doc) {
  if (doc.id.empty()) return absl::InvalidArgumentError("document with an empty id");
  for (const auto& d : documents_) {
    if (d.id == doc.id) {
      return absl::AlreadyExistsError(absl::StrFormat("document \"%s\": id: duplicate id", doc.id));
    }
  }
  documents_.push_back(doc);
  return absl::OkStatus();
}

std::size_t Dataset::MemoryBytes() const {
  const TaskColumns& c = columns_;
  std::size_t bytes = c.assigned.MemoryBytes() + c.due.MemoryBytes() + c.completed.MemoryBytes() +
                      c.kind.MemoryBytes() + c.flags.MemoryBytes() + c.category.MemoryBytes() +
                      c.source.MemoryBytes() + c.lead.MemoryBytes() + c.coordinator.MemoryBytes() +
                      deadline_.MemoryBytes() + lead_text_.MemoryBytes() +
                      coordinators_text_.MemoryBytes() + expected_result_.MemoryBytes() +
                      note_.MemoryBytes();
  bytes += ids_->MemoryBytes() + titles_.MemoryBytes() + pool_.MemoryBytes();
  if (!ids_sorted_) bytes += by_id_.capacity() * (sizeof(TaskIndex) + 1);
  bytes += extra_.capacity() * (sizeof(std::pair<TaskIndex, Extra>) + 1);
  for (const auto& [i, e] : extra_) bytes += e.history.capacity() * sizeof(TaskEvent);
  // The interned deadlines with their text, and their index (a few thousand in a plan).
  const auto heap = [](const std::string& t) { return t.capacity() > 15 ? t.capacity() + 1 : 0; };
  bytes += deadlines_.capacity() * sizeof(Deadline);
  for (const Deadline& d : deadlines_) {
    bytes += heap(d.text) + heap(d.relative_from) + d.milestones.capacity() * sizeof(Milestone);
    for (const auto& m : d.milestones) bytes += heap(m.label);
    for (const auto& e : d.explanation) bytes += heap(e);
    bytes += d.explanation.capacity() * sizeof(std::string);
  }
  bytes += deadline_index_.capacity() * (sizeof(std::pair<std::string, std::uint32_t>) + 1);
  for (const auto& [key, id] : deadline_index_) bytes += heap(key);
  return bytes;
}

}  // namespace mandate
