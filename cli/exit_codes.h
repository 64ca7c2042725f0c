// The exit codes of every command (docs/exit-codes.md, README).
#ifndef MAGPIE_CLI_EXIT_CODES_H_
#define MAGPIE_CLI_EXIT_CODES_H_

#include "base/status.h"

namespace magpie::cli {

inline constexpr int kExitClean = 0;     // scanned, nothing found
inline constexpr int kExitFindings = 1;  // findings, whatever else happened
// A usage or start-up error, or a scan without findings that was incomplete: something could
// not be read or scanned (an error diagnostic, not a skip by policy).
inline constexpr int kExitError = 2;

// Prints each line of `status` on stderr as "magpie: error: LINE"; returns kExitError.
int ReportError(const Status& status);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_EXIT_CODES_H_
