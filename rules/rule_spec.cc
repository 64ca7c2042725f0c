#include "rules/rule_spec.h"

namespace magpie::rules {

std::string_view ToString(Confidence c) {
  switch (c) {
    case Confidence::kLow:
      return "low";
    case Confidence::kMedium:
      return "medium";
    case Confidence::kHigh:
      return "high";
  }
  return "medium";  // unreachable for valid enum values
}

std::string_view ToString(Severity s) {
  switch (s) {
    case Severity::kLow:
      return "low";
    case Severity::kMedium:
      return "medium";
    case Severity::kHigh:
      return "high";
    case Severity::kCritical:
      return "critical";
  }
  return "high";  // unreachable for valid enum values
}

std::optional<Confidence> ParseConfidence(std::string_view s) {
  if (s == "low") return Confidence::kLow;
  if (s == "medium") return Confidence::kMedium;
  if (s == "high") return Confidence::kHigh;
  return std::nullopt;
}

std::optional<Severity> ParseSeverity(std::string_view s) {
  if (s == "low") return Severity::kLow;
  if (s == "medium") return Severity::kMedium;
  if (s == "high") return Severity::kHigh;
  if (s == "critical") return Severity::kCritical;
  return std::nullopt;
}

std::string_view ToString(RuleKind k) {
  switch (k) {
    case RuleKind::kContent:
      return "content";
    case RuleKind::kPath:
      return "path";
    case RuleKind::kDotenv:
      return "dotenv";
  }
  return "content";  // unreachable for valid enum values
}

std::optional<RuleKind> ParseRuleKind(std::string_view s) {
  if (s == "content") return RuleKind::kContent;
  if (s == "path") return RuleKind::kPath;
  if (s == "dotenv") return RuleKind::kDotenv;
  return std::nullopt;
}

std::string_view ToString(Validator v) {
  switch (v) {
    case Validator::kNone:
      return "";
    case Validator::kGithubChecksum:
      return "github-checksum";
    case Validator::kNpmChecksum:
      return "npm-checksum";
    case Validator::kJwt:
      return "jwt";
    case Validator::kPem:
      return "pem";
    case Validator::kPypiMacaroon:
      return "pypi-macaroon";
    case Validator::kBase64Credentials:
      return "base64-credentials";
  }
  return "";  // unreachable for valid enum values
}

std::optional<Validator> ParseValidator(std::string_view name) {
  for (Validator v : kKnownValidators) {
    if (ToString(v) == name) return v;
  }
  return std::nullopt;
}

}  // namespace magpie::rules
