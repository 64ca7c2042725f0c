#include "store/tree_paths.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "base/fault_injection.h"
#include "store/sqlite_statement.h"

namespace magpie::store::internal {
namespace {

constexpr int kOidBytes = 20;

Status DbError(sqlite3* db, const std::string& path, const std::string& what) {
  return IoError(path + ": " + what + ": " + sqlite3_errmsg(db));
}

Status Rollback(sqlite3* db, Status why) {
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return why;
}

// A blob cell's bytes (any other type: false), its type asked before its bytes, which would
// convert it.
bool BlobCell(sqlite3_stmt* stmt, int column, std::string_view* bytes) {
  if (sqlite3_column_type(stmt, column) != SQLITE_BLOB) return false;
  const void* data = sqlite3_column_blob(stmt, column);
  *bytes = std::string_view(static_cast<const char*>(data),
                            data == nullptr ? 0 : sqlite3_column_bytes(stmt, column));
  return true;
}

}  // namespace

std::string EncodePaths(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& at : paths) {
    if (!joined.empty()) joined.push_back('\0');
    joined += at;
  }
  return joined;
}

bool DecodePaths(std::string_view joined, std::vector<std::string>* paths) {
  paths->clear();
  while (!joined.empty()) {
    const size_t end = joined.find('\0');
    paths->emplace_back(joined.substr(0, end));
    if (paths->back().empty() || end == joined.size() - 1) return false;
    joined.remove_prefix(end == std::string_view::npos ? joined.size() : end + 1);
  }
  return true;
}

Result<std::vector<TreePathFact>> ReadTreePaths(sqlite3* db, const std::string& path,
                                                const std::vector<std::string>& paths,
                                                uint64_t* skipped) {
  if (fault::Triggered(fault::Point::kTreePathsRead)) {
    return IoError(path + ": cannot read the facts about tip trees: " + std::strerror(errno));
  }
  Statement rows(db, "SELECT tree, blob FROM tree_paths WHERE path = ?1");
  if (!rows.ok()) return DbError(db, path, "cannot read");
  std::vector<TreePathFact> facts;
  for (const std::string& asked : paths) {
    sqlite3_reset(rows.get());
    sqlite3_bind_text(rows.get(), 1, asked.data(), static_cast<int>(asked.size()),
                      SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
      std::string_view tree;
      std::string_view blob;
      if (!BlobCell(rows.get(), 0, &tree) || !BlobCell(rows.get(), 1, &blob) ||
          tree.size() != kOidBytes || (!blob.empty() && blob.size() != kOidBytes)) {
        ++*skipped;
        continue;
      }
      TreePathFact fact;
      fact.path = asked;
      std::memcpy(fact.tree.data(), tree.data(), kOidBytes);
      fact.holds_blob = !blob.empty();
      if (fact.holds_blob) std::memcpy(fact.blob.data(), blob.data(), kOidBytes);
      facts.push_back(std::move(fact));
    }
    if (rc != SQLITE_DONE) return DbError(db, path, "cannot read");
  }
  return facts;
}

Result<std::vector<TreeBlobFact>> ReadTreeBlobs(sqlite3* db, const std::string& path,
                                                const std::vector<RawOid>& blobs,
                                                uint64_t* skipped) {
  if (fault::Triggered(fault::Point::kTreePathsRead)) {
    return IoError(path + ": cannot read the facts about tip trees: " + std::strerror(errno));
  }
  Statement rows(db, "SELECT tree, paths FROM tree_blobs WHERE blob = ?1");
  if (!rows.ok()) return DbError(db, path, "cannot read");
  std::vector<TreeBlobFact> facts;
  for (const RawOid& blob : blobs) {
    sqlite3_reset(rows.get());
    sqlite3_bind_blob(rows.get(), 1, blob.data(), kOidBytes, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
      std::string_view tree;
      std::string_view joined;
      TreeBlobFact fact;
      if (!BlobCell(rows.get(), 0, &tree) || tree.size() != kOidBytes ||
          !BlobCell(rows.get(), 1, &joined) || !DecodePaths(joined, &fact.paths)) {
        ++*skipped;
        continue;
      }
      std::memcpy(fact.tree.data(), tree.data(), kOidBytes);
      fact.blob = blob;
      std::sort(fact.paths.begin(), fact.paths.end());
      facts.push_back(std::move(fact));
    }
    if (rc != SQLITE_DONE) return DbError(db, path, "cannot read");
  }
  return facts;
}

Status WriteTreeFacts(sqlite3* db, const std::string& path,
                      const std::vector<TreePathFact>& paths,
                      const std::vector<TreeBlobFact>& blobs, uint64_t max_rows) {
  const uint64_t adding = paths.size() + blobs.size();
  if (adding == 0 || adding > max_rows) return Status::Ok();
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return DbError(db, path, "cannot write");
  }
  const Status write_error = DbError(db, path, "cannot write");
  const int64_t count = PragmaInt(db,
                                  "SELECT (SELECT count(*) FROM tree_paths) + "
                                  "(SELECT count(*) FROM tree_blobs)");
  if (count < 0) return Rollback(db, write_error);
  if (static_cast<uint64_t>(count) + adding > max_rows &&
      sqlite3_exec(db, "DELETE FROM tree_paths; DELETE FROM tree_blobs", nullptr, nullptr,
                   nullptr) != SQLITE_OK) {
    return Rollback(db, write_error);
  }
  Statement insert_path(db,
                        "INSERT OR REPLACE INTO tree_paths(path, tree, blob) VALUES(?1, ?2, ?3)");
  Statement insert_blob(db,
                        "INSERT OR REPLACE INTO tree_blobs(blob, tree, paths) VALUES(?1, ?2, ?3)");
  if (!insert_path.ok() || !insert_blob.ok()) return Rollback(db, write_error);
  for (const TreePathFact& fact : paths) {
    sqlite3_reset(insert_path.get());
    sqlite3_bind_text(insert_path.get(), 1, fact.path.data(), static_cast<int>(fact.path.size()),
                      SQLITE_STATIC);
    sqlite3_bind_blob(insert_path.get(), 2, fact.tree.data(), kOidBytes, SQLITE_STATIC);
    sqlite3_bind_blob(insert_path.get(), 3, fact.blob.data(), fact.holds_blob ? kOidBytes : 0,
                      SQLITE_STATIC);
    if (sqlite3_step(insert_path.get()) != SQLITE_DONE) return Rollback(db, write_error);
  }
  for (const TreeBlobFact& fact : blobs) {
    const std::string joined = EncodePaths(fact.paths);
    sqlite3_reset(insert_blob.get());
    sqlite3_bind_blob(insert_blob.get(), 1, fact.blob.data(), kOidBytes, SQLITE_STATIC);
    sqlite3_bind_blob(insert_blob.get(), 2, fact.tree.data(), kOidBytes, SQLITE_STATIC);
    sqlite3_bind_blob64(insert_blob.get(), 3, joined.data(), joined.size(), SQLITE_TRANSIENT);
    if (sqlite3_step(insert_blob.get()) != SQLITE_DONE) return Rollback(db, write_error);
  }
  // A failed commit (the disk filled up) keeps nothing.
  if (fault::Triggered(fault::Point::kTreePathsWrite)) {
    return Rollback(db, IoError(path + ": cannot write: " + std::strerror(errno)));
  }
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Rollback(db, write_error);
  }
  return Status::Ok();
}

}  // namespace magpie::store::internal
