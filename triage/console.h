// The keyboard and screen of `magpie triage`: an interface, so that the review loop runs the
// same against a terminal and against a test's scripted keys, and the terminal in raw mode.
// Thread safety: one thread.
#ifndef MAGPIE_TRIAGE_CONSOLE_H_
#define MAGPIE_TRIAGE_CONSOLE_H_

#include <memory>
#include <string_view>

#include "base/status.h"

namespace magpie::triage {

class Console {
 public:
  virtual ~Console() = default;
  // The next byte typed, or -1 at the end of input (the terminal closed).
  virtual int ReadKey() = 0;
  // Writes `text` as it is: the caller has made it safe (report/terminal_text.h).
  virtual void Write(std::string_view text) = 0;
};

// The terminal on `in_fd` in raw mode (no line buffering, no echo, no signals from keys: the
// review reads single keys and echoes what it wants), writing to `out_fd`. The previous mode
// is restored when the object goes, and by a handler when SIGTERM or SIGHUP ends the process.
class RawTerminal final : public Console {
 public:
  // Errors: kInvalidArgument when `in_fd` is not a terminal; kIoError when its mode cannot be
  // read or set.
  static Result<std::unique_ptr<RawTerminal>> Open(int in_fd, int out_fd);
  ~RawTerminal() override;
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

  int ReadKey() override;
  void Write(std::string_view text) override;

 private:
  RawTerminal(int in_fd, int out_fd) : in_fd_(in_fd), out_fd_(out_fd) {}
  int in_fd_;
  int out_fd_;
};

}  // namespace magpie::triage

#endif  // MAGPIE_TRIAGE_CONSOLE_H_
