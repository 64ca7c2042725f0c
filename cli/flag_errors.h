// Command-line mistakes in magpie's own words (issue 11): CLI11's parse errors become one line,
//   magpie: error: unknown flag '--frobnicate'; see magpie scan --help
// naming the (sub)command whose flags were being read. What the user typed is escaped
// (report::EscapeControls): a flag value may hold anything.
#ifndef MAGPIE_CLI_FLAG_ERRORS_H_
#define MAGPIE_CLI_FLAG_ERRORS_H_

#include <CLI/CLI.hpp>

#include <string>

namespace magpie::cli {

// The line (without newline) for `error`, thrown while `app` parsed.
std::string FlagErrorLine(const CLI::App& app, const CLI::ParseError& error);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_FLAG_ERRORS_H_
