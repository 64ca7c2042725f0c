// The scan store on its own (issue 13 §2): what it remembers, under which key, and how it
// refuses a file it cannot trust. The end-to-end behaviour is tests/cli/scan_store_cli_test.cc.
#include "store/scan_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <optional>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/fault_injection.h"

namespace magpie::store {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("magpie-store-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++) + "-" +
             std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path_);
    fs::permissions(path_, fs::perms::owner_all);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const ScanKey kKey{"build-1", "rules-a"};

std::vector<ItemRef> Items(int n, const std::string& path = "a.txt") {
  std::vector<ItemRef> items;
  for (int i = 0; i < n; ++i) items.push_back({"blob" + std::to_string(i), path});
  return items;
}

std::unique_ptr<ScanStore> MustOpen(const fs::path& path, const ScanKey& key = kKey,
                                    uint64_t max_entries = kDefaultMaxEntries) {
  Result<std::unique_ptr<ScanStore>> store = ScanStore::Open(path.string(), key, max_entries);
  INFO(store.status().message());
  REQUIRE(store.ok());
  return *std::move(store);
}

// Runs `sql` on the store behind magpie's back (a planted or damaged file).
void ExecSql(const fs::path& db, const char* sql) {
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
  const int rc = sqlite3_exec(other, sql, nullptr, nullptr, nullptr);
  sqlite3_close(other);
  REQUIRE(rc == SQLITE_OK);
}

int64_t ExecSqlInt(const fs::path& db, const char* sql) {
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(other, sql, -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(other);
  return value;
}

void Overwrite(const fs::path& path, std::streamoff offset, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(offset);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST_CASE("issue 13: the store remembers clean items per scan key and path", "[store]") {
  TempDir dir;
  const fs::path db = dir / "sub" / "scans.sqlite";
  {
    std::unique_ptr<ScanStore> store = MustOpen(db);
    CHECK(store->size() == 0);
    CHECK(!store->IsClean("blob1", "a.txt"));
    Result<uint64_t> unrecorded = store->RecordClean(Items(3));
    REQUIRE(unrecorded.ok());
    CHECK(*unrecorded == 0);
  }
  std::unique_ptr<ScanStore> again = MustOpen(db);
  CHECK(again->size() == 3);
  CHECK(again->IsClean("blob1", "a.txt"));
  CHECK(!again->IsClean("blob1", "id_rsa"));  // path rules make the path part of the item
  CHECK(!again->IsClean("blob7", "a.txt"));
  // Another rule set, another build: nothing is known.
  CHECK(MustOpen(db, {"build-1", "rules-b"})->size() == 0);
  CHECK(MustOpen(db, {"build-2", "rules-a"})->size() == 0);
  // Created private: the directory 0700, the file 0600.
  struct stat st;
  REQUIRE(::stat(db.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(db.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("issue 13: the store remembers binary items apart from clean ones", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  {
    std::unique_ptr<ScanStore> store = MustOpen(db);
    std::vector<ItemRef> items = Items(2);
    items[0].binary = true;  // blob0 at a.txt: binary; blob1: clean
    REQUIRE(store->RecordClean(items).ok());
  }
  std::unique_ptr<ScanStore> again = MustOpen(db);
  CHECK(again->size() == 2);
  CHECK(again->IsBinary("blob0", "a.txt"));
  CHECK(!again->IsClean("blob0", "a.txt"));  // known binary is not known clean: never skipped
  CHECK(again->IsClean("blob1", "a.txt"));
  CHECK(!again->IsBinary("blob1", "a.txt"));
  CHECK(!again->IsBinary("blob0", "b.txt"));
  CHECK(!MustOpen(db, {"build-1", "rules-b"})->IsBinary("blob0", "a.txt"));
  // Other size limits: a read may say too large, not binary; only the binary name changes.
  std::unique_ptr<ScanStore> limits = MustOpen(db, {"build-1", "rules-a", "max 1"});
  CHECK(!limits->IsBinary("blob0", "a.txt"));
  CHECK(limits->IsClean("blob1", "a.txt"));
  // Items that cannot be read make nothing binary either (scan everything).
  ExecSql(db, "UPDATE clean SET item = item || x'00'");  // 17 bytes: the wrong size
  std::unique_ptr<ScanStore> damaged = MustOpen(db);
  CHECK(!damaged->clean_status().ok());
  CHECK(!damaged->IsBinary("blob0", "a.txt"));
  CHECK(!damaged->IsClean("blob1", "a.txt"));
}

TEST_CASE("issue 13: a file that is not a magpie store is refused", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  SECTION("not SQLite at all") {
    std::ofstream(db) << "this is not a database, it is a text file of some length....\n";
  }
  SECTION("another application's SQLite database") {
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
    sqlite3_exec(other, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(other);
  }
  SECTION("our application id with an extra trigger in the schema") {
    MustOpen(db);
    ExecSql(db, "CREATE TRIGGER t AFTER INSERT ON clean BEGIN DELETE FROM scan_keys; END");
  }
  SECTION("our schema at another version") {
    MustOpen(db);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
    sqlite3_exec(other, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(other);
  }
  Result<std::unique_ptr<ScanStore>> store = ScanStore::Open(db.string(), kKey);
  INFO(store.status().message());
  REQUIRE(!store.ok());
  CHECK(store.status().code() != StatusCode::kOk);
}

TEST_CASE("issue 13: a damaged store fails its integrity check and is not used", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  {
    std::unique_ptr<ScanStore> store = MustOpen(db);
    REQUIRE(store->RecordClean(Items(3000)).ok());
  }
  const auto size = fs::file_size(db);
  REQUIRE(size > 4 * 4096);
  // Garbage over the second half of the file (b-tree pages), the header left intact.
  Overwrite(db, static_cast<std::streamoff>(size / 2), std::string(8192, '\x5a'));
  Result<std::unique_ptr<ScanStore>> store = ScanStore::Open(db.string(), kKey);
  INFO(store.status().message());
  CHECK(!store.ok());
}

TEST_CASE("issue 13: a store in a directory others can write to or behind a link is refused",
          "[store]") {
  TempDir dir;
  SECTION("a world-writable directory") {
    fs::create_directories(dir / "open");
    fs::permissions(dir / "open", fs::perms::all);
    Result<std::unique_ptr<ScanStore>> store =
        ScanStore::Open((dir / "open" / "scans.sqlite").string(), kKey);
    CHECK(store.status().code() == StatusCode::kUntrusted);
  }
  SECTION("a symbolic link") {
    MustOpen(dir / "real.sqlite");
    fs::create_symlink(dir / "real.sqlite", dir / "link.sqlite");
    Result<std::unique_ptr<ScanStore>> store =
        ScanStore::Open((dir / "link.sqlite").string(), kKey);
    CHECK(store.status().code() == StatusCode::kUntrusted);
  }
  SECTION("a file others can write to") {
    MustOpen(dir / "scans.sqlite");
    fs::permissions(dir / "scans.sqlite", fs::perms::others_write, fs::perm_options::add);
    Result<std::unique_ptr<ScanStore>> store =
        ScanStore::Open((dir / "scans.sqlite").string(), kKey);
    CHECK(store.status().code() == StatusCode::kUntrusted);
  }
}

TEST_CASE("issue 13: a store that cannot be opened or written is an error value", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  {
    fault::ScopedFault fail(fault::Point::kStoreOpen, EACCES);
    Result<std::unique_ptr<ScanStore>> store = ScanStore::Open(db.string(), kKey);
    CHECK(store.status().code() == StatusCode::kIoError);
  }
  std::unique_ptr<ScanStore> store = MustOpen(db);
  {
    fault::ScopedFault full(fault::Point::kStoreWrite, ENOSPC);
    Result<uint64_t> written = store->RecordClean(Items(10));
    CHECK(written.status().code() == StatusCode::kIoError);
  }
  // Rolled back: nothing was recorded, and the store still works.
  CHECK(MustOpen(db)->size() == 0);
  REQUIRE(store->RecordClean(Items(10)).ok());
  CHECK(MustOpen(db)->size() == 10);
}

TEST_CASE("issue 13: the store stays within its bound, dropping other keys first", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db, {"build-1", "old-rules"}, 10)->RecordClean(Items(6, "old")).ok());
  std::unique_ptr<ScanStore> store = MustOpen(db, kKey, 10);
  Result<uint64_t> unrecorded = store->RecordClean(Items(8));
  REQUIRE(unrecorded.ok());
  CHECK(*unrecorded == 0);  // the old key's 6 made room
  CHECK(MustOpen(db, {"build-1", "old-rules"}, 10)->size() == 0);
  unrecorded = MustOpen(db, kKey, 10)->RecordClean(Items(5, "b.txt"));
  REQUIRE(unrecorded.ok());
  CHECK(*unrecorded == 3);  // only 2 more fit
  CHECK(MustOpen(db, kKey, 10)->size() == 10);
}

TEST_CASE("issue 13: store gc drops other builds' entries and keeps this build's", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db, {"build-old", "rules-a"})->RecordClean(Items(5)).ok());
  REQUIRE(MustOpen(db, {"build-new", "rules-a"})->RecordClean(Items(3)).ok());
  {
    fault::ScopedFault full(fault::Point::kStoreWrite, ENOSPC);
    CHECK(!ScanStore::Collect(db.string(), "build-new", 30).ok());
  }
  CHECK(MustOpen(db, {"build-old", "rules-a"})->size() == 5);  // the failed gc changed nothing
  Result<GcResult> gc = ScanStore::Collect(db.string(), "build-new", 30);
  INFO(gc.status().message());
  REQUIRE(gc.ok());
  CHECK(gc->items_dropped == 5);
  CHECK(gc->scan_keys_dropped == 1);
  CHECK(gc->items_kept == 3);
  CHECK(MustOpen(db, {"build-old", "rules-a"})->size() == 0);
  CHECK(MustOpen(db, {"build-new", "rules-a"})->size() == 3);
}

TEST_CASE("issue 13: clean items that cannot be read make nothing clean and say why",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->RecordClean(Items(3)).ok());
  {
    fault::ScopedFault broken(fault::Point::kStoreLoadClean, EIO);
    std::unique_ptr<ScanStore> store = MustOpen(db);
    CHECK(!store->IsClean("blob1", "a.txt"));  // scanned again, never skipped
    CHECK(store->size() == 0);
    CHECK(store->clean_status().code() == StatusCode::kIoError);
  }
  std::unique_ptr<ScanStore> store = MustOpen(db);
  CHECK(store->IsClean("blob1", "a.txt"));
  CHECK(store->clean_status().ok());
}

// An id whose 20 bytes are all `byte`.
RawOid Raw(unsigned char byte) {
  RawOid id;
  id.fill(byte);
  return id;
}

// Issue 13: the walk cache. A snapshot as git::History::snapshot gives it.
WalkSnapshot Snapshot(int blobs, const RawOid& tip = Raw(0xaa)) {
  WalkSnapshot s;
  s.tips = {tip};
  s.commits = 10;
  s.last_time = 1700000000;
  s.last_commit = tip;
  for (int i = 0; i < blobs; ++i) {
    RawOid id{};
    id[18] = static_cast<unsigned char>((i + 1) >> 8);
    id[19] = static_cast<unsigned char>(i + 1);
    s.blobs.push_back({id, "dir/file" + std::to_string(i), Raw(0xcc),
                       static_cast<uint64_t>(i % 10), static_cast<uint64_t>(i), i == 0});
  }
  s.submodules.push_back({"vendor/lib", Raw(0xdd)});
  s.commit_ids = std::string(10 * 20, '\xcc');  // every row's commit is cccc...
  return s;
}

std::optional<WalkSnapshot> MustLoadWalk(ScanStore& store, const std::string& repo) {
  Result<std::optional<WalkSnapshot>> walk = store.LoadWalk(repo);
  INFO(walk.status().message());
  REQUIRE(walk.ok());
  return *std::move(walk);
}

TEST_CASE("issue 13: the walk cache keeps a walk per repository and applies deltas",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  std::unique_ptr<ScanStore> store = MustOpen(db);
  CHECK(!MustLoadWalk(*store, "repo-a").has_value());
  REQUIRE(*store->SaveWalk("repo-a", Snapshot(5)));
  std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo-a");
  REQUIRE(walk.has_value());
  CHECK(walk->tips == Snapshot(5).tips);
  CHECK(walk->commits == 10);
  CHECK(walk->last_commit == Raw(0xaa));
  REQUIRE(walk->blobs.size() == 5);
  CHECK(walk->submodules.size() == 1);
  CHECK(walk->submodules[0].path == "vendor/lib");
  // Another repository, another build: nothing.
  CHECK(!MustLoadWalk(*MustOpen(db), "repo-b").has_value());
  CHECK(!MustLoadWalk(*MustOpen(db, {"build-2", "rules-a"}), "repo-a").has_value());

  // A delta: one row changed, one added, new tips; the rest stays.
  std::unique_ptr<ScanStore> second = MustOpen(db);
  REQUIRE(MustLoadWalk(*second, "repo-a").has_value());
  WalkSnapshot delta = Snapshot(7, Raw(0xbb));
  delta.blobs.erase(delta.blobs.begin(), delta.blobs.begin() + 5);
  delta.commits = 12;
  delta.delta = true;
  // A third run that read the same walk saves its delta after ours: refused, not mixed in.
  std::unique_ptr<ScanStore> third = MustOpen(db);
  REQUIRE(MustLoadWalk(*third, "repo-a").has_value());
  REQUIRE(*second->SaveWalk("repo-a", delta));
  Result<bool> late = third->SaveWalk("repo-a", delta);
  REQUIRE(late.ok());
  CHECK(!*late);
  walk = MustLoadWalk(*MustOpen(db), "repo-a");
  REQUIRE(walk.has_value());
  CHECK(walk->blobs.size() == 7);
  CHECK(walk->commits == 12);
  CHECK(walk->tips == std::vector<RawOid>{Raw(0xbb)});
}

TEST_CASE("issue 13: the walk cache's errors are values and its rows are checked", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  std::unique_ptr<ScanStore> store = MustOpen(db);
  {
    fault::ScopedFault full(fault::Point::kStoreWrite, ENOSPC);
    CHECK(store->SaveWalk("repo", Snapshot(3)).status().code() == StatusCode::kIoError);
  }
  CHECK(!MustLoadWalk(*MustOpen(db), "repo").has_value());  // rolled back
  REQUIRE(*store->SaveWalk("repo", Snapshot(3)));
  {
    fault::ScopedFault broken(fault::Point::kWalkCacheRead, EIO);
    CHECK(MustOpen(db)->LoadWalk("repo").status().code() == StatusCode::kIoError);
  }
  // A delta row beside the packed cell, then damage to either.
  WalkSnapshot delta = Snapshot(4);
  delta.blobs.erase(delta.blobs.begin(), delta.blobs.begin() + 3);
  delta.delta = true;
  {
    std::unique_ptr<ScanStore> reader = MustOpen(db);
    REQUIRE(MustLoadWalk(*reader, "repo").has_value());
    REQUIRE(*reader->SaveWalk("repo", delta));
  }
  REQUIRE(MustLoadWalk(*MustOpen(db), "repo")->blobs.size() == 4);
  SECTION("an id of the wrong size") { ExecSql(db, "UPDATE walk_blobs SET commit_id = x'00'"); }
  SECTION("a negative position") { ExecSql(db, "UPDATE walk_blobs SET commit_order = -1"); }
  SECTION("a path that is not text") { ExecSql(db, "UPDATE walk_blobs SET path = x'00'"); }
  SECTION("a truncated packed cell") {
    ExecSql(db, "UPDATE walk_rows SET blob_rows = substr(blob_rows, 1, length(blob_rows) - 2)");
  }
  SECTION("a packed row at a position past the commit list") {
    ExecSql(db, "UPDATE walk_commits SET commit_ids = substr(commit_ids, 1, 20)");
  }
  SECTION("a commit list of a partial id") {
    ExecSql(db, "UPDATE walk_commits SET commit_ids = substr(commit_ids, 2)");
  }
  SECTION("packed rows out of order") {
    ExecSql(db, "UPDATE walk_rows SET blob_rows = CAST(substr(blob_rows, "
                "length(blob_rows) / 3 + 1) || blob_rows AS BLOB)");
  }
  SECTION("a packed cell that is not a blob") { ExecSql(db, "UPDATE walk_rows SET blob_rows = 7"); }
  SECTION("issue 13: a commit chunk that is not a blob") {
    ExecSql(db, "UPDATE walk_commits SET commit_ids = 7");
  }
  CHECK(MustOpen(db)->LoadWalk("repo").status().code() == StatusCode::kCorrupt);
}

TEST_CASE("issue 13: the walk cache stays within the store's bound and gc drops it",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(*MustOpen(db, kKey, 20)->SaveWalk("repo-a", Snapshot(10)));
  // A second repository fits only once the first one's walk is dropped.
  REQUIRE(*MustOpen(db, kKey, 20)->SaveWalk("repo-b", Snapshot(15)));
  CHECK(!MustLoadWalk(*MustOpen(db), "repo-a").has_value());
  Result<bool> too_big = MustOpen(db, kKey, 20)->SaveWalk("repo-c", Snapshot(30));
  REQUIRE(too_big.ok());
  CHECK(!*too_big);
  CHECK(!MustLoadWalk(*MustOpen(db), "repo-c").has_value());
  Result<GcResult> gc = ScanStore::Collect(db.string(), "another-build", 30);
  REQUIRE(gc.ok());
  CHECK(gc->walks_dropped == 1);
  CHECK(!MustLoadWalk(*MustOpen(db), "repo-b").has_value());
}

TEST_CASE("issue 13: a version 1 store keeps its clean items and gains the walk cache",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->RecordClean(Items(4)).ok());
  ExecSql(db,
          "DROP TABLE walk_rows; DROP TABLE walk_commits; DROP TABLE walk_submodules; "
          "DROP TABLE walk_blobs; "
          "DROP TABLE walk_tips; DROP TABLE walks; DROP TABLE tree_paths; DROP TABLE tree_blobs; "
          "PRAGMA user_version = 1");
  std::unique_ptr<ScanStore> store = MustOpen(db);
  CHECK(store->size() == 4);
  CHECK(*store->SaveWalk("repo", Snapshot(2)));
}

TEST_CASE("issue 13: a version 2 store keeps its walks and gains the packed walk cache",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->RecordClean(Items(4)).ok());
  ExecSql(db,
          "DROP TABLE walk_rows; DROP TABLE walk_commits; DROP TABLE tree_paths; "
          "DROP TABLE tree_blobs; PRAGMA user_version = 2");
  ExecSql(db,
          "INSERT INTO walks VALUES(1, 'k', 'b', 0, 10, 0, x'', 0); "
          "INSERT INTO walk_blobs VALUES(1, zeroblob(20), 'a', zeroblob(20), 0, 0, 0)");
  std::unique_ptr<ScanStore> store = MustOpen(db);
  CHECK(store->size() == 4);
  REQUIRE(*store->SaveWalk("repo", Snapshot(2)));
  std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo");
  REQUIRE(walk.has_value());
  CHECK(walk->blobs.size() == 2);
  CHECK(walk->commit_ids == Snapshot(2).commit_ids);
}

// A delta of `base` (a snapshot kept or read) that walked `added` more commits: their ids
// appended to the commit list, one blob row changed.
WalkSnapshot AppendedDelta(const WalkSnapshot& base, int added, unsigned char byte) {
  WalkSnapshot delta = base;
  delta.delta = true;
  delta.blobs.assign(1, base.blobs[0]);
  delta.blobs[0].other_occurrences += 1;
  for (int i = 0; i < added; ++i) delta.commit_ids.append(20, static_cast<char>(byte));
  delta.commits = delta.commit_ids.size() / 20;
  return delta;
}

// Snapshot(3) kept for "repo" at `db`, then the store opened again and that walk read.
std::pair<std::unique_ptr<ScanStore>, std::optional<WalkSnapshot>> SaveAndRead(
    const fs::path& db) {
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  std::unique_ptr<ScanStore> store = MustOpen(db);
  std::optional<WalkSnapshot> read = MustLoadWalk(*store, "repo");
  REQUIRE(read.has_value());
  return {std::move(store), std::move(read)};
}

TEST_CASE("issue 13: a delta appends its new commits and leaves the stored list as it was",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  auto [store, read] = SaveAndRead(db);
  const WalkSnapshot delta = AppendedDelta(*read, 2, '\x11');
  REQUIRE(*store->SaveWalk("repo", delta));
  // The first chunk is the list as it was; the second the two new ids only.
  CHECK(ExecSqlInt(db, "SELECT count(*) FROM walk_commits") == 2);
  CHECK(ExecSqlInt(db, "SELECT length(commit_ids) FROM walk_commits WHERE seq = 0") == 200);
  CHECK(ExecSqlInt(db, "SELECT length(commit_ids) FROM walk_commits WHERE seq = 1") == 40);
  std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo");
  REQUIRE(walk.has_value());
  CHECK(walk->commit_ids == delta.commit_ids);
  CHECK(walk->commits == 12);
  CHECK(walk->blobs.size() == 3);
  CHECK(walk->blobs[0].other_occurrences == delta.blobs[0].other_occurrences);
}

TEST_CASE("issue 13: many appends in a row keep the whole commit list and join its chunks",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  std::string expected = Snapshot(3).commit_ids;
  for (int run = 0; run < 150; ++run) {
    std::unique_ptr<ScanStore> store = MustOpen(db);
    std::optional<WalkSnapshot> read = MustLoadWalk(*store, "repo");
    REQUIRE(read.has_value());
    REQUIRE(read->commit_ids == expected);
    // Some runs find no new commit: nothing to append.
    const WalkSnapshot delta = AppendedDelta(*read, run % 3, static_cast<unsigned char>(run));
    REQUIRE(*store->SaveWalk("repo", delta));
    expected = delta.commit_ids;
    REQUIRE(ExecSqlInt(db, "SELECT count(*) FROM walk_commits") <= 64);
  }
  std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo");
  REQUIRE(walk.has_value());
  CHECK(walk->commit_ids == expected);
  CHECK(walk->commits * 20 == expected.size());
}

TEST_CASE("issue 13: a failed join of the commit list keeps the walk as it was", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  // 63 chunks after the first: the next delta joins them.
  ExecSql(db,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 63) "
          "INSERT INTO walk_commits SELECT 1, i, zeroblob(20) FROM n; "
          "UPDATE walks SET commits = 73");
  std::unique_ptr<ScanStore> store = MustOpen(db);
  std::optional<WalkSnapshot> read = MustLoadWalk(*store, "repo");
  REQUIRE(read.has_value());
  REQUIRE(read->commit_ids.size() == 73 * 20);
  const WalkSnapshot delta = AppendedDelta(*read, 1, '\x22');
  {
    fault::ScopedFault broken(fault::Point::kWalkCacheFold, EIO);
    CHECK(store->SaveWalk("repo", delta).status().code() == StatusCode::kIoError);
  }
  CHECK(MustLoadWalk(*MustOpen(db), "repo")->commit_ids == read->commit_ids);
  REQUIRE(*store->SaveWalk("repo", delta));
  CHECK(ExecSqlInt(db, "SELECT count(*) FROM walk_commits") == 1);
  CHECK(MustLoadWalk(*MustOpen(db), "repo")->commit_ids == delta.commit_ids);
}

TEST_CASE("issue 13: a truncated or garbled commit list is corrupt and a delta is not "
          "appended to it", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  {
    std::unique_ptr<ScanStore> store = MustOpen(db);
    REQUIRE(*store->SaveWalk("repo", AppendedDelta(*MustLoadWalk(*store, "repo"), 2, 1)));
  }
  SECTION("a chunk missing") { ExecSql(db, "DELETE FROM walk_commits WHERE seq = 0"); }
  SECTION("a chunk cut inside an id") {
    ExecSql(db, "UPDATE walk_commits SET commit_ids = substr(commit_ids, 1, 30) WHERE seq = 1");
  }
  SECTION("a chunk that is text") {
    ExecSql(db, "UPDATE walk_commits SET commit_ids = 'abcdefghijklmnopqrst' WHERE seq = 1");
  }
  SECTION("a seq that is not a number") {
    ExecSql(db, "UPDATE walk_commits SET seq = 'x' WHERE seq = 1");
  }
  CHECK(MustOpen(db)->LoadWalk("repo").status().code() == StatusCode::kCorrupt);
}

TEST_CASE("issue 13: a delta whose list is shorter than the stored one is not kept", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  auto [store, read] = SaveAndRead(db);
  // Planted behind our back after the read: the stored list grew (or a seq went missing).
  SECTION("a longer stored list") {
    ExecSql(db, "INSERT INTO walk_commits VALUES(1, 1, zeroblob(400))");
  }
  SECTION("a gap in the chunks") { ExecSql(db, "INSERT INTO walk_commits VALUES(1, 5, x'')"); }
  Result<bool> saved = store->SaveWalk("repo", AppendedDelta(*read, 1, 3));
  REQUIRE(saved.ok());
  CHECK(!*saved);
}

// The store at `db` (4 clean items, Snapshot(3) kept for "repo", in an older version) opened
// and so moved to version 5, with both kept.
std::pair<std::unique_ptr<ScanStore>, std::optional<WalkSnapshot>> OpenUpgraded(
    const fs::path& db) {
  std::unique_ptr<ScanStore> store = MustOpen(db);
  CHECK(store->size() == 4);
  std::optional<WalkSnapshot> walk = MustLoadWalk(*store, "repo");
  REQUIRE(walk.has_value());
  CHECK(walk->commit_ids == Snapshot(3).commit_ids);
  CHECK(walk->blobs.size() == 3);
  CHECK(ExecSqlInt(db, "PRAGMA user_version") == 5);
  return {std::move(store), std::move(walk)};
}

TEST_CASE("issue 13: a version 3 store keeps its walks in version 4's tables", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->RecordClean(Items(4)).ok());
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  // The same walk as version 3 kept it: the commit list and the rows in one cell.
  ExecSql(db,
          "CREATE TABLE walk_packed(walk INTEGER PRIMARY KEY, commit_ids BLOB NOT NULL, "
          "blob_rows BLOB NOT NULL, row_count INTEGER NOT NULL); "
          "INSERT INTO walk_packed SELECT r.walk, c.commit_ids, r.blob_rows, r.row_count "
          "FROM walk_rows r JOIN walk_commits c ON c.walk = r.walk; "
          "DROP TABLE walk_rows; DROP TABLE walk_commits; DROP TABLE tree_paths; "
          "DROP TABLE tree_blobs; PRAGMA user_version = 3");
  SECTION("as it was") {
    auto [store, walk] = OpenUpgraded(db);
    CHECK(ExecSqlInt(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'walk_packed'") == 0);
    // And a delta appends to the moved list.
    REQUIRE(*store->SaveWalk("repo", AppendedDelta(*walk, 1, 5)));
    CHECK(MustLoadWalk(*MustOpen(db), "repo")->commits == 11);
  }
  SECTION("with a cell of the wrong type: moved, then refused when read") {
    ExecSql(db, "UPDATE walk_packed SET commit_ids = 7");
    CHECK(MustOpen(db)->LoadWalk("repo").status().code() == StatusCode::kCorrupt);
  }
  SECTION("with another table beside: not a magpie store") {
    ExecSql(db, "CREATE TABLE planted(x)");
    CHECK(ScanStore::Open(db.string(), kKey).status().code() == StatusCode::kCorrupt);
  }
}

TEST_CASE("issue 13: many delta rows are folded into the packed walk and a failed fold keeps "
          "the walk as it was", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  WalkSnapshot delta = Snapshot(5000);
  delta.blobs.erase(delta.blobs.begin(), delta.blobs.begin() + 2);  // two rows replaced
  delta.delta = true;
  std::unique_ptr<ScanStore> store = MustOpen(db);
  REQUIRE(MustLoadWalk(*store, "repo").has_value());
  SECTION("folded") {
    REQUIRE(*store->SaveWalk("repo", delta));
    CHECK(ExecSqlInt(db, "SELECT count(*) FROM walk_blobs") == 0);
    std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo");
    REQUIRE(walk.has_value());
    REQUIRE(walk->blobs.size() == 5000);
    CHECK(walk->blobs[4999].path == "dir/file4999");
  }
  SECTION("the fold fails") {
    fault::ScopedFault broken(fault::Point::kWalkCacheFold, EIO);
    CHECK(store->SaveWalk("repo", delta).status().code() == StatusCode::kIoError);
    std::optional<WalkSnapshot> walk = MustLoadWalk(*MustOpen(db), "repo");
    REQUIRE(walk.has_value());
    CHECK(walk->blobs.size() == 3);
  }
}

TreePathFact Fact(unsigned char tree, const std::string& path, int blob) {
  TreePathFact fact;
  fact.tree = Raw(tree);
  fact.path = path;
  fact.holds_blob = blob >= 0;
  if (fact.holds_blob) fact.blob = Raw(static_cast<unsigned char>(blob));
  return fact;
}

bool SameFacts(std::vector<TreePathFact> a, std::vector<TreePathFact> b) {
  const auto key = [](const TreePathFact& f) {
    return std::make_tuple(f.path, f.tree, f.holds_blob, f.blob);
  };
  const auto less = [&](const TreePathFact& x, const TreePathFact& y) { return key(x) < key(y); };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const TreePathFact& x, const TreePathFact& y) { return key(x) == key(y); });
}

TEST_CASE("issue 13: the store keeps facts about tip trees per path and replaces them",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  const std::vector<TreePathFact> facts = {Fact(1, "a.env", 7), Fact(2, "a.env", -1),
                                           Fact(1, "b/c.env", 8)};
  REQUIRE(MustOpen(db)->SaveTreeFacts(facts, {}).ok());
  std::unique_ptr<ScanStore> store = MustOpen(db);
  uint64_t skipped = 0;
  Result<std::vector<TreePathFact>> read =
      store->LoadTreePaths({"a.env", "b/c.env", "x"}, &skipped);
  REQUIRE(read.ok());
  CHECK(SameFacts(*read, facts));
  CHECK(skipped == 0);
  CHECK(SameFacts(*store->LoadTreePaths({"a.env"}), {facts[0], facts[1]}));
  // The same (tree, path) again replaces the fact; other keys' clean items are not touched.
  REQUIRE(store->SaveTreeFacts({Fact(2, "a.env", 9)}, {}).ok());
  CHECK(SameFacts(*MustOpen(db)->LoadTreePaths({"a.env"}), {facts[0], Fact(2, "a.env", 9)}));
  // gc drops them all: they are learned again when asked.
  Result<GcResult> gc = ScanStore::Collect(db.string(), kKey.build, 30);
  REQUIRE(gc.ok());
  CHECK(gc->tree_facts_dropped == 3);
  CHECK(MustOpen(db)->LoadTreePaths({"a.env", "b/c.env"})->empty());
}

TEST_CASE("issue 13: a malformed fact about a tip tree is left out and counted", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->SaveTreeFacts({Fact(1, "a.env", 7)}, {}).ok());
  ExecSql(db,
          "INSERT INTO tree_paths VALUES('a.env', x'0102', zeroblob(20)); "   // short tree id
          "INSERT INTO tree_paths VALUES('a.env', zeroblob(20), x'01'); "     // short blob id
          "INSERT INTO tree_paths VALUES('a.env', randomblob(20), 42); "      // not a blob
          "INSERT INTO tree_paths VALUES('a.env', 'twenty characters...', zeroblob(20))");
  uint64_t skipped = 0;
  Result<std::vector<TreePathFact>> read = MustOpen(db)->LoadTreePaths({"a.env"}, &skipped);
  REQUIRE(read.ok());
  CHECK(SameFacts(*read, {Fact(1, "a.env", 7)}));
  CHECK(skipped == 4);
}

TEST_CASE("issue 13: facts about tip trees that cannot be read or kept are error values",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  std::unique_ptr<ScanStore> store = MustOpen(db);
  REQUIRE(store->SaveTreeFacts({Fact(1, "a.env", 7)}, {}).ok());
  {
    fault::ScopedFault broken(fault::Point::kTreePathsRead, EIO);
    CHECK(store->LoadTreePaths({"a.env"}).status().code() == StatusCode::kIoError);
    CHECK(store->LoadTreeBlobs({Raw(7)}).status().code() == StatusCode::kIoError);
  }
  {
    fault::ScopedFault full(fault::Point::kTreePathsWrite, ENOSPC);
    CHECK(store->SaveTreeFacts({Fact(2, "a.env", 8)}, {}).code() == StatusCode::kIoError);
  }
  // Nothing of the failed save was kept, and the store is still usable.
  CHECK(SameFacts(*MustOpen(db)->LoadTreePaths({"a.env"}), {Fact(1, "a.env", 7)}));
  REQUIRE(store->SaveTreeFacts({Fact(2, "a.env", 8)}, {}).ok());
  CHECK(store->LoadTreePaths({"a.env"})->size() == 2);
}

TEST_CASE("issue 13: facts about tip trees stay within the store's bound", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  std::unique_ptr<ScanStore> store = MustOpen(db, kKey, 3);
  REQUIRE(store->SaveTreeFacts({Fact(1, "a", 1), Fact(2, "a", 2)}, {}).ok());
  // Two more would pass 3: the old ones go first.
  REQUIRE(store->SaveTreeFacts({Fact(3, "a", 3), Fact(4, "a", -1)}, {}).ok());
  CHECK(SameFacts(*store->LoadTreePaths({"a"}), {Fact(3, "a", 3), Fact(4, "a", -1)}));
  // More than the bound at once: none is kept.
  REQUIRE(store->SaveTreeFacts({Fact(5, "b", 1), Fact(6, "b", 1), Fact(7, "b", 1),
                                Fact(8, "b", 1)}, {}).ok());
  CHECK(store->LoadTreePaths({"b"})->empty());
}

TEST_CASE("issue 13: a version 4 store keeps its items and walks and gains facts about tip "
          "trees", "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  REQUIRE(MustOpen(db)->RecordClean(Items(4)).ok());
  REQUIRE(*MustOpen(db)->SaveWalk("repo", Snapshot(3)));
  ExecSql(db, "DROP TABLE tree_paths; DROP TABLE tree_blobs; PRAGMA user_version = 4");
  SECTION("as it was") {
    auto [store, walk] = OpenUpgraded(db);
    CHECK(store->LoadTreePaths({"a"})->empty());
    REQUIRE(store->SaveTreeFacts({Fact(1, "a", 1)}, {}).ok());
    CHECK(MustOpen(db)->LoadTreePaths({"a"})->size() == 1);
  }
  SECTION("with a table of version 5 planted under another definition: not a magpie store") {
    ExecSql(db, "CREATE TABLE tree_paths(path, tree, blob)");
    CHECK(ScanStore::Open(db.string(), kKey).status().code() == StatusCode::kCorrupt);
  }
}

TEST_CASE("issue 13: the store keeps where tip trees hold a blob and refuses malformed lists",
          "[store]") {
  TempDir dir;
  const fs::path db = dir / "scans.sqlite";
  const TreeBlobFact held{Raw(1), Raw(7), {"a/x.env", "b/y.env"}};
  const TreeBlobFact nowhere{Raw(2), Raw(7), {}};
  const TreeBlobFact other{Raw(1), Raw(8), {"z"}};
  REQUIRE(MustOpen(db)->SaveTreeFacts({Fact(1, "a.env", 7)}, {held, nowhere, other}).ok());
  std::unique_ptr<ScanStore> store = MustOpen(db);
  uint64_t skipped = 0;
  Result<std::vector<TreeBlobFact>> read = store->LoadTreeBlobs({Raw(7)}, &skipped);
  REQUIRE(read.ok());
  REQUIRE(read->size() == 2);
  for (const TreeBlobFact& fact : *read) {
    CHECK(fact.blob == Raw(7));
    CHECK(fact.paths == (fact.tree == Raw(1) ? held.paths : nowhere.paths));
  }
  CHECK(skipped == 0);
  // Rows for blob 0707..07: a path list ending in NUL, one starting with it, a short tree id,
  // a list of the wrong type.
  const auto plant = [&](const std::string& tree, const std::string& paths) {
    const std::string sql = "INSERT INTO tree_blobs VALUES(x'" + std::string(40, '0') + "', " +
                            tree + ", " + paths + ")";
    ExecSql(db, sql.c_str());
    ExecSql(db, "UPDATE tree_blobs SET blob = x'0707070707070707070707070707070707070707' "
                "WHERE blob = zeroblob(20)");
  };
  plant("x'" + std::string(40, '3') + "'", "x'6100'");
  plant("x'" + std::string(40, '4') + "'", "x'0061'");
  plant("x'05'", "x''");
  plant("x'" + std::string(40, '6') + "'", "'text'");
  skipped = 0;
  read = MustOpen(db)->LoadTreeBlobs({Raw(7)}, &skipped);
  REQUIRE(read.ok());
  CHECK(read->size() == 2);
  CHECK(skipped == 4);
  Result<GcResult> gc = ScanStore::Collect(db.string(), kKey.build, 30);
  REQUIRE(gc.ok());
  CHECK(gc->tree_facts_dropped == 8);  // one path fact, three blob facts, four planted
  CHECK(MustOpen(db)->LoadTreeBlobs({Raw(7), Raw(8)})->empty());
}

}  // namespace
}  // namespace magpie::store
