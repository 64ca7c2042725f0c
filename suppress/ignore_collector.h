// --write-ignore: collects the findings a scan reports and adds them to .magpieignore as
// accepted fingerprints, each with a comment naming rule, place and date (never the secret).
// Thread safety: one thread at a time (fed by the pipeline's ordered output stage).
#ifndef MAGPIE_SUPPRESS_IGNORE_COLLECTOR_H_
#define MAGPIE_SUPPRESS_IGNORE_COLLECTOR_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "report/reporter.h"
#include "suppress/ignore_file.h"

namespace magpie::suppress {

class IgnoreCollector {
 public:
  // Collects one reported finding: "aws-access-key-id src/a.py:3 2026-01-02" (plus
  // "@<commit>" for one from history).
  void Add(const report::ReportedFinding& reported);
  const std::vector<IgnoreEntry>& entries() const { return entries_; }

  // Adds the collected entries to `ignore_path` (MergeIgnoreText's layout), then makes git
  // merge that file with the union driver (EnsureUnionMerge at `root`). Says what it did on
  // `log`. Errors: the ignore file cannot be read or written (a .gitattributes that cannot be
  // written is only a warning on `log`).
  Status Write(const std::string& ignore_path, const std::string& root, std::ostream& log) const;

 private:
  std::vector<IgnoreEntry> entries_;
  std::string today_;  // date of the entries written, fixed at the first one
};

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_IGNORE_COLLECTOR_H_
