// `.magpieignore`: accepted findings (by fingerprint) and excluded paths (gitignore-style
// patterns), one entry per line. Full format: docs/suppression.md.
//
//   # comment lines start with '#'
//   build/                                      a path pattern (gitignore syntax)
//   !build/keep.env                             negation: re-include
//   3f9c2a...(32 hex)  # aws-access-key-id src/a.py:3 2026-01-02    an accepted finding
//
// An entry that is exactly 32 hex digits (optionally followed by whitespace and a '#'
// comment) is a fingerprint; any other entry is a path pattern (where, as in gitignore, a '#'
// after the start is part of the pattern).
//
// Thread safety: PathPatterns and PathExcluder are immutable after construction and safe to
// share; the loaders and writers are plain functions.
#ifndef MAGPIE_CLI_IGNORE_FILE_H_
#define MAGPIE_CLI_IGNORE_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace magpie::cli {

inline constexpr std::string_view kIgnoreFileName = ".magpieignore";

// An ordered list of gitignore-style patterns: `*`, `?`, `[...]` within one path component,
// `**` for any number of components, a leading or inner `/` anchors the pattern at the root
// (otherwise it matches at any depth), a trailing `/` matches directories only, a leading `!`
// re-includes, `\` escapes. The last pattern that matches a path decides.
class PathPatterns {
 public:
  // Adds one pattern (trailing whitespace is ignored; an empty pattern is ignored).
  void Add(std::string_view pattern);
  // Adds `other`'s patterns after these (so they take precedence where both match).
  void Append(const PathPatterns& other);
  bool empty() const { return patterns_.empty(); }

  // Whether `relative` (a '/'-separated path under the root, no leading "./") is excluded by
  // the patterns themselves, not looking at its parent directories.
  bool Excludes(std::string_view relative, bool is_directory) const;
  // Like Excludes, but a path inside an excluded directory is excluded too (as in git, a
  // negation cannot re-include a file whose directory is excluded).
  bool ExcludesWithParents(std::string_view relative, bool is_directory) const;

 private:
  struct Pattern {
    std::vector<std::string> segments;  // "**" stands for any number of components
    bool negated = false;
    bool directory_only = false;
  };
  std::vector<Pattern> patterns_;
};

// Applies PathPatterns to paths as the walker spells them (relative to the working directory,
// or absolute), by making them relative to the scan root. Paths outside the root are never
// excluded.
class PathExcluder {
 public:
  PathExcluder() = default;  // excludes nothing
  PathExcluder(const std::string& root, PathPatterns patterns);

  bool empty() const { return patterns_.empty(); }
  // An entry met while walking a directory whose parents were already checked.
  bool ExcludesEntry(const std::string& path, bool is_directory) const;
  // Any path as spelled on the command line: its parent directories are checked too.
  bool ExcludesPath(const std::string& path, bool is_directory = false) const;
  // A path already relative to the root (a blob path from git, when the root is the repository
  // root), parents checked too; the working directory plays no part.
  bool ExcludesRootRelative(std::string_view relative, bool is_directory = false) const {
    return patterns_.ExcludesWithParents(relative, is_directory);
  }

 private:
  // `path` relative to the root, or "" when it is not under it.
  std::string Relative(const std::string& path) const;
  std::string root_;  // absolute, normalised, without a trailing '/'
  std::string cwd_;
  PathPatterns patterns_;
};

struct IgnoreFile {
  std::string path;  // the file read; "" when there was none
  std::unordered_set<std::string> fingerprints;  // lower-case hex
  PathPatterns patterns;
};

struct IgnoreFileLoad {
  IgnoreFile file;
  std::string error;  // "" on success
  bool ok() const { return error.empty(); }
};

// Parses the text of an ignore file.
IgnoreFile ParseIgnoreFile(std::string_view text);
// Reads `path`. A file that does not exist is an empty IgnoreFile (path ""), not an error; one
// that exists but cannot be read is.
IgnoreFileLoad LoadIgnoreFile(const std::string& path);

// A finding to accept: written as "<fingerprint>  # <comment>".
struct IgnoreEntry {
  std::string fingerprint;
  std::string comment;  // one line; control characters are replaced when written
};

// The ignore file `existing` with `entries` added, in the canonical layout that keeps merges
// clean: the leading comment block (up to the last blank line before the first entry) first,
// then the path patterns in their original order (order matters for '!'), then the fingerprint
// entries sorted by fingerprint and de-duplicated, then comments after the last entry.
// A comment line belongs to the entry that follows it and moves with it. Blank lines other than
// in the leading block are dropped. `added` receives the number of new fingerprints.
std::string MergeIgnoreText(std::string_view existing, const std::vector<IgnoreEntry>& entries,
                            size_t* added);

struct IgnoreWrite {
  size_t added = 0;
  std::string error;  // "" on success
  bool ok() const { return error.empty(); }
};

// Rewrites `path` (created when missing) as MergeIgnoreText. Atomic: temp file + rename.
IgnoreWrite AppendToIgnoreFile(const std::string& path, const std::vector<IgnoreEntry>& entries);

// Makes git merge the ignore file with the built-in union driver, so that two branches that
// each accepted findings merge without a conflict (sorting alone does not prevent one when
// both insert at the same place). Adds "/.magpieignore merge=union" to <root>/.gitattributes
// when `root` is inside a git work tree and no such line is there. Returns the .gitattributes
// path when it was changed, "" otherwise; `error` is set when it could not be written.
std::string EnsureUnionMerge(const std::string& root, std::string* error);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_IGNORE_FILE_H_
