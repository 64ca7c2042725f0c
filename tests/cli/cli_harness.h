// Runs the real magpie executable (MAGPIE_BINARY) in a throw-away sandbox and captures what a
// user would see: stdout, stderr and the exit status. Private to tests/cli/.
//
// Layout of a sandbox (a fresh directory under temp_directory_path(), removed on destruction):
//   work/   what the test scans; the child's working directory by default
//   io/     captured stdout/stderr and any --output files
// MAGPIE_CACHE_DIR is SharedCacheDir(), in the build tree, so that no test touches ~/.cache and
// the compiled database (keyed by the rules' hash; written atomically) is built once per
// build, not once per test: compiling every rule costs seconds, loading it a fraction.
#ifndef MAGPIE_TESTS_CLI_CLI_HARNESS_H_
#define MAGPIE_TESTS_CLI_CLI_HARNESS_H_

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

namespace magpie::clitest {

namespace fs = std::filesystem;

// The secrets the built-in rules are known to detect.
inline constexpr std::string_view kAwsKey = "AKIAQYLPMN5HHHFPZAM2";  // aws-access-key-id
inline constexpr std::string_view kPassword = "q8Vn2rLx7TfK9mWz";    // generic-secret
inline constexpr std::string_view kAwsRule = "aws-access-key-id";
inline constexpr std::string_view kGenericRule = "generic-secret";

inline std::string ShellQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

struct CliRun {
  int exit_code = -1;  // 124 when the child hung (see kTimeoutSeconds)
  std::string out;
  std::string err;
};

struct RunOptions {
  fs::path cwd;             // default: the sandbox's work/
  std::string stdin_shell;  // a shell pipeline feeding stdin, e.g. "printf 'x'"; "" = /dev/null
};

inline fs::path SharedCacheDir() {
  return fs::path(MAGPIE_BINARY).parent_path() / "magpie-test-cache";
}

class Sandbox {
 public:
  Sandbox() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    root_ = fs::temp_directory_path() /
            ("magpie-clitest-" + std::to_string(getpid()) + "-" + std::to_string(counter++) +
             "-" + std::to_string(stamp));
    fs::create_directories(work());
    fs::create_directories(io());
  }
  ~Sandbox() {
    std::error_code ec;
    // A test may have removed permissions; give them back so that everything can go.
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) || it->is_regular_file(ec)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
      }
    }
    fs::remove_all(root_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  fs::path root() const { return root_; }
  fs::path work() const { return root_ / "work"; }
  fs::path io() const { return root_ / "io"; }

  // Writes work/<relative>, creating parent directories.
  fs::path Write(const std::string& relative, std::string_view content) const {
    const fs::path path = work() / relative;
    WriteFile(path, content);
    return path;
  }

  // Runs `magpie <args>` (args are passed to the shell as written; quote paths with
  // ShellQuote). Never throws on a failing child: the exit status is the result.
  CliRun Run(const std::string& args, const RunOptions& options = {}) const {
    static constexpr int kTimeoutSeconds = 60;  // a hang becomes exit 124, not a stuck suite
    const fs::path out = io() / "stdout";
    const fs::path err = io() / "stderr";
    const fs::path cwd = options.cwd.empty() ? work() : options.cwd;
    std::string command = "cd " + ShellQuote(cwd.string()) + " && ";
    if (!options.stdin_shell.empty()) command += options.stdin_shell + " | ";
    command += "MAGPIE_CACHE_DIR=" + ShellQuote(SharedCacheDir().string()) + " NO_COLOR=1 " +
               "timeout " + std::to_string(kTimeoutSeconds) + " " + ShellQuote(MAGPIE_BINARY) +
               (args.empty() ? "" : " " + args) + " >" + ShellQuote(out.string()) + " 2>" +
               ShellQuote(err.string());
    if (options.stdin_shell.empty()) command += " </dev/null";
    const int status = std::system(command.c_str());
    CliRun run;
    if (status != -1 && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    run.out = ReadFile(out);
    run.err = ReadFile(err);
    return run;
  }

 private:
  fs::path root_;
};

// Parses a JSON report; an unparsable one fails the calling test with the text shown.
inline nlohmann::json ParseJson(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// Findings of `rule` in a parsed JSON report.
inline std::vector<nlohmann::json> FindingsOf(const nlohmann::json& report,
                                              std::string_view rule) {
  std::vector<nlohmann::json> out;
  if (!report.is_object() || !report.contains("findings")) return out;
  for (const nlohmann::json& f : report["findings"]) {
    if (f.value("rule", "") == rule) out.push_back(f);
  }
  return out;
}

inline int CountLines(std::string_view text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

}  // namespace magpie::clitest

#endif  // MAGPIE_TESTS_CLI_CLI_HARNESS_H_
