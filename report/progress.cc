#include "report/progress.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

namespace magpie::report {
namespace {

constexpr std::string_view kEraseLine = "\r\x1b[2K";

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Duration(double seconds) {
  const auto total = static_cast<uint64_t>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%llu:%02llu:%02llu",
                  static_cast<unsigned long long>(total / 3600),
                  static_cast<unsigned long long>(total / 60 % 60),
                  static_cast<unsigned long long>(total % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%llu:%02llu", static_cast<unsigned long long>(total / 60),
                  static_cast<unsigned long long>(total % 60));
  }
  return buffer;
}

}  // namespace

std::string FormatProgress(const std::string& unit, uint64_t done, uint64_t total,
                           uint64_t bytes, double elapsed, int width) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on a chain of operator+.
  std::string line = "magpie: ";
  line += std::to_string(done);
  if (total > 0) {
    line += '/';
    line += std::to_string(total);
  }
  line += ' ';
  line += unit;
  if (total > 0) {
    line += " (";
    line += std::to_string(std::min<uint64_t>(done, total) * 100 / total);
    line += "%)";
  }
  char rate[32];
  std::snprintf(rate, sizeof rate, "  %.1f MB/s", elapsed > 0 ? bytes / 1e6 / elapsed : 0.0);
  line += rate;
  // ETA from the item rate: the byte total of a walk is not known before the files are read.
  if (total > 0 && done > 0 && done < total && elapsed > 0) {
    line += "  ETA " + Duration(elapsed / static_cast<double>(done) * (total - done));
  }
  const size_t columns = width > 1 ? static_cast<size_t>(width - 1) : 0;
  if (line.size() > columns) line.resize(columns);
  return line;
}

ProgressMeter::ProgressMeter(std::ostream& out, ProgressOptions options)
    : out_(out), options_(std::move(options)) {
  if (!options_.clock) options_.clock = SteadySeconds;
  if (!options_.width) options_.width = [] { return 80; };
  start_ = options_.clock();
}

ProgressMeter::~ProgressMeter() { Clear(); }

void ProgressMeter::Update(uint64_t done, uint64_t bytes) {
  const double now = options_.clock();
  const double elapsed = now - start_;
  if (elapsed < options_.delay_seconds) return;
  const double interval =
      options_.max_redraws_per_second > 0 ? 1.0 / options_.max_redraws_per_second : 0;
  if (last_draw_ >= 0 && now - last_draw_ < interval) return;
  last_draw_ = now;
  ++redraws_;
  shown_ = true;
  out_ << kEraseLine
       << FormatProgress(options_.unit, done, options_.total, bytes, elapsed, options_.width());
  out_.flush();
}

void ProgressMeter::Clear() {
  if (!shown_) return;
  out_ << kEraseLine;
  out_.flush();
  shown_ = false;
}

}  // namespace magpie::report
