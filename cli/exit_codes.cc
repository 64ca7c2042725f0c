#include "cli/exit_codes.h"

#include <iostream>

namespace magpie::cli {

int ReportError(const Status& status) {
  for (const std::string& line : status.Lines()) std::cerr << "magpie: error: " << line << "\n";
  return kExitError;
}

}  // namespace magpie::cli
