#include "suppress/allow_markers.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "rules/rule_spec.h"

namespace magpie::suppress {
namespace {

constexpr std::string_view kMagpieMarker = "magpie:allow";
constexpr std::string_view kGitleaksMarker = "gitleaks:allow";
constexpr std::string_view kPragma = "pragma:";

bool IsIdStart(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsIdChar(char c) { return IsIdStart(c) || c == '-'; }
bool IsWordChar(char c) {
  return IsIdChar(c) || (c >= 'A' && c <= 'Z') || c == '_';
}

bool Consume(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

constexpr size_t kTypoDistance = 2;

bool IsKnownRule(const rules::RuleSet& rules, std::string_view word) {
  return word == rules::kGenericRuleId || rules.Find(word) >= 0;
}

// The rule id nearest to `word` within kTypoDistance, or "". Words shorter than 4 letters are
// never taken for typos ("it", "ok" are that close to "jwt").
std::string NearestRule(const rules::RuleSet& rules, std::string_view word) {
  std::string nearest;
  if (word.size() < 4) return nearest;
  size_t best = kTypoDistance + 1;
  const auto consider = [&](std::string_view id) {
    const size_t d = EditDistance(word, id, kTypoDistance);
    if (d < best) {
      best = d;
      nearest = std::string(id);
    }
  };
  consider(rules::kGenericRuleId);
  for (const rules::RuleSpec& rule : rules.rules()) consider(rule.id);
  return nearest;
}

void Warn(const MarkerContext& context, std::string_view word, const std::string& nearest) {
  if (context.warnings == nullptr) return;
  std::string message = "magpie:allow names '" + std::string(word) + "', which is not a rule id";
  if (!nearest.empty()) message += " (did you mean '" + nearest + "'?)";
  message += ", so it allows nothing; a reason goes after ' -- '";
  context.warnings->push_back(std::move(message));
}

// `rest` follows "magpie:allow". True when it names no rule (allows all) or names `rule_id`.
bool MagpieMarkerAllows(std::string_view rest, std::string_view rule_id,
                        const MarkerContext& context) {
  if (!rest.empty() && IsWordChar(rest.front())) return false;  // "magpie:allowed" is prose
  bool named_any = false;
  bool allows = false;
  while (true) {
    const size_t skip = rest.find_first_not_of(" \t,");
    if (skip == std::string_view::npos) break;
    rest.remove_prefix(skip);
    if (!IsIdStart(rest.front())) break;  // "--", a comment's closer, punctuation: ids end
    size_t n = 1;
    while (n < rest.size() && IsIdChar(rest[n])) ++n;
    const std::string_view word = rest.substr(0, n);
    rest.remove_prefix(n);
    const bool ends = rest.empty() || rest.front() == ' ' || rest.front() == '\t' ||
                      rest.front() == ',';
    if (context.rules == nullptr || IsKnownRule(*context.rules, word)) {
      named_any = true;
      allows = allows || word == rule_id;
    } else {
      const std::string nearest = NearestRule(*context.rules, word);
      if (word.find('-') == std::string_view::npos && nearest.empty()) break;  // a reason
      named_any = true;  // names a rule that does not exist: allows nothing by it
      Warn(context, word, nearest);
    }
    if (!ends) break;  // "rule-id*/" or "rule-id-->": the list ends at the comment's closer
  }
  return allows || !named_any;
}

// `rest` follows "pragma:": detect-secrets' "pragma: allowlist secret", with its variants.
bool IsDetectSecretsPragma(std::string_view rest) {
  Consume(&rest, " ");
  if (!Consume(&rest, "allowlist") && !Consume(&rest, "whitelist")) return false;
  if (!Consume(&rest, " ") && !Consume(&rest, "-")) return false;
  if (Consume(&rest, "nextline") && !Consume(&rest, " ") && !Consume(&rest, "-")) return false;
  return rest.substr(0, 6) == "secret";
}

// Nothing but whitespace and comment punctuation before `at`: the marker is the line's content.
bool OnlyPunctuationBefore(std::string_view line, size_t at) {
  for (char c : line.substr(0, at)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool LineAllowsRule(std::string_view line, std::string_view rule_id, bool standalone,
                    const MarkerContext& context) {
  const auto placed = [&](size_t at) { return !standalone || OnlyPunctuationBefore(line, at); };
  for (size_t at = line.find(kGitleaksMarker); at != std::string_view::npos;
       at = line.find(kGitleaksMarker, at + 1)) {
    if (placed(at)) return true;
  }
  for (size_t at = line.find(kMagpieMarker); at != std::string_view::npos;
       at = line.find(kMagpieMarker, at + 1)) {
    if (placed(at) &&
        MagpieMarkerAllows(line.substr(at + kMagpieMarker.size()), rule_id, context)) {
      return true;
    }
  }
  for (size_t at = line.find(kPragma); at != std::string_view::npos;
       at = line.find(kPragma, at + 1)) {
    if (placed(at) && IsDetectSecretsPragma(line.substr(at + kPragma.size()))) return true;
  }
  return false;
}

bool IsSuppressedInline(std::string_view data, const scanner::Finding& f,
                        const MarkerContext& context) {
  const size_t pos = static_cast<size_t>(std::min<uint64_t>(f.start.offset, data.size()));
  const size_t window_begin = pos > kMarkerWindowBytes ? pos - kMarkerWindowBytes : 0;
  // Start of the secret's line (or of the window, for a very long line).
  size_t line_begin = window_begin;
  const std::string_view before = data.substr(window_begin, pos - window_begin);
  if (const size_t nl = before.rfind('\n'); nl != std::string_view::npos) {
    line_begin = window_begin + nl + 1;
  }
  const size_t window_end = std::min(data.size(), pos + 2 * kMarkerWindowBytes);
  const void* nl = std::memchr(data.data() + pos, '\n', window_end - pos);
  const size_t line_end = nl ? static_cast<const char*>(nl) - data.data() : window_end;
  if (LineAllowsRule(data.substr(line_begin, line_end - line_begin), f.rule_id,
                     /*standalone=*/false, context)) {
    return true;
  }

  // The line before, only when we really are at the start of the secret's line.
  if (line_begin == 0 || data[line_begin - 1] != '\n') return false;
  const size_t prev_end = line_begin - 1;
  const size_t prev_window = prev_end > kMarkerWindowBytes ? prev_end - kMarkerWindowBytes : 0;
  size_t prev_begin = prev_window;
  const std::string_view prev = data.substr(prev_window, prev_end - prev_window);
  if (const size_t p = prev.rfind('\n'); p != std::string_view::npos) {
    prev_begin = prev_window + p + 1;
  }
  return LineAllowsRule(data.substr(prev_begin, prev_end - prev_begin), f.rule_id,
                        /*standalone=*/true, context);
}

}  // namespace magpie::suppress
