// Issue 11: the progress line (report/progress.h) on a fake clock and a fake terminal, and the
// text report's -q silence.
#include "report/progress.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

constexpr std::string_view kErase = "\r\x1b[2K";

struct FakeTerminal {
  double now = 100;  // any origin: the meter measures from its construction
  int width = 80;
  std::ostringstream out;

  ProgressOptions Options(uint64_t total) {
    ProgressOptions options;
    options.total = total;
    options.clock = [this] { return now; };
    options.width = [this] { return width; };
    return options;
  }
  int Erasures() const {
    int count = 0;
    const std::string text = out.str();
    for (size_t at = text.find(kErase); at != std::string::npos; at = text.find(kErase, at + 1)) {
      ++count;
    }
    return count;
  }
};

TEST_CASE("issue 11: progress shows done/total and MB/s and ETA", "[report]") {
  CHECK(FormatProgress("files", 250, 1000, 50'000'000, 5.0, 80) ==
        "magpie: 250/1000 files (25%)  10.0 MB/s  ETA 0:15");
  CHECK(FormatProgress("blobs", 7, 0, 1'000'000, 2.0, 80) == "magpie: 7 blobs  0.5 MB/s");
  CHECK(FormatProgress("files", 1, 10000, 1, 1.0, 80).find("ETA 2:46:39") != std::string::npos);
  // Cut to the terminal, the last column left free so that nothing wraps.
  CHECK(FormatProgress("files", 250, 1000, 50'000'000, 5.0, 20).size() == 19);
}

TEST_CASE("issue 11: progress waits a second then redraws in place at most 10 times a second",
          "[report]") {
  FakeTerminal terminal;
  {
    ProgressMeter meter(terminal.out, terminal.Options(200));
    for (int i = 1; i <= 9; ++i) {  // 0.9 s: a short scan shows nothing
      terminal.now += 0.1;
      meter.Update(i, i * 1000);
    }
    CHECK(terminal.out.str().empty());
    CHECK_FALSE(meter.shown());
    for (int i = 10; i <= 200; ++i) {  // 1000 updates a second, to 1.09 s: one redraw
      terminal.now += 0.001;
      meter.Update(i, i * 1000);
    }
    CHECK(meter.redraws() == 1);
    terminal.now += 0.5;
    meter.Update(200, 200'000);
    CHECK(meter.redraws() == 2);
    CHECK(meter.shown());
    const std::string text = terminal.out.str();
    CHECK(text.rfind(kErase, 0) == 0);                 // each redraw starts by erasing the line
    CHECK(text.find('\n') == std::string::npos);       // in place: never a new line
    CHECK(text.find("200/200 files (100%)") != std::string::npos);
  }  // destroyed: the line is erased
  CHECK(terminal.Erasures() == 3);
  CHECK(terminal.out.str().substr(terminal.out.str().size() - kErase.size()) == kErase);
}

TEST_CASE("issue 11: progress follows the terminal width and Clear erases once", "[report]") {
  FakeTerminal terminal;
  terminal.width = 12;
  ProgressMeter meter(terminal.out, terminal.Options(10));
  terminal.now += 2;
  meter.Update(5, 5);
  CHECK(terminal.out.str() == std::string(kErase) + "magpie: 5/1");
  meter.Clear();
  meter.Clear();  // nothing shown: nothing written
  CHECK(terminal.Erasures() == 2);
  CHECK_FALSE(meter.shown());
}

TEST_CASE("issue 11: a quiet text report prints nothing when nothing is found", "[report]") {
  ReportOptions quiet = testing::Options();
  quiet.quiet = true;
  CHECK(testing::Render(Format::kText, quiet, {}, {}).empty());
  CHECK(testing::Render(Format::kText, testing::Options(), {}, {}) == "No secrets found.\n");
  // Findings are what -q keeps.
  CHECK(testing::Render(Format::kText, quiet).find("aws-access-key-id") != std::string::npos);
}

}  // namespace
}  // namespace magpie::report
