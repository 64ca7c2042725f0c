#include "store/scan_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>

#include "base/fault_injection.h"
#include "base/private_file.h"
#include "store/clean_items.h"
#include "store/sqlite_statement.h"
#include "store/tree_paths.h"
#include "store/walk_cache.h"

namespace magpie::store {
namespace {

// 'mgps' in the database header: an SQLite file of any other application is not ours.
constexpr int kApplicationId = 0x6d677073;
// 2: the walk cache (store/walk_cache.h) added to version 1's tables; 3: its commit lists;
// 4: the commit lists apart from the packed rows, in chunks a delta appends to; 5: facts about
// tip trees (store/tree_paths.h).
constexpr int kSchemaVersion = 5;
constexpr const char* kSchema[] = {
    "CREATE TABLE scan_keys(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
    "build TEXT NOT NULL, last_used INTEGER NOT NULL)",
    "CREATE TABLE clean(scan_key INTEGER NOT NULL, item BLOB NOT NULL, "
    "PRIMARY KEY(scan_key, item)) WITHOUT ROWID",
};
constexpr int kBusyTimeoutMs = 10000;

using internal::CleanSet;
using internal::KeyBytes;
using internal::KeyOf;
using internal::Sha256Hex;

Status ErrnoStatus(const std::string& what, int error) {
  return IoError(what + ": " + std::strerror(error));
}

// Creates `path`'s directory (0700) when missing, and checks it and the file (created 0600
// when missing) are ours alone and no links. Nobody else can then swap the file: the
// descriptors are closed before SQLite opens the path (closing a descriptor of a file drops
// every POSIX lock the process holds on it, SQLite's included).
Status PrepareFile(const std::string& path) {
  if (fault::Triggered(fault::Point::kStoreOpen)) return ErrnoStatus("cannot open " + path, errno);
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (dir.has_parent_path()) std::filesystem::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return ErrnoStatus("cannot create " + dir.string(), errno);
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir_fd < 0) {
    if (errno == ELOOP || errno == ENOTDIR) return Untrusted(dir.string() + " is not a directory");
    return ErrnoStatus("cannot open " + dir.string(), errno);
  }
  struct stat st;
  Status trusted = ::fstat(dir_fd, &st) == 0 ? CheckOwnedPrivately(st, dir.string())
                                             : ErrnoStatus("cannot stat " + dir.string(), errno);
  ::close(dir_fd);
  if (!trusted.ok()) return trusted;
  // O_NONBLOCK: a FIFO planted under the name is refused below, never waited on.
  const int fd =
      ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == ELOOP) return Untrusted(path + " is a symbolic link");
    return ErrnoStatus("cannot open " + path, errno);
  }
  trusted = ::fstat(fd, &st) != 0 ? ErrnoStatus("cannot stat " + path, errno)
            : !S_ISREG(st.st_mode) ? Untrusted(path + " is not a regular file")
                                   : CheckOwnedPrivately(st, path);
  ::close(fd);
  return trusted;
}

using internal::Statement;
using internal::PragmaInt;
using internal::Text;

// The (type, name, sql) rows of a database's schema, in name order.
std::vector<std::string> SchemaRows(sqlite3* db) {
  std::vector<std::string> rows;
  Statement list(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name");
  if (!list.ok()) return {"unreadable"};
  int rc;
  while ((rc = sqlite3_step(list.get())) == SQLITE_ROW) {
    rows.push_back(Text(list.get(), 0) + "|" + Text(list.get(), 1) + "|" + Text(list.get(), 2) +
                   "|" + Text(list.get(), 3));
  }
  if (rc != SQLITE_DONE) rows.push_back("unreadable");
  return rows;
}

constexpr size_t kWalkTables = std::size(internal::kWalkSchema);

// The schema rows of a store with the first `walk_tables` of the walk cache's tables (and
// with `v3`, version 3's packed table; with `tree_paths`, version 5's facts).
std::vector<std::string> SchemaOf(size_t walk_tables, bool v3, bool tree_paths) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  for (const char* sql : kSchema) sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  for (size_t i = 0; i < walk_tables; ++i) {
    sqlite3_exec(db, internal::kWalkSchema[i], nullptr, nullptr, nullptr);
  }
  if (v3) sqlite3_exec(db, internal::kWalkPackedV3, nullptr, nullptr, nullptr);
  if (tree_paths) {
    for (const char* sql : internal::kTreeFactsSchema) {
      sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    }
  }
  std::vector<std::string> expected = SchemaRows(db);
  sqlite3_close(db);
  return expected;
}

const std::vector<std::string>& ExpectedSchema() {
  static const std::vector<std::string> rows = SchemaOf(kWalkTables, false, true);
  return rows;
}


}  // namespace

class ScanStore::Impl {
 public:
  ~Impl() { sqlite3_close_v2(db_); }

  Status Exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) == SQLITE_OK) return Status::Ok();
    std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return IoError(path_ + ": " + message);
  }
  Status Error(const std::string& what) const {
    return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  // Opens, creates the schema in an empty file, and checks the rest is a magpie store.
  static Result<std::unique_ptr<Impl>> OpenDatabase(const std::string& path) {
    if (Status prepared = PrepareFile(path); !prepared.ok()) return prepared;
    auto impl = std::make_unique<Impl>();
    impl->path_ = path;
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
    if (rc != SQLITE_OK) return impl->Error("cannot open");
    // The file is input like any other: no schema-defined SQL functions, no writes to the
    // schema through our statements, and cells checked as they are read.
    sqlite3_db_config(impl->db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(impl->db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_busy_timeout(impl->db_, kBusyTimeoutMs);
    if (Status s = impl->Exec("PRAGMA cell_size_check = ON"); !s.ok()) {
      return Corrupt(s.message());
    }
    if (SchemaRows(impl->db_).empty() && PragmaInt(impl->db_, "PRAGMA application_id") == 0) {
      if (Status s = impl->CreateSchema(); !s.ok()) return s;
    }
    if (Status s = impl->Upgrade(); !s.ok()) return s;
    if (Status s = impl->CheckIsStore(); !s.ok()) return s;
    return impl;
  }

  Status CreateSchema() {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    // Another process may have created it while we waited for the lock.
    if (SchemaRows(db_).empty()) {
      for (const char* sql : kSchema) {
        if (Status s = Exec(sql); !s.ok()) return Rollback(s);
      }
      for (const char* sql : internal::kWalkSchema) {
        if (Status s = Exec(sql); !s.ok()) return Rollback(s);
      }
      for (const char* sql : internal::kTreeFactsSchema) {
        if (Status s = Exec(sql); !s.ok()) return Rollback(s);
      }
      const std::string pragmas = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                                  "; PRAGMA user_version = " + std::to_string(kSchemaVersion);
      if (Status s = Exec(pragmas.c_str()); !s.ok()) return Rollback(s);
    }
    return Exec("COMMIT");
  }

  // A store of versions 1 to 4 (exactly that version's schema) gains the tables it lacks, one
  // version's steps after the other; its clean items and walks stay (a walk without its commit
  // list is walked in full once, then kept with it; version 3's packed cells move to version
  // 4's tables; version 5's facts start empty).
  Status Upgrade() {
    const int64_t version = PragmaInt(db_, "PRAGMA user_version");
    if (PragmaInt(db_, "PRAGMA application_id") != kApplicationId || version < 1 ||
        version >= kSchemaVersion) {
      return Status::Ok();
    }
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    const size_t had = version == 1   ? 0
                       : version == 4 ? kWalkTables
                                      : internal::kWalkTablesV2;
    if (PragmaInt(db_, "PRAGMA user_version") == version &&
        SchemaRows(db_) == SchemaOf(had, version == 3, false)) {
      for (size_t i = had; i < kWalkTables; ++i) {
        if (Status s = Exec(internal::kWalkSchema[i]); !s.ok()) return Rollback(s);
      }
      // Cells of any type move as they are: they are checked when read.
      if (version == 3) {
        if (Status s = Exec(internal::kWalkUpgradeV3); !s.ok()) return Rollback(s);
      }
      for (const char* sql : internal::kTreeFactsSchema) {
        if (Status s = Exec(sql); !s.ok()) return Rollback(s);
      }
      const std::string version = "PRAGMA user_version = " + std::to_string(kSchemaVersion);
      if (Status s = Exec(version.c_str()); !s.ok()) return Rollback(s);
    }
    return Exec("COMMIT");
  }

  Status CheckIsStore() {
    const int64_t application_id = PragmaInt(db_, "PRAGMA application_id");
    if (application_id != kApplicationId) {
      return Corrupt(path_ + " is not a magpie scan store (application id " +
                     std::to_string(application_id) + ")");
    }
    const int64_t version = PragmaInt(db_, "PRAGMA user_version");
    if (version != kSchemaVersion) {
      return Corrupt(path_ + " is a magpie scan store of another format (version " +
                     std::to_string(version) + ", expected " + std::to_string(kSchemaVersion) +
                     ")");
    }
    if (SchemaRows(db_) != ExpectedSchema()) {
      return Corrupt(path_ + " has a schema that is not a magpie scan store's");
    }
    Statement check(db_, "PRAGMA quick_check");
    if (!check.ok() || sqlite3_step(check.get()) != SQLITE_ROW ||
        Text(check.get(), 0) != "ok") {
      return Corrupt(path_ + " fails its integrity check (PRAGMA quick_check)");
    }
    return Status::Ok();
  }

  Status Rollback(Status why) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return why;
  }

  // The row id of `key` in scan_keys, or 0 when it has none.
  int64_t ScanKeyId() const {
    Statement find(db_, "SELECT id FROM scan_keys WHERE key = ?1");
    if (!find.ok()) return 0;
    sqlite3_bind_text(find.get(), 1, key_.data(), static_cast<int>(key_.size()), SQLITE_STATIC);
    return sqlite3_step(find.get()) == SQLITE_ROW ? sqlite3_column_int64(find.get(), 0) : 0;
  }

  // Reads the clean items of scan key `id` into clean_, sorted, on a connection of its own:
  // it runs beside the history walk (issue 13: 0.5 s for git/git's 262k items was on the
  // critical path). The rows come in key order (the table's primary key), so the set is built
  // without sorting; one out of order (a damaged file) is sorted anyway (store/clean_items.h).
  Status LoadClean(int64_t id) {
    if (id == 0) return Status::Ok();
    if (fault::Triggered(fault::Point::kStoreLoadClean)) {
      return ErrnoStatus(path_ + ": cannot read the clean items", errno);
    }
    sqlite3* db = nullptr;
    const int rc_open =
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> owned(db, sqlite3_close_v2);
    if (rc_open != SQLITE_OK) return IoError(path_ + ": cannot open: " + sqlite3_errstr(rc_open));
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    const int64_t count = PragmaInt(db, ("SELECT count(*) FROM clean WHERE scan_key = " +
                                         std::to_string(id)).c_str());
    Statement items(db, "SELECT item FROM clean WHERE scan_key = ?1 ORDER BY item");
    if (!items.ok()) return IoError(path_ + ": cannot read: " + sqlite3_errmsg(db));
    sqlite3_bind_int64(items.get(), 1, id);
    clean_.Reserve(static_cast<size_t>(std::clamp<int64_t>(count, 0, max_entries_)));
    int rc;
    while ((rc = sqlite3_step(items.get())) == SQLITE_ROW) {
      if (sqlite3_column_bytes(items.get(), 0) != 16) {
        return Corrupt(path_ + " holds an item of the wrong size");
      }
      clean_.Add(internal::KeyFromBytes(
          static_cast<const unsigned char*>(sqlite3_column_blob(items.get(), 0))));
    }
    if (rc != SQLITE_DONE) return Corrupt(path_ + ": cannot read: " + sqlite3_errmsg(db));
    clean_.Seal();
    return Status::Ok();
  }

  // Waits for LoadClean; a load that failed leaves nothing known clean (scan everything).
  const CleanSet& Clean() const {
    std::call_once(loaded_, [this] {
      if (loading_.valid()) load_status_ = loading_.get();
      if (!load_status_.ok()) clean_.Clear();
    });
    return clean_;
  }

  Result<uint64_t> Record(const std::vector<ItemRef>& items) {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    {
      Statement upsert(db_,
                       "INSERT INTO scan_keys(key, build, last_used) VALUES(?1, ?2, ?3) "
                       "ON CONFLICT(key) DO UPDATE SET last_used = excluded.last_used");
      if (!upsert.ok()) return Rollback(Error("cannot write"));
      sqlite3_bind_text(upsert.get(), 1, key_.data(), static_cast<int>(key_.size()),
                        SQLITE_STATIC);
      sqlite3_bind_text(upsert.get(), 2, build_.data(), static_cast<int>(build_.size()),
                        SQLITE_STATIC);
      sqlite3_bind_int64(upsert.get(), 3, static_cast<int64_t>(std::time(nullptr)));
      if (sqlite3_step(upsert.get()) != SQLITE_DONE) return Rollback(Error("cannot write"));
    }
    const int64_t id = ScanKeyId();
    uint64_t count = static_cast<uint64_t>(PragmaInt(db_, "SELECT count(*) FROM clean"));
    if (count + items.size() > max_entries_) {  // others' items go first
      Statement drop(db_, "DELETE FROM clean WHERE scan_key != ?1");
      sqlite3_bind_int64(drop.get(), 1, id);
      if (!drop.ok() || sqlite3_step(drop.get()) != SQLITE_DONE) {
        return Rollback(Error("cannot write"));
      }
      count = static_cast<uint64_t>(PragmaInt(db_, "SELECT count(*) FROM clean"));
    }
    const uint64_t room = max_entries_ > count ? max_entries_ - count : 0;
    Statement insert(db_, "INSERT OR IGNORE INTO clean(scan_key, item) VALUES(?1, ?2)");
    if (!insert.ok()) return Rollback(Error("cannot write"));
    uint64_t written = 0;
    for (const ItemRef& item : items) {
      if (written == room) break;
      const std::string bytes =
          KeyBytes(item.binary ? internal::BinaryKeyOf(read_limits_, item.blob_id, item.path)
                               : KeyOf(item.blob_id, item.path));
      sqlite3_bind_int64(insert.get(), 1, id);
      sqlite3_bind_blob(insert.get(), 2, bytes.data(), 16, SQLITE_STATIC);
      if (sqlite3_step(insert.get()) != SQLITE_DONE) return Rollback(Error("cannot write"));
      sqlite3_reset(insert.get());
      ++written;
    }
    // A failed commit (the disk filled up) must leave nothing half-recorded.
    if (fault::Triggered(fault::Point::kStoreWrite)) {
      return Rollback(ErrnoStatus(path_ + ": cannot write", errno));
    }
    if (Status s = Exec("COMMIT"); !s.ok()) return Rollback(s);
    return items.size() - written;
  }

  Result<GcResult> Collect(const std::string& build_hash, int64_t oldest) {
    GcResult result;
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    const char* kStale = "SELECT id FROM scan_keys WHERE build != ?1 OR last_used < ?2";
    const std::string drop_items =
        std::string("DELETE FROM clean WHERE scan_key IN (") + kStale + ")";
    const std::string drop_keys =
        std::string("DELETE FROM scan_keys WHERE id IN (") + kStale + ")";
    Result<uint64_t> walks = internal::DropStaleWalks(db_, path_, build_hash, oldest);
    if (!walks.ok()) return Rollback(walks.status());
    result.walks_dropped = *walks;
    // Facts about trees hold for any build, but nothing says which are still asked about:
    // they go, and the next run learns those it needs (one presence lookup of the tips).
    result.tree_facts_dropped = static_cast<uint64_t>(
        PragmaInt(db_, "SELECT (SELECT count(*) FROM tree_paths) + "
                       "(SELECT count(*) FROM tree_blobs)"));
    if (Status s = Exec("DELETE FROM tree_paths; DELETE FROM tree_blobs"); !s.ok()) {
      return Rollback(s);
    }
    uint64_t* counts[] = {&result.items_dropped, &result.scan_keys_dropped};
    const std::string* statements[] = {&drop_items, &drop_keys};
    for (int i = 0; i < 2; ++i) {
      Statement drop(db_, statements[i]->c_str());
      if (!drop.ok()) return Rollback(Error("cannot write"));
      sqlite3_bind_text(drop.get(), 1, build_hash.data(), static_cast<int>(build_hash.size()),
                        SQLITE_STATIC);
      sqlite3_bind_int64(drop.get(), 2, oldest);
      if (sqlite3_step(drop.get()) != SQLITE_DONE) return Rollback(Error("cannot write"));
      *counts[i] = static_cast<uint64_t>(sqlite3_changes(db_));
    }
    if (fault::Triggered(fault::Point::kStoreWrite)) {
      return Rollback(ErrnoStatus(path_ + ": cannot write", errno));
    }
    if (Status s = Exec("COMMIT"); !s.ok()) return Rollback(s);
    if (Status s = Exec("VACUUM"); !s.ok()) return s;
    result.items_kept = static_cast<uint64_t>(PragmaInt(db_, "SELECT count(*) FROM clean"));
    return result;
  }

  std::string WalkKey(const std::string& repo_key) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  std::string key_;    // SHA-256 of the scan key
  std::string build_;  // SHA-256 of its build
  std::string read_limits_;  // ScanKey::read_limits, in binary items' names
  uint64_t max_entries_ = kDefaultMaxEntries;
  mutable CleanSet clean_;  // read after Clean() returns
  mutable std::future<Status> loading_;
  mutable std::once_flag loaded_;
  mutable Status load_status_;
  int64_t walk_generation_ = -1;  // of the walk LoadWalk read
};

std::string ScanStore::DefaultPath(const std::string& cache_dir) {
  return (std::filesystem::path(cache_dir) / "store" / "scans.sqlite").string();
}

ScanStore::ScanStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ScanStore::~ScanStore() {
  if (impl_) impl_->Clean();  // the loader uses impl_: let it finish
}

Result<std::unique_ptr<ScanStore>> ScanStore::Open(const std::string& path, const ScanKey& key,
                                                   uint64_t max_entries) {
  Result<std::unique_ptr<Impl>> impl = Impl::OpenDatabase(path);
  if (!impl.ok()) return impl.status();
  (*impl)->build_ = Sha256Hex(key.build);
  (*impl)->key_ = Sha256Hex(key.build + "\n" + key.settings);
  (*impl)->max_entries_ = max_entries;
  (*impl)->read_limits_ = key.read_limits;
  Impl* raw = impl->get();
  raw->loading_ = std::async(std::launch::async, [raw, id = raw->ScanKeyId()] {
    return raw->LoadClean(id);
  });
  return std::unique_ptr<ScanStore>(new ScanStore(*std::move(impl)));
}

bool ScanStore::IsClean(std::string_view blob_id, std::string_view path) const {
  const CleanSet& clean = impl_->Clean();
  return !clean.empty() && clean.Contains(KeyOf(blob_id, path));
}

bool ScanStore::IsBinary(std::string_view blob_id, std::string_view path) const {
  const CleanSet& clean = impl_->Clean();
  return !clean.empty() &&
         clean.Contains(internal::BinaryKeyOf(impl_->read_limits_, blob_id, path));
}

size_t ScanStore::size() const { return impl_->Clean().size(); }

Status ScanStore::clean_status() const {
  impl_->Clean();
  return impl_->load_status_;
}

Result<uint64_t> ScanStore::RecordClean(const std::vector<ItemRef>& items) {
  return impl_->Record(items);
}

std::string ScanStore::Impl::WalkKey(const std::string& repo_key) const {
  return Sha256Hex(build_ + "\n" + repo_key);
}

Result<std::optional<WalkSnapshot>> ScanStore::LoadWalk(const std::string& repo_key) {
  return internal::ReadWalk(impl_->db_, impl_->path_, impl_->WalkKey(repo_key),
                            &impl_->walk_generation_);
}

Result<bool> ScanStore::SaveWalk(const std::string& repo_key, const WalkSnapshot& snapshot) {
  return internal::WriteWalk(impl_->db_, impl_->path_, impl_->WalkKey(repo_key), impl_->build_,
                             snapshot, impl_->walk_generation_, impl_->max_entries_);
}

Result<std::vector<TreePathFact>> ScanStore::LoadTreePaths(const std::vector<std::string>& paths,
                                                           uint64_t* skipped) {
  uint64_t ignored = 0;
  return internal::ReadTreePaths(impl_->db_, impl_->path_, paths,
                                 skipped != nullptr ? skipped : &ignored);
}

Result<std::vector<TreeBlobFact>> ScanStore::LoadTreeBlobs(const std::vector<RawOid>& blobs,
                                                           uint64_t* skipped) {
  uint64_t ignored = 0;
  return internal::ReadTreeBlobs(impl_->db_, impl_->path_, blobs,
                                 skipped != nullptr ? skipped : &ignored);
}

Status ScanStore::SaveTreeFacts(const std::vector<TreePathFact>& paths,
                                const std::vector<TreeBlobFact>& blobs) {
  return internal::WriteTreeFacts(impl_->db_, impl_->path_, paths, blobs,
                                  std::min(internal::kMaxTreePaths, impl_->max_entries_));
}

Result<GcResult> ScanStore::Collect(const std::string& path, const std::string& build,
                                    uint64_t max_age_days) {
  Result<std::unique_ptr<Impl>> impl = Impl::OpenDatabase(path);
  if (!impl.ok()) return impl.status();
  const uint64_t days = std::min<uint64_t>(max_age_days, 1000000);  // no overflow below
  const int64_t oldest =
      static_cast<int64_t>(std::time(nullptr)) - static_cast<int64_t>(days) * 86400;
  return (*impl)->Collect(Sha256Hex(build), oldest);
}

}  // namespace magpie::store
