// The executable's entry point: parses argv, runs the command, returns the exit code
// (cli/exit_codes.h). Never throws.
#ifndef MAGPIE_CLI_ENTRY_H_
#define MAGPIE_CLI_ENTRY_H_

namespace magpie::cli {

int Main(int argc, char** argv);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_ENTRY_H_
