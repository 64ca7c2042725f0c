#include "triage/review.h"

#include <optional>
#include <string>
#include <vector>

#include "report/terminal_text.h"
#include "suppress/ignore_file.h"
#include "triage/finding_view.h"

namespace magpie::triage {
namespace {

using suppress::TriageBaseline;
using suppress::TriageFinding;
using suppress::Verdict;

constexpr int kCtrlC = 3;
constexpr int kCtrlD = 4;
constexpr int kCtrlU = 0x15;
constexpr int kEscape = 0x1b;
constexpr int kBackspace = 0x7f;

constexpr std::string_view kKeys =
    "[r] real  [f] false positive  [s] skip  [b] back  [n] next  [q] quit  [?] help";
constexpr std::string_view kHelp =
    "  r  real: the finding stays in the baseline, marked confirmed with your reason\n"
    "  f  false positive: its fingerprint is added to the ignore file, your reason as comment\n"
    "  s  skip: decide later (the review comes back to skipped findings last)\n"
    "  b  back (also p)   n  next without deciding   q  quit (verdicts are already saved)\n"
    "  A reason is one line: Enter saves it, Esc cancels the verdict, Backspace and Ctrl-U edit.\n";

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string TallyLine(const ReviewTally& t) {
  return Plural(t.confirmed, "confirmed", "confirmed") + ", " +
         Plural(t.false_positives, "false positive", "false positives") + ", " +
         Plural(t.skipped, "skipped", "skipped") + ", " +
         Plural(t.undecided, "without a verdict", "without a verdict");
}

std::string IgnoreComment(const TriageFinding& f, const std::string& reason,
                          const std::string& date) {
  // One line (MergeIgnoreText replaces control characters): why, then what and when.
  return "false positive: " + reason + " (" + f.rule + " " + f.path + ":" +
         std::to_string(f.line) + ", magpie triage " + date + ")";
}

class Session {
 public:
  Session(TriageBaseline& baseline, Console& console, const ReviewOptions& options)
      : baseline_(baseline), console_(console), options_(options) {}

  Result<ReviewTally> Run() {
    const std::vector<TriageFinding>& findings = baseline_.findings();
    const size_t total = findings.size();
    if (Status synced = SyncIgnoreFile(); !synced.ok()) return Fail(synced);
    const std::string where = report::EscapeControls(options_.baseline_path);
    if (total == 0) {
      console_.Write("magpie triage: " + where + " lists no findings: nothing to review.\n");
      return Tally(baseline_);
    }
    size_t i = baseline_.ResumeIndex();
    const ReviewTally start = Tally(baseline_);
    console_.Write("magpie triage: " + Plural(total, "finding", "findings") + " in " + where +
                   " (" + TallyLine(start) + ").\nFalse positives go to " +
                   report::EscapeControls(options_.ignore_path) + ".\n");
    if (i == total) {
      console_.Write("Every finding has a verdict; reviewing from the first.\n");
      i = 0;
    } else if (i > 0) {
      console_.Write("Resuming at finding " + std::to_string(i + 1) + ".\n");
    }
    for (;;) {
      console_.Write(internal::FindingView(findings[i], i, total));
      console_.Write(std::string(kKeys) + "\n> ");
      const int key = console_.ReadKey();
      if (key < 0 || key == 'q' || key == kCtrlC || key == kCtrlD) {
        console_.Write(key < 0 ? "\n" : "q\n");
        break;
      }
      std::string echo(1, static_cast<char>(key));
      if (key < 0x20 || key >= 0x7f) echo = "";
      console_.Write(echo + "\n");
      if (key == 'b' || key == 'p') {
        if (i == 0) {
          console_.Write("(this is the first finding)\n");
        } else {
          --i;
        }
        continue;
      }
      if (key == '?' || key == 'h') {
        console_.Write(kHelp);
        continue;
      }
      std::optional<Verdict> verdict;
      if (key == 'r') verdict = Verdict::kConfirmed;
      if (key == 'f') verdict = Verdict::kFalsePositive;
      if (key == 's') verdict = Verdict::kSkipped;
      if (key != 'n' && key != ' ' && !verdict) {
        console_.Write("(unknown key: press ? for help)\n");
        continue;
      }
      if (verdict) {
        const std::optional<std::string> reason = ReadReason(*verdict);
        if (!reason) {
          console_.Write("(cancelled: no verdict recorded)\n");
          continue;
        }
        if (Status saved = Decide(i, *verdict, *reason); !saved.ok()) return Fail(saved);
      }
      if (++i < total) continue;
      const size_t next = baseline_.ResumeIndex();
      if (next < total && findings[next].verdict == Verdict::kUndecided) {
        console_.Write("End of the list; back to finding " + std::to_string(next + 1) +
                       ", which has no verdict yet.\n");
        i = next;
        continue;
      }
      ReviewTally done = Tally(baseline_);
      done.finished = true;
      console_.Write("Every finding has a verdict: " + TallyLine(done) + ".\n");
      return done;
    }
    const ReviewTally now = Tally(baseline_);
    console_.Write("Stopped; verdicts so far are saved (" + TallyLine(now) +
                   "). Run `magpie triage` again to resume.\n");
    return now;
  }

 private:
  Status Fail(const Status& status) {
    console_.Write("magpie: error: " + report::EscapeControls(status.message()) + "\n");
    return status;
  }

  // A line typed at the prompt; nullopt when cancelled (Esc, Ctrl-C, end of input). A false
  // positive needs a reason: it is the only record in the ignore file of why.
  std::optional<std::string> ReadReason(Verdict verdict) {
    const bool required = verdict == Verdict::kFalsePositive;
    for (;;) {
      console_.Write(required ? "reason (required; Enter saves, Esc cancels): "
                              : "reason (optional; Enter saves, Esc cancels): ");
      std::string line;
      for (;;) {
        const int key = console_.ReadKey();
        if (key < 0 || key == kEscape || key == kCtrlC || key == kCtrlD) {
          console_.Write("\n");
          return std::nullopt;
        }
        if (key == '\r' || key == '\n') break;
        if (key == kBackspace || key == '\b') {
          if (line.empty()) continue;
          // One character, however many bytes its UTF-8 form has.
          while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) {
            line.pop_back();
          }
          if (!line.empty()) line.pop_back();
          console_.Write("\b \b");
          continue;
        }
        if (key == kCtrlU) {
          console_.Write("\r\x1b[K");
          line.clear();
          console_.Write(required ? "reason (required; Enter saves, Esc cancels): "
                                  : "reason (optional; Enter saves, Esc cancels): ");
          continue;
        }
        if (key < 0x20) continue;  // other control keys do nothing
        if (line.size() >= suppress::kMaxReasonBytes) continue;
        line += static_cast<char>(key);
        // Echo printable ASCII as typed, a multi-byte character once it is whole and valid.
        if (key < 0x80) {
          console_.Write(std::string(1, static_cast<char>(key)));
        } else {
          size_t start = line.size() - 1;
          while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
          const std::string_view last = std::string_view(line).substr(start);
          if (report::EscapeControls(last) == last) console_.Write(last);
        }
      }
      console_.Write("\n");
      const size_t first = line.find_first_not_of(" \t");
      line = first == std::string::npos ? "" : line.substr(first);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
      if (!line.empty() || !required) return line;
      console_.Write("(a false positive needs a reason: it is the comment in the ignore file)\n");
    }
  }

  // Records a verdict: the ignore file first (a false positive is suppressed from now on),
  // then the baseline (where the review resumes).
  Status Decide(size_t i, Verdict verdict, const std::string& reason) {
    const TriageFinding& f = baseline_.findings()[i];
    const Verdict before = f.verdict;
    if (verdict == Verdict::kFalsePositive) {
      Result<size_t> added = suppress::AppendToIgnoreFile(
          options_.ignore_path, {{f.fingerprint, IgnoreComment(f, reason, options_.date)}});
      if (!added.ok()) return added.status();
    }
    baseline_.SetVerdict(i, verdict, reason, options_.date);
    if (Status saved = baseline_.Save(options_.baseline_path); !saved.ok()) {
      baseline_.SetVerdict(i, before, "", options_.date);
      return saved;
    }
    if (before == Verdict::kFalsePositive && verdict != Verdict::kFalsePositive) {
      Result<bool> removed = suppress::RemoveFromIgnoreFile(options_.ignore_path, f.fingerprint);
      if (!removed.ok()) return removed.status();
      if (*removed) console_.Write("(removed from the ignore file)\n");
    }
    switch (verdict) {
      case Verdict::kConfirmed:
        console_.Write("-> real: stays in the baseline, marked confirmed\n");
        break;
      case Verdict::kFalsePositive:
        console_.Write("-> false positive: added to " +
                       report::EscapeControls(options_.ignore_path) + "\n");
        break;
      default:
        console_.Write("-> skipped\n");
    }
    return Status::Ok();
  }

  // Adds the false positives the ignore file lacks (a review stopped between its two writes).
  Status SyncIgnoreFile() {
    Result<suppress::IgnoreFile> existing = suppress::LoadIgnoreFile(options_.ignore_path);
    if (!existing.ok()) return existing.status();
    std::vector<suppress::IgnoreEntry> missing;
    for (const TriageFinding& f : baseline_.findings()) {
      if (f.verdict == Verdict::kFalsePositive && existing->fingerprints.count(f.fingerprint) == 0) {
        missing.push_back({f.fingerprint, IgnoreComment(f, f.reason, options_.date)});
      }
    }
    if (missing.empty()) return Status::Ok();
    Result<size_t> added = suppress::AppendToIgnoreFile(options_.ignore_path, missing);
    return added.ok() ? Status::Ok() : added.status();
  }

  TriageBaseline& baseline_;
  Console& console_;
  const ReviewOptions& options_;
};

}  // namespace

ReviewTally Tally(const TriageBaseline& baseline) {
  ReviewTally t;
  for (const TriageFinding& f : baseline.findings()) {
    switch (f.verdict) {
      case Verdict::kUndecided: ++t.undecided; break;
      case Verdict::kConfirmed: ++t.confirmed; break;
      case Verdict::kFalsePositive: ++t.false_positives; break;
      case Verdict::kSkipped: ++t.skipped; break;
    }
  }
  return t;
}

Result<ReviewTally> Review(TriageBaseline& baseline, Console& console,
                           const ReviewOptions& options) {
  return Session(baseline, console, options).Run();
}

}  // namespace magpie::triage
