#include "cli/exit_codes.h"
#include "report/terminal_text.h"

#include <iostream>

namespace magpie::cli {

int ReportError(const Status& status) {
  // Messages name files and revisions the user or the scanned tree supplied: escaped.
  for (const std::string& line : status.Lines()) {
    std::cerr << "magpie: error: " << report::EscapeControls(line) << "\n";
  }
  return kExitError;
}

}  // namespace magpie::cli
