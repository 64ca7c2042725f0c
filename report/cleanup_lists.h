// What `magpie git --replacements FILE --paths-to-remove FILE` write for rewriting history
// (issue 15, docs/remediation.md): the secrets found, in git-filter-repo's --replace-text format
// (also read by BFG's --replace-text), and the sensitive files' paths, for
// `git filter-repo --invert-paths --paths-from-file`.
//
// This is the one output of magpie that holds secrets in full, on purpose: the user asked for a
// file to feed a history rewrite. The CLI writes it through base/exclusive_file.h (a new file,
// mode 0600, never through a link) and says on stderr what it holds. Nothing here prints.
//
// Format of the replacements, one line per distinct secret, sorted:
//   literal:SECRET==>***REMOVED***
//   regex:ESCAPED==>***REMOVED***    (a secret spanning lines, or with control bytes: a
//                                      bytes regex that matches exactly the secret)
// filter-repo splits a line at its last "==>", so a secret holding "==>" is still whole. For a
// secret found in decoded content (base64...), the encoded text is listed too when the finding's
// context holds it whole: that is what the blob contains.
//
// Thread safety: one thread at a time (fed by the ordered output stage).
#ifndef MAGPIE_REPORT_CLEANUP_LISTS_H_
#define MAGPIE_REPORT_CLEANUP_LISTS_H_

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "report/reporter.h"

namespace magpie::report {

class CleanupLists {
 public:
  // A reported finding: its secret (and encoded text) to the replacements, or, for a
  // sensitive file, its path to the paths to remove.
  void Add(const ReportedFinding& reported);

  std::string ReplacementsText() const;
  std::string PathsText() const;
  size_t secrets() const { return secrets_.size(); }
  size_t paths() const { return paths_.size(); }

 private:
  std::set<std::string> secrets_;
  std::set<std::string> paths_;
};

// One --replace-text line (with its newline) that replaces exactly `secret`.
std::string ReplacementLine(std::string_view secret);
// One --paths-from-file line (with its newline) that names exactly `path`.
std::string PathLine(std::string_view path);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_CLEANUP_LISTS_H_
