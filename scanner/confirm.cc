#include "scanner/confirm.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <tuple>

#include "scanner/entropy.h"
#include "scanner/generic_detector.h"
#include "scanner/line_counter.h"
#include "scanner/validators.h"

namespace magpie::scanner::internal {
namespace {

constexpr uint64_t kWindowGrowth = 8192;

// `user@domain`, `guest@example.org`: lower-case words around an `@`. Anonymous FTP and the
// netrc manual's `default login anonymous password user@domain` put an e-mail address where
// the password goes by convention; it grants nothing.
bool IsWordEmail(std::string_view secret) {
  const size_t at = secret.find('@');
  if (at == std::string_view::npos || at < 2 || secret.size() - at < 3) return false;
  for (size_t i = 0; i < secret.size(); ++i) {
    const char c = secret[i];
    if (i == at) continue;
    if (!(std::islower(static_cast<unsigned char>(c)) || (c == '.' && i > at + 1))) return false;
  }
  return true;
}

// curl's login options follow the password in a URL or --user (`test:pass;auth=NTLM`): they
// name a mechanism, so the password is what precedes them. Returns its length in `secret`.
size_t PasswordBeforeLoginOptions(std::string_view secret) {
  static constexpr std::string_view kOption = ";auth=";
  for (size_t at = secret.find(';'); at != std::string_view::npos; at = secret.find(';', at + 1)) {
    if (secret.size() - at < kOption.size()) break;
    bool same = true;
    for (size_t i = 0; i < kOption.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(secret[at + i])) == kOption[i];
    }
    if (same) return at;
  }
  return secret.size();
}

// Documentation and fixture values of every provider's format: long runs of one character
// (`xoxb-000000000000-…`) or of the alphabet (`AbCdEfGhIj`, `123456789012`), `EXAMPLE`.
// Random tokens contain such runs with negligible probability. Multi-line and PEM secrets
// are exempt: DER bodies legitimately encode runs of zero bytes as `AAAA…`.
bool LooksLikeDocumentationValue(std::string_view secret, const rules::RuleSpec& spec) {
  if (spec.validator == rules::Validator::kPem || secret.find('\n') != std::string_view::npos) {
    return false;
  }
  if (secret.find("EXAMPLE") != std::string_view::npos) return true;
  if (IsDocumentedExample(secret)) return true;
  // Free-form passwords (netrc, URLs, SQL) that spell `password` or `secret` are fixtures;
  // a high-confidence provider format is what it is.
  if (spec.confidence != rules::Confidence::kHigh &&
      (IsWordPassword(secret) || IsWordEmail(secret))) {
    return true;
  }
  size_t same = 1;
  size_t ascending = 1;
  for (size_t i = 1; i < secret.size(); ++i) {
    const int prev = std::tolower(static_cast<unsigned char>(secret[i - 1]));
    const int cur = std::tolower(static_cast<unsigned char>(secret[i]));
    same = secret[i] == secret[i - 1] ? same + 1 : 1;
    ascending = (cur == prev + 1 && std::isalnum(cur)) ? ascending + 1 : 1;
    // 'A' runs are base64 of zero bytes, part of real formats (Twitter bearer tokens).
    if ((same >= 8 && secret[i] != 'A') || ascending >= 7) return true;
  }
  return false;
}

// Decides whether the extracted secret of `rule` is kept; sets validation state.
bool Accept(const CompiledRules::Impl& impl, const CompiledRule& rule, std::string_view data,
            const re2::StringPiece* groups, ConfirmedMatch* match) {
  const rules::RuleSpec& spec = *rule.spec;
  if (!rule.generic) {
    match->end = match->start + PasswordBeforeLoginOptions(
                                    data.substr(match->start, match->end - match->start));
    if (match->end == match->start) return false;
  }
  char opening_quote = 0;
  bool escaped_quote = false;
  if (rule.generic) {
    // The groups between the key and the value are the opening quotes of the pattern's forms.
    for (int i = 2; i < spec.secret_group; ++i) {
      const re2::StringPiece& quote = groups[i];
      if (quote.empty()) continue;
      opening_quote = quote[0];
      escaped_quote = quote.data() > data.data() && quote.data()[-1] == '\\';
      break;
    }
    // The value runs over `;`, `(` and `)`, which a quoted password may hold (`"qvE;nN2H)z"`,
    // issue 12); unquoted, they end it (`secret = compute(a);`), as they did before.
    if (opening_quote == 0) {
      const std::string_view value = data.substr(match->start, match->end - match->start);
      const size_t stop = value.find_first_of(";()");
      if (stop != std::string_view::npos) match->end = match->start + stop;
    }
  }
  const std::string_view secret = data.substr(match->start, match->end - match->start);
  match->entropy = ShannonEntropy(secret);
  if (spec.min_entropy && match->entropy < *spec.min_entropy) return false;
  if (rule.generic) {
    if (groups[1].data() == nullptr) return false;
    GenericCandidate candidate;
    candidate.value = secret;
    candidate.opening_quote = opening_quote;
    candidate.escaped_quote = escaped_quote;
    // Extend the key leftwards over identifier bytes: `DB_PASSWORD`, `dbPassword`.
    const char* key_begin = groups[1].data();
    const char* const floor = data.data();
    while (key_begin > floor) {
      const char c = key_begin[-1];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
            c == '/')) {
        break;
      }
      --key_begin;
    }
    candidate.key = std::string_view(key_begin, groups[1].data() + groups[1].size() - key_begin);
    candidate.next_byte =
        match->end < data.size() ? static_cast<unsigned char>(data[match->end]) : -1;
    return AcceptGenericCandidate(candidate, impl.options.entropy);
  }
  if (LooksLikeDocumentationValue(secret, spec)) return false;
  if (spec.validator != rules::Validator::kNone) {
    match->validated = RunValidator(spec.validator, secret);
    if (!match->validated && spec.require_validation) return false;
  }
  return true;
}

}  // namespace

void ConfirmWindow(const CompiledRules::Impl& impl, uint32_t rule_index, std::string_view data,
                   uint64_t begin, uint64_t end, std::vector<ConfirmedMatch>* out,
                   bool widen) {
  const CompiledRule& rule = impl.rules[rule_index];
  const int group = rule.spec->secret_group;
  // Only the groups up to the secret's are needed (the generic detector reads them all).
  const RE2& re = rule.re->get();
  if (!re.ok()) return;  // only reachable from a cache written by a broken build
  const int ngroups = std::min(re.NumberOfCapturingGroups() + 1, std::max(group, 4) + 1);
  std::vector<re2::StringPiece> group_storage(ngroups);
  re2::StringPiece* groups = group_storage.data();
  const re2::StringPiece text(data.data(), data.size());
  uint64_t pos = begin;
  while (pos <= end) {
    if (!re.Match(text, pos, end, RE2::UNANCHORED, groups, ngroups)) break;
    uint64_t match_begin = groups[0].data() - data.data();
    uint64_t match_end = match_begin + groups[0].size();
    if (widen && match_end == end && end < data.size()) {
      // The match may continue past the window: widen it and look again from here.
      end = std::min<uint64_t>(data.size(), end + kWindowGrowth);
      continue;
    }
    pos = match_end > match_begin ? match_end : match_begin + 1;
    if (group < ngroups && groups[group].data() != nullptr && !groups[group].empty()) {
      ConfirmedMatch match;
      match.rule = rule_index;
      match.start = groups[group].data() - data.data();
      match.end = match.start + groups[group].size();
      if (Accept(impl, rule, data, groups, &match)) {
        out->push_back(match);
      } else if (rule.generic && match.start > match_begin) {
        // A refused value may hold the next key: `A = process.env.A || 'secret'`.
        pos = match.start;
      }
    }
  }
}

namespace {

// The steps of MakeFindings, in the order it runs them. Each keeps `matches` sorted.

// By position, then rule id: the order of the findings (FindingLess), and what puts equal
// matches next to each other for RemoveDuplicates.
void SortByPosition(const CompiledRules::Impl& impl, std::vector<ConfirmedMatch>* matches) {
  std::sort(matches->begin(), matches->end(),
            [&](const ConfirmedMatch& a, const ConfirmedMatch& b) {
              return std::tie(a.start, a.end, impl.rules[a.rule].spec->id, a.decoded_secret) <
                     std::tie(b.start, b.end, impl.rules[b.rule].spec->id, b.decoded_secret);
            });
}

// The same rule on the same span (overlapping confirmation windows, chunk overlaps) once.
void RemoveDuplicates(std::vector<ConfirmedMatch>* matches) {
  matches->erase(std::unique(matches->begin(), matches->end(),
                             [](const ConfirmedMatch& a, const ConfirmedMatch& b) {
                               return a.rule == b.rule && a.start == b.start && a.end == b.end &&
                                      a.decoded_secret == b.decoded_secret;
                             }),
                 matches->end());
}

// A secret found both as is and inside a decoded span (a token in a URL that also has %XX
// escapes elsewhere) is reported once, as is.
void DropDecodedDuplicates(std::vector<ConfirmedMatch>* matches) {
  // The plain spans are copied out first: erase_if moves elements while it runs, and a
  // moved-from decoded match (empty `decoded`) would pass for a plain one.
  std::vector<std::tuple<uint32_t, uint64_t, uint64_t>> plain;
  for (const ConfirmedMatch& m : *matches) {
    if (m.decoded.empty()) plain.emplace_back(m.rule, m.start, m.end);
  }
  std::erase_if(*matches, [&](const ConfirmedMatch& m) {
    if (m.decoded.empty()) return false;
    for (const auto& [rule, start, end] : plain) {
      if (rule == m.rule && start < m.end && m.start < end) return true;
    }
    return false;
  });
}

// Two provider rules on the very same bytes (a GCP service-account key that is also a PKCS#8
// key) are one secret: keep the most confident, validated one (then the earlier rule).
void ResolveSameSpan(const CompiledRules::Impl& impl, std::vector<ConfirmedMatch>* matches) {
  auto rank = [&](const ConfirmedMatch& m) {
    const rules::RuleSpec& spec = *impl.rules[m.rule].spec;
    return std::make_tuple(static_cast<int>(spec.confidence), m.validated ? 1 : 0,
                           -static_cast<int64_t>(m.rule));
  };
  for (size_t i = 0; i + 1 < matches->size(); ++i) {
    ConfirmedMatch& a = (*matches)[i];
    ConfirmedMatch& b = (*matches)[i + 1];
    if (a.start == b.start && a.end == b.end && a.decoded_secret == b.decoded_secret &&
        a.rule != b.rule) {
      // Both become the winner, which RemoveDuplicates then keeps once.
      if (rank(a) >= rank(b)) {
        b = a;
      } else {
        a = b;
      }
    }
  }
  RemoveDuplicates(matches);
}

// A provider rule explains its secret better than the generic detector: drop generic matches
// that overlap a provider match.
void DropGenericOverlappingProvider(const CompiledRules::Impl& impl,
                                    std::vector<ConfirmedMatch>* matches) {
  std::vector<std::pair<uint64_t, uint64_t>> specific;
  for (const ConfirmedMatch& m : *matches) {
    if (!impl.rules[m.rule].generic) specific.emplace_back(m.start, m.end);
  }
  if (specific.empty()) return;
  std::erase_if(*matches, [&](const ConfirmedMatch& m) {
    if (!impl.rules[m.rule].generic) return false;
    for (const auto& [s, e] : specific) {
      if (m.start < e && s < m.end) return true;
    }
    return false;
  });
}

// f->start and f->end of `m`; returns where the start's line begins (for the context).
uint64_t SetPositions(const ConfirmedMatch& m, LineCounter* lines, Finding* f) {
  uint64_t start_line_begin = 0;
  f->start.offset = m.start;
  lines->Locate(m.start, &f->start.line, &start_line_begin);
  f->start.column = static_cast<uint32_t>(m.start - start_line_begin + 1);
  // End: the position just after the last byte of the secret.
  const uint64_t last = m.end > m.start ? m.end - 1 : m.start;
  uint64_t end_line_begin = 0;
  // On a copy: the next match may start before this one ends, and the walk must not pass it.
  LineCounter end_lines = *lines;
  end_lines.Locate(last, &f->end.line, &end_line_begin);
  f->end.offset = m.end;
  f->end.column = static_cast<uint32_t>(last - end_line_begin + 2);
  return start_line_begin;
}

// Context: the line holding the start of the secret, cut around the secret to
// kMaxContextBytes, without its line ending.
// Returns where the context begins in `data`.
uint64_t SetContext(std::string_view data, const ConfirmedMatch& m, uint64_t line_begin,
                    Finding* f) {
  const void* nl = std::memchr(data.data() + m.start, '\n', data.size() - m.start);
  const uint64_t line_end = nl ? static_cast<const char*>(nl) - data.data() : data.size();
  uint64_t ctx_begin = line_begin;
  uint64_t ctx_end = line_end;
  if (ctx_end - ctx_begin > kMaxContextBytes) {
    const uint64_t margin = kMaxContextBytes / 3;
    ctx_begin = std::max<uint64_t>(ctx_begin, m.start > margin ? m.start - margin : 0);
    ctx_end = std::min<uint64_t>(ctx_end, std::max<uint64_t>(m.end, m.start + margin) + margin);
    if (ctx_end - ctx_begin > kMaxContextBytes) ctx_end = ctx_begin + kMaxContextBytes;
  }
  if (ctx_end > ctx_begin && data[ctx_end - 1] == '\r') --ctx_end;
  f->context.assign(data.data() + ctx_begin, ctx_end - ctx_begin);
  f->context_secret_offset = static_cast<uint32_t>(m.start - ctx_begin);
  return ctx_begin;
}

// The byte spans of every confirmed secret in the buffer, sorted by start, with the running
// maximum of their ends: what AddContextSecrets looks up for each finding's context.
struct SecretSpans {
  std::vector<std::pair<uint64_t, uint64_t>> spans;  // [start, end), sorted by start
  std::vector<uint64_t> max_end;                     // max end of spans[0..i]

  explicit SecretSpans(const std::vector<ConfirmedMatch>& matches) {
    spans.reserve(matches.size());
    for (const ConfirmedMatch& m : matches) spans.emplace_back(m.start, std::max(m.end, m.start));
    std::sort(spans.begin(), spans.end());
    max_end.reserve(spans.size());
    uint64_t running = 0;
    for (const auto& [start, end] : spans) max_end.push_back(running = std::max(running, end));
  }
};

// f->context_secrets: every secret span that overlaps the context [ctx_begin, ctx_begin +
// context size), clipped and merged. Linear in the spans that overlap it.
void AddContextSecrets(const SecretSpans& all, uint64_t ctx_begin, Finding* f) {
  const uint64_t ctx_end = ctx_begin + f->context.size();
  // Spans starting before ctx_end, walked backwards until none earlier can reach ctx_begin.
  size_t i = std::lower_bound(all.spans.begin(), all.spans.end(),
                              std::make_pair(ctx_end, uint64_t{0})) -
             all.spans.begin();
  std::vector<Finding::Span> found;
  while (i > 0 && all.max_end[i - 1] > ctx_begin) {
    --i;
    const auto [start, end] = all.spans[i];
    if (end <= ctx_begin) continue;
    found.push_back({static_cast<uint32_t>(std::max(start, ctx_begin) - ctx_begin),
                     static_cast<uint32_t>(std::min(end, ctx_end) - ctx_begin)});
  }
  std::sort(found.begin(), found.end(),
            [](const Finding::Span& a, const Finding::Span& b) { return a.begin < b.begin; });
  for (const Finding::Span& s : found) {
    if (!f->context_secrets.empty() && s.begin <= f->context_secrets.back().end) {
      f->context_secrets.back().end = std::max(f->context_secrets.back().end, s.end);
    } else if (s.end > s.begin) {
      f->context_secrets.push_back(s);
    }
  }
}

// The rule's metadata and the secret (the decoded one for a match in decoded content).
Finding WithRuleAndSecret(const rules::RuleSpec& spec, std::string_view data,
                          const ConfirmedMatch& m) {
  Finding f;
  f.rule_id = spec.id;
  f.rule_name = spec.name;
  if (m.decoded.empty()) {
    f.secret.assign(data.data() + m.start, m.end - m.start);
  } else {
    f.secret = m.decoded_secret;
    f.decoded = m.decoded;
  }
  f.severity = spec.severity;
  f.confidence = spec.confidence;
  f.entropy = m.entropy;
  f.validated = m.validated;
  return f;
}

}  // namespace

std::vector<Finding> MakeFindings(const CompiledRules::Impl& impl, std::string_view data,
                                  std::vector<ConfirmedMatch> matches,
                                  rules::Confidence min_confidence) {
  SortByPosition(impl, &matches);
  // Before anything is dropped: a duplicate, an encoded copy or a match below the confidence
  // threshold is still a secret that no context may print.
  const SecretSpans secrets(matches);
  RemoveDuplicates(&matches);
  DropDecodedDuplicates(&matches);
  ResolveSameSpan(impl, &matches);
  DropGenericOverlappingProvider(impl, &matches);

  std::vector<Finding> findings;
  findings.reserve(matches.size());
  LineCounter lines(data);
  for (const ConfirmedMatch& m : matches) {
    const rules::RuleSpec& spec = *impl.rules[m.rule].spec;
    if (spec.confidence < min_confidence) continue;
    Finding f = WithRuleAndSecret(spec, data, m);
    const uint64_t line_begin = SetPositions(m, &lines, &f);
    const uint64_t context_begin = SetContext(data, m, line_begin, &f);
    AddContextSecrets(secrets, context_begin, &f);
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace magpie::scanner::internal
