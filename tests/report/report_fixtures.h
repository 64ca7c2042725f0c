// A fixed set of findings shared by the report tests and the golden files: file and git
// origins, a staged finding, a multi-byte secret and context, a path with a space, a decoded
// and a validated finding, and one rule the rule set does not know.
#ifndef MAGPIE_TESTS_REPORT_REPORT_FIXTURES_H_
#define MAGPIE_TESTS_REPORT_REPORT_FIXTURES_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "report/reporter.h"
#include "rules/rule_set.h"

namespace magpie::report::testing {

inline constexpr const char kAwsSecret[] = "AKIAQYLPMN5HHHFPZAM2";
inline constexpr const char kUnicodeSecret[] = "pä€sswörd-ünïcödé-2024";  // 'p' 'ä' then '€'
inline constexpr const char kGithubSecret[] = "ghp_R8wPQmd0fZ3vYxL2kT9sHn4bVc6aJ1eUo7Ki";
inline constexpr const char kEntropySecret[] = "9f8Kq2LzX7wB4nV6mR1tY3pD5sG0hJcE";

inline scanner::Finding MakeFinding(std::string rule_id, std::string rule_name, std::string secret,
                                    std::string context, uint32_t context_offset, uint32_t line,
                                    uint32_t column, uint64_t offset) {
  scanner::Finding f;
  f.rule_id = std::move(rule_id);
  f.rule_name = std::move(rule_name);
  f.secret = std::move(secret);
  f.context = std::move(context);
  f.context_secret_offset = context_offset;
  f.start = {offset, line, column};
  const auto size = static_cast<uint32_t>(f.secret.size());
  f.end = {offset + size, line, column + size};
  return f;
}

inline std::vector<ReportedFinding> Findings() {
  std::vector<ReportedFinding> out;

  // Plain file, a path with a space, an indented context line that repeats the secret.
  scanner::Finding aws = MakeFinding(
      "aws-access-key-id", "AWS access key ID", kAwsSecret,
      std::string("    aws_access_key_id = \"") + kAwsSecret + "\"  # was " + kAwsSecret, 25, 3,
      26, 97);
  aws.severity = rules::Severity::kCritical;
  aws.confidence = rules::Confidence::kHigh;
  aws.entropy = 3.684183;
  out.push_back({aws, FileOrigin{"config/app settings.env"}, "5c1c0c0fb1b5a2a5b1e4f1e9a77f4c0e"});

  // Multi-byte secret after multi-byte text ("ключ" is 8 bytes, 4 code points), in a path
  // with non-ASCII characters.
  const std::string prefix = "ключ = \"";
  scanner::Finding unicode = MakeFinding(
      "generic-password", "Generic password", kUnicodeSecret,
      prefix + kUnicodeSecret + "\"", static_cast<uint32_t>(prefix.size()), 7,
      static_cast<uint32_t>(prefix.size()) + 1, 210);
  unicode.severity = rules::Severity::kMedium;
  unicode.confidence = rules::Confidence::kLow;
  unicode.entropy = 4.125;
  out.push_back({unicode, FileOrigin{"src/i18n/münchen #1.py"}, "0a1b2c3d4e5f60718293a4b5c6d7e8f9"});

  // Found in git history, base64-decoded (the span is the encoded text), validated, deleted
  // since, and the commit message quotes the secret.
  const std::string encoded = "Z2hwX1I4d1BRbWQwZlozdll4TDJrVDlzSG40YlZjNmFKMWVVbzdLaQ==";
  scanner::Finding github = MakeFinding("github-pat", "GitHub personal access token",
                                        kGithubSecret, "token: " + encoded, 7, 12, 8, 4096);
  github.end = {4096 + encoded.size(), 12, static_cast<uint32_t>(8 + encoded.size())};
  github.severity = rules::Severity::kHigh;
  github.confidence = rules::Confidence::kHigh;
  github.entropy = 5.0;
  github.validated = true;
  github.decoded = "base64";
  GitOrigin history;
  history.path = "deploy/prod.yaml";
  history.blob_id = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
  history.commit = "4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b";
  history.author_name = "Jane Doe";
  history.author_email = "jane@example.com";
  history.commit_time = 1700000000;  // 2023-11-14T22:13:20Z
  history.message = std::string("Add prod token ") + kGithubSecret;
  history.other_occurrences = 2;
  history.present_at_head = false;
  // One history finding for three versions of the file (issue 11): gone from HEAD's branch,
  // still in a release branch and four tags.
  history.history.emplace();
  history.history->last_commit = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807";
  history.history->last_commit_time = 1700086400;  // 2023-11-15T22:13:20Z
  history.history->versions = 3;
  history.history->paths = 2;
  history.history->presence_checked = true;
  history.history->present_in = {"refs/heads/release/1.x", "refs/tags/v1.0", "refs/tags/v1.1",
                                 "refs/tags/v1.2", "refs/tags/v1.3"};
  history.occurrences = {
      {"4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b", "deploy/prod.yaml",
       "3b18e512dba79e4c8300dd08aeb37f8e728b8dad", 4},
      {"9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807", "deploy/prod.yaml",
       "5d41402abc4b2a76b9719d911017c592ae1e6a2b", 9}};
  out.push_back({github, history, "d41d8cd98f00b204e9800998ecf8427e"});

  // Staged (no commit yet), low severity, a rule the rule set does not hold.
  scanner::Finding entropy = MakeFinding("generic-high-entropy", "High-entropy string",
                                         kEntropySecret, std::string("SECRET=") + kEntropySecret,
                                         7, 1, 8, 7);
  entropy.severity = rules::Severity::kLow;
  entropy.confidence = rules::Confidence::kLow;
  entropy.entropy = 4.8125;
  GitOrigin staged;
  staged.path = "app/.env";
  staged.blob_id = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
  staged.staged = true;
  out.push_back({entropy, staged, "ffeeddccbbaa99887766554433221100"});

  // A second finding of the first rule: the SARIF rules table must still list it once.
  scanner::Finding aws2 = MakeFinding("aws-access-key-id", "AWS access key ID",
                                      "ASIAY34FZKBOKMUTVV7A",
                                      "export AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A", 25, 9, 26,
                                      300);
  aws2.severity = rules::Severity::kCritical;
  aws2.confidence = rules::Confidence::kHigh;
  aws2.entropy = 3.9;
  out.push_back({aws2, FileOrigin{"config/app settings.env"}, "00112233445566778899aabbccddeeff"});
  return out;
}

inline std::vector<Diagnostic> Diagnostics() {
  return {{"assets/logo.png", "binary", "skipped: binary file"},
          {"dumps/big dump.sql", "too-large", "skipped: 3.2 GiB is over --max-file-size"},
          {"", "config", "no config file found; using built-in rules"}};
}

inline Summary FixedSummary() {
  Summary s;
  s.files_scanned = 42;
  s.bytes_scanned = 123456;
  s.findings = 5;
  s.skipped = {{"binary", 1}, {"too-large", 1}};
  s.suppressed = {{"allowlist", 2}};
  s.elapsed_seconds = 1.23456;
  s.config_file = "magpie.yaml";
  return s;
}

inline const rules::RuleSet& Rules() {
  static const rules::RuleSet kRules = [] {
    rules::RuleSpec aws;
    aws.id = "aws-access-key-id";
    aws.name = "AWS access key ID";
    aws.description = "An AWS IAM access key ID (long-term AKIA or temporary ASIA).";
    aws.severity = rules::Severity::kCritical;
    aws.confidence = rules::Confidence::kHigh;
    aws.references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"};
    rules::RuleSpec github;
    github.id = "github-pat";
    github.name = "GitHub personal access token";
    github.description = "A GitHub classic personal access token (ghp_).";
    github.severity = rules::Severity::kHigh;
    github.confidence = rules::Confidence::kHigh;
    rules::RuleSpec password;
    password.id = "generic-password";
    password.name = "Generic password";
    password.description = "A password assigned in code or configuration.";
    password.severity = rules::Severity::kMedium;
    password.confidence = rules::Confidence::kLow;
    return rules::RuleSet({aws, github, password}, "<test>");
  }();
  return kRules;
}

inline ReportOptions Options(bool show_secrets = false, bool color = false) {
  ReportOptions options;
  options.show_secrets = show_secrets;
  options.color = color;
  options.tool_version = "1.2.3";
  options.rules = &Rules();
  return options;
}

// Everything above through one reporter, as the CLI would drive it.
inline std::string Render(Format format, const ReportOptions& options,
                          const std::vector<ReportedFinding>& findings = Findings(),
                          const std::vector<Diagnostic>& diagnostics = Diagnostics()) {
  std::ostringstream out;
  auto reporter = MakeReporter(format, out, options);
  reporter->Begin();
  for (const auto& d : diagnostics) reporter->AddDiagnostic(d);
  for (const auto& f : findings) reporter->Add(f);
  reporter->End(FixedSummary());
  return out.str();
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Runs the schema validator on `sarif`; returns its exit status (0 = valid).
inline int ValidateWithSchema(const std::string& sarif, const std::string& name) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("magpie-report-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(file, std::ios::binary) << sarif;
  const std::string command = "/usr/bin/python3 '" + std::string(MAGPIE_SOURCE_DIR) +
                              "/tests/report/validate_sarif.py' '" + MAGPIE_TEST_DATA +
                              "/sarif-schema-2.1.0.json' '" + file.string() + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}


}  // namespace magpie::report::testing

#endif  // MAGPIE_TESTS_REPORT_REPORT_FIXTURES_H_
