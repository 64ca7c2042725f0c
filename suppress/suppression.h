// Everything a scan leaves out or accepts, loaded once before the scan: the path patterns
// (.magpie.yaml `exclude`, then .magpieignore's patterns) and the accepted fingerprints
// (.magpieignore, then --baseline).
// Thread safety: the loader is a plain function; see PathExcluder and Suppressor for theirs.
#ifndef MAGPIE_SUPPRESS_SUPPRESSION_H_
#define MAGPIE_SUPPRESS_SUPPRESSION_H_

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "suppress/path_patterns.h"
#include "suppress/suppressor.h"

namespace magpie::suppress {

struct SuppressionOptions {
  std::string scan_root = ".";        // patterns are relative to it
  std::vector<std::string> exclude;   // the configuration's `exclude` patterns
  std::string ignore_file;            // .magpieignore to read ("" = none); may be missing
  // When set, the ignore file's text as the reviewed state has it (`git --since BASE` reads
  // BASE's), used instead of reading `ignore_file`; "" text = no ignore file.
  std::optional<std::string> ignore_text;
  std::string baseline;               // --baseline REPORT ("" = none); must be readable
};

struct Suppression {
  PathExcluder excluder;
  Suppressor suppressor;
};

// Errors: an ignore file that exists but cannot be read, a baseline that cannot be read or is
// not a magpie report. The message says which file and why.
Result<Suppression> LoadSuppression(const SuppressionOptions& options);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_SUPPRESSION_H_
