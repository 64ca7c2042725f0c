// Issue 10: nothing magpie prints contains a secret unless --show-secrets. Tested as a property
// through the real executable: lines holding 1-4 secrets of different rules (adjacent,
// overlapping, one inside another, multi-byte UTF-8 around them), every format, suppressed and
// below-threshold findings, --write-ignore; no 8-byte piece of any secret magpie found may
// appear in stdout, stderr, the report file or the ignore file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "rules/rule_set.h"

namespace magpie::clitest {
namespace {

constexpr size_t kPiece = 8;

// One-line examples of distinct rules, from the shipped rules.yaml: realistic token shapes
// whose detection the rules check guarantees on their own.
std::vector<std::string> ExampleLines() {
  const rules::LoadResult loaded = rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  std::vector<std::string> lines;
  for (const rules::RuleSpec& spec : loaded.rules.rules()) {
    if (spec.confidence == rules::Confidence::kLow) continue;
    for (const std::string& example : spec.examples) {
      if (example.find('\n') == std::string::npos && example.size() < 160) {
        lines.push_back(example);
        break;
      }
    }
  }
  return lines;
}

// What a --show-secrets scan of the sandbox finds (reported and suppressed alike): secrets by
// "path:line" of their first line.
std::map<std::string, std::set<std::string>> FoundSecrets(const Sandbox& box) {
  const CliRun run = box.Run("scan . -f json --show-secrets --show-suppressed -q");
  const nlohmann::json report = ParseJson(run.out);
  REQUIRE(report.is_object());
  std::map<std::string, std::set<std::string>> found;
  for (const char* key : {"findings", "suppressed"}) {
    for (const nlohmann::json& f : report.value(key, nlohmann::json::array())) {
      const std::string where =
          f.value("path", "") + ":" + std::to_string(f.value("start_line", 0));
      found[where].insert(f.value("secret", ""));
    }
  }
  return found;
}

// The secrets of each example line on its own, as the rules find them.
std::map<std::string, std::set<std::string>> SecretsOfExamples(
    const std::vector<std::string>& examples) {
  Sandbox box;
  std::string text;
  for (const std::string& e : examples) text += e + "\n";
  box.Write("examples.txt", text);
  const auto found = FoundSecrets(box);
  std::map<std::string, std::set<std::string>> secrets;
  for (size_t i = 0; i < examples.size(); ++i) {
    const auto it = found.find("examples.txt:" + std::to_string(i + 1));
    if (it != found.end()) secrets[examples[i]] = it->second;
  }
  return secrets;
}

// A piece that looks like part of a random token (two of lower case, upper case, digits; no
// space), not like a word that output may hold by chance (" PRIVATE", "password").
bool TokenLike(const std::string& piece) {
  bool lower = false, upper = false, digit = false;
  for (char c : piece) {
    if (c == ' ') return false;
    lower = lower || (c >= 'a' && c <= 'z');
    upper = upper || (c >= 'A' && c <= 'Z');
    digit = digit || (c >= '0' && c <= '9');
  }
  return lower + upper + digit >= 2;
}

// The rules' names and descriptions: SARIF prints them, and they quote token prefixes
// ("sk-ant-admin01-").
std::string RuleTexts() {
  // Keep the loaded set alive: a range-for over a member of a temporary dangles (ASan caught it).
  const auto loaded = rules::LoadBuiltinRules();
  std::string text;
  for (const rules::RuleSpec& spec : loaded.rules.rules()) {
    text += spec.name + "\n" + spec.description + "\n";
  }
  return text;
}

// Every kPiece-byte, token-like piece of `secrets` that does not also occur in the non-secret
// text of the scanned files (a key name may share bytes with a secret) or the rules' texts.
std::set<std::string> Pieces(const std::set<std::string>& secrets, std::string files_text) {
  for (const std::string& s : secrets) {
    for (size_t at = files_text.find(s); at != std::string::npos; at = files_text.find(s, at)) {
      files_text.replace(at, s.size(), std::string(s.size(), '\0'));
    }
  }
  static const std::string rule_texts = RuleTexts();
  std::set<std::string> pieces;
  for (const std::string& s : secrets) {
    for (size_t i = 0; i + kPiece <= s.size(); ++i) {
      const std::string piece = s.substr(i, kPiece);
      if (TokenLike(piece) && files_text.find(piece) == std::string::npos &&
          rule_texts.find(piece) == std::string::npos) {
        pieces.insert(piece);
      }
    }
  }
  return pieces;
}

void CheckNoPiece(const std::set<std::string>& pieces, const std::string& where,
                  const std::string& text) {
  for (const std::string& piece : pieces) {
    const size_t at = text.find(piece);
    if (at == std::string::npos) continue;
    const size_t from = at > 80 ? at - 80 : 0;
    FAIL_CHECK(where << " contains \"" << piece << "\" in: " << text.substr(from, 200));
  }
}

TEST_CASE("issue 10: no output format prints any piece of any secret found on a line",
          "[cli]") {
  const std::vector<std::string> examples = ExampleLines();
  REQUIRE(examples.size() > 50);
  const auto example_secrets = SecretsOfExamples(examples);
  std::mt19937 rng(10);
  const std::vector<std::string> glue = {" ", "", ", ", " \xC3\xA9\xE2\x82\xAC ", "\t", ";"};
  // Lines of 1-4 examples; each line's planted secrets are the examples' own secrets.
  struct Line {
    std::string text;
    std::set<std::string> planted;
  };
  std::vector<Line> lines;
  for (int i = 0; i < 96; ++i) {
    Line line;
    const int count = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < count; ++k) {
      const std::string& example = examples[rng() % examples.size()];
      if (k > 0) line.text += glue[rng() % glue.size()];
      line.text += example;
      const auto it = example_secrets.find(example);
      if (it != example_secrets.end()) line.planted.insert(it->second.begin(), it->second.end());
    }
    if (i % 3 == 0) line.text += " # magpie:allow";
    lines.push_back(std::move(line));
  }
  // A secret inside another and overlapping ones, with UTF-8 around them.
  lines.push_back({"\xE6\x97\xA5\xE6\x9C\xAC password = \"AKIAQYLPMN5HHHFPZAM2x9Kq\" "
                   "DB_PASSWORD=q8Vn2rLx7TfK9mWz AWS_ACCESS_KEY_ID=AKIAQYLPMN5HHHFPZAM2\xC3\xA9",
                   {"AKIAQYLPMN5HHHFPZAM2", "q8Vn2rLx7TfK9mWz"}});

  // Glued together, a token may lose the boundary its rule needs: that is a miss, not a leak,
  // so keep only the lines on which every planted secret is found.
  Sandbox box;
  {
    std::string text;
    for (const Line& line : lines) text += line.text + "\n";
    box.Write("probe.txt", text);
  }
  const auto found = FoundSecrets(box);
  std::set<std::string> secrets;
  std::string all_text;
  int kept = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto it = found.find("probe.txt:" + std::to_string(i + 1));
    const std::set<std::string> on_line = it == found.end() ? std::set<std::string>{} : it->second;
    bool all_found = !lines[i].planted.empty();
    for (const std::string& s : lines[i].planted) all_found = all_found && on_line.count(s) > 0;
    if (!all_found) continue;
    all_text += lines[i].text + "\n";
    secrets.insert(on_line.begin(), on_line.end());
    ++kept;
  }
  std::filesystem::remove(box.work() / "probe.txt");
  box.Write("lines.txt", all_text);
  REQUIRE(kept > 40);
  const std::set<std::string> pieces = Pieces(secrets, all_text);
  for (const char* format : {"text", "json", "jsonl", "sarif", "html"}) {
    for (const char* extra : {"", "--show-suppressed", "--min-confidence high -v"}) {
      const std::string report = (box.io() / "report").string();
      const CliRun run = box.Run(std::string("scan . -f ") + format + " " + extra + " -o " +
                                 ShellQuote(report));
      const std::string what = std::string(format) + " " + extra;
      CHECK(run.exit_code == 1);
      CheckNoPiece(pieces, what + " stdout", run.out);
      CheckNoPiece(pieces, what + " stderr", run.err);
      CheckNoPiece(pieces, what + " report", ReadFile(report));
      const CliRun to_stdout = box.Run(std::string("scan . -f ") + format + " " + extra);
      CheckNoPiece(pieces, what + " stdout report", to_stdout.out);
    }
  }
  const CliRun accept = box.Run("scan . --write-ignore");
  CHECK(accept.exit_code == 0);
  CheckNoPiece(pieces, "--write-ignore stderr", accept.err);
  CheckNoPiece(pieces, ".magpieignore", ReadFile(box.work() / ".magpieignore"));
}

}  // namespace
}  // namespace magpie::clitest
