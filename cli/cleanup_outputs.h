// `magpie git --replacements FILE --paths-to-remove FILE` (issue 15): the files are created
// before the scan (so that a refused path costs no scan) and written after it.
#ifndef MAGPIE_CLI_CLEANUP_OUTPUTS_H_
#define MAGPIE_CLI_CLEANUP_OUTPUTS_H_

#include <optional>
#include <ostream>
#include <string>

#include "base/exclusive_file.h"
#include "base/status.h"
#include "report/cleanup_lists.h"

namespace magpie::cli {

class CleanupOutputs {
 public:
  // Creates the files named ("" = not asked for). Errors: one of them exists, is a link or
  // cannot be created.
  static Result<CleanupOutputs> Open(const std::string& replacements,
                                     const std::string& paths_to_remove);
  bool any() const { return replacements_.has_value() || paths_.has_value(); }

  // Writes what `lists` collected and says on `log` what each file holds (the replacements:
  // secrets in full). Errors: a write failed.
  Status Write(const report::CleanupLists& lists, std::ostream& log);

 private:
  std::optional<ExclusiveFile> replacements_;
  std::optional<ExclusiveFile> paths_;
};

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_CLEANUP_OUTPUTS_H_
