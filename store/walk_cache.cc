#include "store/walk_cache.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <string_view>
#include <utility>
#include <vector>

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
         RunForWalk(db, "DELETE FROM walk_rows WHERE walk = ?1", walk) &&
         RunForWalk(db, "DELETE FROM walk_commits WHERE walk = ?1", walk) &&
         RunForWalk(db, "DELETE FROM walk_submodules WHERE walk = ?1", walk);
}

// Delta rows kept beside a walk's packed cell before they are folded into it.
constexpr int64_t kMaxDeltaRows = 4096;
// Chunks of a walk's commit list before they are joined into one (a rescan reads them all).
constexpr int64_t kMaxCommitChunks = 64;

// A 20-byte id column; false when the cell is anything else.
bool IdColumn(sqlite3_stmt* stmt, int column, RawOid* id) {
  if (sqlite3_column_type(stmt, column) != SQLITE_BLOB ||
      sqlite3_column_bytes(stmt, column) != kOidBytes) {
    return false;
  }
  std::memcpy(id->data(), sqlite3_column_blob(stmt, column), kOidBytes);
  return true;
}

void BindId(sqlite3_stmt* stmt, int index, const RawOid& id) {
  sqlite3_bind_blob(stmt, index, id.data(), kOidBytes, SQLITE_TRANSIENT);
}

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// The delta rows of walk `id` (in blob id order: the table's key) into *rows; false when one
// has the wrong shape, or on an error (*io_error).
bool ReadDeltaRows(sqlite3* db, int64_t id, std::vector<WalkSnapshot::Blob>* rows,
                   bool* io_error) {
  Statement blobs(db,
                  "SELECT blob, path, commit_id, commit_order, other, excluded FROM walk_blobs "
                  "WHERE walk = ?1 ORDER BY blob");
  if (!blobs.ok()) return !(*io_error = true);
  sqlite3_bind_int64(blobs.get(), 1, id);
  int step;
  while ((step = sqlite3_step(blobs.get())) == SQLITE_ROW) {
    sqlite3_stmt* row = blobs.get();
    WalkSnapshot::Blob blob;
    if (!IdColumn(row, 0, &blob.blob_id) || !IdColumn(row, 2, &blob.commit) ||
        sqlite3_column_type(row, 1) != SQLITE_TEXT || !NonNegative(row, 3) ||
        !NonNegative(row, 4) || !NonNegative(row, 5)) {
      return false;
    }
    blob.path = Text(row, 1);
    blob.commit_order = static_cast<uint64_t>(sqlite3_column_int64(row, 3));
    blob.other_occurrences = static_cast<uint64_t>(sqlite3_column_int64(row, 4));
    blob.excluded = sqlite3_column_int64(row, 5) != 0;
    rows->push_back(std::move(blob));
  }
  if (step != SQLITE_DONE) return !(*io_error = true);
  return true;
}

// The commit list of walk `id`, its chunks joined in order, into *commit_ids; false when a
// chunk has the wrong shape or one is missing (seq 0, 1, ...), or on an error (*io_error).
bool ReadCommits(sqlite3* db, int64_t id, std::string* commit_ids, bool* io_error) {
  Statement chunks(db, "SELECT seq, commit_ids FROM walk_commits WHERE walk = ?1 ORDER BY seq");
  if (!chunks.ok()) return !(*io_error = true);
  sqlite3_bind_int64(chunks.get(), 1, id);
  int step;
  for (int64_t seq = 0; (step = sqlite3_step(chunks.get())) == SQLITE_ROW; ++seq) {
    const int type = sqlite3_column_type(chunks.get(), 1);
    const void* bytes = sqlite3_column_blob(chunks.get(), 1);
    const std::string_view chunk(static_cast<const char*>(bytes),
                                 bytes == nullptr ? 0 : sqlite3_column_bytes(chunks.get(), 1));
    if (sqlite3_column_type(chunks.get(), 0) != SQLITE_INTEGER ||
        sqlite3_column_int64(chunks.get(), 0) != seq ||
        (type != SQLITE_BLOB && !(type == SQLITE_TEXT && chunk.empty())) ||
        !AppendCommitChunk(chunk, commit_ids)) {
      return false;
    }
  }
  if (step != SQLITE_DONE) return !(*io_error = true);
  return true;
}

// The packed rows of walk `id` and its commit list; false when either has the wrong shape,
// or on an error (*io_error). No cell (a walk kept before version 3): nothing, and true.
bool ReadPacked(sqlite3* db, int64_t id, std::string* commit_ids,
                std::vector<WalkSnapshot::Blob>* rows, bool* io_error) {
  Statement packed(db, "SELECT blob_rows FROM walk_rows WHERE walk = ?1");
  if (!packed.ok()) return !(*io_error = true);
  sqlite3_bind_int64(packed.get(), 1, id);
  const int found = sqlite3_step(packed.get());
  if (found == SQLITE_DONE) return true;
  if (found != SQLITE_ROW) return !(*io_error = true);
  const void* bytes = sqlite3_column_blob(packed.get(), 0);
  const std::string_view cell(static_cast<const char*>(bytes),
                              bytes == nullptr ? 0 : sqlite3_column_bytes(packed.get(), 0));
  const int type = sqlite3_column_type(packed.get(), 0);
  if (type != SQLITE_BLOB && !(type == SQLITE_TEXT && cell.empty())) return false;
  return ReadCommits(db, id, commit_ids, io_error) && DecodeRows(cell, *commit_ids, rows);
}

// Replaces walk `id`'s commit list by one chunk of `commit_ids`.
bool WriteCommits(sqlite3* db, int64_t id, std::string_view commit_ids) {
  Statement write(db, "INSERT INTO walk_commits(walk, seq, commit_ids) VALUES(?1, 0, ?2)");
  if (!write.ok()) return false;
  sqlite3_bind_int64(write.get(), 1, id);
  sqlite3_bind_blob64(write.get(), 2, commit_ids.data(), commit_ids.size(), SQLITE_STATIC);
  return RunForWalk(db, "DELETE FROM walk_commits WHERE walk = ?1", id) &&
         sqlite3_step(write.get()) == SQLITE_DONE;
}

// A delta's commit list (the whole list: what was read, then the new commits) kept by
// appending the new ids as one chunk; joined into one chunk when there are many. Result:
// false when the stored list is not a prefix's length of it (the save is refused).
Result<bool> AppendCommits(sqlite3* db, int64_t id, const std::string& commit_ids,
                           const Status& write_error) {
  Statement stored(db,
                   "SELECT count(*), coalesce(sum(length(commit_ids)), 0), coalesce(max(seq), -1) "
                   "FROM walk_commits WHERE walk = ?1");
  if (!stored.ok()) return write_error;
  sqlite3_bind_int64(stored.get(), 1, id);
  if (sqlite3_step(stored.get()) != SQLITE_ROW) return write_error;
  const int64_t chunks = sqlite3_column_int64(stored.get(), 0);
  const int64_t length = sqlite3_column_int64(stored.get(), 1);
  const int64_t last = sqlite3_column_int64(stored.get(), 2);
  // The generation check made this the list the delta was resumed from: the delta's list
  // starts with it. Anything else is not appended to.
  if (length < 0 || static_cast<uint64_t>(length) > commit_ids.size() ||
      length % kOidBytes != 0 || last != chunks - 1 || chunks == 0) {
    return false;
  }
  if (chunks >= kMaxCommitChunks) {
    if (fault::Triggered(fault::Point::kWalkCacheFold)) {
      return IoError("cannot join the walk cache's commit list: " +
                     std::string(std::strerror(errno)));
    }
    return WriteCommits(db, id, commit_ids) ? Result<bool>(true) : write_error;
  }
  if (static_cast<uint64_t>(length) == commit_ids.size()) return true;
  Statement append(db, "INSERT INTO walk_commits(walk, seq, commit_ids) VALUES(?1, ?2, ?3)");
  if (!append.ok()) return write_error;
  sqlite3_bind_int64(append.get(), 1, id);
  sqlite3_bind_int64(append.get(), 2, last + 1);
  sqlite3_bind_blob64(append.get(), 3, commit_ids.data() + length,
                      commit_ids.size() - static_cast<uint64_t>(length), SQLITE_STATIC);
  if (sqlite3_step(append.get()) != SQLITE_DONE) return write_error;
  return true;
}

// `delta` (rows that replace or join those of `base`), both sorted by blob id, merged into
// `base`; false when either is not sorted (a damaged store).
bool MergeRows(std::vector<WalkSnapshot::Blob> delta, std::vector<WalkSnapshot::Blob>* base) {
  if (delta.empty()) return true;
  std::vector<WalkSnapshot::Blob> merged;
  merged.reserve(base->size() + delta.size());
  size_t i = 0;
  size_t j = 0;
  while (i < base->size() || j < delta.size()) {
    if (j == delta.size() || (i < base->size() && (*base)[i].blob_id < delta[j].blob_id)) {
      merged.push_back(std::move((*base)[i++]));
    } else {
      if (i < base->size() && (*base)[i].blob_id == delta[j].blob_id) ++i;
      merged.push_back(std::move(delta[j++]));
    }
    if (merged.size() > 1 && !(merged[merged.size() - 2].blob_id < merged.back().blob_id)) {
      return false;
    }
  }
  base->swap(merged);
  return true;
}

// Writes walk `id`'s packed cell from `rows` (sorted by blob id) and drops its delta rows.
bool WritePacked(sqlite3* db, int64_t id, const std::vector<WalkSnapshot::Blob>& rows) {
  const std::string packed = EncodeRows(rows);
  Statement write(db,
                  "INSERT OR REPLACE INTO walk_rows(walk, blob_rows, row_count) "
                  "VALUES(?1, ?2, ?3)");
  if (!write.ok()) return false;
  sqlite3_bind_int64(write.get(), 1, id);
  sqlite3_bind_blob64(write.get(), 2, packed.data(), packed.size(), SQLITE_STATIC);
  sqlite3_bind_int64(write.get(), 3, static_cast<int64_t>(rows.size()));
  return sqlite3_step(write.get()) == SQLITE_DONE &&
         RunForWalk(db, "DELETE FROM walk_blobs WHERE walk = ?1", id);
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
      !IdColumn(walk.get(), 4, &snapshot.last_commit)) {
    return corrupt;
  }

  // The packed cell, then the delta rows saved since (a walk kept before version 3 has only
  // rows, and no commit ids: it is not resumed from).
  bool io_error = false;
  std::vector<WalkSnapshot::Blob> delta;
  if (!ReadPacked(db, id, &snapshot.commit_ids, &snapshot.blobs, &io_error) ||
      !ReadDeltaRows(db, id, &delta, &io_error) || !MergeRows(std::move(delta), &snapshot.blobs)) {
    return io_error ? DbError(db, path, "cannot read") : corrupt;
  }
  Statement tips(db, "SELECT tip FROM walk_tips WHERE walk = ?1");
  Statement submodules(db,
                       "SELECT path, commit_id FROM walk_submodules WHERE walk = ?1 ORDER BY seq");
  if (!tips.ok() || !submodules.ok()) return DbError(db, path, "cannot read");
  sqlite3_bind_int64(tips.get(), 1, id);
  sqlite3_bind_int64(submodules.get(), 1, id);
  int step;
  while ((step = sqlite3_step(tips.get())) == SQLITE_ROW) {
    RawOid tip;
    if (!IdColumn(tips.get(), 0, &tip)) return corrupt;
    snapshot.tips.push_back(tip);
  }
  if (step != SQLITE_DONE) return DbError(db, path, "cannot read");
  while ((step = sqlite3_step(submodules.get())) == SQLITE_ROW) {
    WalkSnapshot::Submodule submodule;
    submodule.path = Text(submodules.get(), 0);
    if (!IdColumn(submodules.get(), 1, &submodule.commit)) return corrupt;
    snapshot.submodules.push_back(std::move(submodule));
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
           static_cast<uint64_t>(PragmaInt(db, "SELECT count(*) FROM walk_tips")) +
           static_cast<uint64_t>(PragmaInt(db, "SELECT total(row_count) FROM walk_rows"));
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
    // A walk of no commit has no last commit (an empty cell).
    if (snapshot.commits > 0) {
      BindId(upsert.get(), 6, snapshot.last_commit);
    } else {
      sqlite3_bind_zeroblob(upsert.get(), 6, 0);
    }
    sqlite3_bind_int64(upsert.get(), 7, static_cast<int64_t>(std::time(nullptr)));
    if (sqlite3_step(upsert.get()) != SQLITE_DONE) return Rollback<Result<bool>>(db, write_error);
  }
  if (id == 0) id = sqlite3_last_insert_rowid(db);
  if (!RunForWalk(db, "DELETE FROM walk_tips WHERE walk = ?1", id) ||
      !RunForWalk(db, "DELETE FROM walk_submodules WHERE walk = ?1", id)) {
    return Rollback<Result<bool>>(db, write_error);
  }
  if (!snapshot.delta) {
    // The whole walk: one packed cell, sorted by blob id.
    std::vector<const WalkSnapshot::Blob*> order;
    order.reserve(snapshot.blobs.size());
    for (const WalkSnapshot::Blob& b : snapshot.blobs) order.push_back(&b);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
      return a->blob_id < b->blob_id;
    });
    std::vector<WalkSnapshot::Blob> sorted;
    sorted.reserve(order.size());
    for (const WalkSnapshot::Blob* b : order) sorted.push_back(*b);
    if (!WritePacked(db, id, sorted) || !WriteCommits(db, id, snapshot.commit_ids)) {
      return Rollback<Result<bool>>(db, write_error);
    }
  } else {
    // A delta applies to a packed walk only (one kept before version 3 is never resumed).
    if (PragmaInt(db, ("SELECT count(*) FROM walk_rows WHERE walk = " + std::to_string(id))
                          .c_str()) != 1) {
      return Rollback<Result<bool>>(db, false);
    }
    Result<bool> appended = AppendCommits(db, id, snapshot.commit_ids, write_error);
    if (!appended.ok()) {
      return Rollback<Result<bool>>(db, appended.status().WithContext(path));
    }
    if (!*appended) return Rollback<Result<bool>>(db, false);
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
  for (const RawOid& raw : snapshot.tips) {
    sqlite3_bind_int64(tip.get(), 1, id);
    BindId(tip.get(), 2, raw);
    if (!step(tip.get())) return Rollback<Result<bool>>(db, write_error);
  }
  for (size_t i = 0; i < snapshot.submodules.size(); ++i) {
    const WalkSnapshot::Submodule& s = snapshot.submodules[i];
    sqlite3_bind_int64(submodule.get(), 1, id);
    sqlite3_bind_int64(submodule.get(), 2, static_cast<int64_t>(i));
    sqlite3_bind_text(submodule.get(), 3, s.path.data(), static_cast<int>(s.path.size()),
                      SQLITE_STATIC);
    BindId(submodule.get(), 4, s.commit);
    if (!step(submodule.get())) return Rollback<Result<bool>>(db, write_error);
  }
  for (const WalkSnapshot::Blob& b : snapshot.blobs) {
    if (!snapshot.delta) break;  // packed above
    sqlite3_bind_int64(blob.get(), 1, id);
    BindId(blob.get(), 2, b.blob_id);
    sqlite3_bind_text(blob.get(), 3, b.path.data(), static_cast<int>(b.path.size()),
                      SQLITE_STATIC);
    BindId(blob.get(), 4, b.commit);
    sqlite3_bind_int64(blob.get(), 5, static_cast<int64_t>(b.commit_order));
    sqlite3_bind_int64(blob.get(), 6, static_cast<int64_t>(b.other_occurrences));
    sqlite3_bind_int64(blob.get(), 7, b.excluded ? 1 : 0);
    if (!step(blob.get())) return Rollback<Result<bool>>(db, write_error);
  }
  // Many delta rows are folded into the packed cell, so that reading stays one cell and a few
  // rows. A cell or row of the wrong shape refuses the save (the next run walks in full).
  if (snapshot.delta &&
      PragmaInt(db, ("SELECT count(*) FROM walk_blobs WHERE walk = " + std::to_string(id)).c_str()) >
          kMaxDeltaRows) {
    std::string commit_ids;
    std::vector<WalkSnapshot::Blob> rows;
    std::vector<WalkSnapshot::Blob> delta;
    bool io_error = false;
    if (fault::Triggered(fault::Point::kWalkCacheFold)) {
      return Rollback<Result<bool>>(
          db, IoError(path + ": cannot fold the walk cache: " + std::strerror(errno)));
    }
    if (!ReadPacked(db, id, &commit_ids, &rows, &io_error) ||
        !ReadDeltaRows(db, id, &delta, &io_error) || !MergeRows(std::move(delta), &rows) ||
        !WritePacked(db, id, rows)) {
      return Rollback<Result<bool>>(db, write_error);
    }
  }
  if (fault::Triggered(fault::Point::kStoreWrite)) {
    return Rollback<Result<bool>>(db, IoError(path + ": cannot write: " + std::strerror(errno)));
  }
  if (Status s = Exec(db, path, "COMMIT"); !s.ok()) return Rollback<Result<bool>>(db, s);
  return true;
}

bool AppendCommitChunk(std::string_view chunk, std::string* commit_ids) {
  if (chunk.size() % kOidBytes != 0) return false;
  commit_ids->append(chunk);
  return true;
}

std::string EncodeRows(const std::vector<WalkSnapshot::Blob>& rows) {
  // Per row: the blob id's 20 bytes, then varints of the commit's position, the other
  // occurrences, excluded (0 or 1) and the path's length, then the path. The commit's id is
  // not repeated: it is commit_ids at that position.
  std::string out;
  for (const WalkSnapshot::Blob& row : rows) {
    out.append(reinterpret_cast<const char*>(row.blob_id.data()), kOidBytes);
    PutVarint(row.commit_order, &out);
    PutVarint(row.other_occurrences, &out);
    PutVarint(row.excluded ? 1 : 0, &out);
    PutVarint(row.path.size(), &out);
    out.append(row.path);
  }
  return out;
}

bool DecodeRows(std::string_view packed, std::string_view commit_ids,
                std::vector<WalkSnapshot::Blob>* rows) {
  const uint64_t commits = commit_ids.size() / kOidBytes;
  // At least 24 bytes a row: no damaged length can make us reserve more than the cell holds.
  rows->reserve(rows->size() + packed.size() / 24);
  while (!packed.empty()) {
    if (packed.size() < kOidBytes) return false;
    WalkSnapshot::Blob row;
    std::memcpy(row.blob_id.data(), packed.data(), kOidBytes);
    packed.remove_prefix(kOidBytes);
    uint64_t excluded = 0;
    uint64_t length = 0;
    if (!GetVarint(&packed, &row.commit_order) || !GetVarint(&packed, &row.other_occurrences) ||
        !GetVarint(&packed, &excluded) || !GetVarint(&packed, &length) || excluded > 1 ||
        length > packed.size() || row.commit_order >= commits) {
      return false;
    }
    row.excluded = excluded != 0;
    row.path.assign(packed.substr(0, length));
    packed.remove_prefix(length);
    std::memcpy(row.commit.data(), commit_ids.data() + row.commit_order * kOidBytes, kOidBytes);
    if (!rows->empty() && !(rows->back().blob_id < row.blob_id)) return false;  // sorted
    rows->push_back(std::move(row));
  }
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
