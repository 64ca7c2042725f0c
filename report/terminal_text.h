// Text made safe for a terminal or a CI log. Everything magpie prints that comes from scanned
// data or from files it read (paths, contexts, rule names, commit messages and authors,
// diagnostics) goes through EscapeControls, and through EscapeLine when it starts a line.
// Thread safety: pure functions.
#ifndef MAGPIE_REPORT_TERMINAL_TEXT_H_
#define MAGPIE_REPORT_TERMINAL_TEXT_H_

#include <string>
#include <string_view>

namespace magpie::report {

// `s` with tabs kept and every other control character (C0, DEL, C1), invalid UTF-8 and the
// bidirectional override and isolate characters written as \xNN escapes, so that no byte
// from a scanned file can move the cursor, recolour, retitle the terminal, start a new log
// line or reorder what is shown.
std::string EscapeControls(std::string_view s);

// EscapeControls, and a leading "::" or "##[" (workflow commands of GitHub Actions and Azure
// Pipelines) prefixed with a backslash: for text that begins a line of output.
std::string EscapeLine(std::string_view s);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_TERMINAL_TEXT_H_
