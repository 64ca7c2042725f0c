#include "triage/finding_view.h"

#include <string>

#include "report/reporter.h"
#include "report/terminal_text.h"

namespace magpie::triage::internal {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr size_t kMaxShownBytes = 200;  // of a context line or message
constexpr size_t kShortCommit = 12;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `text` escaped for the terminal, leading blanks dropped, cut after kMaxShownBytes.
std::string Shown(std::string_view text) {
  const size_t start = text.find_first_not_of(" \t");
  text = start == std::string_view::npos ? std::string_view() : text.substr(start);
  if (text.size() <= kMaxShownBytes) return report::EscapeControls(text);
  size_t end = kMaxShownBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return report::EscapeControls(text.substr(0, end)) + std::string(kEllipsis);
}

void Field(std::string* out, std::string_view label, const std::string& value) {
  std::string padded(label);
  padded += ':';
  padded.resize(13, ' ');
  *out += "  " + padded + value + "\n";
}

}  // namespace

bool LooksRedacted(std::string_view secret) {
  if (!EndsWith(secret, kEllipsis)) return false;
  const std::string_view kept = secret.substr(0, secret.size() - kEllipsis.size());
  if (kept.find('\n') != std::string_view::npos) return false;
  if (kept.size() <= 4) return true;
  // "-----BEGIN RSA PRIVATE KEY----- …": a header line names the key and gives none of it.
  const bool pem = kept.rfind("-----BEGIN ", 0) == 0 && EndsWith(kept, "----- ");
  const bool putty = kept.rfind("PuTTY-User-Key-File-", 0) == 0 && kept.size() < 82;
  return pem || putty;
}

std::string VerdictLine(const suppress::TriageFinding& f) {
  std::string line;
  switch (f.verdict) {
    case suppress::Verdict::kUndecided: return "no verdict yet";
    case suppress::Verdict::kConfirmed: line = "real (confirmed)"; break;
    case suppress::Verdict::kFalsePositive: line = "false positive (in the ignore file)"; break;
    case suppress::Verdict::kSkipped: line = "skipped"; break;
  }
  if (!f.reason.empty()) line += ": " + report::EscapeControls(f.reason);
  return line;
}

std::string FindingView(const suppress::TriageFinding& f, size_t index, size_t total) {
  // A secret in any other form than magpie's redaction (a report written with --show-secrets,
  // or a hostile file) is redacted here, and its line and commit message are not shown.
  const bool redacted = f.redacted && LooksRedacted(f.secret);
  std::string out = "\n\xE2\x94\x80\xE2\x94\x80 finding " + std::to_string(index + 1) + " of " +
                    std::to_string(total) + " \xE2\x94\x80\xE2\x94\x80\n";
  std::string rule = report::EscapeControls(f.rule);
  if (!f.rule_name.empty()) rule += " (" + report::EscapeControls(f.rule_name) + ")";
  if (!f.severity.empty()) rule += "  severity " + report::EscapeControls(f.severity);
  if (!f.confidence.empty()) rule += ", confidence " + report::EscapeControls(f.confidence);
  Field(&out, "rule", rule);
  Field(&out, "location", report::EscapeControls(f.path) + ":" + std::to_string(f.line) +
                              (f.column > 0 ? ":" + std::to_string(f.column) : ""));
  Field(&out, "secret", report::EscapeControls(redacted ? f.secret : report::Redact(f.secret)));
  if (redacted) {
    if (!f.context.empty()) Field(&out, "context", Shown(f.context));
  } else {
    Field(&out, "context", "(not shown: this baseline holds secrets in full)");
  }
  if (f.git && !f.git->commit.empty()) {
    Field(&out, "commit", report::EscapeControls(f.git->commit.substr(0, kShortCommit)) +
                              (f.git->present_at_head ? " (still present at HEAD)"
                                                      : " (deleted since)"));
    Field(&out, "author", report::EscapeControls(f.git->author_name) + " <" +
                              report::EscapeControls(f.git->author_email) + ">");
    if (!f.git->commit_time.empty()) Field(&out, "date", report::EscapeControls(f.git->commit_time));
    if (redacted && !f.git->message.empty()) Field(&out, "message", Shown(f.git->message));
  }
  Field(&out, "fingerprint", report::EscapeControls(f.fingerprint));
  Field(&out, "verdict", VerdictLine(f));
  return out;
}

}  // namespace magpie::triage::internal
