#include "git/libgit2_util.h"

#include <mutex>

namespace magpie::git {

std::string_view ToString(DiagnosticKind kind) {
  switch (kind) {
    case DiagnosticKind::kTooLarge: return "too-large";
    case DiagnosticKind::kBinary: return "binary";
    case DiagnosticKind::kCorruptObject: return "corrupt-object";
    case DiagnosticKind::kMissingObject: return "missing-object";
    case DiagnosticKind::kSubmodule: return "submodule";
    case DiagnosticKind::kBadRef: return "bad-ref";
    case DiagnosticKind::kUnreadable: return "unreadable";
  }
  return "unknown";
}

namespace internal {

void EnsureLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // A start-up step that failed without failing the start-up (the magpie binary refuses the
    // CA bundle: cli/main_no_tls_trust.h) leaves its message as this thread's last error, which a
    // later failure that sets none would otherwise report as its own.
    git_error_clear();
    // Trees and commits are what the walk re-reads (a commit's tree is its child's parent
    // tree); keep them, however large a tree is. Blobs are read once each: never cache them.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{4} << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, size_t{64} << 10);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB, size_t{0});
    // Small on purpose: the walk's working set is a commit's changed trees and its parents'
    // (a few hundred KiB). A large cache only grows the heap with trees never read again,
    // and fresh pages cost more than re-inflating a tree (measured: 256 MiB made the walk
    // 1.8x slower than 4 MiB on a 2000-commit history).
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(4) << 20);
    // libgit2 re-hashes every object it reads (SHA-1 with collision detection, slower than
    // inflating). git itself does not; a damaged object still fails to inflate or to apply
    // as a delta, which is what we report.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
}

std::string LastError(std::string_view what) {
  const git_error* e = git_error_last();
  std::string out(what);
  if (e != nullptr && e->message != nullptr && e->message[0] != '\0') {
    out += ": ";
    out += e->message;
  }
  return out;
}

RepoPtr OpenRepository(const std::string& path, std::string* error) {
  EnsureLibgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0) {
    *error = LastError("not a git repository: '" + path + "'");
    return nullptr;
  }
  return RepoPtr(repo);
}

std::string OidHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return std::string(buf, GIT_OID_HEXSZ);
}

std::string FirstLine(const char* message) {
  if (message == nullptr) return {};
  std::string_view m(message);
  size_t end = m.find('\n');
  if (end != std::string_view::npos) m = m.substr(0, end);
  if (!m.empty() && m.back() == '\r') m.remove_suffix(1);
  return std::string(m);
}

DiagnosticKind KindForError(int error_code) {
  return error_code == GIT_ENOTFOUND ? DiagnosticKind::kMissingObject
                                     : DiagnosticKind::kCorruptObject;
}

}  // namespace internal
}  // namespace magpie::git
