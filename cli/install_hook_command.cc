// `magpie install-hook [--force]`: writes the repository's pre-commit hook so that every
// `git commit` runs `magpie staged`. The hooks directory comes from
// `git rev-parse --git-path hooks`, which honours core.hooksPath and linked work trees.
// A hook is magpie's when it carries kMarker; any other hook is kept unless --force, and then
// it is moved aside to pre-commit.magpie-backup, never lost.
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>

#include "cli/git_commands.h"

namespace magpie::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = "installed by `magpie install-hook`";

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `command` through the shell; its stdout without the trailing newline, or false.
bool Capture(const std::string& command, std::string* out) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  std::array<char, 4096> buffer;
  size_t n;
  out->clear();
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out->append(buffer.data(), n);
  const int status = pclose(pipe);
  while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
  return status == 0;
}

// The running executable, so that the hook does not depend on PATH; "" when unknown.
std::string SelfPath() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : self.string();
}

std::string HookScript(const std::string& self) {
  std::ostringstream s;
  s << "#!/bin/sh\n"
    << "# magpie pre-commit hook, " << kMarker << " (running it again updates it).\n"
    << "# Stops a commit whose staged change adds a secret; see `magpie staged --help`.\n"
    << "# Fails closed: when magpie cannot be found or cannot check the change, the commit is\n"
    << "# stopped with a message, never let through unchecked.\n"
    << "installed=" << ShellQuote(self) << "\n"
    << "magpie=\"$installed\"\n"
    << "if [ ! -x \"$magpie\" ]; then\n"
    << "  magpie=$(command -v magpie 2>/dev/null) || {\n"
    << "    echo \"magpie pre-commit hook: magpie is not installed (not at $installed, nor on\" \\\n"
    << "         \"PATH); the commit is stopped. Install magpie and run 'magpie install-hook'\" \\\n"
    << "         \"again, or skip this check once with 'git commit --no-verify'.\" >&2\n"
    << "    exit 1\n"
    << "  }\n"
    << "fi\n"
    << "\"$magpie\" staged\n"
    << "status=$?\n"
    << "if [ \"$status\" -ge 2 ]; then\n"
    << "  echo \"magpie pre-commit hook: magpie could not check this commit (exit $status); \" \\\n"
    << "       \"the commit is stopped. See the messages above.\" >&2\n"
    << "fi\n"
    << "exit \"$status\"\n";
  return s.str();
}

bool IsMagpieHook(const fs::path& hook) {
  std::ifstream in(hook, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str().find(kMarker) != std::string::npos;
}

}  // namespace

int RunInstallHook(bool force) {
  std::string hooks_dir;
  if (!Capture("git rev-parse --git-path hooks 2>/dev/null", &hooks_dir) || hooks_dir.empty()) {
    std::cerr << "magpie: error: not a git repository (or git is not installed): cannot find "
                 "the hooks directory\n";
    return kExitError;
  }
  const fs::path dir(hooks_dir);
  const fs::path hook = dir / "pre-commit";
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(hook, ec));
  if (exists && !IsMagpieHook(hook)) {
    if (!force) {
      std::cerr << "magpie: error: " << hook.string()
                << " exists and is not magpie's hook; not overwriting it. Run `magpie "
                   "install-hook --force` to replace it (it is kept as pre-commit.magpie-backup), "
                   "or call `magpie staged` from it yourself.\n";
      return kExitError;
    }
    const fs::path backup = dir / "pre-commit.magpie-backup";
    fs::rename(hook, backup, ec);
    if (ec) {
      std::cerr << "magpie: error: cannot move " << hook.string() << " aside: " << ec.message()
                << "\n";
      return kExitError;
    }
    std::cerr << "magpie: moved the existing hook to " << backup.string() << "\n";
  }
  fs::create_directories(dir, ec);
  const std::string self = SelfPath();
  const fs::path temp = dir / ("pre-commit.magpie-tmp." + std::to_string(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << HookScript(self.empty() ? "magpie" : self);
    if (!out.flush()) {
      std::cerr << "magpie: error: cannot write " << temp.string() << "\n";
      return kExitError;
    }
  }
  if (chmod(temp.c_str(), 0755) != 0) {
    std::cerr << "magpie: error: cannot make " << temp.string() << " executable\n";
    fs::remove(temp, ec);
    return kExitError;
  }
  fs::rename(temp, hook, ec);
  if (ec) {
    std::cerr << "magpie: error: cannot write " << hook.string() << ": " << ec.message() << "\n";
    fs::remove(temp, ec);
    return kExitError;
  }
  std::cerr << "magpie: installed " << hook.string() << " (runs `"
            << (self.empty() ? "magpie" : self) << " staged` before each commit)\n";
  return kExitClean;
}

}  // namespace magpie::cli
