// Random sequences of C ABI calls (capi/mandate.h only) on handles kept in slots, misuse
// included: freeing twice, freed handles and handles of the wrong kind (the liveness table
// detects them), NULL arguments, tiny buffers, enum values outside the enumerators, bad dates
// and invalid UTF-8. Checks that every call returns a defined mdt_status, that a failure
// leaves a non-empty, valid UTF-8 mdt_last_error() and no half-made result, that invalid
// handles and dates are refused, that the classification, its counts, the iterator and the
// aggregate totals agree, and (LeakSanitizer) that nothing leaks.
//
// Input: a byte N, then 4*N bytes of code, then the strings the calls take in turn, cut by
// 0x1f. Code is read as steps: an opcode (mod kOps), two slot bytes a and b (mod kSlots), then
// the argument bytes that opcode reads; a step cut short reads zeros. A date is two bytes,
// little endian, a signed offset from 2025-01-01, except that a high byte 0x80 picks one of
// the odd dates of kOddDates. tools/gen_fuzz_corpus.py (gen_capi_sequence) writes the seeds.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fuzz_util.h"
#define MDT_EXPERIMENTAL
#include "mandate.h"
#include "mandate/text.h"

// FUZZ_CHECK that also prints the last error message, which usually says what went wrong.
#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) {                                                      \
      std::fprintf(stderr, "mdt_last_error(): %s\n", mdt_last_error()); \
      FUZZ_CHECK(cond);                                                 \
    }                                                                   \
  } while (0)

namespace {

constexpr int kOps = 24;
constexpr int kSlots = 4;
constexpr mdt_date kBase = 20089;                        // 2025-01-01
constexpr mdt_date kMinDate = -25567, kMaxDate = 84370;  // 1900-01-01, 2200-12-31
constexpr mdt_date kOddDates[8] = {MDT_NO_DATE,  INT32_MAX, INT32_MIN + 1, kMinDate - 1,
                                   kMaxDate + 1, kMinDate,  kMaxDate,      0};

enum class K {
  kNone,
  kDataset,
  kRegistry,
  kProblems,
  kClassification,
  kIter,
  kAggregate,
  kChange,
  kLists,
  kDeadline,
  kCalendar,
  kResolution,
  kEvaluations,
};
constexpr int kKinds = 13;

bool ValidDate(mdt_date d) { return d >= kMinDate && d <= kMaxDate; }
// d + days when d is a supported date (odd dates stay as they are: no overflow).
mdt_date Shift(mdt_date d, int days) { return ValidDate(d) ? d + days : d; }

bool Utf8(const char* s, size_t len) { return mandate::IsValidUtf8(std::string_view(s, len)); }
bool Utf8(const char* s) { return s == nullptr || mandate::IsValidUtf8(s); }

// Every call goes through this: a defined code, never MDT_ERR_INTERNAL (a bug by
// definition), and a readable message on failure.
mdt_status Check(mdt_status st) {
  const int v = static_cast<int>(st);
  CHECK(v >= MDT_OK && v <= MDT_ERR_INTERNAL);
  CHECK(v != MDT_ERR_INTERNAL);
  if (v != MDT_OK) {
    const char* e = mdt_last_error();
    CHECK(e != nullptr && *e != '\0');
    if (!mandate::IsValidUtf8(e)) std::fprintf(stderr, "last error: %s\n", e);
    CHECK(mandate::IsValidUtf8(e));
    CHECK(std::strcmp(mdt_status_name(st), "MDT_ERR_UNKNOWN") != 0);
  }
  return st;
}

// Classify options from one byte: bit 7 = NULL (defaults), bit 6 = a bad struct version,
// bit 5 = baseline, bits 0-4 = soon_days * 2 (31 = -1, invalid).
struct ClassifyOpts {
  mdt_classify_options o = MDT_CLASSIFY_OPTIONS_INIT;
  const mdt_classify_options* ptr = nullptr;
  bool ok = true;
  explicit ClassifyOpts(std::uint8_t b) {
    if (b & 0x80) return;
    ptr = &o;
    o.soon_days = (b & 0x1f) == 31 ? -1 : (b & 0x1f) * 2;
    o.baseline = (b & 0x20) ? 1 : 0;
    if (b & 0x40) o.version = MDT_CLASSIFY_OPTIONS_VERSION + 1;
    ok = o.soon_days >= 0 && o.version == MDT_CLASSIFY_OPTIONS_VERSION;
  }
};

class Program {
 public:
  Program(const std::uint8_t* data, std::size_t size) : in_(data, size) {
    const std::size_t n = 4u * in_.Byte();
    const auto* rest = reinterpret_cast<const char*>(data) + (size > 0 ? 1 : 0);
    const std::size_t avail = size > 0 ? size - 1 : 0;
    code_ = std::string_view(rest, std::min(n, avail));
    strings_ = std::string_view(rest + code_.size(), avail - code_.size());
  }

  ~Program() {
    // Everything still live is freed (LeakSanitizer checks nothing else is left).
    for (const auto& [p, kind] : std::map<void*, K>(live_)) FreeAs(kind, p);
    CHECK(live_.empty());
  }

  void Run() {
    while (!code_.empty()) Step();
  }

 private:
  struct Slot {
    K kind = K::kNone;
    void* p = nullptr;
  };

  std::uint8_t Byte() {
    if (code_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(code_.front());
    code_.remove_prefix(1);
    return b;
  }
  mdt_date Date() {
    const std::uint8_t lo = Byte(), hi = Byte();
    if (hi == 0x80) return kOddDates[lo % 8];
    return kBase + static_cast<std::int16_t>(static_cast<std::uint16_t>(lo | hi << 8));
  }
  // The next string (may hold NULs and invalid UTF-8); "" once they are used up.
  std::string Str() {
    if (strings_.empty()) return {};
    const std::size_t cut = strings_.find('\x1f');
    std::string s(strings_.substr(0, cut));
    strings_.remove_prefix(cut == std::string_view::npos ? strings_.size() : cut + 1);
    return s;
  }

  // The slot's pointer as a handle of type H; *valid says whether it is a live handle of
  // kind `kind` (a freed, empty or other-kind slot is misuse the library must detect).
  template <typename H>
  H* Get(int slot, K kind, bool* valid) {
    void* p = slots_[slot].p;
    auto it = live_.find(p);
    *valid = p != nullptr && it != live_.end() && it->second == kind;
    return static_cast<H*>(p);
  }

  // A new handle into a slot; the slot's previous handle, if still live, is freed.
  void Put(int slot, K kind, void* p, bool custom_registry = false) {
    if (p == nullptr) return;
    CHECK(live_.find(p) == live_.end());
    if (custom_registry) {
      custom_.insert(p);
    } else {
      custom_.erase(p);
    }
    Slot& s = slots_[slot];
    if (s.p != nullptr) {
      auto it = live_.find(s.p);
      if (it != live_.end() && it->second == s.kind) FreeAs(s.kind, s.p);
    }
    live_[p] = kind;
    s = {kind, p};
  }

  // Calls kind's free function on p: a live handle of that kind is released; anything else
  // (NULL, freed, another kind) must be ignored.
  void FreeAs(K kind, void* p) {
    switch (kind) {
      case K::kNone:
        return;
      case K::kDataset:
        mdt_dataset_free(static_cast<mdt_dataset*>(p));
        break;
      case K::kRegistry:
        mdt_registry_free(static_cast<mdt_registry*>(p));
        break;
      case K::kProblems:
        mdt_problems_free(static_cast<mdt_problems*>(p));
        break;
      case K::kClassification:
        mdt_classification_free(static_cast<mdt_classification*>(p));
        break;
      case K::kIter:
        mdt_classification_iter_free(static_cast<mdt_classification_iter*>(p));
        break;
      case K::kAggregate:
        mdt_aggregate_result_free(static_cast<mdt_aggregate_result*>(p));
        break;
      case K::kChange:
        mdt_task_change_free(static_cast<mdt_task_change*>(p));
        break;
      case K::kLists:
        mdt_task_lists_free(static_cast<mdt_task_lists*>(p));
        break;
      case K::kDeadline:
        mdt_deadline_free(static_cast<mdt_deadline*>(p));
        break;
      case K::kCalendar:
        mdt_calendar_free(static_cast<mdt_calendar*>(p));
        break;
      case K::kResolution:
        mdt_resolution_free(static_cast<mdt_resolution*>(p));
        break;
      case K::kEvaluations:
        mdt_target_evaluations_free(static_cast<mdt_target_evaluations*>(p));
        break;
    }
    auto it = live_.find(p);
    if (p != nullptr && it != live_.end() && it->second == kind) live_.erase(it);
  }

  // An allocated string result: valid UTF-8 of the stated length, then freed.
  static void TakeString(char* s, std::size_t len) {
    CHECK(s != nullptr);
    CHECK(std::strlen(s) <= len && s[len] == '\0');
    CHECK(Utf8(s, len));
    mdt_string_free(s);
  }

  // A dataset's task count, or 0 when the handle is not live.
  static std::size_t TaskCount(const mdt_dataset* ds) {
    std::size_t n = 0;
    if (mdt_dataset_task_count(&n, ds) != MDT_OK) return 0;
    return n;
  }

  void Step() {
    const int op = Byte() % kOps;
    const int a = Byte() % kSlots;
    const int b = Byte() % kSlots;
    switch (op) {
      case 0:
        NewDataset(a, b);
        break;
      case 1:
        Load(a, b, /*csv=*/false);
        break;
      case 2:
        Load(a, b, /*csv=*/true);
        break;
      case 3:
        AddTask(a, b);
        break;
      case 4:
        Progress(a);
        break;
      case 5:
        Event(a, b);
        break;
      case 6:
        ClassifyTask(a, b);
        break;
      case 7:
        ClassifyAll(a);
        break;
      case 8:
        IterNew(a, b);
        break;
      case 9:
        IterNext(a, b);
        break;
      case 10:
        Aggregate(a, b);
        break;
      case 11:
        AggregateRead(a);
        break;
      case 12:
        Rank(a);
        break;
      case 13:
        Change(a, b);
        break;
      case 14:
        Lists(a, b);
        break;
      case 15:
        AddTarget(a);
        break;
      case 16:
        Measure(a);
        break;
      case 17:
        TargetEval(a, b);
        break;
      case 18:
        DeadlineOp(a, b);
        break;
      case 19:
        Free(a);
        break;
      case 20:
        Write(a, b);
        break;
      case 21:
        ReadTask(a, b);
        break;
      case 22:
        Misc(a, b);
        break;
      case 23:
        Problems(a);
        break;
    }
  }

  // 0: a new dataset. Bit 0: with the registry of slot b; bit 1: NULL out.
  void NewDataset(int a, int b) {
    const std::uint8_t f = Byte();
    bool reg_ok = true;
    const mdt_registry* reg = nullptr;
    if (f & 1) reg = Get<mdt_registry>(b, K::kRegistry, &reg_ok);
    mdt_dataset* ds = nullptr;
    const mdt_status st = Check(mdt_dataset_new((f & 2) ? nullptr : &ds, reg));
    if (f & 2) {
      CHECK(st == MDT_ERR_INVALID_ARGUMENT);
    } else if (reg != nullptr && !reg_ok) {
      CHECK(st == MDT_ERR_INVALID_HANDLE && ds == nullptr);
    } else {
      CHECK(st == MDT_OK && ds != nullptr);
    }
    Put(a, K::kDataset, ds, reg != nullptr);
  }

  // 1, 2: a dataset read from the next string as JSON or CSV into slot a, its problems into
  // slot b. Flags: 1 strict, 2 require checksum, 4 small limits, 8 bad options version,
  // 16 NULL options, 32 registry from slot (b + 1), 64 problems wanted, 128 load from a
  // missing file instead. Then a plan year byte and an as_of date.
  void Load(int a, int b, bool csv) {
    const std::uint8_t f = Byte();
    const std::uint8_t plan = Byte();
    const mdt_date as_of = Date();
    const std::string text = Str();
    mdt_load_options o = MDT_LOAD_OPTIONS_INIT;
    o.strict = f & 1;
    o.require_checksum = (f & 2) ? 1 : 0;
    if (f & 4) {
      o.max_bytes = 1 + plan;
      o.max_problems = 1 + (plan & 7);
    }
    if (f & 8) o.version = 0;
    bool reg_ok = true;
    if (f & 32) o.registry = Get<mdt_registry>((b + 1) % kSlots, K::kRegistry, &reg_ok);
    o.plan_year = plan == 0 ? 0 : 1890 + plan;
    o.as_of = as_of;
    const mdt_load_options* opts = (f & 16) ? nullptr : &o;
    const bool opts_ok =
        opts == nullptr || ((f & 8) == 0 && (o.registry == nullptr || reg_ok) &&
                            (o.plan_year == 0 || (o.plan_year >= 1900 && o.plan_year <= 2200)) &&
                            (as_of == MDT_NO_DATE || ValidDate(as_of)));
    mdt_dataset* ds = nullptr;
    mdt_problems* problems = nullptr;
    mdt_problems** want = (f & 64) ? &problems : nullptr;
    mdt_status st;
    if (f & 128) {
      const char* path = text.empty() ? nullptr : "/nonexistent-mandate-fuzz/dataset";
      st = Check(csv ? mdt_dataset_load_csv(&ds, want, path, opts)
                     : mdt_dataset_load_json(&ds, want, path, opts));
      CHECK(st != MDT_OK);
    } else {
      st = Check(csv ? mdt_dataset_read_csv(&ds, want, text.data(), text.size(), opts)
                     : mdt_dataset_read_json(&ds, want, text.data(), text.size(), opts));
    }
    if (!opts_ok) CHECK(st != MDT_OK);
    CHECK((st == MDT_OK) == (ds != nullptr));
    if (st == MDT_OK && problems != nullptr && opts != nullptr && o.strict) {
      std::size_t n = 1;
      CHECK(Check(mdt_problems_count(&n, problems)) == MDT_OK && n == 0);
    }
    Put(a, K::kDataset, ds, opts != nullptr && o.registry != nullptr);
    Put(b, K::kProblems, problems);
  }

  // 3: a task into the dataset of slot a. Flags: 1 a lead id, 2 plan year 2025, 4 the
  // deadline handle of slot b, 8 NULL id, 16 bad version, 32 lead array NULL, 64 a category,
  // 128 inclusive "trước". Then the assigned date; strings: id, title, phrase, lead.
  void AddTask(int a, int b) {
    const std::uint8_t f = Byte();
    const mdt_date assigned = Date();
    const std::string id = Str(), title = Str(), phrase = Str(), lead = Str();
    bool ds_ok = false, dl_ok = true;
    mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = (f & 8) ? nullptr : id.c_str();
    t.title = title.c_str();
    const char* leads[1] = {lead.c_str()};
    if (f & 1) {
      t.lead = (f & 32) ? nullptr : leads;
      t.lead_count = 1;
    }
    t.deadline_text = phrase.c_str();
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    t.deadline_context = &ctx;
    if (f & 2) ctx.plan_year = 2025;
    if (f & 4) t.deadline = Get<mdt_deadline>(b, K::kDeadline, &dl_ok);
    if (f & 16) t.version = MDT_TASK_INPUT_VERSION + 1;
    if (f & 64) t.category = title.c_str();
    if (f & 128) ctx.inclusive_before = 1;
    t.assigned = assigned;
    const std::size_t before = TaskCount(ds);
    std::uint32_t index = UINT32_MAX;
    const mdt_status st = Check(mdt_dataset_add_task(&index, ds, &t));
    if (!ds_ok || (f & 8) || (f & 16) || ((f & 1) && (f & 32)) || (t.deadline && !dl_ok) ||
        (assigned != MDT_NO_DATE && !ValidDate(assigned))) {
      CHECK(st != MDT_OK);
    }
    if (ds_ok) CHECK(TaskCount(ds) == before + (st == MDT_OK ? 1 : 0));
    if (st == MDT_OK) {
      CHECK(index == before);
      std::uint32_t found = UINT32_MAX;
      CHECK(Check(mdt_dataset_find_task(&found, ds, id.c_str())) == MDT_OK && found == index);
    }
  }

  // 4: progress on the task named by the next string: a date, a percent (signed byte), text.
  void Progress(int a) {
    const mdt_date date = Date();
    const auto percent = static_cast<std::int8_t>(Byte());
    const std::string id = Str(), text = Str();
    bool ds_ok = false;
    mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    std::uint32_t task = 0;
    std::size_t events = 0;
    const bool known = ds_ok && mdt_dataset_find_task(&task, ds, id.c_str()) == MDT_OK &&
                       mdt_dataset_task_event_count(&events, ds, task) == MDT_OK;
    const mdt_status st =
        Check(mdt_dataset_report_progress(ds, id.c_str(), date, percent, text.c_str()));
    if (!ds_ok || !ValidDate(date) || percent < -1 || percent > 100) CHECK(st != MDT_OK);
    if (st == MDT_OK) {
      CHECK(known);
      std::size_t after = 0;
      CHECK(Check(mdt_dataset_task_event_count(&after, ds, task)) == MDT_OK);
      CHECK(after == events + 1);
    }
  }

  // 5: another event on the task named by the next string. The selector's low 2 bits: 0
  // completed, 1 cancelled, 2 deadline changed (a phrase; bit 2 = plan year 2025), 3 any
  // type through mdt_dataset_add_event (type = bits 2-4, 5..7 invalid; bit 7 = the deadline
  // handle of slot b). Then a date.
  void Event(int a, int b) {
    const std::uint8_t sel = Byte();
    const mdt_date date = Date();
    const std::string id = Str(), s1 = Str(), s2 = Str();
    bool ds_ok = false;
    mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_status st = MDT_OK;
    bool must_fail = !ds_ok || !ValidDate(date);
    switch (sel & 3) {
      case 0:
        st = Check(mdt_dataset_complete_task(ds, id.c_str(), date));
        break;
      case 1:
        st = Check(mdt_dataset_cancel_task(ds, id.c_str(), date, s1.c_str(), s2.c_str()));
        break;
      case 2: {
        mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
        ctx.plan_year = (sel & 4) ? 2025 : 0;
        mdt_deadline_change_input c = MDT_DEADLINE_CHANGE_INPUT_INIT;
        c.date = date;
        c.deadline_text = s1.c_str();
        c.context = &ctx;
        c.reason = s2.c_str();
        st = Check(mdt_dataset_change_deadline(ds, id.c_str(), &c));
        break;
      }
      case 3: {
        mdt_event_input e = MDT_EVENT_INPUT_INIT;
        const int type = (sel >> 2) & 7;
        e.type = static_cast<mdt_event_type>(type);  // 5..7: not an mdt_event_type
        e.date = date;
        e.percent = (sel & 0x20) ? 50 : -1;
        e.text = s1.c_str();
        const char* evidence[1] = {s2.c_str()};
        e.evidence = evidence;
        e.evidence_count = s2.empty() ? 0 : 1;
        e.new_deadline_text = s1.c_str();
        bool dl_ok = true;
        if (sel & 0x80) e.new_deadline = Get<mdt_deadline>(b, K::kDeadline, &dl_ok);
        st = Check(mdt_dataset_add_event(ds, id.c_str(), &e));
        must_fail = must_fail || type > MDT_EVENT_CANCELLED || (e.new_deadline && !dl_ok);
        break;
      }
    }
    if (must_fail) CHECK(st != MDT_OK);
  }

  // 6: one task classified into slot b: task index byte (255 = a huge index), as_of,
  // options byte.
  void ClassifyTask(int a, int b) {
    const std::uint8_t tb = Byte();
    const mdt_date as_of = Date();
    const ClassifyOpts opts(Byte());
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    const std::uint32_t task = tb == 255 ? UINT32_MAX : tb;
    mdt_classification* c = nullptr;
    const mdt_status st = Check(mdt_classify_task(&c, ds, task, as_of, opts.ptr));
    if (!ds_ok || !ValidDate(as_of) || !opts.ok || task >= TaskCount(ds)) {
      CHECK(st != MDT_OK);
    }
    CHECK((st == MDT_OK) == (c != nullptr));
    if (c == nullptr) return;
    ReadClassification(c, task);
    // The same status as the whole-dataset classification.
    std::vector<std::int32_t> all(TaskCount(ds));
    std::size_t n = 0;
    CHECK(Check(mdt_classify_all(all.data(), all.size(), &n, ds, as_of, opts.ptr)) == MDT_OK);
    mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
    CHECK(Check(mdt_classification_get_info(&info, c)) == MDT_OK);
    CHECK(static_cast<int>(info.status) == all[task]);
    Put(b, K::kClassification, c);
  }

  void ReadClassification(const mdt_classification* c, std::uint32_t task) {
    mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
    CHECK(Check(mdt_classification_get_info(&info, c)) == MDT_OK);
    CHECK(info.task == task);
    const int s = static_cast<int>(info.status);
    CHECK(s < MDT_TASK_STATUS_COUNT || s == MDT_TASK_NOT_YET_ASSIGNED);
    CHECK(info.reason != nullptr && std::strlen(info.reason) == info.reason_len);
    CHECK(Utf8(info.reason, info.reason_len));
    CHECK(std::strcmp(mdt_task_status_name(static_cast<mdt_task_status>(info.status)), "unknown") !=
          0);
    for (std::size_t i = 0; i <= std::min<std::size_t>(info.milestone_count, 16); ++i) {
      const char* label = nullptr;
      std::size_t len = 0;
      mdt_date due = 0;
      mdt_task_status ms = MDT_TASK_IN_PROGRESS;
      const mdt_status st = Check(mdt_classification_milestone(&label, &len, &due, &ms, c, i));
      CHECK((st == MDT_OK) == (i < info.milestone_count));
      if (st == MDT_OK) CHECK(label != nullptr && Utf8(label, len));
    }
    for (std::size_t i = 0; i <= std::min<std::size_t>(info.occurrence_count, 16); ++i) {
      mdt_date start = 0, due = 0;
      mdt_occurrence_outcome outcome = MDT_OCCURRENCE_MISSED;
      const mdt_status st = Check(mdt_classification_occurrence(&start, &due, &outcome, c, i));
      CHECK((st == MDT_OK) == (i < info.occurrence_count));
      if (st == MDT_OK) CHECK(start <= due);
    }
    // A bad struct version is refused.
    mdt_classification_info bad = MDT_CLASSIFICATION_INFO_INIT;
    bad.version = 0;
    CHECK(Check(mdt_classification_get_info(&bad, c)) == MDT_ERR_INVALID_ARGUMENT);
  }

  // 7: the whole dataset classified into a caller array of `cap` entries (255 = exactly the
  // task count), counted, and walked with an iterator: all three agree.
  void ClassifyAll(int a) {
    const mdt_date as_of = Date();
    const ClassifyOpts opts(Byte());
    const std::uint8_t cap_byte = Byte();
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    const std::size_t n = TaskCount(ds);
    const bool args_ok = ds_ok && ValidDate(as_of) && opts.ok;
    std::size_t count = 12345;
    mdt_status st = Check(mdt_classify_all(nullptr, 0, &count, ds, as_of, opts.ptr));
    if (!ds_ok) CHECK(st == MDT_ERR_INVALID_HANDLE);
    if (args_ok) CHECK(st == MDT_OK && count == n);  // a count query
    if (!args_ok) CHECK(st != MDT_OK);
    CHECK(Check(mdt_classify_all(nullptr, 0, nullptr, ds, as_of, opts.ptr)) != MDT_OK);
    const std::size_t cap = cap_byte == 255 ? n : cap_byte;
    std::vector<std::int32_t> statuses(cap + 1, 0xAA);
    st = Check(mdt_classify_all(cap ? statuses.data() : nullptr, cap, &count, ds, as_of, opts.ptr));
    if (ds_ok && cap < n && cap > 0) {
      CHECK(st == MDT_ERR_BUFFER_TOO_SMALL && count == n);
      CHECK(statuses[0] == 0xAA);  // nothing written
    }
    if (!args_ok) CHECK(st != MDT_OK);
    if (args_ok && cap >= n) CHECK(st == MDT_OK && count == n);
    CHECK(statuses[cap] == 0xAA);  // nothing written past the end
    mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
    const mdt_status cst = Check(mdt_classify_count(&counts, ds, as_of, opts.ptr));
    CHECK((cst == MDT_OK) == args_ok);
    // With no buffer (cap 0) the call is a size query (MDT_OK, nothing written): no statuses.
    if (st != MDT_OK || cap < n) return;
    // The counts are the tally of the statuses.
    mdt_status_counts tally = MDT_STATUS_COUNTS_INIT;
    for (std::size_t i = 0; i < n; ++i) {
      const int s = statuses[i];
      if (s >= 0 && s < MDT_TASK_STATUS_COUNT) {
        ++tally.by_status[s];
        ++tally.total;
      } else {
        CHECK(s == MDT_TASK_NOT_YET_ASSIGNED);
        ++tally.not_yet_assigned;
      }
    }
    CHECK(counts.total == tally.total && counts.not_yet_assigned == tally.not_yet_assigned);
    for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s) {
      CHECK(counts.by_status[s] == tally.by_status[s]);
    }
    // The iterator gives the same statuses in index order.
    mdt_classification_iter* it = nullptr;
    CHECK(Check(mdt_classification_iter_new(&it, ds, as_of, opts.ptr)) == MDT_OK);
    int has = 1;
    std::uint32_t task = 0;
    mdt_task_status status = MDT_TASK_IN_PROGRESS;
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(Check(mdt_classification_iter_next(&has, &task, &status, it)) == MDT_OK);
      CHECK(has == 1 && task == i && static_cast<int>(status) == statuses[i]);
    }
    CHECK(Check(mdt_classification_iter_next(&has, &task, &status, it)) == MDT_OK && has == 0);
    mdt_classification_iter_free(it);
  }

  // 8: an iterator into slot b (as_of, options byte).
  void IterNew(int a, int b) {
    const mdt_date as_of = Date();
    const ClassifyOpts opts(Byte());
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_classification_iter* it = nullptr;
    const mdt_status st = Check(mdt_classification_iter_new(&it, ds, as_of, opts.ptr));
    CHECK((st == MDT_OK) == (ds_ok && ValidDate(as_of) && opts.ok));
    CHECK((st == MDT_OK) == (it != nullptr));
    Put(b, K::kIter, it);
  }

  // 9: up to 31 steps of the iterator in slot a (low 5 bits), bit 5 NULL outs, bit 6 the
  // current row's detail into slot b.
  void IterNext(int a, int b) {
    const std::uint8_t f = Byte();
    bool ok = false;
    mdt_classification_iter* it = Get<mdt_classification_iter>(a, K::kIter, &ok);
    int has = 0;
    for (int i = 0; i < (f & 31); ++i) {
      std::uint32_t task = 0;
      mdt_task_status status = MDT_TASK_IN_PROGRESS;
      const mdt_status st = Check(mdt_classification_iter_next(&has, (f & 32) ? nullptr : &task,
                                                               (f & 32) ? nullptr : &status, it));
      CHECK((st == MDT_OK) == ok);
      if (st != MDT_OK || !has) break;
    }
    CHECK(Check(mdt_classification_iter_next(nullptr, nullptr, nullptr, it)) != MDT_OK);
    if (f & 64) {
      mdt_classification* c = nullptr;
      const mdt_status st = Check(mdt_classification_iter_detail(&c, it));
      if (!ok) CHECK(st == MDT_ERR_INVALID_HANDLE);
      CHECK((st == MDT_OK) == (c != nullptr));
      Put(b, K::kClassification, c);
    }
  }

  // 10: an aggregate into slot b: as_of, a dimension count byte (low 2 bits) and that many
  // dimension bytes (mod 16: 9..15 invalid), a flags byte (1 NULL options, 2 coordinators,
  // 4 category level 1, 8 assigned window, 16 due window, 32 completed window, 64 two
  // threads, 128 zero threads) and a classify options byte. Without windows, the totals are
  // the classified counts.
  void Aggregate(int a, int b) {
    const mdt_date as_of = Date();
    const int nby = Byte() & 3;
    std::int32_t by[3];
    bool dims_ok = true;
    for (int i = 0; i < nby; ++i) {
      const int d = Byte() & 15;
      by[i] = d;
      dims_ok = dims_ok && d <= MDT_DIM_STATUS;
    }
    const std::uint8_t f = Byte();
    const ClassifyOpts copts(Byte());
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_aggregate_options o = MDT_AGGREGATE_OPTIONS_INIT;
    if (copts.ptr) o.classify = &copts.o;
    o.by = nby ? by : nullptr;
    o.by_count = static_cast<std::size_t>(nby);
    o.include_coordinators = (f & 2) ? 1 : 0;
    o.category_level = (f & 4) ? 1 : 0;
    if (f & 8) o.assigned_from = Shift(as_of, -100), o.assigned_to = as_of;
    if (f & 16) o.due_from = Shift(as_of, -30), o.due_to = Shift(as_of, 30);
    if (f & 32) o.completed_from = Shift(as_of, -365);
    if (f & 64) o.threads = 2;
    if (f & 128) o.threads = 0;
    const mdt_aggregate_options* opts = (f & 1) ? nullptr : &o;
    mdt_aggregate_result* r = nullptr;
    const mdt_status st = Check(mdt_aggregate(&r, ds, as_of, opts));
    if (!ds_ok || !ValidDate(as_of)) CHECK(st != MDT_OK);
    if (opts && (!dims_ok || !copts.ok || o.threads == 0)) CHECK(st != MDT_OK);
    CHECK((st == MDT_OK) == (r != nullptr));
    if (r == nullptr) return;
    mdt_status_counts totals = MDT_STATUS_COUNTS_INIT;
    CHECK(Check(mdt_aggregate_counts(&totals, r, MDT_AGGREGATE_TOTALS)) == MDT_OK);
    CHECK(totals.not_yet_assigned == 0);
    if (!opts || (f & (8 | 16 | 32)) == 0) {
      mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
      CHECK(Check(mdt_classify_count(&counts, ds, as_of, opts ? o.classify : nullptr)) == MDT_OK);
      CHECK(totals.total == counts.total);
      for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s) {
        CHECK(totals.by_status[s] == counts.by_status[s]);
      }
    }
    std::size_t groups = 0, dims = 0;
    CHECK(Check(mdt_aggregate_group_count(&groups, r)) == MDT_OK);
    CHECK(Check(mdt_aggregate_dimension_count(&dims, r)) == MDT_OK);
    CHECK(dims == (opts ? o.by_count : 0));
    std::uint64_t sum = 0;
    for (std::size_t g = 0; g < std::min<std::size_t>(groups, 64); ++g) {
      mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
      CHECK(Check(mdt_aggregate_counts(&c, r, g)) == MDT_OK);
      sum += c.total;
      for (std::size_t d = 0; d < dims; ++d) {
        const char* label = nullptr;
        std::size_t len = 0;
        CHECK(Check(mdt_aggregate_label(&label, &len, r, g, d)) == MDT_OK);
        if (label) CHECK(Utf8(label, len));
      }
    }
    // One dimension that puts each task in exactly one group: the groups add up to the totals.
    if (dims == 1 && groups <= 64 && (by[0] == MDT_DIM_STATUS || by[0] == MDT_DIM_DEADLINE_KIND)) {
      CHECK(sum == totals.total);
    }
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    CHECK(Check(mdt_aggregate_counts(&c, r, groups)) == MDT_ERR_OUT_OF_RANGE);
    Put(b, K::kAggregate, r);
  }

  // 11: one group of the aggregate in slot a: group byte (255 = totals), dimension byte,
  // measure byte (mod 16: 11..15 invalid; bit 7 = counts with a bad struct version).
  void AggregateRead(int a) {
    const std::uint8_t gb = Byte(), db = Byte(), mb = Byte();
    bool ok = false;
    const mdt_aggregate_result* r = Get<mdt_aggregate_result>(a, K::kAggregate, &ok);
    const std::size_t group = gb == 255 ? MDT_AGGREGATE_TOTALS : gb;
    std::size_t groups = 0;
    if (ok) CHECK(Check(mdt_aggregate_group_count(&groups, r)) == MDT_OK);
    const bool group_ok = ok && (group == MDT_AGGREGATE_TOTALS || group < groups);
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    if (mb & 0x80) c.version = MDT_STATUS_COUNTS_VERSION + 1;
    mdt_status st = Check(mdt_aggregate_counts(&c, r, group));
    CHECK((st == MDT_OK) == (group_ok && !(mb & 0x80)));
    const int m = mb & 15;
    double v = 0;
    st = Check(mdt_aggregate_measure(&v, r, group, static_cast<mdt_measure>(m)));
    CHECK((st == MDT_OK) == (group_ok && m <= MDT_MEASURE_OVERDUE_RATE));
    // Counts are always defined; only a rate over an empty denominator is NaN.
    if (st == MDT_OK && m < MDT_MEASURE_COMPLETION_RATE) CHECK(!std::isnan(v));
    if (st == MDT_OK) {
      CHECK(std::strcmp(mdt_measure_name(static_cast<mdt_measure>(m)), "unknown") != 0);
    }
    const char* label = nullptr;
    std::size_t len = 0;
    st = Check(mdt_aggregate_label(&label, &len, r, group, db & 3));
    if (st == MDT_OK && label) CHECK(Utf8(label, len));
    CHECK(Check(mdt_aggregate_label(nullptr, nullptr, r, 0, 0)) != MDT_OK);
    (void)mdt_dimension_name(static_cast<mdt_dimension>(db & 15));
  }

  // 12: ranking of the aggregate in slot a: a measure byte (mod 16; bit 4 ascending, bit 5
  // include none, bit 6 bad version, bit 7 NULL options), a limit byte, a capacity byte
  // (255 = a count query with NULL out).
  void Rank(int a) {
    const std::uint8_t mb = Byte(), limit = Byte(), cap_byte = Byte();
    bool ok = false;
    const mdt_aggregate_result* r = Get<mdt_aggregate_result>(a, K::kAggregate, &ok);
    mdt_rank_options o = MDT_RANK_OPTIONS_INIT;
    const int m = mb & 15;
    o.measure = static_cast<mdt_measure>(m);
    o.descending = (mb & 16) ? 0 : 1;
    o.include_none = (mb & 32) ? 1 : 0;
    if (mb & 64) o.version = 0;
    o.limit = limit;
    const mdt_rank_options* opts = (mb & 128) ? nullptr : &o;
    const bool opts_ok = !opts || (m <= MDT_MEASURE_OVERDUE_RATE && !(mb & 64));
    std::size_t groups = 0;
    if (ok) CHECK(Check(mdt_aggregate_group_count(&groups, r)) == MDT_OK);
    const std::size_t cap = cap_byte == 255 ? 0 : cap_byte;
    std::vector<std::size_t> out(cap + 1, SIZE_MAX);
    std::size_t count = 0;
    const mdt_status st =
        Check(mdt_aggregate_rank(cap ? out.data() : nullptr, cap, &count, r, opts));
    if (!ok || !opts_ok) {
      CHECK(st != MDT_OK);
      return;
    }
    CHECK(count <= groups);
    if (opts && limit) CHECK(count <= limit);
    // A NULL buffer (cap 0) is a size query: MDT_OK with the count, nothing written.
    CHECK((st == MDT_OK) == (count <= cap || cap == 0));
    if (st != MDT_OK) CHECK(st == MDT_ERR_BUFFER_TOO_SMALL);
    CHECK(out[cap] == SIZE_MAX);
    for (std::size_t i = 0; st == MDT_OK && i < std::min<std::size_t>(count, cap); ++i)
      CHECK(out[i] < groups);
  }

  // 13: the change between two dates into slot b (from, to, options byte), then its task
  // lists for the kinds 0..3 (3 invalid) into an array of `cap` entries.
  void Change(int a, int b) {
    const mdt_date from = Date(), to = Date();
    const ClassifyOpts opts(Byte());
    const std::uint8_t cap = Byte() & 31;
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_task_change* ch = nullptr;
    const mdt_status st = Check(mdt_task_change_compute(&ch, ds, from, to, opts.ptr));
    CHECK((st == MDT_OK) == (ds_ok && ValidDate(from) && ValidDate(to) && opts.ok));
    CHECK((st == MDT_OK) == (ch != nullptr));
    if (ch == nullptr) return;
    const std::size_t n = TaskCount(ds);
    for (int kind = 0; kind < 4; ++kind) {
      std::vector<std::uint32_t> out(cap + 1u, UINT32_MAX);
      std::size_t count = 0;
      const mdt_status ks = Check(mdt_task_change_tasks(cap ? out.data() : nullptr, cap, &count, ch,
                                                        static_cast<mdt_change_kind>(kind)));
      if (kind == 3) {
        CHECK(ks == MDT_ERR_INVALID_ARGUMENT);
        continue;
      }
      CHECK(count <= n);
      CHECK((ks == MDT_OK) == (count <= cap || cap == 0));  // cap 0: a size query
      CHECK(out[cap] == UINT32_MAX);
      for (std::size_t i = 0; ks == MDT_OK && i < std::min<std::size_t>(count, cap); ++i) {
        CHECK(out[i] < n && (i == 0 || out[i - 1] < out[i]));
      }
    }
    Put(b, K::kChange, ch);
  }

  // 14: the report's task lists into slot b: kind byte (mod 4, 3 invalid), as_of, days
  // (signed byte), category level (signed byte), options byte.
  void Lists(int a, int b) {
    const int kind = Byte() & 3;
    const mdt_date as_of = Date();
    const auto days = static_cast<std::int8_t>(Byte());
    const auto level = static_cast<std::int8_t>(Byte());
    const ClassifyOpts opts(Byte());
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_task_lists* l = nullptr;
    mdt_task_lists_options lo = MDT_TASK_LISTS_OPTIONS_INIT;
    lo.within_days = days;
    lo.category_level = level;
    lo.classify = opts.ptr;
    const mdt_status st =
        Check(mdt_task_lists_new(&l, ds, static_cast<mdt_list_kind>(kind), as_of, &lo));
    const bool args_ok = ds_ok && ValidDate(as_of) && opts.ok && kind != 3 && level >= 0 &&
                         (kind != MDT_LIST_DUE_WITHIN_BY_CATEGORY || days >= 0);
    CHECK((st == MDT_OK) == args_ok);
    CHECK((st == MDT_OK) == (l != nullptr));
    if (l == nullptr) return;
    const std::size_t n = TaskCount(ds);
    std::size_t groups = 0;
    CHECK(Check(mdt_task_lists_group_count(&groups, l)) == MDT_OK);
    for (std::size_t g = 0; g <= std::min<std::size_t>(groups, 32); ++g) {
      const char* key = nullptr;
      std::size_t count = 0;
      const mdt_status gs = Check(mdt_task_lists_group(&key, &count, l, g));
      CHECK((gs == MDT_OK) == (g < groups));
      if (gs != MDT_OK) break;
      CHECK(Utf8(key));
      for (std::size_t i = 0; i <= std::min<std::size_t>(count, 32); ++i) {
        std::uint32_t task = 0;
        mdt_date due = 0;
        std::int32_t d = 0;
        const mdt_status ts = Check(mdt_task_lists_task(&task, &due, &d, l, g, i));
        CHECK((ts == MDT_OK) == (i < count));
        if (ts == MDT_OK) CHECK(task < n);
      }
    }
    Put(b, K::kLists, l);
  }

  // 15: a target into the dataset of slot a. Flags: 1 at_most, 2 a responsible id, 4 bad
  // version, 8 NULL target, 16 NULL id. Then the baseline date, the deadline, baseline and
  // target value bytes; strings: id, name, unit, responsible id.
  void AddTarget(int a) {
    const std::uint8_t f = Byte();
    const mdt_date baseline_date = Date(), deadline = Date();
    const std::uint8_t base = Byte(), target = Byte();
    const std::string id = Str(), name = Str(), unit = Str(), resp = Str();
    bool ds_ok = false;
    mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_target_input t = MDT_TARGET_INPUT_INIT;
    t.id = (f & 16) ? nullptr : id.c_str();
    t.name = name.c_str();
    t.unit = unit.c_str();
    t.direction = (f & 1) ? MDT_TARGET_AT_MOST : MDT_TARGET_AT_LEAST;
    t.baseline = base;
    t.baseline_date = baseline_date;
    t.target = target;
    t.deadline = deadline;
    const char* responsible[1] = {resp.c_str()};
    if (f & 2) t.responsible = responsible, t.responsible_count = 1;
    if (f & 4) t.version = 0;
    std::size_t before = 0;
    if (ds_ok) CHECK(Check(mdt_dataset_target_count(&before, ds)) == MDT_OK);
    const mdt_status st = Check(mdt_dataset_add_target(ds, (f & 8) ? nullptr : &t));
    if (!ds_ok || (f & (4 | 8 | 16))) CHECK(st != MDT_OK);
    if ((baseline_date != MDT_NO_DATE && !ValidDate(baseline_date)) ||
        (deadline != MDT_NO_DATE && !ValidDate(deadline))) {
      CHECK(st != MDT_OK);
    }
    if (ds_ok) {
      std::size_t after = 0;
      CHECK(Check(mdt_dataset_target_count(&after, ds)) == MDT_OK);
      CHECK(after == before + (st == MDT_OK ? 1 : 0));
    }
  }

  // 16: a measurement of the target named by the next string: date, value byte (255 = NaN),
  // flags (1 NULL measurement, 2 bad version); strings: id, locality. Then reads it back.
  void Measure(int a) {
    const mdt_date date = Date();
    const std::uint8_t vb = Byte(), f = Byte();
    const std::string id = Str(), locality = Str();
    bool ds_ok = false;
    mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
    m.date = date;
    m.value = vb == 255 ? std::nan("") : vb / 2.0;
    m.locality = locality.c_str();
    if (f & 2) m.version = 7;
    std::size_t before = 0;
    const bool known = ds_ok && mdt_dataset_measurement_count(&before, ds, id.c_str()) == MDT_OK;
    const mdt_status st =
        Check(mdt_dataset_add_measurement(ds, id.c_str(), (f & 1) ? nullptr : &m));
    if (!ds_ok || !known || !ValidDate(date) || (f & 3)) CHECK(st != MDT_OK);
    std::size_t after = 0;
    if (known) {
      CHECK(Check(mdt_dataset_measurement_count(&after, ds, id.c_str())) == MDT_OK);
      CHECK(after == before + (st == MDT_OK ? 1 : 0));
    }
    double value = -1;
    mdt_date when = 0;
    const mdt_status ls = Check(
        mdt_dataset_latest_measurement(&value, &when, ds, id.c_str(), locality.c_str(), date));
    if (st == MDT_OK) CHECK(ls == MDT_OK);
    if (ls == MDT_OK) CHECK(when <= date);
  }

  // 17: a target evaluated into slot b: as_of, tolerance byte (/200; 255 = NaN), flags (1
  // locality NULL = every locality, 2 NULL options, 4 bad version); strings: id, locality.
  void TargetEval(int a, int b) {
    const mdt_date as_of = Date();
    const std::uint8_t tb = Byte(), f = Byte();
    const std::string id = Str(), locality = Str();
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    mdt_target_options o = MDT_TARGET_OPTIONS_INIT;
    o.tolerance = tb == 255 ? std::nan("") : tb / 200.0;
    if (f & 4) o.version = 0;
    const mdt_target_options* opts = (f & 2) ? nullptr : &o;
    mdt_target_evaluations* e = nullptr;
    const mdt_status st = Check(
        mdt_target_evaluate(&e, ds, id.c_str(), (f & 1) ? nullptr : locality.c_str(), as_of, opts));
    if (!ds_ok || !ValidDate(as_of)) CHECK(st != MDT_OK);
    if (opts && (tb > 200 || (f & 4))) CHECK(st != MDT_OK);
    CHECK((st == MDT_OK) == (e != nullptr));
    if (e == nullptr) return;
    std::size_t n = 0;
    CHECK(Check(mdt_target_evaluations_count(&n, e)) == MDT_OK);
    for (std::size_t i = 0; i <= std::min<std::size_t>(n, 16); ++i) {
      mdt_target_evaluation_info info = MDT_TARGET_EVALUATION_INFO_INIT;
      const mdt_status gs = Check(mdt_target_evaluations_get(&info, e, i));
      CHECK((gs == MDT_OK) == (i < n));
      if (gs != MDT_OK) break;
      CHECK(Utf8(info.locality) && Utf8(info.reason));
      CHECK(std::strcmp(mdt_target_status_name(static_cast<mdt_target_status>(info.status)),
                        "unknown") != 0);
      if (!info.has_measurement) CHECK(info.measured == MDT_NO_DATE);
    }
    Put(b, K::kEvaluations, e);
  }

  // 18: a deadline parsed (or, flag 1, extracted from a sentence) into slot b. Flags: 2 plan
  // year 2025, 4 the calendar of slot a, 8 inclusive "trước", 16 NUL-terminated length, 32
  // NULL context, 64 bad context version, 128 NULL text with a length. Then the assigned
  // date and an array capacity; the string: the phrase.
  void DeadlineOp(int a, int b) {
    const std::uint8_t f = Byte();
    const mdt_date assigned = Date();
    const std::uint8_t cap = Byte() & 31;
    const std::string text = Str();
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    if (f & 2) ctx.plan_year = 2025;
    bool cal_ok = true;
    if (f & 4) ctx.calendar = Get<mdt_calendar>(a, K::kCalendar, &cal_ok);
    if (f & 8) ctx.inclusive_before = 1;
    if (f & 64) ctx.version = 0;
    ctx.assigned = assigned;
    const mdt_deadline_context* c = (f & 32) ? nullptr : &ctx;
    const std::size_t len = (f & 16) ? MDT_NUL_TERMINATED : text.size();
    const char* p = (f & 128) ? nullptr : text.c_str();
    mdt_deadline* d = nullptr;
    const mdt_status st =
        Check((f & 1) ? mdt_deadline_extract(&d, p, len, c) : mdt_deadline_parse(&d, p, len, c));
    if (c && ((f & 64) || (ctx.calendar && !cal_ok) ||
              (assigned != MDT_NO_DATE && !ValidDate(assigned)))) {
      CHECK(st != MDT_OK);
    }
    if (!p && len != 0) CHECK(st == MDT_ERR_INVALID_ARGUMENT);
    CHECK((st == MDT_OK) == (d != nullptr));
    if (d == nullptr) return;
    const std::size_t used = len == MDT_NUL_TERMINATED ? std::strlen(text.c_str()) : len;
    mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
    CHECK(Check(mdt_deadline_get_info(&info, d)) == MDT_OK);
    CHECK(info.span_begin <= info.span_end && info.span_end <= used);
    CHECK(info.text != nullptr && Utf8(info.text, info.text_len));
    CHECK(std::strcmp(mdt_deadline_kind_name(static_cast<mdt_deadline_kind>(info.kind)),
                      "unknown") != 0);
    if (info.has_recurrence) {
      CHECK(std::strcmp(mdt_frequency_name(static_cast<mdt_frequency>(info.frequency)),
                        "unknown") != 0);
    }
    for (std::size_t i = 0; i <= std::min<std::size_t>(info.milestone_count, 16); ++i) {
      const char* label = nullptr;
      std::size_t llen = 0;
      mdt_deadline_kind kind = MDT_DEADLINE_UNKNOWN;
      mdt_date due = 0;
      const mdt_status ms = Check(mdt_deadline_milestone(&label, &llen, &kind, &due, d, i));
      CHECK((ms == MDT_OK) == (i < info.milestone_count));
      if (ms == MDT_OK) CHECK(Utf8(label, llen));
    }
    for (std::size_t i = 0; i <= std::min<std::size_t>(info.explanation_count, 16); ++i) {
      const char* line = nullptr;
      std::size_t llen = 0;
      const mdt_status es = Check(mdt_deadline_explanation(&line, &llen, d, i));
      CHECK((es == MDT_OK) == (i < info.explanation_count));
      if (es == MDT_OK) CHECK(Utf8(line, llen));
    }
    const mdt_date from = ValidDate(assigned) ? assigned : kBase;
    std::vector<mdt_date> out(cap + 1u, MDT_NO_DATE);
    std::size_t count = 0;
    const mdt_status os = Check(mdt_deadline_occurrences(cap ? out.data() : nullptr, cap, &count, d,
                                                         from, std::min(from + 400, kMaxDate)));
    if (!info.has_recurrence) CHECK(os == MDT_ERR_INVALID_ARGUMENT);
    if (info.has_recurrence) CHECK((os == MDT_OK) == (count <= cap || cap == 0));  // size query
    CHECK(out[cap] == MDT_NO_DATE);
    for (std::size_t i = 1; os == MDT_OK && i < std::min<std::size_t>(count, cap); ++i)
      CHECK(out[i - 1] < out[i]);
    mdt_date due = 0;
    const mdt_status es = Check(mdt_deadline_effective_due(&due, d, assigned));
    CHECK((es == MDT_OK) == (assigned == MDT_NO_DATE || ValidDate(assigned)));
    Put(b, K::kDeadline, d);
  }

  // 19: frees slot a: a selector byte picks the free function (0 = the slot's own kind, else
  // kind number mod 13, possibly the wrong one, which must do nothing); bit 7 frees NULL.
  // Freeing a freed slot again is a double free, which the liveness table must absorb.
  void Free(int a) {
    const std::uint8_t f = Byte();
    const int k = (f & 0x7f) % kKinds;
    const K kind = k == 0 ? slots_[a].kind : static_cast<K>(k);
    FreeAs(kind, (f & 0x80) ? nullptr : slots_[a].p);
  }

  // 20: the dataset of slot a written as JSON and CSV (allocated strings). Flags: 1 the JSON
  // read back strictly into slot b (same task count, same JSON), 2 NULL out, 4 saved to a
  // missing directory, 8 saved with a NULL path, 16 the summary report as of 2025-09-23
  // (since 2025-07-20) in format bits 5-6, language bit 7.
  void Write(int a, int b) {
    const std::uint8_t f = Byte();
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    char* json = nullptr;
    std::size_t len = 0;
    mdt_dataset* read_back = nullptr;
    mdt_status st = Check(mdt_dataset_write_json((f & 2) ? nullptr : &json, &len, ds));
    CHECK((st == MDT_OK) == (ds_ok && !(f & 2)));
    CHECK((st == MDT_OK) == (json != nullptr));
    // Read back strictly against the bundled registry: only for datasets made with it.
    if (json != nullptr && (f & 1) && custom_.count(ds) == 0) {
      mdt_load_options o = MDT_LOAD_OPTIONS_INIT;
      o.strict = 1;
      o.require_checksum = 1;
      mdt_dataset* back = nullptr;
      mdt_problems* problems = nullptr;
      st = Check(mdt_dataset_read_json(&back, &problems, json, len, &o));
      if (st != MDT_OK) {
        std::size_t n = 0;
        const char* msg = nullptr;
        if (problems && mdt_problems_count(&n, problems) == MDT_OK && n > 0 &&
            mdt_problems_get(nullptr, nullptr, &msg, problems, 0) == MDT_OK) {
          std::fprintf(stderr, "round trip: %s\n", msg);
        }
      }
      CHECK(st == MDT_OK);
      CHECK(TaskCount(back) == TaskCount(ds));
      char* again = nullptr;
      std::size_t again_len = 0;
      CHECK(Check(mdt_dataset_write_json(&again, &again_len, back)) == MDT_OK);
      CHECK(again_len == len && std::memcmp(again, json, len) == 0);
      mdt_string_free(again);
      read_back = back;  // into slot b at the end: b may be a, whose dataset is used below
      mdt_problems_free(problems);
    }
    if (json != nullptr) TakeString(json, len);
    char* csv = nullptr;
    st = Check(mdt_dataset_write_csv(&csv, nullptr, ds));
    CHECK((st == MDT_OK) == ds_ok);
    if (csv != nullptr) TakeString(csv, std::strlen(csv));
    if (f & 4) {
      CHECK(Check(mdt_dataset_save_json(ds, "/nonexistent-mandate-fuzz/x.json")) != MDT_OK);
      CHECK(Check(mdt_dataset_save_csv(ds, "/nonexistent-mandate-fuzz/x.csv")) != MDT_OK);
    }
    if (f & 8) {
      CHECK(Check(mdt_dataset_save_json(ds, nullptr)) != MDT_OK);
      CHECK(Check(mdt_dataset_save_csv(ds, nullptr)) != MDT_OK);
    }
    if (f & 16) {
      mdt_report_options o = MDT_REPORT_OPTIONS_INIT;
      o.since = kBase + 200;
      o.format = static_cast<mdt_report_format>((f >> 5) & 3);
      o.language = static_cast<mdt_report_language>(f >> 7);
      char* report = nullptr;
      std::size_t report_len = 0;
      st = Check(mdt_report(&report, &report_len, ds, kBase + 265, &o));
      CHECK((st == MDT_OK) == ds_ok && (st == MDT_OK) == (report != nullptr));
      if (report != nullptr) TakeString(report, report_len);
    }
    Put(b, K::kDataset, read_back);
  }

  // 21: reads task `index` (byte) of the dataset in slot a and the task named by the next
  // string; its original deadline goes into slot b. Also the targets.
  void ReadTask(int a, int b) {
    const std::uint8_t index = Byte();
    const std::string id = Str();
    bool ds_ok = false;
    const mdt_dataset* ds = Get<mdt_dataset>(a, K::kDataset, &ds_ok);
    const std::size_t n = TaskCount(ds);
    std::uint32_t found = UINT32_MAX;
    mdt_status st = Check(mdt_dataset_find_task(&found, ds, id.c_str()));
    if (st == MDT_OK) CHECK(found < n);
    const std::uint32_t task = index == 255 ? UINT32_MAX : index;
    char* s = nullptr;
    std::size_t len = 0;
    st = Check(mdt_dataset_task_id(&s, &len, ds, task));
    CHECK((st == MDT_OK) == (ds_ok && task < n));
    if (s != nullptr) {
      std::uint32_t again = UINT32_MAX;
      // (An id holding a NUL cannot be named through the C ABI.)
      if (std::strlen(s) == len) {
        CHECK(Check(mdt_dataset_find_task(&again, ds, s)) == MDT_OK && again == task);
      }
      TakeString(s, len);
    }
    s = nullptr;
    st = Check(mdt_dataset_task_title(&s, &len, ds, task));
    CHECK((st == MDT_OK) == (ds_ok && task < n));
    if (s != nullptr) TakeString(s, len);
    std::size_t events = 0;
    st = Check(mdt_dataset_task_event_count(&events, ds, task));
    CHECK((st == MDT_OK) == (ds_ok && task < n));
    mdt_deadline* d = nullptr;
    st = Check(mdt_dataset_task_deadline(&d, ds, task));
    CHECK((st == MDT_OK) == (ds_ok && task < n) && (st == MDT_OK) == (d != nullptr));
    std::size_t targets = 0;
    st = Check(mdt_dataset_target_count(&targets, ds));
    CHECK((st == MDT_OK) == ds_ok);
    for (std::size_t i = 0; i <= std::min<std::size_t>(targets, 8); ++i) {
      s = nullptr;
      st = Check(mdt_dataset_target_id(&s, &len, ds, i));
      CHECK((st == MDT_OK) == (ds_ok && i < targets));
      if (s != nullptr) TakeString(s, len);
    }
    Put(b, K::kDeadline, d);  // last: b may be a
  }

  // 22: registries, resolutions, calendars, dates and names, picked by a selector byte;
  // then an argument byte, a date and a string.
  void Misc(int a, int b) {
    const std::uint8_t sel = Byte(), x = Byte();
    const mdt_date date = Date();
    const std::string s = Str();
    switch (sel & 7) {
      case 0: {  // the bundled registry into slot a
        mdt_registry* r = nullptr;
        const mdt_status st = Check(mdt_registry_bundled((x & 1) ? nullptr : &r));
        CHECK((st == MDT_OK) == !(x & 1));
        Put(a, K::kRegistry, r);
        break;
      }
      case 1: {  // a registry from JSON into slot a
        mdt_registry* r = nullptr;
        const mdt_status st = Check(mdt_registry_from_json(&r, s.data(), s.size()));
        CHECK((st == MDT_OK) == (r != nullptr));
        if (x & 1) {
          mdt_registry* f = nullptr;
          CHECK(Check(mdt_registry_from_file(&f, "/nonexistent-mandate-fuzz/a.json")) != MDT_OK);
          CHECK(Check(mdt_registry_from_file(&f, nullptr)) != MDT_OK && f == nullptr);
        }
        Put(a, K::kRegistry, r);
        break;
      }
      case 2:
        RegistryReads(a, b, x, s);
        break;
      case 3: {  // a calendar into slot a, maybe with a schedule
        mdt_calendar* c = nullptr;
        const mdt_status st =
            Check(mdt_calendar_new(&c, (x & 1) ? MDT_CALENDAR_RULES_ONLY : MDT_CALENDAR_VIETNAM));
        CHECK(st == MDT_OK && c != nullptr);
        if (x & 2) Check(mdt_calendar_add_schedule(c, s.data(), s.size()));
        Put(a, K::kCalendar, c);
        break;
      }
      case 4:
        CalendarReads(a, x, date);
        break;
      case 5:
        Dates(x, date, s);
        break;
      case 6:
        Names(x, s);
        break;
      case 7:
        ResolutionReads(a);
        break;
    }
  }

  void RegistryReads(int a, int b, std::uint8_t x, const std::string& s) {
    bool ok = false;
    const mdt_registry* r = Get<mdt_registry>(a, K::kRegistry, &ok);
    std::size_t size = 0;
    mdt_status st = Check(mdt_registry_agency_count(&size, r));
    CHECK((st == MDT_OK) == ok);
    const char *id = nullptr, *name = nullptr;
    mdt_agency_kind kind = MDT_AGENCY_OTHER;
    st = Check(mdt_registry_agency(&id, &name, &kind, r, x));
    CHECK((st == MDT_OK) == (ok && x < size));
    if (st == MDT_OK) {
      CHECK(Utf8(id) && Utf8(name));
      CHECK(std::strcmp(mdt_agency_kind_name(kind), "unknown") != 0);
      // Ids are unique: an id never finds another agency. (Not necessarily itself: a registry
      // read from JSON may hold "\u0000" in an id, which a C string cannot carry, or a name
      // that reads as a list or a collective phrase.)
      std::size_t i = SIZE_MAX;
      if (Check(mdt_registry_find_id(&i, r, id)) == MDT_OK) CHECK(i == x);
      Check(mdt_registry_find_name(&i, r, name, MDT_NUL_TERMINATED));
    }
    std::size_t i = 0;
    st = Check(mdt_registry_find_id(&i, r, s.c_str()));
    if (st == MDT_OK) CHECK(i < size);
    st = Check(mdt_registry_find_name(&i, r, s.data(), s.size()));
    if (st == MDT_OK) CHECK(i < size);
    if (x & 1) {
      char* json = nullptr;
      std::size_t len = 0;
      st = Check(mdt_registry_to_json(&json, &len, r));
      CHECK((st == MDT_OK) == ok);
      if (json != nullptr) {
        mdt_registry* back = nullptr;
        CHECK(Check(mdt_registry_from_json(&back, json, len)) == MDT_OK);
        std::size_t back_size = 0;
        CHECK(Check(mdt_registry_agency_count(&back_size, back)) == MDT_OK && back_size == size);
        mdt_registry_free(back);
        TakeString(json, len);
      }
    }
    mdt_resolution* res = nullptr;
    st = Check((x & 2) ? mdt_registry_find_leading(&res, r, s.data(), s.size())
                       : mdt_registry_resolve(&res, r, s.data(), s.size()));
    if (!ok) CHECK(st == MDT_ERR_INVALID_HANDLE);
    CHECK((st == MDT_OK) == (res != nullptr));
    Put(b, K::kResolution, res);
    if (res != nullptr) ResolutionReads(b);
  }

  void ResolutionReads(int a) {
    bool ok = false;
    const mdt_resolution* res = Get<mdt_resolution>(a, K::kResolution, &ok);
    std::size_t n = 0;
    mdt_status st = Check(mdt_resolution_agency_count(&n, res));
    CHECK((st == MDT_OK) == ok);
    for (std::size_t i = 0; i <= std::min<std::size_t>(n, 16); ++i) {
      std::size_t index = 0;
      const char* id = nullptr;
      st = Check(mdt_resolution_agency(&index, &id, res, i));
      CHECK((st == MDT_OK) == (ok && i < n));
      if (st == MDT_OK) CHECK(Utf8(id));
    }
    st = Check(mdt_resolution_unresolved_count(&n, res));
    CHECK((st == MDT_OK) == ok);
    for (std::size_t i = 0; ok && i <= std::min<std::size_t>(n, 16); ++i) {
      const char* part = nullptr;
      std::size_t len = 0;
      st = Check(mdt_resolution_unresolved(&part, &len, res, i));
      CHECK((st == MDT_OK) == (i < n));
      if (st == MDT_OK) CHECK(Utf8(part, len));
    }
    st = Check(mdt_resolution_collective_count(&n, res));
    CHECK((st == MDT_OK) == ok);
    for (std::size_t i = 0; ok && i <= std::min<std::size_t>(n, 16); ++i) {
      const char* part = nullptr;
      std::size_t len = 0;
      st = Check(mdt_resolution_collective(&part, &len, res, i));
      CHECK((st == MDT_OK) == (i < n));
      if (st == MDT_OK) CHECK(Utf8(part, len));
    }
  }

  void CalendarReads(int a, std::uint8_t x, mdt_date date) {
    bool ok = false;
    const mdt_calendar* c = Get<mdt_calendar>(a, K::kCalendar, &ok);
    const bool args_ok = ok && ValidDate(date);
    int working = -1;
    mdt_status st = Check(mdt_calendar_is_working_day(&working, c, date));
    CHECK((st == MDT_OK) == args_ok);
    char* reason = nullptr;
    std::size_t len = 0;
    st = Check(mdt_calendar_day_off_reason(&reason, &len, c, date));
    CHECK((st == MDT_OK) == args_ok);
    if (st == MDT_OK) CHECK((reason == nullptr) == (working == 1));
    if (reason != nullptr) TakeString(reason, len);
    reason = nullptr;
    st = Check(mdt_calendar_working_day_reason(&reason, &len, c, date));
    CHECK((st == MDT_OK) == args_ok);
    if (reason != nullptr) TakeString(reason, len);
    const int n = static_cast<std::int8_t>(x) * ((x & 1) ? 1000 : 1);
    mdt_date out = 0;
    st = Check(mdt_calendar_add_working_days(&out, c, date, n));
    if (!args_ok) CHECK(st != MDT_OK);
    if (st == MDT_OK) {
      CHECK(ValidDate(out));
      CHECK(n > 0 ? out > date : n < 0 ? out < date : out >= date);
      std::int32_t between = 0;
      CHECK(Check(mdt_calendar_working_days_between(&between, c, date, out)) == MDT_OK);
      if (n > 0) CHECK(between == n);
    }
    st = Check(mdt_calendar_next_working_day(&out, c, date));
    if (!args_ok) CHECK(st != MDT_OK);
    const std::size_t cap = x & 15;
    std::vector<mdt_date> days(cap + 1, MDT_NO_DATE);
    std::size_t count = 0;
    st = Check(mdt_calendar_days_off(cap ? days.data() : nullptr, cap, &count, c, date,
                                     Shift(date, x & 63)));
    if (!args_ok) CHECK(st != MDT_OK);
    if (st == MDT_OK || st == MDT_ERR_BUFFER_TOO_SMALL) {
      CHECK((st == MDT_OK) == (count <= cap || cap == 0));  // cap 0: a size query
    }
    CHECK(days[cap] == MDT_NO_DATE);
  }

  void Dates(std::uint8_t x, mdt_date date, const std::string& s) {
    char buf[MDT_DATE_BUFFER_SIZE + 2];
    std::memset(buf, 'x', sizeof buf);
    const std::size_t size = x % (MDT_DATE_BUFFER_SIZE + 2);
    std::size_t len = 0;
    mdt_status st = Check(mdt_date_format(size ? buf : nullptr, size, &len, date));
    if (!ValidDate(date)) CHECK(st != MDT_OK);
    if (ValidDate(date)) {
      CHECK(len == 10);
      // size 0 with a NULL buffer is a size query: MDT_OK, nothing written.
      CHECK((st == MDT_OK) == (size == 0 || size >= MDT_DATE_BUFFER_SIZE));
      if (st != MDT_OK || size == 0) CHECK(buf[0] == 'x');
      if (st != MDT_OK) CHECK(st == MDT_ERR_BUFFER_TOO_SMALL);
    }
    if (st == MDT_OK && size != 0) {
      mdt_date back = 0;
      CHECK(Check(mdt_date_parse(&back, buf, MDT_NUL_TERMINATED)) == MDT_OK && back == date);
      std::int32_t y = 0;
      std::uint32_t m = 0, d = 0;
      CHECK(Check(mdt_date_to_ymd(&y, &m, &d, date)) == MDT_OK);
      CHECK(Check(mdt_date_from_ymd(&back, y, m, d)) == MDT_OK && back == date);
      mdt_lunar_date lunar{};
      st = Check(mdt_lunar_from_solar(&lunar, date));
      if (st == MDT_OK) {
        CHECK(Check(mdt_lunar_to_solar(&back, &lunar)) == MDT_OK && back == date);
      }
    }
    mdt_date parsed = 0;
    st = Check(mdt_date_parse(&parsed, s.data(), s.size()));
    if (st == MDT_OK) CHECK(ValidDate(parsed));
    CHECK(Check(mdt_date_parse(nullptr, s.data(), s.size())) != MDT_OK);
    std::int32_t y = 0;
    std::uint32_t m = 0, d = 0;
    st = Check(mdt_date_to_ymd(&y, &m, &d, date));
    CHECK((st == MDT_OK) == ValidDate(date));
    // Odd fields: year from the date's low bits, month and day from x.
    mdt_date made = 0;
    st = Check(mdt_date_from_ymd(&made, 1890 + (date & 511), x >> 4, x & 31));
    if (st == MDT_OK) CHECK(ValidDate(made));
    const mdt_lunar_date lunar = {1890 + (date & 511), static_cast<std::uint32_t>(x >> 4),
                                  static_cast<std::uint32_t>(x & 31), x & 1};
    st = Check(mdt_lunar_to_solar(&made, &lunar));
    if (st == MDT_OK) CHECK(ValidDate(made));
    CHECK(Check(mdt_lunar_to_solar(&made, nullptr)) != MDT_OK);
  }

  static void Names(std::uint8_t x, const std::string& s) {
    CHECK(mdt_task_status_name(static_cast<mdt_task_status>(x)) != nullptr);
    CHECK(mdt_deadline_kind_name(static_cast<mdt_deadline_kind>(x & 15)) != nullptr);
    CHECK(mdt_frequency_name(static_cast<mdt_frequency>(x & 7)) != nullptr);
    CHECK(mdt_event_type_name(static_cast<mdt_event_type>(x & 7)) != nullptr);
    CHECK(mdt_agency_kind_name(static_cast<mdt_agency_kind>(x & 15)) != nullptr);
    CHECK(mdt_target_direction_name(static_cast<mdt_target_direction>(x & 1)) != nullptr);
    CHECK(mdt_target_status_name(static_cast<mdt_target_status>(x & 7)) != nullptr);
    CHECK(mdt_status_name(static_cast<mdt_status>(x & 15)) != nullptr);
    CHECK(mdt_version() != nullptr && mdt_version_number() > 0);
    mdt_task_status ts = MDT_TASK_IN_PROGRESS;
    if (Check(mdt_task_status_from_name(&ts, s.c_str())) == MDT_OK) {
      CHECK(std::string(s.c_str()) == mdt_task_status_name(ts));
    }
    mdt_deadline_kind dk = MDT_DEADLINE_UNKNOWN;
    if (Check(mdt_deadline_kind_from_name(&dk, s.c_str())) == MDT_OK) {
      CHECK(std::string(s.c_str()) == mdt_deadline_kind_name(dk));
    }
    mdt_event_type et = MDT_EVENT_PROGRESS;
    if (Check(mdt_event_type_from_name(&et, s.c_str())) == MDT_OK) {
      CHECK(std::string(s.c_str()) == mdt_event_type_name(et));
    }
    CHECK(Check(mdt_task_status_from_name(nullptr, s.c_str())) != MDT_OK);
    CHECK(Check(mdt_event_type_from_name(&et, nullptr)) != MDT_OK);
  }

  // 23: the problem list in slot a.
  void Problems(int a) {
    bool ok = false;
    const mdt_problems* p = Get<mdt_problems>(a, K::kProblems, &ok);
    std::size_t n = 0;
    mdt_status st = Check(mdt_problems_count(&n, p));
    CHECK((st == MDT_OK) == ok);
    for (std::size_t i = 0; i <= std::min<std::size_t>(n, 32); ++i) {
      const char *record = nullptr, *field = nullptr, *message = nullptr;
      st = Check(mdt_problems_get(&record, &field, &message, p, i));
      CHECK((st == MDT_OK) == (ok && i < n));
      if (st != MDT_OK) break;
      CHECK(record && field && message && *message);
      // Problems quote the input, which may be invalid UTF-8 itself: only the messages the
      // library writes are checked.
    }
    CHECK(Check(mdt_problems_count(nullptr, p)) != MDT_OK);
  }

  mandate::fuzz::Input in_;
  std::string_view code_, strings_;
  Slot slots_[kSlots];
  std::map<void*, K> live_;       // what the harness knows to be live, by address
  std::set<const void*> custom_;  // datasets checked against another registry than the bundled
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Program program(data, size);
  program.Run();
  return 0;
}
