// The one ordered parallel driver (issue 9): output in index order whatever the thread count,
// errors as values (a Load that throws becomes a diagnostic for that item only), policy skips
// passed through, and the serial path for small sources.
#include "pipeline/driver.h"

#include <hs/hs.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline_fixture.h"
#include "tests/scanner/hyperscan_fault.h"

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

std::vector<std::string> ManyItems() {
  std::vector<std::string> items;
  for (int i = 0; i < 200; ++i) {
    items.push_back(i % 7 == 0 ? "key = " + std::string(kToken) + "\n" : "nothing here\n");
  }
  return items;
}

TEST_CASE("Drive delivers items in index order at any thread count", "[pipeline]") {
  TestSession session;
  const StringSource source(ManyItems());
  for (int threads : {1, 2, 4}) {
    CollectingSink sink;
    Drive(source, session.get(), sink, DriveOptions{threads, 0});
    REQUIRE(sink.items.size() == 200);
    for (size_t i = 0; i < sink.items.size(); ++i) {
      INFO("threads " << threads << " item " << i);
      CHECK(report::OriginPath(sink.items[i].origin) == "item" + std::to_string(i));
      CHECK(sink.items[i].scanned);
      CHECK(sink.items[i].findings.size() == (i % 7 == 0 ? 1u : 0u));
    }
  }
}

TEST_CASE("Drive turns a failing item into a diagnostic and goes on", "[pipeline]") {
  TestSession session;
  const StringSource source({"a " + std::string(kToken) + "\n", StringSource::kThrow,
                             StringSource::kSkip, "b " + std::string(kToken) + "\n"});
  for (int threads : {1, 2}) {
    CollectingSink sink;
    Drive(source, session.get(), sink, DriveOptions{threads, 0});
    REQUIRE(sink.items.size() == 4);
    CHECK(sink.items[0].findings.size() == 1);
    CHECK_FALSE(sink.items[1].scanned);
    REQUIRE(sink.items[1].diagnostic.has_value());
    CHECK(sink.items[1].diagnostic->kind == "scan-error");
    CHECK(sink.items[1].diagnostic->message.find("simulated read failure") != std::string::npos);
    CHECK_FALSE(sink.items[2].scanned);
    CHECK(sink.items[2].skip_reason == "binary");
    CHECK(sink.items[3].findings.size() == 1);
  }
}

// A source that keeps only findings on line 2, like the staged source keeps added lines.
class SecondLineSource : public StringSource {
 public:
  using StringSource::StringSource;
  void KeepReported(size_t, std::vector<scanner::Finding>* findings) const override {
    std::erase_if(*findings, [](const scanner::Finding& f) { return f.start.line != 2; });
  }
  uint64_t total_bytes() const override { return 10; }
};

TEST_CASE("Drive applies the source's KeepReported and inline allow markers", "[pipeline]") {
  TestSession session;
  const std::string t(kToken);
  const SecondLineSource source({t + "\n" + t + "\n" + t + "\n",
                                 "x\n" + t + " # magpie:allow\n"});
  CollectingSink sink;
  // total_bytes() 10 < 1 MiB: the serial path.
  Drive(source, session.get(), sink, DriveOptions{2, 1 << 20});
  REQUIRE(sink.items.size() == 2);
  REQUIRE(sink.items[0].findings.size() == 1);
  CHECK(sink.items[0].findings[0].start.line == 2);
  CHECK(sink.items[1].findings.empty());
  REQUIRE(sink.items[1].suppressed.size() == 1);
  CHECK(sink.items[1].suppressed[0].reason == "inline");
}

}  // namespace
}  // namespace magpie::pipeline

namespace magpie::pipeline {
namespace {

// Fault injection through Hyperscan's allocator hook: no thread can get a scanner, and every
// item says so as a diagnostic; nothing throws out of the driver.
void* FailingAlloc(size_t) { return nullptr; }

TEST_CASE("Drive: a scanner that cannot be created is a diagnostic per item", "[pipeline]") {
  testing::TestSession session;  // compiled before the allocator fails
  const StringSource source({"a " + std::string(kToken) + "\n", "b\n"});
  REQUIRE(hs_set_scratch_allocator(FailingAlloc, std::free) == HS_SUCCESS);
  CollectingSink sink;
  Drive(source, session.get(), sink, DriveOptions{2, 0});
  hs_set_scratch_allocator(nullptr, nullptr);
  REQUIRE(sink.items.size() == 2);
  for (const ItemResult& item : sink.items) {
    CHECK_FALSE(item.scanned);
    REQUIRE(item.diagnostic.has_value());
    CHECK(item.diagnostic->kind == "scan-error");
    CHECK(item.diagnostic->message.find("scratch") != std::string::npos);
  }
}

}  // namespace
}  // namespace magpie::pipeline

namespace magpie::pipeline {
namespace {

TEST_CASE("issue 10: a failing scan is the item's scan-error diagnostic, not a clean item",
          "[pipeline]") {
  testing::TestSession session;
  const StringSource source({"a " + std::string(kToken) + "\n", "b\n"});
  REQUIRE(session.get().ThreadScanner().ok());  // this thread's scanner, made while it can be
  CollectingSink sink;
  {
    magpie::testing::DamagedDatabaseHeader damaged(session.get().compiled());
    Drive(source, session.get(), sink, DriveOptions{1, 0});
  }
  REQUIRE(sink.items.size() == 2);
  for (const ItemResult& item : sink.items) {
    INFO(report::OriginPath(item.origin));
    CHECK_FALSE(item.scanned);
    CHECK(item.findings.empty());
    CHECK(item.skip_reason == "scan-error");
    REQUIRE(item.diagnostic.has_value());
    CHECK(item.diagnostic->kind == "scan-error");
    CHECK(item.diagnostic->message.find("scan failed: Hyperscan scan failed: invalid database") !=
          std::string::npos);
  }
  CollectingSink healed;  // the same session scans again once the database is whole
  Drive(source, session.get(), healed, DriveOptions{1, 0});
  CHECK(healed.items[0].findings.size() == 1);
}

}  // namespace
}  // namespace magpie::pipeline
