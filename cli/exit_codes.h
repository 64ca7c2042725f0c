// The exit codes of every command (README, docs/suppression.md).
#ifndef MAGPIE_CLI_EXIT_CODES_H_
#define MAGPIE_CLI_EXIT_CODES_H_

#include "base/status.h"

namespace magpie::cli {

inline constexpr int kExitClean = 0;     // scanned, nothing found
inline constexpr int kExitFindings = 1;  // findings
inline constexpr int kExitError = 2;     // usage error, or nothing could be scanned

// Prints each line of `status` on stderr as "magpie: error: LINE"; returns kExitError.
int ReportError(const Status& status);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_EXIT_CODES_H_
