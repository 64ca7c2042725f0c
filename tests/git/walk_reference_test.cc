// The libgit2-only reference of the history walk (HistoryOptions::pack_reads off,
// MAGPIE_PACK_READS=off, issue 13): it must read the walk's trees through libgit2 too, or a
// difference between the raw pack reads (git/tree_reader.h) and libgit2 never shows against it.
#include <catch2/catch.hpp>

#include <git2.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "git/history.h"
#include "tests/git/git_fixture.h"
#include "tests/git/pack_fixture.h"

namespace magpie::git {
namespace {

using testing::PackWriter;
using testing::TempDir;
using testing::TempRepo;

std::vector<std::string> Paths(const std::string& repo, const HistoryOptions& options) {
  auto opened = History::Open(repo, options, nullptr);
  REQUIRE(opened.ok());
  std::vector<std::string> out;
  for (size_t i = 0; i < (*opened)->size(); ++i) {
    const BlobProvenance p = (*opened)->Provenance(i);
    out.push_back(p.path + " " + p.blob_id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

internal::ObjectId RawId(const std::string& hex) {
  git_oid oid;
  REQUIRE(git_oid_fromstr(&oid, hex.c_str()) == 0);
  internal::ObjectId id;
  std::copy(oid.id, oid.id + 20, id.begin());
  return id;
}

TEST_CASE("issue 13: with pack reads off the walk reads its trees through libgit2 as well",
          "[git][trees]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  repo.Git("repack -adq");
  const std::string tree = repo.Git("rev-parse HEAD^{tree}");
  // A loose blob, and a second pack (older, first by name) that holds the root tree's id with
  // other bytes: the raw pack reads (packs in name order) take it, libgit2 (newest pack first)
  // reads git's tree. Both are within what a forged repository can hold (ids are not checked).
  repo.Write("evil.txt", "evil\n");  // never committed
  const std::string evil = repo.Git("hash-object -w evil.txt");
  const auto raw = [](const std::string& hex) {
    return std::string(reinterpret_cast<const char*>(RawId(hex).data()), 20);
  };
  const std::string nul(1, '\0');
  const std::string forged = "100644 a.txt" + nul + raw(repo.BlobId("a\n")) + "100644 zz.txt" +
                             nul + raw(evil);
  TempDir scratch;
  PackWriter writer;
  writer.AddRaw(RawId(tree), PackWriter::TypeAndSize(2, forged.size()) + PackWriter::Deflate(forged));
  writer.Write(scratch.path());
  const std::string pack_dir = repo.path() + "/.git/objects/pack/";
  const std::string name = "pack-" + std::string(40, '0');
  for (const char* ext : {".pack", ".idx"}) {
    std::filesystem::copy_file(scratch.path() + "/pack-test" + ext, pack_dir + name + ext);
    std::filesystem::last_write_time(pack_dir + name + ext,
                                     std::filesystem::file_time_type::clock::now() -
                                         std::chrono::hours(24 * 365));
  }
  REQUIRE(repo.Git("cat-file -p " + tree).find("zz.txt") == std::string::npos);  // git's view

  HistoryOptions options;
  options.threads = 1;
  std::vector<std::string> libgit2_trees;
  {
    fault::ScopedFault off(fault::Point::kPackTreeRead, EIO);
    libgit2_trees = Paths(repo.path(), options);
  }
  REQUIRE(libgit2_trees.size() == 1);
  CHECK(libgit2_trees[0].rfind("a.txt ", 0) == 0);
  options.pack_reads = false;
  CHECK(Paths(repo.path(), options) == libgit2_trees);
}

}  // namespace
}  // namespace magpie::git
