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
// Thread safety: plain functions and values.
#ifndef MAGPIE_SUPPRESS_IGNORE_FILE_H_
#define MAGPIE_SUPPRESS_IGNORE_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "suppress/path_patterns.h"

namespace magpie::suppress {

inline constexpr std::string_view kIgnoreFileName = ".magpieignore";

struct IgnoreFile {
  std::string path;  // the file read; "" when there was none
  std::unordered_set<std::string> fingerprints;  // lower-case hex
  PathPatterns patterns;
};

// Parses the text of an ignore file.
IgnoreFile ParseIgnoreFile(std::string_view text);
// Reads `path`. A file that does not exist is an empty IgnoreFile (path ""), not an error; one
// that exists but cannot be read is.
Result<IgnoreFile> LoadIgnoreFile(const std::string& path);

// Today in UTC, "2026-01-02": the date stamped on the entries magpie adds (--write-ignore,
// `magpie triage`).
std::string TodayUtc();

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

// Rewrites `path` (created when missing) as MergeIgnoreText. Atomic: temp file + rename.
// Returns the number of fingerprints added.
Result<size_t> AppendToIgnoreFile(const std::string& path,
                                  const std::vector<IgnoreEntry>& entries);

// `existing` without the entry of `fingerprint` (any case; its line, with the comment written on
// it). `removed` says whether there was one. Everything else is kept byte for byte.
std::string RemoveIgnoreEntry(std::string_view existing, std::string_view fingerprint,
                              bool* removed);

// Rewrites `path` as RemoveIgnoreEntry, atomically; nothing is written when the entry is not
// there (or there is no file). Returns whether it was removed. For `magpie triage`, when a
// finding accepted as a false positive is judged again.
Result<bool> RemoveFromIgnoreFile(const std::string& path, std::string_view fingerprint);

// Makes git merge the ignore file with the built-in union driver, so that two branches that
// each accepted findings merge without a conflict (sorting alone does not prevent one when
// both insert at the same place). Adds "/.magpieignore merge=union" to <root>/.gitattributes
// when `root` is inside a git work tree and no such line is there. Returns the .gitattributes
// path when it was changed, "" otherwise.
Result<std::string> EnsureUnionMerge(const std::string& root);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_IGNORE_FILE_H_
