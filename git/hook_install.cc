// Installing the pre-commit hook. The hooks directory comes from `git rev-parse --git-path
// hooks`, which honours core.hooksPath and linked work trees. A hook is magpie's when it
// carries kMarker; any other hook is kept unless `force`, and then it is moved aside to
// pre-commit.magpie-backup, never lost.
#include "git/hook_install.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace magpie::git {
namespace {

namespace fs = std::filesystem;

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

}  // namespace

std::string PreCommitHookScript(const std::string& self) {
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


Result<HookInstalled> InstallPreCommitHook(const HookInstallOptions& options) {
  std::string hooks_dir;
  if (!Capture("git rev-parse --git-path hooks 2>/dev/null", &hooks_dir) || hooks_dir.empty()) {
    return NotFound(
        "not a git repository (or git is not installed): cannot find the hooks directory");
  }
  const fs::path dir(hooks_dir);
  const fs::path hook = dir / "pre-commit";
  HookInstalled installed;
  installed.hook = hook.string();
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(hook, ec));
  if (exists && !IsMagpieHook(hook)) {
    if (!options.force) {
      return InvalidArgument(hook.string() +
                             " exists and is not magpie's hook; not overwriting it. Run `magpie "
                             "install-hook --force` to replace it (it is kept as "
                             "pre-commit.magpie-backup), or call `magpie staged` from it "
                             "yourself.");
    }
    const fs::path backup = dir / "pre-commit.magpie-backup";
    fs::rename(hook, backup, ec);
    if (ec) return IoError("cannot move " + hook.string() + " aside: " + ec.message());
    installed.backup = backup.string();
  }
  fs::create_directories(dir, ec);
  const fs::path temp = dir / ("pre-commit.magpie-tmp." + std::to_string(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << PreCommitHookScript(options.magpie);
    if (!out.flush()) return IoError("cannot write " + temp.string());
  }
  if (chmod(temp.c_str(), 0755) != 0) {
    fs::remove(temp, ec);
    return IoError("cannot make " + temp.string() + " executable");
  }
  fs::rename(temp, hook, ec);
  if (ec) {
    const std::string message = "cannot write " + hook.string() + ": " + ec.message();
    fs::remove(temp, ec);
    return IoError(message);
  }
  return installed;
}

}  // namespace magpie::git
