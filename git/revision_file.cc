#include "git/revision_file.h"

#include <git2.h>

#include "git/libgit2_util.h"

namespace magpie::git {

Result<std::optional<std::string>> ReadFileAtRevision(const std::string& repo,
                                                      const std::string& revision,
                                                      const std::string& path) {
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo, &error);
  if (!handle) return NotFound(error);
  git_object* raw_commit = nullptr;
  if (git_revparse_single(&raw_commit, handle.get(), (revision + "^{commit}").c_str()) != 0) {
    return NotFound(internal::LastError("revision '" + revision + "' does not resolve"));
  }
  internal::ObjectPtr commit(raw_commit);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, reinterpret_cast<git_commit*>(commit.get())) != 0) {
    return Corrupt(internal::LastError("cannot read the tree of '" + revision + "'"));
  }
  internal::TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const int found = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  if (found == GIT_ENOTFOUND) return std::optional<std::string>();
  if (found != 0) return Corrupt(internal::LastError("cannot read '" + revision + ":" + path + "'"));
  std::unique_ptr<git_tree_entry, void (*)(git_tree_entry*)> entry(raw_entry, git_tree_entry_free);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
      git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
    return std::optional<std::string>();
  }
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, handle.get(), git_tree_entry_id(entry.get())) != 0) {
    return Corrupt(internal::LastError("cannot read '" + revision + ":" + path + "'"));
  }
  internal::BlobPtr blob(raw_blob);
  return std::optional<std::string>(
      std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                  static_cast<size_t>(git_blob_rawsize(blob.get()))));
}

}  // namespace magpie::git
