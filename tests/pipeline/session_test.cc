// ScanSession::ThreadScanner: one scanner per thread, whether the thread created the session
// (a plain slot, so that a serial scan sets up nothing of TBB's) or not (TBB's table).
#include "pipeline/session.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "pipeline_fixture.h"

namespace magpie::pipeline {
namespace {

// The calling thread's scanner, twice: it must be the same one.
scanner::Scanner* StableScanner(ScanSession& session) {
  Result<scanner::Scanner*> first = session.ThreadScanner();
  Result<scanner::Scanner*> again = session.ThreadScanner();
  if (!first.ok() || !again.ok() || *first != *again) return nullptr;
  return *first;
}

TEST_CASE("issue 11: the creating thread and each other thread have scanners of their own",
          "[pipeline]") {
  testing::TestSession session;
  scanner::Scanner* const creator = StableScanner(session.get());
  REQUIRE(creator != nullptr);
  std::vector<scanner::Scanner*> others(3, nullptr);
  // All alive at once: a thread that had ended could hand its id, and its slot, to the next.
  std::atomic<size_t> arrived{0};
  std::vector<std::thread> threads;
  for (scanner::Scanner*& slot : others) {
    threads.emplace_back([&session, &slot, &arrived, &others] {
      slot = StableScanner(session.get());
      ++arrived;
      while (arrived.load() < others.size()) std::this_thread::yield();
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < others.size(); ++i) {
    REQUIRE(others[i] != nullptr);
    CHECK(others[i] != creator);
    for (size_t j = 0; j < i; ++j) CHECK(others[i] != others[j]);
  }
  CHECK(StableScanner(session.get()) == creator);
}

}  // namespace
}  // namespace magpie::pipeline
