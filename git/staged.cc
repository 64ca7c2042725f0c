#include "git/staged.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "git/libgit2_util.h"

namespace magpie::git {
namespace {

using internal::BlobPtr;
using internal::DiffPtr;
using internal::IndexPtr;
using internal::ObjectPtr;
using internal::RepoPtr;

using PatchPtr = internal::Handle<git_patch, git_patch_free>;

void AddLine(std::vector<LineRange>* ranges, int line) {
  if (!ranges->empty() && ranges->back().last + 1 == line) {
    ranges->back().last = line;
  } else {
    ranges->push_back({line, line});
  }
}

void Diagnose(StagedChange* result, DiagnosticKind kind, const git_diff_file& file,
              std::string message) {
  GitDiagnostic d;
  d.kind = kind;
  d.object = internal::OidHex(file.id);
  d.path = file.path != nullptr ? file.path : "";
  d.message = std::move(message);
  result->diagnostics.push_back(std::move(d));
}

// Fills `file` from delta `i`; false (and maybe a diagnostic) when there is nothing to scan.
bool LoadStagedFile(git_repository* repo, git_diff* diff, size_t i,
                    const StagedOptions& options, StagedChange* result, StagedFile* file) {
  const git_diff_delta* delta = git_diff_get_delta(diff, i);
  // Deleted files have nothing to scan; an unresolved conflict cannot be committed yet.
  if (delta->status == GIT_DELTA_DELETED || delta->status == GIT_DELTA_CONFLICTED) return false;
  const git_diff_file& index_side = delta->new_file;
  if (index_side.mode == GIT_FILEMODE_COMMIT) {
    Diagnose(result, DiagnosticKind::kSubmodule, index_side,
             "submodule change not scanned (commit in the submodule checks its own files)");
    return false;
  }
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repo) != 0) return false;
  internal::OdbPtr owned_odb(odb);
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  int rc = git_odb_read_header(&size, &type, odb, &index_side.id);
  if (rc != 0) {
    Diagnose(result, internal::KindForError(rc), index_side,
             internal::LastError("cannot read staged blob"));
    return false;
  }
  if (size > options.max_blob_size) {
    Diagnose(result, DiagnosticKind::kTooLarge, index_side,
             std::to_string(size) + " bytes > " + std::to_string(options.max_blob_size) +
                 " byte limit");
    return false;
  }
  git_blob* blob = nullptr;
  rc = git_blob_lookup(&blob, repo, &index_side.id);
  if (rc != 0) {
    Diagnose(result, internal::KindForError(rc), index_side,
             internal::LastError("cannot read staged blob"));
    return false;
  }
  BlobPtr owned_blob(blob);
  if (options.is_binary != nullptr &&
      options.is_binary(std::string_view(static_cast<const char*>(git_blob_rawcontent(blob)),
                                         static_cast<size_t>(git_blob_rawsize(blob))))) {
    Diagnose(result, DiagnosticKind::kBinary, index_side, "binary content");
    return false;
  }
  git_patch* raw_patch = nullptr;
  if (git_patch_from_diff(&raw_patch, diff, i) != 0) {
    Diagnose(result, DiagnosticKind::kCorruptObject, index_side,
             internal::LastError("cannot diff staged file"));
    return false;
  }
  PatchPtr patch(raw_patch);
  const size_t hunks = git_patch_num_hunks(patch.get());
  for (size_t h = 0; h < hunks; ++h) {
    const int lines = git_patch_num_lines_in_hunk(patch.get(), h);
    for (int l = 0; l < lines; ++l) {
      const git_diff_line* line = nullptr;
      if (git_patch_get_line_in_hunk(&line, patch.get(), h, static_cast<size_t>(l)) != 0) {
        continue;
      }
      if (line->origin == GIT_DIFF_LINE_ADDITION) AddLine(&file->added_lines, line->new_lineno);
    }
  }
  if (file->added_lines.empty()) return false;  // a pure rename, mode change or deletions
  file->path = index_side.path;
  file->old_path = delta->old_file.path != nullptr ? delta->old_file.path : file->path;
  file->blob_id = internal::OidHex(index_side.id);
  file->content.assign(static_cast<const char*>(git_blob_rawcontent(blob)),
                       static_cast<size_t>(git_blob_rawsize(blob)));
  return true;
}

git_diff_options DiffOptions() {
  git_diff_options diff_options = GIT_DIFF_OPTIONS_INIT;
  diff_options.context_lines = 0;
  diff_options.interhunk_lines = 0;
  diff_options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE;
  // Binary files are decided by the caller's rule (is_binary) before diffing, as for files
  // and history blobs; libgit2's heuristic and diff attributes would disagree with it.
  diff_options.flags |= GIT_DIFF_FORCE_TEXT;
  return diff_options;
}

// `tree` (null: the empty tree) against `index`, with renames found like `git diff --cached`.
Result<DiffPtr> DiffTreeToIndex(git_repository* repo, git_tree* tree, git_index* index,
                                const char* what) {
  const git_diff_options diff_options = DiffOptions();
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_index(&raw_diff, repo, tree, index, &diff_options) != 0) {
    return IoError(internal::LastError(std::string("cannot diff the index against ") + what));
  }
  DiffPtr diff(raw_diff);
  // diff.renames: a renamed file's unchanged lines are not new.
  git_diff_find_options find_options = GIT_DIFF_FIND_OPTIONS_INIT;
  find_options.flags = GIT_DIFF_FIND_RENAMES;
  if (git_diff_find_similar(diff.get(), &find_options) != 0) {
    return IoError(internal::LastError("cannot detect renames"));
  }
  return diff;
}

// Keeps the lines of `a` that are also in `b` (both sorted and disjoint).
std::vector<LineRange> Intersect(const std::vector<LineRange>& a,
                                 const std::vector<LineRange>& b) {
  std::vector<LineRange> out;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const int first = std::max(a[i].first, b[j].first);
    const int last = std::min(a[i].last, b[j].last);
    if (first <= last) out.push_back({first, last});
    (a[i].last < b[j].last) ? ++i : ++j;
  }
  return out;
}

int CollectMergeHead(const git_oid* oid, void* payload) {
  static_cast<std::vector<git_oid>*>(payload)->push_back(*oid);
  return 0;
}

// A conflicted merge being concluded: keeps only the lines that no MERGE_HEAD has either.
// Files equal to a MERGE_HEAD's version add nothing and are dropped.
Status KeepLinesNewToMergeHeads(git_repository* repo, git_index* index, StagedChange* result) {
  std::vector<git_oid> heads;
  const int rc = git_repository_mergehead_foreach(repo, CollectMergeHead, &heads);
  if (rc == GIT_ENOTFOUND) return Status::Ok();  // no merge in progress
  if (rc != 0) return IoError(internal::LastError("cannot read MERGE_HEAD"));
  std::set<std::string> wanted;
  for (const StagedFile& file : result->files) wanted.insert(file.path);
  for (const git_oid& head : heads) {
    git_commit* raw_commit = nullptr;
    git_tree* raw_tree = nullptr;
    if (git_commit_lookup(&raw_commit, repo, &head) != 0) {
      return IoError(internal::LastError("cannot read MERGE_HEAD " + internal::OidHex(head)));
    }
    internal::CommitPtr commit(raw_commit);
    if (git_commit_tree(&raw_tree, commit.get()) != 0) {
      return IoError(internal::LastError("cannot read MERGE_HEAD's tree"));
    }
    internal::TreePtr tree(raw_tree);
    Result<DiffPtr> diff = DiffTreeToIndex(repo, tree.get(), index, "MERGE_HEAD");
    if (!diff.ok()) return diff.status();
    std::map<std::string, std::vector<LineRange>> added;  // index path -> lines new to `head`
    const size_t deltas = git_diff_num_deltas(diff->get());
    for (size_t i = 0; i < deltas; ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff->get(), i);
      if (delta->new_file.path == nullptr || wanted.count(delta->new_file.path) == 0) continue;
      git_patch* raw_patch = nullptr;
      if (git_patch_from_diff(&raw_patch, diff->get(), i) != 0) {
        return IoError(internal::LastError("cannot diff the index against MERGE_HEAD"));
      }
      PatchPtr patch(raw_patch);
      std::vector<LineRange>& lines = added[delta->new_file.path];
      for (size_t h = 0; h < git_patch_num_hunks(patch.get()); ++h) {
        const int count = git_patch_num_lines_in_hunk(patch.get(), h);
        for (int l = 0; l < count; ++l) {
          const git_diff_line* line = nullptr;
          if (git_patch_get_line_in_hunk(&line, patch.get(), h, static_cast<size_t>(l)) == 0 &&
              line->origin == GIT_DIFF_LINE_ADDITION) {
            AddLine(&lines, line->new_lineno);
          }
        }
      }
    }
    for (StagedFile& file : result->files) {
      const auto it = added.find(file.path);
      file.added_lines =
          it == added.end() ? std::vector<LineRange>{} : Intersect(file.added_lines, it->second);
    }
    std::erase_if(result->files, [](const StagedFile& f) { return f.added_lines.empty(); });
    ++result->merge_heads;
  }
  return Status::Ok();
}

// Opens the repository for ScanStaged: GIT_DIR when asked to honour it and it is set (git sets
// it for a hook under `git --git-dir=…`), else discovered upwards from `path`. Not libgit2's
// GIT_REPOSITORY_OPEN_FROM_ENV: it refuses GIT_WORK_TREE, which the same setups set.
RepoPtr OpenForStaged(const std::string& path, bool from_environment, std::string* error) {
  const char* git_dir = from_environment ? std::getenv("GIT_DIR") : nullptr;
  if (git_dir == nullptr || *git_dir == '\0') return internal::OpenRepository(path, error);
  internal::EnsureLibgit2();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    *error = internal::LastError("not a git repository: GIT_DIR '" + std::string(git_dir) + "'");
    return nullptr;
  }
  return RepoPtr(repo);
}

// The index to diff: `index_file` when given (it must exist: an index that is not there would
// read as empty, and an empty index stages nothing, a silent pass), else the repository's.
Result<IndexPtr> OpenIndex(git_repository* repo, const std::string& repo_path,
                           const std::string& index_file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  git_index* raw_index = nullptr;
  if (!index_file.empty()) {
    if (!fs::is_regular_file(index_file, ec)) {
      return NotFound("cannot read the index '" + index_file + "': no such file");
    }
    if (git_index_open(&raw_index, index_file.c_str()) != 0) {
      return IoError(internal::LastError("cannot read the index '" + index_file + "'"));
    }
    return IndexPtr(raw_index);
  }
  if (git_repository_is_bare(repo) &&
      !fs::is_regular_file(fs::path(git_repository_path(repo)) / "index", ec)) {
    return InvalidArgument("'" + repo_path + "' is a bare repository: it has no index to check");
  }
  if (git_repository_index(&raw_index, repo) != 0) {
    return IoError(internal::LastError("cannot read the index"));
  }
  return IndexPtr(raw_index);
}

// Keeps `repo` and `index` alive until the process exits (StagedOptions::leave_handles_to_exit),
// reachable from here.
void LeaveToExit(RepoPtr repo, IndexPtr index) {
  static auto* const kept = new std::vector<std::pair<RepoPtr, IndexPtr>>();
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  kept->emplace_back(std::move(repo), std::move(index));
}

}  // namespace

bool StagedFile::IsAdded(int line) const {
  auto it = std::upper_bound(added_lines.begin(), added_lines.end(), line,
                             [](int l, const LineRange& r) { return l < r.first; });
  return it != added_lines.begin() && std::prev(it)->last >= line;
}

Result<StagedChange> ScanStaged(const std::string& repo_path, const StagedOptions& options) {
  StagedChange result;
  try {
    std::string error;
    RepoPtr repo = OpenForStaged(repo_path, options.from_environment, &error);
    if (!repo) return NotFound(error);
    Result<IndexPtr> index = OpenIndex(repo.get(), repo_path, options.index_file);
    if (!index.ok()) return index.status();

    git_object* head_tree = nullptr;
    if (git_revparse_single(&head_tree, repo.get(), "HEAD^{tree}") != 0) {
      if (git_repository_head_unborn(repo.get()) != 1) {
        return IoError(internal::LastError("cannot read HEAD"));
      }
      result.initial_commit = true;  // diff against the empty tree
    }
    ObjectPtr owned_tree(head_tree);
    Result<DiffPtr> diff = DiffTreeToIndex(repo.get(), reinterpret_cast<git_tree*>(head_tree),
                                           index->get(), "HEAD");
    if (!diff.ok()) return diff.status();
    const size_t deltas = git_diff_num_deltas(diff->get());
    result.nothing_staged = deltas == 0;
    for (size_t i = 0; i < deltas; ++i) {
      StagedFile file;
      if (LoadStagedFile(repo.get(), diff->get(), i, options, &result, &file)) {
        result.files.push_back(std::move(file));
      }
    }
    if (!result.initial_commit) {
      if (Status merged = KeepLinesNewToMergeHeads(repo.get(), index->get(), &result);
          !merged.ok()) {
        return merged;
      }
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const StagedFile& a, const StagedFile& b) { return a.path < b.path; });
    if (options.leave_handles_to_exit) LeaveToExit(std::move(repo), *std::move(index));
  } catch (const std::exception& e) {
    return Internal(std::string("staged scan failed: ") + e.what());
  }
  return result;
}

}  // namespace magpie::git
