// Internal to store/: one prepared SQLite statement, finalized on scope exit.
#ifndef MAGPIE_STORE_SQLITE_STATEMENT_H_
#define MAGPIE_STORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace magpie::store::internal {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  bool ok() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// A text column; bytes after a NUL are kept (the caller checks what it reads).
inline std::string Text(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  return text == nullptr ? ""
                         : std::string(reinterpret_cast<const char*>(text),
                                       static_cast<size_t>(sqlite3_column_bytes(stmt, column)));
}

// The first column of the first row of `sql` (a pragma, a count), or -1.
inline int64_t PragmaInt(sqlite3* db, const char* sql) {
  Statement pragma(db, sql);
  return pragma.ok() && sqlite3_step(pragma.get()) == SQLITE_ROW
             ? sqlite3_column_int64(pragma.get(), 0)
             : -1;
}

}  // namespace magpie::store::internal

#endif  // MAGPIE_STORE_SQLITE_STATEMENT_H_
