// Path patterns (gitignore syntax) and their application to walked paths: what
// `.magpieignore` and the config's `exclude` leave out of a scan.
// Thread safety: PathPatterns and PathExcluder are immutable after construction and safe to
// share between threads.
#ifndef MAGPIE_SUPPRESS_PATH_PATTERNS_H_
#define MAGPIE_SUPPRESS_PATH_PATTERNS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::glob {
class PathGlob;  // base/glob.h
}  // namespace magpie::glob

namespace magpie::suppress {

// `s` without trailing spaces, tabs and '\r', as gitignore trims a line; an escaped space
// ("\\ ") is kept.
std::string_view TrimTrailingSpace(std::string_view s);

// An ordered list of gitignore-style patterns: `*`, `?`, `[...]` within one path component,
// `**` for any number of components, a leading or inner `/` anchors the pattern at the root
// (otherwise it matches at any depth), a trailing `/` matches directories only, a leading `!`
// re-includes, `\` escapes. The last pattern that matches a path decides. Semantics are
// git's (tests/suppress/gitignore_parity_test.cc compares with `git check-ignore`); matching
// costs O(patterns × pattern length × path length) whatever the patterns (base/glob.h).
class PathPatterns {
 public:
  // Adds one pattern (trailing whitespace is ignored; an empty pattern is ignored).
  void Add(std::string_view pattern);
  // Adds `other`'s patterns after these (so they take precedence where both match).
  void Append(const PathPatterns& other);
  bool empty() const { return patterns_.empty(); }
  // The patterns as they decide, one a line: equal keys exclude the same paths (what a cached
  // history walk was computed under, issue 13).
  const std::string& key() const { return key_; }

  // Whether `relative` (a '/'-separated path under the root, no leading "./") is excluded by
  // the patterns themselves, not looking at its parent directories.
  bool Excludes(std::string_view relative, bool is_directory) const;
  // Like Excludes, but a path inside an excluded directory is excluded too (as in git, a
  // negation cannot re-include a file whose directory is excluded).
  bool ExcludesWithParents(std::string_view relative, bool is_directory) const;

 private:
  struct Pattern {
    std::shared_ptr<const glob::PathGlob> glob;  // shared: copies stay cheap
    bool negated = false;
    bool directory_only = false;
  };
  std::vector<Pattern> patterns_;
  std::string key_;
};

// Applies PathPatterns to paths as the walker spells them (relative to the working directory,
// or absolute), by making them relative to the scan root. Paths outside the root are never
// excluded.
class PathExcluder {
 public:
  PathExcluder() = default;  // excludes nothing
  PathExcluder(const std::string& root, PathPatterns patterns);

  bool empty() const { return patterns_.empty(); }
  const std::string& key() const { return patterns_.key(); }  // PathPatterns::key
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

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_PATH_PATTERNS_H_
