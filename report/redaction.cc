// Redaction: the one place that decides how much of a secret may be printed.
#include <algorithm>
#include <string>
#include <string_view>

#include "report/report_internal.h"
#include "report/reporter.h"

namespace magpie::report {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, "…"

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string Redact(std::string_view secret) {
  // A quarter at most, so that a short secret keeps most of its bytes hidden; four at most,
  // which is enough to recognise a token family ("AKIA", "ghp_") without helping a guesser.
  size_t keep = std::min<size_t>(4, secret.size() / 4);
  // Never cut a UTF-8 sequence: the result must stay valid text for JSON and terminals.
  while (keep > 0 && IsUtf8Continuation(secret[keep])) --keep;
  std::string out(secret.substr(0, keep));
  out += kEllipsis;
  return out;
}

std::string SecretForOutput(std::string_view secret, const ReportOptions& options) {
  return options.show_secrets ? std::string(secret) : Redact(secret);
}

namespace internal {

std::string ScrubSecret(std::string text, std::string_view secret, const ReportOptions& options) {
  if (options.show_secrets || secret.empty()) return text;
  const std::string redacted = Redact(secret);
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), redacted);
    pos += redacted.size();  // past the replacement: Redact("…") == "…" must not loop
  }
  return text;
}

OutputContext ContextForOutput(const scanner::Finding& finding, const ReportOptions& options) {
  const std::string& context = finding.context;
  const size_t offset = finding.context_secret_offset;
  // The span of the finding in the line. For a secret found in decoded content this is the
  // encoded text, which gives the secret away just as well, so it is the span to hide.
  const size_t span = finding.end.offset > finding.start.offset
                          ? static_cast<size_t>(finding.end.offset - finding.start.offset)
                          : finding.secret.size();
  OutputContext out;
  if (offset > context.size() || span == 0) {
    // Offsets do not point into the line: still make sure the secret is not printed.
    out.text = ScrubSecret(context, finding.secret, options);
    return out;
  }
  // A multi-line secret (a PEM key) or one cut by kMaxContextBytes ends past the line.
  const size_t length = std::min(span, context.size() - offset);
  if (options.show_secrets) {
    out.text = context;
    out.secret_begin = offset;
    out.secret_end = offset + length;
    return out;
  }
  out.text = ScrubSecret(context.substr(0, offset), finding.secret, options);
  out.secret_begin = out.text.size();
  out.text += Redact(finding.secret);
  out.secret_end = out.text.size();
  out.text += ScrubSecret(context.substr(offset + length), finding.secret, options);
  return out;
}

}  // namespace internal
}  // namespace magpie::report
