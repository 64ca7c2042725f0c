// Human-readable text: one block per finding, written as it is added, blocks separated by a
// blank line:
//
//   config/app.env:3:19  aws-access-key-id (AWS access key ID) [severity high, confidence high]
//     secret:      AKIA…
//     context:     AWS_ACCESS_KEY_ID=AKIA…
//     fingerprint: 5c1c0c0fb1b5a2a5b1e4f1e9a77f4c0e
//     remediation: Deactivate the key in IAM, then create a new one: https://…   <- first line
//     commit:      4f2a9c1b7d3e (first of 3 versions)   <- git findings only
//     author:      Jane Doe <jane@example.com>
//     date:        2023-05-01T12:00:00Z
//     message:     Add deploy config
//     last commit: 9e8d7c6b5a4f (2023-06-02T08:00:00Z)
//     now:         still in: main, v1.2 (+3 more)        <- or "deleted from every branch…"
//     also in:     2 other commit/path pairs
//       4f2a9c1b7d3e  config/app.env                     <- --all-occurrences, one per line
//
// A blob reported on its own (not a grouped history finding) keeps "commit: ID (still present
// at HEAD)" or "(deleted since)".
// Every string that came from scanned data is made terminal-safe (control characters and
// invalid UTF-8 are escaped), so a file cannot drive the terminal. Diagnostics are ignored:
// the CLI prints them on stderr. End() prints "No secrets found." when nothing was added,
// unless ReportOptions::quiet (-q: silence when there is nothing to say).
// A suppressed finding (--show-suppressed) is the same block with "suppressed (REASON)" at
// the end of its first line; it does not count as a finding for "No secrets found.".
#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "report/report_internal.h"
#include "report/terminal_text.h"
#include "rules/rule_spec.h"

namespace magpie::report::internal {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kHighlight = "\x1b[1;33m";
constexpr size_t kShortCommit = 12;


std::string_view SeverityColour(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::kCritical:
    case rules::Severity::kHigh:
      return kRed;
    case rules::Severity::kMedium:
      return kYellow;
    case rules::Severity::kLow:
      return kCyan;
  }
  return kRed;
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, ReportOptions options)
      : out_(out), options_(std::move(options)) {}

  void Add(const ReportedFinding& reported) override {
    ++findings_;
    Block(reported, "");
  }

  void AddSuppressed(const ReportedFinding& reported, std::string_view reason) override {
    Block(reported, reason);
  }

  void End(const Summary& summary) override {
    (void)summary;  // the CLI prints the summary on stderr
    if (findings_ == 0 && !options_.quiet) out_ << "No secrets found.\n";
    out_.flush();
  }

 private:
  // One finding; `suppressed_reason` is "" for a reported finding.
  void Block(const ReportedFinding& reported, std::string_view suppressed_reason) {
    const scanner::Finding& f = reported.finding;
    if (blocks_++ > 0) out_ << '\n';
    out_ << Paint(kBold, EscapeLine(OriginPath(reported.origin))) << ':' << f.start.line << ':'
         << f.start.column << "  " << Paint(SeverityColour(f.severity), EscapeControls(f.rule_id))
         << " (" << EscapeControls(f.rule_name) << ") [severity " << rules::ToString(f.severity)
         << ", confidence " << rules::ToString(f.confidence) << "]";
    if (!suppressed_reason.empty()) {
      out_ << "  " << Paint(kDim, "suppressed (" + std::string(suppressed_reason) + ")");
    }
    out_ << '\n';
    if (f.sensitive_file) {
      Field("file", "should never be committed (sensitive-file)");
    } else {
      Field("secret", Paint(kHighlight, EscapeControls(SecretForOutput(f.secret, options_))));
    }
    if (!f.context.empty()) Field("context", Context(f));
    if (!f.decoded.empty()) Field("decoded", EscapeControls(f.decoded));
    if (f.validated) Field("validated", "yes (structure check passed)");
    Field("fingerprint", reported.fingerprint);
    if (std::string fix = RemediationLine(options_, f.rule_id); !fix.empty()) {
      Field("remediation", EscapeControls(fix));
    }
    if (const auto* git = std::get_if<GitOrigin>(&reported.origin)) Provenance(*git, f.secret);
  }

  std::string Paint(std::string_view colour, std::string_view text) const {
    if (!options_.color) return std::string(text);
    std::string out(colour);
    out += text;
    out += kReset;
    return out;
  }

  void Field(std::string_view label, std::string_view value) {
    std::string padded(label);
    padded += ':';
    padded.resize(13, ' ');
    out_ << "  " << Paint(kDim, padded) << value << '\n';
  }

  // The context line without its indentation, the secret highlighted.
  std::string Context(const scanner::Finding& f) const {
    OutputContext context = ContextForOutput(f, options_);
    std::string_view text = context.text;
    size_t indent = text.find_first_not_of(" \t");
    if (indent == std::string_view::npos) indent = text.size();
    if (context.secret_begin == std::string::npos) return EscapeControls(text.substr(indent));
    indent = std::min(indent, context.secret_begin);
    const size_t begin = context.secret_begin;
    const size_t end = context.secret_end;
    return EscapeControls(text.substr(indent, begin - indent)) +
           Paint(kHighlight, EscapeControls(text.substr(begin, end - begin))) +
           EscapeControls(text.substr(end));
  }

  void Provenance(const GitOrigin& git, std::string_view secret) {
    if (git.staged) Field("staged", "yes (index version, not committed)");
    if (git.commit.empty()) return;
    if (!git.history) {  // a single blob, not a grouped history finding
      Field("commit", EscapeControls(git.commit.substr(0, kShortCommit)) +
                          (git.present_at_head ? " (still present at HEAD)" : " (deleted since)"));
    } else {
      const SecretHistory& h = *git.history;
      Field("commit", EscapeControls(git.commit.substr(0, kShortCommit)) +
                          (h.versions > 1 ? " (first of " + std::to_string(h.versions) +
                                                " versions)"
                                          : std::string()));
    }
    Field("author", EscapeControls(git.author_name) + " <" + EscapeControls(git.author_email) + ">");
    Field("date", FormatUtc(git.commit_time));
    Field("message", EscapeControls(ScrubSecret(git.message, secret, options_)));
    if (git.history) History(git);
    if (git.other_occurrences > 0) {
      Field("also in", std::to_string(git.other_occurrences) +
                           (git.other_occurrences == 1 ? " other commit/path pair"
                                                       : " other commit/path pairs"));
    }
    for (const GitOccurrence& o : git.occurrences) {  // --all-occurrences
      out_ << "    " << EscapeControls(o.commit.substr(0, kShortCommit))
           << (o.commit.empty() ? "" : "  ") << EscapeControls(o.path) << '\n';
    }
  }

  // Where a grouped history finding's secret lives now, and how long it stayed.
  void History(const GitOrigin& git) {
    const SecretHistory& h = *git.history;
    if (!h.last_commit.empty() && h.last_commit != git.commit) {
      Field("last commit",
            EscapeControls(h.last_commit.substr(0, kShortCommit)) + " (" +
                FormatUtc(h.last_commit_time) + ")");
    }
    if (h.paths > 1) Field("paths", std::to_string(h.paths) + " paths hold this secret");
    Field("now", EscapeControls(PresenceText(h)));
  }

  std::ostream& out_;
  const ReportOptions options_;
  uint64_t findings_ = 0;  // reported, not suppressed
  uint64_t blocks_ = 0;    // printed, suppressed included
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, ReportOptions options) {
  return std::make_unique<TextReporter>(out, std::move(options));
}

}  // namespace magpie::report::internal
