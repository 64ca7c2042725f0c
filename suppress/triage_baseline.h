// A baseline report (`magpie scan|git -f json`) under review by `magpie triage`: its findings
// as plain values to show, and the reviewer's verdicts written back into the same document, on
// each finding:
//
//   "triage": {"status": "confirmed", "reason": "rotated on 2026-12-01", "date": "2026-12-01"}
//
// (status "confirmed", "false-positive" or "skipped"), so that the file itself remembers where
// the review stopped. Everything else in the document is kept as it was. A triaged baseline
// is still a baseline for --baseline (suppress/baseline.h reads only the fingerprints).
//
// The file is hostile input (a CI artifact, a committed file): Parse checks the nesting and
// every field it uses, and returns one InvalidArgument line naming the first problem.
//
// Usage:
//   Result<TriageBaseline> baseline = TriageBaseline::Load("baseline.json");
//   baseline->SetVerdict(i, Verdict::kConfirmed, "a real key, rotated", "2026-12-01");
//   Status saved = baseline->Save("baseline.json");  // temp file + rename
// Thread safety: a value; one thread at a time.
#ifndef MAGPIE_SUPPRESS_TRIAGE_BASELINE_H_
#define MAGPIE_SUPPRESS_TRIAGE_BASELINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace magpie::suppress {

enum class Verdict { kUndecided, kConfirmed, kFalsePositive, kSkipped };
// "", "confirmed", "false-positive", "skipped".
std::string_view VerdictName(Verdict verdict);

// A baseline larger than this is refused: the review holds the whole document.
inline constexpr size_t kMaxTriageBaselineBytes = size_t{64} << 20;
// A reason longer than this is cut when set (it becomes one comment line).
inline constexpr size_t kMaxReasonBytes = 500;

// One finding as the report wrote it. Every string is untrusted text, not yet made safe for a
// terminal; `secret` and `context` are redacted only when `redacted` is true.
struct TriageFinding {
  std::string fingerprint;  // 32 lower-case hex digits
  std::string rule;
  std::string rule_name;
  std::string severity;
  std::string confidence;
  std::string path;
  uint64_t line = 0;
  uint64_t column = 0;
  std::string secret;
  std::string context;
  bool redacted = false;  // the report says so ("redacted": true)
  struct Git {
    std::string commit;
    std::string author_name;
    std::string author_email;
    std::string commit_time;
    std::string message;
    bool present_at_head = false;
  };
  std::optional<Git> git;
  Verdict verdict = Verdict::kUndecided;
  std::string reason;
};

class TriageBaseline {
 public:
  // Errors: kInvalidArgument, "invalid baseline <source>: <what>" (not JSON, nested deeper
  // than a report, no "findings" list, a finding without a 32-digit fingerprint, a field of
  // the wrong type, an unknown triage status).
  static Result<TriageBaseline> Parse(std::string_view text, const std::string& source);
  // Parse of the file at `path`; also kNotFound / kIoError, and kInvalidArgument for a file
  // over kMaxTriageBaselineBytes.
  static Result<TriageBaseline> Load(const std::string& path);

  TriageBaseline(TriageBaseline&&) noexcept;
  TriageBaseline& operator=(TriageBaseline&&) noexcept;
  ~TriageBaseline();

  const std::vector<TriageFinding>& findings() const { return findings_; }
  // Where a review resumes: the first finding without a verdict, else the first skipped one,
  // else findings().size() (all decided).
  size_t ResumeIndex() const;
  // Records (or, with kUndecided, removes) the verdict of finding `index` < findings().size();
  // `date` is "YYYY-MM-DD". The reason is cut to kMaxReasonBytes.
  void SetVerdict(size_t index, Verdict verdict, std::string reason, const std::string& date);

  // The document with the verdicts, as magpie writes JSON (two-space indent, final newline).
  std::string Serialize() const;
  // Serialize() to `path`, atomically (base/file_io.h).
  Status Save(const std::string& path) const;

 private:
  struct Document;
  TriageBaseline();
  std::unique_ptr<Document> document_;
  std::vector<TriageFinding> findings_;
};

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_TRIAGE_BASELINE_H_
