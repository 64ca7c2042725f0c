// Installing the hooks. The hooks directory comes from `git rev-parse --git-path hooks`, which
// honours core.hooksPath, linked work trees (their hooks are the main repository's), submodules
// (their own git directory) and GIT_DIR. A hook is magpie's when it carries kMarker; any other
// hook is chained (moved to <hook>.magpie-chained, run first by ours) unless `force`, and then
// it is moved aside to <hook>.magpie-backup: never lost. A hook that finds its work by its own
// name (husky) is refused rather than chained, since renamed it would pass without checking.
#include "git/hook_install.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "base/fault_injection.h"
#include "base/file_io.h"

namespace magpie::git {
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

}  // namespace

std::string HookScript(const std::string& hook_name, const std::string& self) {
  std::ostringstream s;
  s << "#!/bin/sh\n"
    << "# magpie " << hook_name << " hook, " << kMarker << " (running it again updates it).\n"
    << "# Stops a commit whose staged change adds a secret; see `magpie staged --help`.\n"
    << "# Fails closed: when magpie cannot be found or cannot check the change, the commit is\n"
    << "# stopped with a message, never let through unchecked.\n"
    << "# The hook that was here before magpie's runs first; its failure stops the commit.\n"
    << "chained=\"$0.magpie-chained\"\n"
    << "if [ -x \"$chained\" ]; then\n"
    << "  \"$chained\" \"$@\" || exit $?\n"
    << "fi\n"
    << "installed=" << ShellQuote(self) << "\n"
    << "magpie=\"$installed\"\n"
    << "if [ ! -x \"$magpie\" ]; then\n"
    << "  magpie=$(command -v magpie 2>/dev/null) || {\n"
    << "    echo \"magpie " << hook_name
    << " hook: magpie is not installed (not at $installed, nor on\" \\\n"
    << "         \"PATH); the commit is stopped. Install magpie and run 'magpie install-hook'\" \\\n"
    << "         \"again, or skip this check once with 'git commit --no-verify'.\" >&2\n"
    << "    exit 1\n"
    << "  }\n"
    << "fi\n"
    << "\"$magpie\" staged\n"
    << "status=$?\n"
    << "if [ \"$status\" -ge 2 ]; then\n"
    << "  echo \"magpie " << hook_name
    << " hook: magpie could not check this commit (exit $status); \" \\\n"
    << "       \"the commit is stopped. See the messages above.\" >&2\n"
    << "fi\n"
    << "exit \"$status\"\n";
  return s.str();
}

namespace {

std::string ReadHook(const fs::path& hook) {
  std::ifstream in(hook, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A hook that finds its work by its own file name cannot be chained: run as
// <hook>.magpie-chained it looks for work under that name, finds none and passes, so the user's
// check would be switched off in silence. husky's hooks are such (v9: `. "$(dirname "$0")/h"`,
// where `h` runs `.husky/$(basename "$0")`; v4-v8 source husky.sh, which does the same).
bool FindsItselfByName(const std::string& script) {
  if (script.find("husky") != std::string::npos) return true;
  if (script.find("$0") == std::string::npos) return false;
  return script.find("basename") != std::string::npos ||
         script.find("\"$0\")/h\"") != std::string::npos;
}

bool IsExecutable(const fs::path& path) { return ::access(path.c_str(), X_OK) == 0; }

Result<HookInstalled> InstallHook(const fs::path& dir, const std::string& name,
                                  const HookInstallOptions& options) {
  const fs::path hook = dir / name;
  HookInstalled installed;
  installed.hook = hook.string();
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(hook, ec));
  fs::path moved_to;  // where this call moved a foreign hook
  const std::string existing = exists ? ReadHook(hook) : std::string();
  if (exists && existing.find(kMarker) == std::string::npos) {
    if (!options.force && FindsItselfByName(existing)) {
      return InvalidArgument(
          hook.string() + " finds its work by its own file name (husky's hooks do), so it would "
          "do nothing if magpie ran it under another name; add `magpie staged` to the script it "
          "runs (for husky: .husky/" + name + "), or run `magpie install-hook --force` to "
          "replace it (kept as " + name + ".magpie-backup)");
    }
    const fs::path aside = dir / (name + (options.force ? ".magpie-backup" : ".magpie-chained"));
    if (!options.force && fs::exists(fs::symlink_status(aside, ec))) {
      return InvalidArgument(hook.string() + " is not magpie's hook and " + aside.string() +
                             " (the hook magpie's runs first) exists too; merge them into one, "
                             "or run `magpie install-hook --force` to replace " + name +
                             " (kept as " + name + ".magpie-backup)");
    }
    if (fault::Triggered(fault::Point::kRename)) {
      ec = std::error_code(errno, std::generic_category());
    } else {
      fs::rename(hook, aside, ec);
    }
    if (ec) return IoError("cannot move " + hook.string() + " aside: " + ec.message());
    (options.force ? installed.backup : installed.chained) = aside.string();
    moved_to = aside;
  } else if (fs::exists(fs::symlink_status(dir / (name + ".magpie-chained"), ec))) {
    installed.chained = (dir / (name + ".magpie-chained")).string();  // chained earlier
  }
  // Like git, the hook runs a chained hook only when it is executable.
  installed.chained_runs = !installed.chained.empty() && IsExecutable(installed.chained);
  fs::create_directories(dir, ec);
  // Atomic, and created exclusively: a link planted in the hooks directory redirects nothing.
  if (Status written = WriteFileAtomicallyAt(AT_FDCWD, hook.string(),
                                             HookScript(name, options.magpie), 0755);
      !written.ok()) {
    // Put the user's hook back where git runs it: a failed install must not switch it off.
    if (!moved_to.empty()) fs::rename(moved_to, hook, ec);
    return written;
  }
  return installed;
}

}  // namespace

Result<std::vector<HookInstalled>> InstallHooks(const HookInstallOptions& options) {
  std::string hooks_dir;
  if (!Capture("git rev-parse --git-path hooks 2>/dev/null", &hooks_dir) || hooks_dir.empty()) {
    return NotFound(
        "not a git repository (or git is not installed): cannot find the hooks directory");
  }
  std::vector<HookInstalled> all;
  for (const char* name : kHookNames) {
    Result<HookInstalled> one = InstallHook(fs::path(hooks_dir), name, options);
    if (!one.ok()) return one.status();
    all.push_back(*std::move(one));
  }
  return all;
}

}  // namespace magpie::git
