#include "store/walk_cache.h"

#include <cerrno>
#include <cstring>
#include <ctime>

#include "base/fault_injection.h"
#include "store/sqlite_statement.h"

namespace magpie::store::internal {
namespace {

constexpr int kOidBytes = 20;

Status DbError(sqlite3* db, const std::string& path, const std::string& what) {
  return IoError(path + ": " + what + ": " + sqlite3_errmsg(db));
}

Status Exec(sqlite3* db, const std::string& path, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK
             ? Status::Ok()
             : DbError(db, path, "cannot write");
}

template <typename T>
T Rollback(sqlite3* db, T why) {
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return why;
}

// A 20-byte id column as hex; false when the cell is anything else.
bool HexColumn(sqlite3_stmt* stmt, int column, std::string* hex) {
  if (sqlite3_column_type(stmt, column) != SQLITE_BLOB ||
      sqlite3_column_bytes(stmt, column) != kOidBytes) {
    return false;
  }
  static const char kHex[] = "0123456789abcdef";
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, column));
  hex->resize(2 * kOidBytes);
  for (int i = 0; i < kOidBytes; ++i) {
    (*hex)[2 * i] = kHex[bytes[i] >> 4];
    (*hex)[2 * i + 1] = kHex[bytes[i] & 15];
  }
  return true;
}

// Binds a hex id as its 20 bytes (an id we produced, so well formed; anything else binds
// as given and fails the shape check when read back).
void BindId(sqlite3_stmt* stmt, int index, const std::string& hex, std::string* scratch) {
  scratch->clear();
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    const auto nibble = [](char c) -> unsigned {
      return static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10) & 15u;
    };
    scratch->push_back(static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  sqlite3_bind_blob(stmt, index, scratch->data(), static_cast<int>(scratch->size()),
                    SQLITE_TRANSIENT);
}

bool NonNegative(sqlite3_stmt* stmt, int column) {
  return sqlite3_column_type(stmt, column) == SQLITE_INTEGER &&
         sqlite3_column_int64(stmt, column) >= 0;
}

// Runs `sql` with ?1 = walk id to the end; false on an error.
bool RunForWalk(sqlite3* db, const char* sql, int64_t walk) {
  Statement statement(db, sql);
  if (!statement.ok()) return false;
  sqlite3_bind_int64(statement.get(), 1, walk);
  return sqlite3_step(statement.get()) == SQLITE_DONE;
}

bool DropWalkRows(sqlite3* db, int64_t walk) {
  return RunForWalk(db, "DELETE FROM walk_blobs WHERE walk = ?1", walk) &&
         RunForWalk(db, "DELETE FROM walk_tips WHERE walk = ?1", walk) &&
         RunForWalk(db, "DELETE FROM walk_submodules WHERE walk = ?1", walk);
}

}  // namespace

Result<std::optional<WalkSnapshot>> ReadWalk(sqlite3* db, const std::string& path,
                                             const std::string& key, int64_t* generation) {
  if (fault::Triggered(fault::Point::kWalkCacheRead)) {
    return IoError(path + ": cannot read the walk cache: " + std::strerror(errno));
  }
  const Status corrupt = Corrupt(path + " holds a walk cache row of the wrong shape");
  Statement walk(db,
                 "SELECT id, generation, commits, last_time, last_commit FROM walks WHERE key = ?1");
  if (!walk.ok()) return DbError(db, path, "cannot read");
  sqlite3_bind_text(walk.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  const int rc = sqlite3_step(walk.get());
  if (rc == SQLITE_DONE) return std::optional<WalkSnapshot>();
  if (rc != SQLITE_ROW) return DbError(db, path, "cannot read");
  WalkSnapshot snapshot;
  const int64_t id = sqlite3_column_int64(walk.get(), 0);
  *generation = sqlite3_column_int64(walk.get(), 1);
  if (!NonNegative(walk.get(), 2) || sqlite3_column_type(walk.get(), 3) != SQLITE_INTEGER) {
    return corrupt;
  }
  snapshot.commits = static_cast<uint64_t>(sqlite3_column_int64(walk.get(), 2));
  snapshot.last_time = sqlite3_column_int64(walk.get(), 3);
  if (sqlite3_column_bytes(walk.get(), 4) != 0 &&
      !HexColumn(walk.get(), 4, &snapshot.last_commit)) {
    return corrupt;
  }

  Statement tips(db, "SELECT tip FROM walk_tips WHERE walk = ?1");
  Statement submodules(db,
                       "SELECT path, commit_id FROM walk_submodules WHERE walk = ?1 ORDER BY seq");
  Statement blobs(db,
                  "SELECT blob, path, commit_id, commit_order, other, excluded FROM walk_blobs "
                  "WHERE walk = ?1");
  if (!tips.ok() || !submodules.ok() || !blobs.ok()) return DbError(db, path, "cannot read");
  sqlite3_bind_int64(tips.get(), 1, id);
  sqlite3_bind_int64(submodules.get(), 1, id);
  sqlite3_bind_int64(blobs.get(), 1, id);
  int step;
  while ((step = sqlite3_step(tips.get())) == SQLITE_ROW) {
    std::string tip;
    if (!HexColumn(tips.get(), 0, &tip)) return corrupt;
    snapshot.tips.push_back(std::move(tip));
  }
  if (step != SQLITE_DONE) return DbError(db, path, "cannot read");
  while ((step = sqlite3_step(submodules.get())) == SQLITE_ROW) {
    WalkSnapshot::Submodule submodule;
    submodule.path = Text(submodules.get(), 0);
    if (!HexColumn(submodules.get(), 1, &submodule.commit)) return corrupt;
    snapshot.submodules.push_back(std::move(submodule));
  }
  if (step != SQLITE_DONE) return DbError(db, path, "cannot read");
  while ((step = sqlite3_step(blobs.get())) == SQLITE_ROW) {
    sqlite3_stmt* row = blobs.get();
    WalkSnapshot::Blob blob;
    if (!HexColumn(row, 0, &blob.blob_id) || !HexColumn(row, 2, &blob.commit) ||
        sqlite3_column_type(row, 1) != SQLITE_TEXT || !NonNegative(row, 3) ||
        !NonNegative(row, 4) || !NonNegative(row, 5)) {
      return corrupt;
    }
    blob.path = Text(row, 1);
    blob.commit_order = static_cast<uint64_t>(sqlite3_column_int64(row, 3));
    blob.other_occurrences = static_cast<uint64_t>(sqlite3_column_int64(row, 4));
    blob.excluded = sqlite3_column_int64(row, 5) != 0;
    snapshot.blobs.push_back(std::move(blob));
  }
  if (step != SQLITE_DONE) return DbError(db, path, "cannot read");
  return std::optional<WalkSnapshot>(std::move(snapshot));
}

Result<bool> WriteWalk(sqlite3* db, const std::string& path, const std::string& key,
                       const std::string& build, const WalkSnapshot& snapshot,
                       int64_t generation, uint64_t max_rows) {
  if (Status s = Exec(db, path, "BEGIN IMMEDIATE"); !s.ok()) return s;
  const Status write_error = DbError(db, path, "cannot write");
  int64_t id = 0;
  int64_t stored_generation = -1;
  {
    Statement find(db, "SELECT id, generation FROM walks WHERE key = ?1");
    if (!find.ok()) return Rollback<Result<bool>>(db, write_error);
    sqlite3_bind_text(find.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    if (sqlite3_step(find.get()) == SQLITE_ROW) {
      id = sqlite3_column_int64(find.get(), 0);
      stored_generation = sqlite3_column_int64(find.get(), 1);
    }
  }
  // A delta is relative to what this run read: if another run saved since, keep theirs.
  if (snapshot.delta && (id == 0 || stored_generation != generation)) {
    return Rollback<Result<bool>>(db, false);
  }
  if (!snapshot.delta && id != 0 && !DropWalkRows(db, id)) {
    return Rollback<Result<bool>>(db, write_error);
  }
  // The bound: other repositories' walks go first, then this one is not kept.
  const uint64_t adding = snapshot.blobs.size() + snapshot.tips.size();
  const auto rows = [db] {
    return static_cast<uint64_t>(PragmaInt(db, "SELECT count(*) FROM walk_blobs")) +
           static_cast<uint64_t>(PragmaInt(db, "SELECT count(*) FROM walk_tips"));
  };
  if (rows() + adding > max_rows) {
    Statement others(db, "SELECT id FROM walks WHERE key != ?1");
    if (!others.ok()) return Rollback<Result<bool>>(db, write_error);
    sqlite3_bind_text(others.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    std::vector<int64_t> ids;
    while (sqlite3_step(others.get()) == SQLITE_ROW) {
      ids.push_back(sqlite3_column_int64(others.get(), 0));
    }
    for (int64_t other : ids) {
      if (!DropWalkRows(db, other) || !RunForWalk(db, "DELETE FROM walks WHERE id = ?1", other)) {
        return Rollback<Result<bool>>(db, write_error);
      }
    }
    if (rows() + adding > max_rows) return Rollback<Result<bool>>(db, false);
  }
  std::string scratch;
  {
    Statement upsert(db,
                     "INSERT INTO walks(key, build, generation, commits, last_time, last_commit, "
                     "last_used) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(key) DO UPDATE "
                     "SET generation = excluded.generation, commits = excluded.commits, "
                     "last_time = excluded.last_time, last_commit = excluded.last_commit, "
                     "last_used = excluded.last_used");
    if (!upsert.ok()) return Rollback<Result<bool>>(db, write_error);
    sqlite3_bind_text(upsert.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    sqlite3_bind_text(upsert.get(), 2, build.data(), static_cast<int>(build.size()),
                      SQLITE_STATIC);
    sqlite3_bind_int64(upsert.get(), 3, stored_generation + 1);
    sqlite3_bind_int64(upsert.get(), 4, static_cast<int64_t>(snapshot.commits));
    sqlite3_bind_int64(upsert.get(), 5, snapshot.last_time);
    BindId(upsert.get(), 6, snapshot.last_commit, &scratch);
    sqlite3_bind_int64(upsert.get(), 7, static_cast<int64_t>(std::time(nullptr)));
    if (sqlite3_step(upsert.get()) != SQLITE_DONE) return Rollback<Result<bool>>(db, write_error);
  }
  if (id == 0) id = sqlite3_last_insert_rowid(db);
  if (!RunForWalk(db, "DELETE FROM walk_tips WHERE walk = ?1", id) ||
      !RunForWalk(db, "DELETE FROM walk_submodules WHERE walk = ?1", id)) {
    return Rollback<Result<bool>>(db, write_error);
  }
  Statement tip(db, "INSERT OR IGNORE INTO walk_tips(walk, tip) VALUES(?1, ?2)");
  Statement submodule(db, "INSERT INTO walk_submodules(walk, seq, path, commit_id) "
                          "VALUES(?1, ?2, ?3, ?4)");
  Statement blob(db, "INSERT OR REPLACE INTO walk_blobs(walk, blob, path, commit_id, "
                     "commit_order, other, excluded) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!tip.ok() || !submodule.ok() || !blob.ok()) return Rollback<Result<bool>>(db, write_error);
  const auto step = [](sqlite3_stmt* stmt) {
    const bool done = sqlite3_step(stmt) == SQLITE_DONE;
    sqlite3_reset(stmt);
    return done;
  };
  for (const std::string& hex : snapshot.tips) {
    sqlite3_bind_int64(tip.get(), 1, id);
    BindId(tip.get(), 2, hex, &scratch);
    if (!step(tip.get())) return Rollback<Result<bool>>(db, write_error);
  }
  for (size_t i = 0; i < snapshot.submodules.size(); ++i) {
    const WalkSnapshot::Submodule& s = snapshot.submodules[i];
    sqlite3_bind_int64(submodule.get(), 1, id);
    sqlite3_bind_int64(submodule.get(), 2, static_cast<int64_t>(i));
    sqlite3_bind_text(submodule.get(), 3, s.path.data(), static_cast<int>(s.path.size()),
                      SQLITE_STATIC);
    BindId(submodule.get(), 4, s.commit, &scratch);
    if (!step(submodule.get())) return Rollback<Result<bool>>(db, write_error);
  }
  std::string scratch2;
  for (const WalkSnapshot::Blob& b : snapshot.blobs) {
    sqlite3_bind_int64(blob.get(), 1, id);
    BindId(blob.get(), 2, b.blob_id, &scratch);
    sqlite3_bind_text(blob.get(), 3, b.path.data(), static_cast<int>(b.path.size()),
                      SQLITE_STATIC);
    BindId(blob.get(), 4, b.commit, &scratch2);
    sqlite3_bind_int64(blob.get(), 5, static_cast<int64_t>(b.commit_order));
    sqlite3_bind_int64(blob.get(), 6, static_cast<int64_t>(b.other_occurrences));
    sqlite3_bind_int64(blob.get(), 7, b.excluded ? 1 : 0);
    if (!step(blob.get())) return Rollback<Result<bool>>(db, write_error);
  }
  if (fault::Triggered(fault::Point::kStoreWrite)) {
    return Rollback<Result<bool>>(db, IoError(path + ": cannot write: " + std::strerror(errno)));
  }
  if (Status s = Exec(db, path, "COMMIT"); !s.ok()) return Rollback<Result<bool>>(db, s);
  return true;
}

Result<uint64_t> DropStaleWalks(sqlite3* db, const std::string& path, const std::string& build,
                                int64_t oldest) {
  Statement stale(db, "SELECT id FROM walks WHERE build != ?1 OR last_used < ?2");
  if (!stale.ok()) return DbError(db, path, "cannot read");
  sqlite3_bind_text(stale.get(), 1, build.data(), static_cast<int>(build.size()), SQLITE_STATIC);
  sqlite3_bind_int64(stale.get(), 2, oldest);
  std::vector<int64_t> ids;
  while (sqlite3_step(stale.get()) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(stale.get(), 0));
  for (int64_t id : ids) {
    if (!DropWalkRows(db, id) || !RunForWalk(db, "DELETE FROM walks WHERE id = ?1", id)) {
      return DbError(db, path, "cannot write");
    }
  }
  return static_cast<uint64_t>(ids.size());
}

}  // namespace magpie::store::internal
