// The subcommands of the magpie executable. Each returns the process exit code
// (kExitClean, kExitFindings, kExitError) and never throws.
#ifndef MAGPIE_CLI_COMMANDS_H_
#define MAGPIE_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/settings.h"

namespace magpie::cli {

// `magpie scan [PATH…]`: files and directories (default "."), "-" for stdin.
int RunScan(const CommonFlags& flags, const std::vector<std::string>& paths);

// `magpie rules list|check [--rules FILE]`.
int RunRulesList(const std::string& rules_file, const std::string& format);
int RunRulesCheck(const std::string& rules_file, bool no_cache, bool require_remediation);

// `magpie triage BASELINE [--ignore-file FILE]`: review a `-f json` report's findings at the
// terminal (triage/review.h); false positives go to FILE (default: .magpieignore at the top of
// the work tree holding the current directory).
int RunTriage(const std::string& baseline, const std::string& ignore_file);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_COMMANDS_H_
