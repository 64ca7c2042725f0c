// Issue 11, "the command line people expect": flag errors in magpie's words, -q, severity and
// confidence in text, NO_COLOR and --color, the progress line (through a real pseudo-terminal:
// script(1)), and a first run with an empty cache that compiles nothing.
#include <catch2/catch.hpp>

#include <string>

#include "tests/cli/cli_harness.h"

namespace magpie::clitest {
namespace {

bool Contains(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

// `magpie ARGS` with stdin, stdout and stderr on a fresh pseudo-terminal (script -q), then
// `redirects` applied (e.g. "2>err"): returns what reached the terminal; `exit_code` is magpie's.
std::string OnTerminal(const Sandbox& box, const std::string& env, const std::string& args,
                       const std::string& redirects, int* exit_code) {
  const std::string inner = "env " + env + " MAGPIE_CACHE_DIR=" +
                            ShellQuote(SharedCacheDir().string()) + " timeout 60 " +
                            ShellQuote(MAGPIE_BINARY) + " " + args + " " + redirects;
  const fs::path typescript = box.io() / "terminal";
  const std::string command = "cd " + ShellQuote(box.work().string()) + " && script -qec " +
                              ShellQuote(inner) + " /dev/null </dev/null >" +
                              ShellQuote(typescript.string()) + " 2>&1";
  const int status = std::system(command.c_str());
  *exit_code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ReadFile(typescript);
}

TEST_CASE("issue 11: a flag error is one line in magpie's words and exit 2", "[cli]") {
  Sandbox box;
  struct Case {
    std::string args;
    std::string says;
    std::string help;
  };
  const Case cases[] = {
      {"scan --frobnicate", "unknown flag '--frobnicate'", "see magpie scan --help"},
      {"scan -j", "'--jobs' needs a value", "see magpie scan --help"},
      {"scan -j lots", "invalid value for '--jobs'", "see magpie scan --help"},
      {"scan --color=blue", "invalid value for '--color'", "see magpie scan --help"},
      {"git -f xml", "invalid value for '--format': xml", "see magpie git --help"},
      {"staged --min-confidence=sure", "invalid value for '--min-confidence'",
       "see magpie staged --help"},
      {"git --since", "'--since' needs a value", "see magpie git --help"},
      {"rules check --nope", "unknown flag '--nope'", "see magpie rules check --help"},
      {"rules", "missing command (one of: list, check)", "see magpie rules --help"},
      {"frob", "unknown command 'frob'", "see magpie --help"},
      {"scan \"$(printf '\\055-\\033[31mred')\"", "unknown flag '--\\x1b[31mred'",
       "see magpie scan --help"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    const CliRun run = box.Run(c.args);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(CountLines(run.err) == 1);
    CHECK(Contains(run.err, "magpie: error: " + c.says));
    CHECK(Contains(run.err, c.help));
    CHECK_FALSE(Contains(run.err, "\x1b"));  // what was typed is escaped
  }
  CHECK(box.Run("--help").exit_code == 0);
  CHECK(box.Run("--version").exit_code == 0);
}

TEST_CASE("issue 11: --max-file-size out of range is a flag error - not a silent size", "[cli]") {
  Sandbox box;
  box.Write("leak.env", "KEY=" + std::string(kAwsKey) + "\n");
  // "-5" wrapped to an unlimited size; 2^44 MiB shifted to 0 bytes, skipping every file as
  // too large and exiting 0; 0 did the same.
  for (const std::string value : {"-5", "0", "1048577", "17592186044416", "1.5", "5k"}) {
    INFO(value);
    const CliRun run = box.Run("scan --max-file-size " + value + " .");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(CountLines(run.err) == 1);
    CHECK(Contains(run.err, "invalid value for '--max-file-size'"));
  }
  for (const std::string value : {"1", "1048576"}) {
    INFO(value);
    CHECK(box.Run("scan -q --max-file-size " + value + " .").exit_code == 1);
  }
}

TEST_CASE("issue 11: -q prints nothing when nothing is found and only findings otherwise",
          "[cli]") {
  Sandbox box;
  box.Write("clean.txt", "nothing to see\n");
  const CliRun clean = box.Run("scan -q .");
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  CHECK(clean.err.empty());
  box.Write("leak.env", "KEY=" + std::string(kAwsKey) + "\n");
  const CliRun found = box.Run("scan -q .");
  CHECK(found.exit_code == 1);
  CHECK(Contains(found.out, "leak.env:1:5  aws-access-key-id"));
  CHECK(found.err.empty());  // no summary
  // Severity and confidence on the finding's first line.
  CHECK(Contains(found.out, "[severity critical, confidence high]"));
}

TEST_CASE("issue 11: NO_COLOR and --color decide the colours", "[cli]") {
  Sandbox box;
  box.Write("leak.env", "KEY=" + std::string(kAwsKey) + "\n");
  int code = 0;
  struct Case {
    std::string env;
    std::string flags;
    bool colour;
  };
  const Case cases[] = {
      {"-u NO_COLOR TERM=xterm", "", true},      // auto on a terminal
      {"NO_COLOR=1 TERM=xterm", "", false},      // no-color.org
      {"NO_COLOR= TERM=xterm", "", true},        // empty: not set
      {"-u NO_COLOR TERM=dumb", "", false},      // a dumb terminal
      {"-u NO_COLOR TERM=xterm", "--color=never", false},
      {"-u NO_COLOR TERM=xterm", "--no-color", false},
      {"NO_COLOR=1 TERM=xterm", "--color=always", true},  // the flag wins
  };
  for (const Case& c : cases) {
    INFO(c.env + " " + c.flags);
    const std::string shown = OnTerminal(box, c.env, "scan --no-progress " + c.flags + " .",
                                         "2>/dev/null", &code);
    CHECK(code == 1);
    CHECK(Contains(shown, "aws-access-key-id"));
    CHECK(Contains(shown, "\x1b[") == c.colour);
  }
  // auto: not a terminal, no colour; always: colour even in a pipe.
  CHECK_FALSE(Contains(box.Run("scan .").out, "\x1b["));
  CHECK(Contains(box.Run("scan --color=always .").out, "\x1b[1;31maws-access-key-id"));
}

TEST_CASE("issue 11: progress is drawn on a terminal and never into a pipe", "[cli]") {
  Sandbox box;
  for (int i = 0; i < 200; ++i) box.Write("f" + std::to_string(i) + ".txt", "x\n");
  box.Write("leak.env", "KEY=" + std::string(kAwsKey) + "\n");
  // The delay (1 s) is shortened so that a small scan shows it.
  const std::string env = "MAGPIE_PROGRESS_DELAY_MS=0 TERM=xterm NO_COLOR=1";
  int code = 0;
  const std::string shown = OnTerminal(box, env, "scan -j1 .", ">/dev/null", &code);
  CHECK(code == 1);
  CHECK(Contains(shown, "\r\x1b[2Kmagpie: 1/201 files"));
  CHECK(Contains(shown, " MB/s"));
  // Erased before the summary: the summary line starts on a clean line.
  CHECK(Contains(shown, "\r\x1b[2Kmagpie: scanned 201 files"));

  const std::string redirected =
      OnTerminal(box, env, "scan -j1 .", ">/dev/null 2>" + ShellQuote((box.io() / "err").string()),
                 &code);
  CHECK(code == 1);
  const std::string err = ReadFile(box.io() / "err");
  CHECK(Contains(err, "magpie: scanned 201 files"));
  CHECK_FALSE(Contains(err, "\r"));
  CHECK_FALSE(Contains(redirected + err, "/201 files"));

  for (const std::string flags : {"--no-progress", "-q"}) {
    const std::string off = OnTerminal(box, env, "scan -j1 " + flags + " .", ">/dev/null", &code);
    CHECK(code == 1);
    CHECK_FALSE(Contains(off, "/201 files"));
  }
  // Without the test seam a scan this short shows nothing: the line waits a second.
  const std::string quick = OnTerminal(box, "TERM=xterm", "scan -j1 .", ">/dev/null", &code);
  CHECK_FALSE(Contains(quick, "/201 files"));
}

TEST_CASE("issue 11: the first scan with an empty cache uses the embedded database", "[cli]") {
  Sandbox box;
  box.Write("leak.env", "KEY=" + std::string(kAwsKey) + "\n");
  const fs::path cache = box.root() / "empty-cache";
  const std::string env = "MAGPIE_CACHE_DIR=" + ShellQuote(cache.string()) + " ";
  const std::string magpie = ShellQuote(MAGPIE_BINARY);
  const std::string run = "cd " + ShellQuote(box.work().string()) + " && " + env + magpie +
                          " scan -q . >/dev/null 2>&1";
  CHECK(WEXITSTATUS(std::system(run.c_str())) == 1);
  // Nothing was compiled, so nothing was written to the cache.
  bool wrote_database = false;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(cache, error)) {
    wrote_database |= entry.path().extension() == ".hsdb";
  }
  CHECK_FALSE(wrote_database);
  // Other rules (--rules) are compiled, and cached as before.
  box.Write("../rules.yaml",
            "rules:\n  - id: demo-token\n    name: Demo\n    description: A demo token\n"
            "    pattern: '(demo_[a-z]{12})'\n    severity: high\n    confidence: high\n"
            "    examples: ['demo_abcdefghijkl']\n");
  const std::string custom = "cd " + ShellQuote(box.work().string()) + " && " + env + magpie +
                             " scan -q --rules ../rules.yaml . >/dev/null 2>&1";
  CHECK(WEXITSTATUS(std::system(custom.c_str())) == 0);
  for (const auto& entry : fs::directory_iterator(cache, error)) {
    wrote_database |= entry.path().extension() == ".hsdb";
  }
  CHECK(wrote_database);
}

}  // namespace
}  // namespace magpie::clitest
