// Test helper for the slow suites (issue 14): runs a shell command as a child process and
// reports its exit code, wall time and peak resident memory (getrusage of that child, via
// wait4), so a test can assert an RSS ceiling on the real magpie binary.
#ifndef MAGPIE_TESTS_CLI_MEASURED_RUN_H_
#define MAGPIE_TESTS_CLI_MEASURED_RUN_H_

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace magpie::clitest {

struct MeasuredRun {
  int exit_code = -1;  // -1: killed by a signal
  double seconds = 0;
  long max_rss_mib = 0;  // peak resident set of the command, MiB
};

// Runs `/bin/sh -c "exec <command>"`: the shell replaces itself by the command, so the
// measured child is the command itself (redirections included).
inline MeasuredRun RunMeasured(const std::string& command) {
  MeasuredRun run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string exec = "exec " + command;
    execl("/bin/sh", "sh", "-c", exec.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  if (pid < 0) return run;
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) != pid) return run;
  run.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.max_rss_mib = usage.ru_maxrss / 1024;  // ru_maxrss is in KiB on Linux
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  return run;
}

}  // namespace magpie::clitest

#endif  // MAGPIE_TESTS_CLI_MEASURED_RUN_H_
