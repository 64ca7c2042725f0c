// Issue 13: History::Read says how the packs store each blob (HistoryOptions::deltas), and
// every way of not knowing is a reason, never a silent gap.
#include <catch2/catch.hpp>

#include <cerrno>
#include <map>
#include <memory>
#include <string>

#include "base/fault_injection.h"
#include "git/history.h"
#include "git_fixture.h"

namespace magpie::git {
namespace {

using testing::TempRepo;

std::string Lines(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) out += "line " + std::to_string(i) + " of a file long enough\n";
  return out;
}

// A file in three versions, packed (the later ones as deltas), and one more loose.
void Build(TempRepo& repo) {
  repo.Write("f.txt", Lines(0, 400));
  repo.Commit("one");
  repo.Write("f.txt", Lines(0, 200) + "inserted\n" + Lines(200, 400));
  repo.Commit("two");
  repo.Write("f.txt", Lines(0, 100) + Lines(150, 200) + "inserted\n" + Lines(200, 400));
  repo.Commit("three");
  repo.Git("repack -adfq --depth=50 --window=50");
  repo.Write("g.txt", "loose\n");
  repo.Commit("loose");
}

// delta_note (or "delta") of every blob read, by the blob's path's content size.
std::map<std::string, int> Reasons(const History& history) {
  std::map<std::string, int> out;
  for (size_t i = 0; i < history.size(); ++i) {
    const BlobRead read = history.Read(i);
    REQUIRE(read.ok());
    if (read.delta) {
      ++out["delta"];
      uint64_t copied = 0;
      for (const BlobCopy& c : read.delta->copies) {
        CHECK(c.target_begin + c.length <= read.bytes.size());
        CHECK(c.base_begin + c.length <= read.delta->base_size);
        copied += c.length;
      }
      CHECK(copied > 0);
      CHECK(read.delta->base_id.size() == 40);
    } else {
      ++out[read.delta_note];
    }
  }
  return out;
}

std::unique_ptr<History> OpenWithDeltas(const TempRepo& repo) {
  HistoryOptions options;
  options.deltas = true;
  auto history = History::Open(repo.path(), options, nullptr);
  REQUIRE(history.ok());
  return *std::move(history);
}

TEST_CASE("issue 13: history reads say which blobs are pack deltas and why the others are not",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  std::map<std::string, int> reasons = Reasons(*history);
  CHECK(reasons["delta"] == 2);        // versions two and three
  CHECK(reasons["base"] == 1);         // the whole object they come from
  CHECK(reasons["not-in-pack"] == 1);  // the loose blob
  CHECK(history->unread_packs() == 0);

  HistoryOptions options;
  auto plain = History::Open(repo.path(), options, nullptr);
  REQUIRE(plain.ok());
  CHECK(Reasons(**plain)[""] == 4);  // nothing asked, nothing said
}

TEST_CASE("issue 13: a delta that cannot be read leaves the blob whole with its reason",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  fault::ScopedFault fault(fault::Point::kPackDeltaRead, EIO);
  std::map<std::string, int> reasons = Reasons(*history);
  CHECK(reasons["pack-error"] == 4);
  CHECK(reasons.count("delta") == 0);
}

TEST_CASE("issue 13: an unreadable pack is counted and its blobs are still read",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  // A second pack whose index is garbage: the pack reader leaves it out, libgit2 too.
  testing::Run("cd " + testing::ShellQuote(repo.path()) +
               " && printf 'PACK' > .git/objects/pack/pack-bad.pack"
               " && printf 'junk' > .git/objects/pack/pack-bad.idx");
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  CHECK(history->unread_packs() == 1);
  CHECK(Reasons(*history)["delta"] == 2);
}

}  // namespace
}  // namespace magpie::git
