// Issue 14: a worker that fails (its scanner's setup throws, an allocation fails while scanning
// or in the output stage) and a decode budget that runs out are values that reach the sink:
// the drive never throws and never ends without saying what was not scanned.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/fault_injection.h"
#include "pipeline/driver.h"
#include "pipeline/report_sink.h"
#include "pipeline_fixture.h"
#include "report/reporter.h"

namespace magpie::pipeline {
namespace {

using testing::StringSource;
using testing::TestSession;
using testing::kToken;

class CollectingSink : public ItemSink {
 public:
  void Add(ItemResult item) override { items.push_back(std::move(item)); }
  std::vector<ItemResult> items;
};

std::vector<std::string> Items(int n) {
  std::vector<std::string> items;
  for (int i = 0; i < n; ++i) items.push_back("key = " + std::string(kToken) + "\n");
  return items;
}

int Errors(const std::vector<ItemResult>& items) {
  int errors = 0;
  for (const ItemResult& item : items) {
    errors += item.diagnostic && item.diagnostic->kind == "scan-error";
  }
  return errors;
}

TEST_CASE("issue 14: a scanner setup that throws makes each item a scan-error", "[pipeline]") {
  for (int threads : {1, 4}) {
    TestSession session;
    const StringSource source(Items(20));
    CollectingSink sink;
    fault::ScopedFault fail(fault::Point::kScannerSetup, 1);
    Drive(source, session.get(), sink, DriveOptions{threads, 0});
    REQUIRE(sink.items.size() == 20);
    CHECK(Errors(sink.items) == 20);
    CHECK(sink.items[0].diagnostic->message.find("worker setup failed") != std::string::npos);
  }
}

TEST_CASE("issue 14: bad_alloc while scanning one item fails that item only", "[pipeline]") {
  TestSession session;
  const StringSource source(Items(20));
  CollectingSink sink;
  fault::ScopedHook fail(fault::Point::kScanItem,
                         [](std::string_view path) { return path == "item7" ? 12 : 0; });
  Drive(source, session.get(), sink, DriveOptions{4, 0});
  REQUIRE(sink.items.size() == 20);
  CHECK(Errors(sink.items) == 1);
  CHECK(sink.items[7].diagnostic->path == "item7");
  CHECK(sink.items[6].findings.size() == 1);
  CHECK(sink.items[8].findings.size() == 1);
}

TEST_CASE("issue 14: an output stage that throws ends the drive with a scan-error, not an "
          "exception",
          "[pipeline]") {
  for (int threads : {1, 4}) {
    TestSession session;
    const StringSource source(Items(20));
    CollectingSink sink;
    fault::ScopedHook fail(fault::Point::kOutputStage,
                           [](std::string_view path) { return path == "item5" ? 12 : 0; });
    REQUIRE_NOTHROW(Drive(source, session.get(), sink, DriveOptions{threads, 0}));
    // item0..item4 delivered, then one item saying what the abort left unscanned.
    REQUIRE(sink.items.size() == 6);
    const ItemResult& last = sink.items.back();
    REQUIRE(last.diagnostic);
    CHECK(last.diagnostic->kind == "scan-error");
    CHECK(last.diagnostic->message.find("15 of 20 items not scanned") != std::string::npos);
  }
}

TEST_CASE("issue 14: a thrown output stage still ends the JSON report as a whole document",
          "[pipeline]") {
  TestSession session;
  const StringSource source(Items(20));
  std::ostringstream out;
  auto reporter = report::MakeReporter(report::Format::kJson, out, {});
  suppress::Suppressor suppressor;
  std::ostringstream log;
  ReportSink sink(*reporter, suppressor, log, ReportSinkOptions{.quiet = true});
  sink.Begin();
  {
    fault::ScopedHook fail(fault::Point::kOutputStage,
                           [](std::string_view path) { return path == "item3" ? 12 : 0; });
    Drive(source, session.get(), sink, DriveOptions{2, 0});
  }
  sink.Finish();
  const nlohmann::json report = nlohmann::json::parse(out.str(), nullptr, false);
  INFO(out.str());
  REQUIRE(report.is_object());
  CHECK(report["findings"].size() == 3);
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["kind"] == "scan-error");
  CHECK(report["diagnostics"][0]["level"] == "error");
  CHECK(report["summary"]["errors"] == 1);
  CHECK(sink.outcome().errors == 1);
}

// Lines of `key = base64("token: " + base64(padding))`: each decodes to a line that decodes
// again, so decoding them all takes about 1.7 times their size, more than a budget
// proportional to the size. The last line hides the token.
std::string NestedTokens(int lines) {
  std::string data;
  const std::string padding(60, 'p');
  for (int i = 0; i < lines; ++i) {
    const std::string inner =
        i + 1 == lines ? "tok " + std::string(kToken) + " tok" : padding + std::to_string(i);
    data += "key" + std::to_string(i) + " = " +
            testing::Base64("token: " + testing::Base64("v=" + inner)) + "\n";
  }
  return data;
}

TEST_CASE("issue 14: an exhausted decode budget is a diagnostic with the undecoded bytes",
          "[pipeline]") {
  scanner::ScanOptions tight;
  tight.decode_budget = 1;  // the budget is then the item's size
  TestSession session(tight);
  const StringSource source({NestedTokens(40), "key = " + std::string(kToken) + "\n"});
  CollectingSink sink;
  Drive(source, session.get(), sink, DriveOptions{1, 0});
  REQUIRE(sink.items.size() == 2);
  const ItemResult& nested = sink.items[0];
  CHECK(nested.scanned);
  CHECK(nested.findings.empty());  // the token sits in what was not decoded
  REQUIRE(nested.diagnostic);
  CHECK(nested.diagnostic->kind == "decode-budget");
  CHECK(nested.diagnostic->path == "item0");
  CHECK(nested.diagnostic->message.find("bytes of encoded candidates left undecoded") !=
        std::string::npos);
  CHECK_FALSE(sink.items[1].diagnostic);

  // With the default budget the same item decodes whole and the token is found.
  TestSession roomy;
  CollectingSink found;
  Drive(source, roomy.get(), found, DriveOptions{1, 0});
  CHECK(found.items[0].findings.size() == 1);
  CHECK_FALSE(found.items[0].diagnostic);
}

}  // namespace
}  // namespace magpie::pipeline
