// Golden files: each format rendered from testing::Findings() must match
// tests/data/golden/report.<format> byte for byte. After an intended change, regenerate with
//   MAGPIE_UPDATE_GOLDEN=1 ./report_tests '[golden]'
// and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

void CheckGolden(Format format, const std::string& name) {
  const std::string path = std::string(MAGPIE_TEST_DATA) + "/golden/" + name;
  const std::string actual = testing::Render(format, testing::Options());
  const char* update = std::getenv("MAGPIE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
  }
  const std::string expected = testing::ReadFile(path);
  REQUIRE_FALSE(expected.empty());
  CHECK(actual == expected);
}

TEST_CASE("Text report matches its golden file", "[report][golden]") {
  CheckGolden(Format::kText, "report.txt");
}

TEST_CASE("JSON report matches its golden file", "[report][golden]") {
  CheckGolden(Format::kJson, "report.json");
}

TEST_CASE("JSONL report matches its golden file", "[report][golden]") {
  CheckGolden(Format::kJsonl, "report.jsonl");
}

TEST_CASE("SARIF report matches its golden file", "[report][golden]") {
  CheckGolden(Format::kSarif, "report.sarif");
}

TEST_CASE("issue 15: HTML report matches its golden file", "[report][golden]") {
  CheckGolden(Format::kHtml, "report.html");
}

}  // namespace
}  // namespace magpie::report
