// Flags → settings (issue 9): every default and the .magpie.yaml merge resolved in one place,
// checked without running a scan.
#include "cli/settings.h"

#include <sched.h>
#include <tbb/info.h>

#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

TEST_CASE("ResolveSettings: the documented defaults", "[cli]") {
  Sandbox box;
  const auto settings = cli::ResolveSettings(cli::CommonFlags{}, box.work().string());
  REQUIRE(settings.ok());
  const cli::ScanSettings& s = *settings;
  CHECK(s.format == report::Format::kText);
  CHECK(s.config_file.empty());
  CHECK(s.ignore_file == (box.work() / ".magpieignore").lexically_normal().generic_string());
  CHECK(s.read.max_file_size == (uint64_t{50} << 20));
  CHECK_FALSE(s.read.include_binary);
  CHECK(s.session.generic_detector);
  CHECK(s.session.use_cache);
  CHECK(s.session.scan.min_confidence == rules::Confidence::kLow);
  CHECK(s.threads >= 1);
  CHECK_FALSE(s.report.show_secrets);
  CHECK_FALSE(s.report.color);  // stdout is not a terminal here
  CHECK(s.suppression.scan_root == box.work().string());
}

TEST_CASE("issue 11: the default thread count is TBB's without its NUMA probe", "[cli]") {
  // The count TBB would choose, from the CPUs this process may run on.
  CHECK(cli::DefaultThreads() == tbb::info::default_concurrency());
  CHECK(cli::ResolveSettings(cli::CommonFlags{}, Sandbox().work().string())->threads ==
        cli::DefaultThreads());
  // Restricted to one CPU (taskset), the default follows.
  cpu_set_t all;
  REQUIRE(sched_getaffinity(0, sizeof all, &all) == 0);
  cpu_set_t one;
  CPU_ZERO(&one);
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &all)) {
      CPU_SET(cpu, &one);
      break;
    }
  }
  REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
  const int restricted = cli::DefaultThreads();
  REQUIRE(sched_setaffinity(0, sizeof all, &all) == 0);
  CHECK(restricted == 1);
}

TEST_CASE("ResolveSettings: the configuration file, and flags that win over it", "[cli]") {
  Sandbox box;
  box.Write(".magpie.yaml",
            "min_confidence: high\nmax_file_size: 3\ngeneric: false\nexclude: ['gen/']\n");
  cli::CommonFlags flags;
  auto from_file = cli::ResolveSettings(flags, box.work().string());
  REQUIRE(from_file.ok());
  CHECK(from_file->config_file.find(".magpie.yaml") != std::string::npos);
  CHECK(from_file->sink.config_file == from_file->config_file);
  CHECK(from_file->session.scan.min_confidence == rules::Confidence::kHigh);
  CHECK(from_file->read.max_file_size == (uint64_t{3} << 20));
  CHECK_FALSE(from_file->session.generic_detector);
  CHECK(from_file->suppression.exclude == std::vector<std::string>{"gen/"});

  flags.min_confidence = "medium";
  flags.min_confidence_given = true;
  flags.max_file_size_mib = 9;
  flags.max_file_size_given = true;
  auto from_flags = cli::ResolveSettings(flags, box.work().string());
  REQUIRE(from_flags.ok());
  CHECK(from_flags->session.scan.min_confidence == rules::Confidence::kMedium);
  CHECK(from_flags->read.max_file_size == (uint64_t{9} << 20));

  flags.no_config = true;
  auto without = cli::ResolveSettings(flags, box.work().string());
  REQUIRE(without.ok());
  CHECK(without->config_file.empty());
  CHECK(without->session.generic_detector);
}

TEST_CASE("ResolveSettings: bad values are errors that name them", "[cli]") {
  Sandbox box;
  cli::CommonFlags flags;
  flags.format = "xml";
  auto bad_format = cli::ResolveSettings(flags, box.work().string());
  REQUIRE_FALSE(bad_format.ok());
  CHECK(bad_format.status().message().find("--format 'xml'") != std::string::npos);
  flags = {};
  flags.min_confidence = "sure";
  CHECK_FALSE(cli::ResolveSettings(flags, box.work().string()).ok());
  flags = {};
  box.Write(".magpie.yaml", "colour: red\n");
  auto bad_config = cli::ResolveSettings(flags, box.work().string());
  REQUIRE_FALSE(bad_config.ok());
  CHECK(bad_config.status().message().find("colour") != std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
