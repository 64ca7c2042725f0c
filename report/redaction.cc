// Redaction: the one place that decides how much of a secret may be printed.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "report/report_internal.h"
#include "report/reporter.h"

namespace magpie::report {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026, "…"

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first line of a multi-line key when it is an armor header that names the key without
// giving any of it away: "-----BEGIN RSA PRIVATE KEY-----", "PuTTY-User-Key-File-3: ssh-rsa".
std::string_view ArmorHeader(std::string_view secret) {
  const size_t nl = secret.find('\n');
  if (nl == std::string_view::npos) return {};
  std::string_view first = secret.substr(0, nl);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  const bool pem = first.rfind("-----BEGIN ", 0) == 0 && first.size() > 16 &&
                   first.substr(first.size() - 5) == "-----";
  const bool putty = first.rfind("PuTTY-User-Key-File-", 0) == 0 && first.size() < 80;
  return pem || putty ? first : std::string_view();
}

}  // namespace

std::string Redact(std::string_view secret) {
  // A multi-line key is named by its header line, never by a run of dashes, and no body line.
  if (const std::string_view header = ArmorHeader(secret); !header.empty()) {
    std::string out(header);
    out += ' ';
    out += kEllipsis;
    return out;
  }
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
  const bool own_in_line = offset <= context.size() && span > 0;
  // A multi-line secret (a PEM key) or one cut by kMaxContextBytes ends past the line.
  const size_t length = own_in_line ? std::min(span, context.size() - offset) : 0;
  OutputContext out;
  if (options.show_secrets) {
    out.text = context;
    if (own_in_line) {
      out.secret_begin = offset;
      out.secret_end = offset + length;
    }
    return out;
  }
  // Everything to hide: this finding's span and every other secret's on the line (a line with
  // two secrets must not print the second in the first one's context), merged.
  std::vector<scanner::Finding::Span> hidden;
  for (const scanner::Finding::Span& s : finding.context_secrets) {
    if (s.begin < s.end && s.end <= context.size()) hidden.push_back(s);
  }
  if (own_in_line) {
    hidden.push_back({static_cast<uint32_t>(offset), static_cast<uint32_t>(offset + length)});
  }
  std::sort(hidden.begin(), hidden.end(), [](const auto& a, const auto& b) {
    return a.begin < b.begin;
  });
  size_t pos = 0;
  for (size_t i = 0; i < hidden.size();) {
    size_t begin = hidden[i].begin;
    size_t end = hidden[i].end;
    for (++i; i < hidden.size() && hidden[i].begin <= end; ++i) {
      end = std::max<size_t>(end, hidden[i].end);
    }
    if (begin < pos) begin = pos;
    out.text += ScrubSecret(context.substr(pos, begin - pos), finding.secret, options);
    const bool own = own_in_line && begin <= offset && offset < end;
    if (own) out.secret_begin = out.text.size();
    // The finding's own secret shows as Redact(secret) (its decoded form for an encoded
    // span); another secret as the redaction of its own bytes.
    out.text += own ? Redact(finding.secret)
                    : Redact(std::string_view(context).substr(begin, end - begin));
    if (own) out.secret_end = out.text.size();
    pos = end;
  }
  out.text += ScrubSecret(context.substr(std::min(pos, context.size())), finding.secret, options);
  return out;
}

}  // namespace internal
}  // namespace magpie::report
