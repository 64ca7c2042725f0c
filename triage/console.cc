#include "triage/console.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace magpie::triage {
namespace {

// The mode to restore; one terminal per process is in raw mode at a time.
struct termios g_saved;
volatile sig_atomic_t g_saved_fd = -1;

void RestoreAndReraise(int signal_number) {
  if (g_saved_fd >= 0) tcsetattr(g_saved_fd, TCSANOW, &g_saved);  // async-signal-safe
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

Result<std::unique_ptr<RawTerminal>> RawTerminal::Open(int in_fd, int out_fd) {
  if (isatty(in_fd) == 0) {
    return InvalidArgument("magpie triage reads keys from a terminal, and stdin is not one");
  }
  struct termios mode;
  if (tcgetattr(in_fd, &mode) != 0) {
    return IoError(std::string("cannot read the terminal's mode: ") + std::strerror(errno));
  }
  g_saved = mode;
  // Keys one at a time, unechoed; Ctrl-C arrives as a key (the review quits cleanly, saving
  // nothing half-done) rather than as SIGINT. Output processing stays on: "\n" is a new line.
  mode.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  mode.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  mode.c_cc[VMIN] = 1;
  mode.c_cc[VTIME] = 0;
  // TCSANOW, not TCSAFLUSH: keys typed ahead (or written by a test) are kept.
  if (tcsetattr(in_fd, TCSANOW, &mode) != 0) {
    return IoError(std::string("cannot set the terminal's mode: ") + std::strerror(errno));
  }
  g_saved_fd = in_fd;
  std::signal(SIGTERM, RestoreAndReraise);
  std::signal(SIGHUP, RestoreAndReraise);
  return std::unique_ptr<RawTerminal>(new RawTerminal(in_fd, out_fd));
}

RawTerminal::~RawTerminal() {
  tcsetattr(in_fd_, TCSANOW, &g_saved);
  g_saved_fd = -1;
  std::signal(SIGTERM, SIG_DFL);
  std::signal(SIGHUP, SIG_DFL);
}

int RawTerminal::ReadKey() {
  unsigned char byte = 0;
  for (;;) {
    const ssize_t n = read(in_fd_, &byte, 1);
    if (n == 1) return byte;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

void RawTerminal::Write(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = write(out_fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the terminal went away; the next ReadKey ends the review
    text.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace magpie::triage
