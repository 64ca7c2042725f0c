// The progress line on a terminal (issue 11): for a scan that runs past a short delay,
//   magpie: 1204/5000 files (24%)  38.2 MB/s  ETA 0:41
// on stderr, redrawn in place ("\r", erase line), at most `max_redraws_per_second`, cut to the
// terminal's width, and erased by Clear() before anything else is printed on the terminal and
// at the end. No library: Debian 12 ships none for C++ that fits (indicators is not packaged);
// this is one line of text.
//
// It only draws: whether to show progress at all (stderr a terminal, not -q, not
// --no-progress) is the command's decision. The clock and the width are injected, so that a
// test drives it with a fake clock and a fake terminal.
//
// Usage (pipeline/progress_sink.h feeds it from the ordered output stage):
//   ProgressMeter meter(std::cerr, {.unit = "files", .total = n});
//   meter.Update(done, bytes);   // cheap when not redrawing
//   meter.Clear();               // at the end, or before printing anything else
//
// Thread safety: one thread at a time.
#ifndef MAGPIE_REPORT_PROGRESS_H_
#define MAGPIE_REPORT_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace magpie::report {

struct ProgressOptions {
  std::string unit = "files";        // "files" or "blobs"
  uint64_t total = 0;                // items to scan; 0 = unknown (no percentage, no ETA)
  double delay_seconds = 1.0;        // nothing is drawn before this: short scans stay silent
  double max_redraws_per_second = 10;
  // Seconds on a monotonic clock (default: steady_clock).
  std::function<double()> clock;
  // The terminal's width in columns (default: 80); asked at each redraw, so a resized
  // terminal is followed.
  std::function<int()> width;
};

// The line for `done` of `total` items and `bytes` in `elapsed` seconds, at most `width - 1`
// columns (the last column is left free so that no terminal wraps).
std::string FormatProgress(const std::string& unit, uint64_t done, uint64_t total,
                           uint64_t bytes, double elapsed, int width);

class ProgressMeter {
 public:
  ProgressMeter(std::ostream& out, ProgressOptions options);
  ~ProgressMeter();  // Clear()s
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // `done` items (`bytes` in all) are scanned: redraws when due.
  void Update(uint64_t done, uint64_t bytes);
  // Erases the line if one is shown; the next due Update draws it again.
  void Clear();

  bool shown() const { return shown_; }
  int redraws() const { return redraws_; }

 private:
  std::ostream& out_;
  ProgressOptions options_;
  double start_ = 0;
  double last_draw_ = -1;
  bool shown_ = false;
  int redraws_ = 0;
};

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_PROGRESS_H_
