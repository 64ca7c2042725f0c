// Issue 14: a blob above HistoryOptions::stream_above is not loaded whole but streamed from a
// `git cat-file` child (git/blob_stream.h).
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>

#include "base/fault_injection.h"
#include "git/history.h"
#include "tests/git/git_fixture.h"

using namespace magpie;
using namespace magpie::git;
using magpie::git::testing::TempRepo;

namespace {

std::string ReadAll(ByteStream& stream) {
  std::string out;
  char buffer[777];
  while (true) {
    Result<size_t> n = stream.Read(buffer, sizeof buffer);
    REQUIRE(n.ok());
    if (*n == 0) return out;
    out.append(buffer, *n);
  }
}

}  // namespace

TEST_CASE("issue 14: a blob above stream_above is streamed and a failed start is a diagnostic",
          "[git]") {
  TempRepo repo;
  std::string big;
  while (big.size() < 20000) big += "line " + std::to_string(big.size()) + "\n";
  repo.Write("big.txt", big);
  repo.Write("small.txt", "small\n");
  repo.Commit("both");
  HistoryOptions options;
  options.stream_above = 4096;
  auto history = History::Open(repo.path(), options, [](const GitDiagnostic&) {});
  REQUIRE(history.ok());
  REQUIRE((*history)->size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    const bool is_big = (*history)->Provenance(i).path == "big.txt";
    BlobRead read = (*history)->Read(i);
    REQUIRE(read.ok());
    if (is_big) {
      REQUIRE(read.stream);
      CHECK(read.bytes.empty());
      CHECK(read.stream->expected_size() == big.size());
      CHECK(ReadAll(*read.stream) == big);
    } else {
      CHECK_FALSE(read.stream);
      CHECK(read.bytes == "small\n");
    }
    if (!is_big) continue;
    fault::ScopedFault no_child(fault::Point::kBlobStreamSpawn, EAGAIN);
    BlobRead failed = (*history)->Read(i);
    REQUIRE_FALSE(failed.ok());
    CHECK_FALSE(failed.stream);
    CHECK(failed.skipped->kind == DiagnosticKind::kCorruptObject);
    CHECK(failed.skipped->message.find("cannot start git cat-file") != std::string::npos);
  }
}
