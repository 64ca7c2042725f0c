#include "scanner/path_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "base/glob.h"
#include "rules/re2_options.h"
#include "scanner/entropy.h"

namespace magpie::scanner {

struct PathRules::Impl {
  struct Pattern {
    glob::PathGlob glob;
    bool negated = false;
  };
  struct Rule {
    rules::RuleSpec spec;
    std::vector<Pattern> patterns;
    std::unique_ptr<const RE2> content;  // null: any content
  };
  std::vector<Rule> rules;
};

namespace {

// gitignore's reading of one pattern: `!` negates, a '/' other than a trailing one anchors
// it at the root of the path (use `**/` to match at any depth).
PathRules::Impl::Pattern ParsePattern(std::string_view text) {
  bool negated = false;
  if (!text.empty() && text[0] == '!') {
    negated = true;
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  const bool anchored = text.find('/') != std::string_view::npos;
  if (!text.empty() && text[0] == '/') text.remove_prefix(1);
  return {glob::PathGlob(text, anchored), negated};
}

// The last pattern that matches decides, as in a .gitignore.
bool Matches(const PathRules::Impl::Rule& rule, const std::vector<std::string_view>& path) {
  if (path.empty()) return false;
  std::vector<char> matched;
  for (auto p = rule.patterns.rbegin(); p != rule.patterns.rend(); ++p) {
    p->glob.MatchPrefixes(path, &matched);
    if (matched.back() != 0) return !p->negated;
  }
  return false;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `DB_PASSWORD`, `STRIPE_SECRET`, `API_TOKEN`, `SECRET_KEY`, `SMTP_PASS`, `MYSQL_PWD`.
bool KeyNamesSecret(std::string_view key) {
  const std::string upper = Upper(key);
  for (std::string_view word : {"PASSWORD", "SECRET", "TOKEN", "KEY", "PASS", "PWD"}) {
    if (upper == word) return true;
    if (EndsWith(upper, "_" + std::string(word))) {
      // Keys meant to be shared: public and publishable keys, reCAPTCHA site keys, Supabase's
      // anon key, Pusher's app key (its secret is PUSHER_APP_SECRET).
      if (word != "KEY") return true;
      for (std::string_view shared : {"PUBLIC_KEY", "PUBLISHABLE_KEY", "PUB_KEY", "SITE_KEY",
                                      "ANON_KEY", "PUSHER_APP_KEY"}) {
        if (EndsWith(upper, shared)) return false;
      }
      return true;
    }
  }
  return false;
}

// Empty, a variable reference, or a value that stands for "fill me in".
bool IsPlaceholderValue(std::string_view value) {
  if (value.size() < 3) return true;
  if (value[0] == '$') return true;  // ${X}, $X, $(command)
  if (value.front() == '<' && value.back() == '>') return true;
  if (value.substr(0, 2) == "{{" || value.substr(0, 2) == "%(") return true;
  const std::string upper = Upper(value);
  if (upper.find_first_not_of('X') == std::string::npos ||
      upper.find_first_not_of('*') == std::string::npos ||
      upper.find_first_not_of('.') == std::string::npos) {
    return true;
  }
  if (upper.substr(0, 4) == "YOUR") return true;  // your-password, YOUR_API_KEY, yourtoken
  for (std::string_view word : {"CHANGEME", "CHANGE_ME", "CHANGE-ME", "PLACEHOLDER", "EXAMPLE",
                                "REPLACE", "REDACTED", "DUMMY", "TODO", "FIXME", "XXXX"}) {
    if (upper.find(word) != std::string::npos) return true;
  }
  for (std::string_view word : {"NULL", "NONE", "TRUE", "FALSE", "EMPTY", "NIL"}) {
    if (upper == word) return true;
  }
  return false;
}

// One `[export] KEY=value` line: the key and the value's span within the line, unquoted.
struct Assignment {
  std::string_view key;
  size_t value_begin = 0;
  size_t value_end = 0;
};

bool ParseAssignment(std::string_view line, Assignment* out) {
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos || line[i] == '#') return false;
  if (line.substr(i, 7) == "export " || line.substr(i, 7) == "export\t") {
    i = line.find_first_not_of(" \t", i + 7);
    if (i == std::string_view::npos) return false;
  }
  const size_t key_begin = i;
  auto key_byte = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  };
  while (i < line.size() && key_byte(line[i])) ++i;
  if (i == key_begin) return false;
  out->key = line.substr(key_begin, i - key_begin);
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size() || line[i] != '=') return false;
  ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
    const size_t close = line.find(line[i], i + 1);
    if (close == std::string_view::npos) return false;
    out->value_begin = i + 1;
    out->value_end = close;
    return true;
  }
  size_t end = i;
  // Unquoted: up to the end of the line or a comment (" #"), trailing blanks dropped.
  while (end < line.size() && !(line[end] == '#' && end > i && (line[end - 1] == ' ' ||
                                                                line[end - 1] == '\t'))) {
    ++end;
  }
  while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) {
    --end;
  }
  out->value_begin = i;
  out->value_end = end;
  return true;
}

// Adds [begin, end) (offsets in the scanned text) to the spans `f` hides in its context.
void HideInContext(uint64_t begin, uint64_t end, Finding* f) {
  if (f->start.offset < f->context_secret_offset) return;
  const uint64_t ctx_begin = f->start.offset - f->context_secret_offset;
  const uint64_t ctx_end = ctx_begin + f->context.size();
  if (end <= ctx_begin || begin >= ctx_end) return;
  Finding::Span span{static_cast<uint32_t>(std::max(begin, ctx_begin) - ctx_begin),
                     static_cast<uint32_t>(std::min(end, ctx_end) - ctx_begin)};
  std::vector<Finding::Span>& spans = f->context_secrets;
  spans.push_back(span);
  std::sort(spans.begin(), spans.end(),
            [](const Finding::Span& a, const Finding::Span& b) { return a.begin < b.begin; });
  std::vector<Finding::Span> merged;
  for (const Finding::Span& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  spans = std::move(merged);
}

}  // namespace

PathRules::PathRules() : impl_(std::make_shared<const Impl>()) {}

Result<PathRules> PathRules::Compile(const rules::RuleSet& rules) {
  auto impl = std::make_shared<Impl>();
  for (const rules::RuleSpec& spec : rules.rules()) {
    if (spec.kind == rules::RuleKind::kContent) continue;
    Impl::Rule rule;
    rule.spec = spec;
    for (const std::string& pattern : spec.paths) rule.patterns.push_back(ParsePattern(pattern));
    if (spec.kind == rules::RuleKind::kPath && !spec.content.empty()) {
      rule.content = std::make_unique<const RE2>(spec.content, rules::Re2Options());
      if (!rule.content->ok()) {
        return InvalidArgument("rule '" + spec.id +
                               "': content pattern rejected by RE2: " + rule.content->error());
      }
    }
    impl->rules.push_back(std::move(rule));
  }
  PathRules out;
  out.impl_ = std::move(impl);
  return out;
}

bool PathRules::empty() const { return impl_->rules.empty(); }

std::vector<Finding> PathRules::MatchPath(std::string_view path,
                                          const std::string_view* content) const {
  std::vector<Finding> out;
  if (impl_->rules.empty()) return out;
  const std::vector<std::string_view> parts = glob::SplitPath(path);
  for (const Impl::Rule& rule : impl_->rules) {
    if (rule.spec.kind != rules::RuleKind::kPath || !Matches(rule, parts)) continue;
    if (rule.content != nullptr) {
      if (content == nullptr) continue;
      const std::string_view head = content->substr(0, rules::kPathContentBytes);
      if (!RE2::PartialMatch(head, *rule.content)) continue;
    }
    Finding f;
    f.rule_id = rule.spec.id;
    f.rule_name = rule.spec.name;
    f.severity = rule.spec.severity;
    f.confidence = rule.spec.confidence;
    f.sensitive_file = true;
    out.push_back(std::move(f));
  }
  return out;
}

bool PathRules::IsDotenv(std::string_view path) const {
  const std::vector<std::string_view> parts = glob::SplitPath(path);
  for (const Impl::Rule& rule : impl_->rules) {
    if (rule.spec.kind == rules::RuleKind::kDotenv && Matches(rule, parts)) return true;
  }
  return false;
}

void PathRules::AddDotenvFindings(std::string_view path, std::string_view text,
                                  std::vector<Finding>* findings) const {
  const std::vector<std::string_view> parts = glob::SplitPath(path);
  const Impl::Rule* dotenv = nullptr;
  for (const Impl::Rule& rule : impl_->rules) {
    if (rule.spec.kind == rules::RuleKind::kDotenv && Matches(rule, parts)) {
      dotenv = &rule;
      break;
    }
  }
  if (dotenv == nullptr) return;
  size_t before = findings->size();  // the findings that were there: dotenv ones follow
  bool added = false;
  uint32_t line_number = 0;
  for (size_t line_begin = 0; line_begin < text.size();) {
    ++line_number;
    const size_t nl = text.find('\n', line_begin);
    const size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    const size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    Assignment a;
    if (!ParseAssignment(line, &a) || !KeyNamesSecret(a.key)) {
      line_begin = next;
      continue;
    }
    const std::string_view value = line.substr(a.value_begin, a.value_end - a.value_begin);
    const uint64_t begin = line_begin + a.value_begin;
    const uint64_t end = line_begin + a.value_end;
    auto overlaps = [&](const Finding& f) {
      return !f.sensitive_file && f.start.offset < end && begin < f.end.offset;
    };
    // A provider rule explains the value better; the generic detector less well than a key
    // named *_PASSWORD in a dotenv file, and possibly below --min-confidence.
    const bool covered = std::any_of(findings->begin(), findings->begin() + before,
                                     [&](const Finding& f) {
                                       return overlaps(f) && f.rule_id != rules::kGenericRuleId;
                                     });
    if (IsPlaceholderValue(value) || covered) {
      line_begin = next;
      continue;
    }
    const auto generic = std::remove_if(findings->begin(), findings->begin() + before,
                                        [&](const Finding& f) { return overlaps(f); });
    const size_t removed = static_cast<size_t>(findings->begin() + before - generic);
    findings->erase(generic, findings->begin() + before);
    before -= removed;
    Finding f;
    f.rule_id = dotenv->spec.id;
    f.rule_name = dotenv->spec.name;
    f.severity = dotenv->spec.severity;
    f.confidence = dotenv->spec.confidence;
    f.secret = std::string(value);
    f.entropy = ShannonEntropy(value);
    f.start = {begin, line_number, static_cast<uint32_t>(a.value_begin + 1)};
    f.end = {end, line_number, static_cast<uint32_t>(a.value_end + 1)};
    // Dotenv lines are short; a long one is cut at the maximum context from its start, the
    // secret's span clipped to what remains.
    std::string_view context = line;
    if (!context.empty() && context.back() == '\r') context.remove_suffix(1);
    if (a.value_begin >= kMaxContextBytes) {
      context = {};
    } else {
      context = context.substr(0, kMaxContextBytes);
      f.context = std::string(context);
      f.context_secret_offset = static_cast<uint32_t>(a.value_begin);
      f.context_secrets.push_back(
          {static_cast<uint32_t>(a.value_begin),
           static_cast<uint32_t>(std::min<size_t>(a.value_end, context.size()))});
    }
    for (size_t i = 0; i < before; ++i) {
      if ((*findings)[i].start.line == line_number) HideInContext(begin, end, &(*findings)[i]);
    }
    findings->push_back(std::move(f));
    added = true;
    line_begin = next;
  }
  if (added) std::sort(findings->begin(), findings->end(), FindingLess);
}

}  // namespace magpie::scanner
