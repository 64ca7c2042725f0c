// Internal to git/: owning handles for libgit2 objects and small helpers shared by the
// history walk and the staged check. Never included outside git/.
#ifndef MAGPIE_GIT_LIBGIT2_UTIL_H_
#define MAGPIE_GIT_LIBGIT2_UTIL_H_

#include <git2.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "git/diagnostic.h"

namespace magpie::git::internal {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using RepoPtr = Handle<git_repository, git_repository_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using OdbObjectPtr = Handle<git_odb_object, git_odb_object_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;

// git_libgit2_init once per process, and the global cache settings (see history.h).
void EnsureLibgit2();

// "what: libgit2's last error message" (or just "what" when libgit2 has none).
std::string LastError(std::string_view what);

// Opens a repository from a work tree, a directory inside one, a .git dir or a bare repo.
// On failure returns null and sets *error.
RepoPtr OpenRepository(const std::string& path, std::string* error);

std::string OidHex(const git_oid& oid);

// The id's 20 raw bytes (SHA-1), as the pack reader and the walk cache key objects.
inline std::array<unsigned char, GIT_OID_RAWSZ> OidBytes(const git_oid& oid) {
  std::array<unsigned char, GIT_OID_RAWSZ> raw;
  std::memcpy(raw.data(), oid.id, raw.size());
  return raw;
}

struct OidHash {
  size_t operator()(const git_oid& oid) const {
    size_t h;  // object ids are already uniformly distributed
    std::memcpy(&h, oid.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const {
    return std::memcmp(a.id, b.id, GIT_OID_RAWSZ) == 0;
  }
};

// The message up to its first newline.
std::string FirstLine(const char* message);

// kMissingObject when libgit2 said "not found" (error code GIT_ENOTFOUND), else
// kCorruptObject.
DiagnosticKind KindForError(int error_code);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_LIBGIT2_UTIL_H_
