// FileSource through the driver into the ReportSink (issue 10): what is not a regular file is a
// policy skip, counted by reason and never an error, and nothing waits on a FIFO.
#include "pipeline/file_source.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/driver.h"
#include "pipeline/report_sink.h"
#include "pipeline_fixture.h"

namespace magpie::pipeline {
namespace {

namespace fs = std::filesystem;

class CountingReporter : public report::Reporter {
 public:
  void Begin() override {}
  void Add(const report::ReportedFinding&) override { ++findings; }
  void AddSuppressed(const report::ReportedFinding&, std::string_view) override {}
  void AddDiagnostic(const report::Diagnostic&) override {}
  void End(const report::Summary&) override {}
  int findings = 0;
};

TEST_CASE("issue 10: FIFOs, devices and links in a scan are counted policy skips", "[pipeline]") {
  const fs::path dir = fs::temp_directory_path() / ("magpie-file-source-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "key = " << testing::kToken << "\n";
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);  // no writer: an open would wait forever
  fs::create_symlink(dir / "a.txt", dir / "link.txt");

  testing::TestSession session;
  auto source = FileSource::Create({dir.string(), "/dev/zero"}, {}, nullptr);
  REQUIRE(source.ok());
  CountingReporter reporter;
  suppress::Suppressor suppressor;
  std::ostringstream log;
  ReportSink sink(reporter, suppressor, log, ReportSinkOptions{.quiet = true});
  sink.Begin();
  sink.AddPrelude((*source)->prelude());
  Drive(**source, session.get(), sink, DriveOptions{1, 0});
  sink.Finish();

  const ScanOutcome& outcome = sink.outcome();
  INFO(log.str());
  CHECK(outcome.errors == 0);
  CHECK(outcome.summary.files_scanned == 1);
  CHECK(reporter.findings == 1);
  CHECK(outcome.summary.skipped.at("not-regular") == 2);  // the FIFO, /dev/zero named explicitly
  CHECK(outcome.summary.skipped.at("symlink") == 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace magpie::pipeline
