#include "suppress/suppression.h"

#include <utility>

#include "suppress/baseline.h"
#include "suppress/ignore_file.h"

namespace magpie::suppress {

Result<Suppression> LoadSuppression(const SuppressionOptions& options) {
  Suppression out;
  PathPatterns patterns;
  for (const std::string& pattern : options.exclude) patterns.Add(pattern);
  if (options.ignore_text) {
    const IgnoreFile ignore = ParseIgnoreFile(*options.ignore_text);
    patterns.Append(ignore.patterns);
    for (const std::string& fp : ignore.fingerprints) out.suppressor.Add(fp, kReasonIgnoreFile);
  } else if (!options.ignore_file.empty()) {
    Result<IgnoreFile> ignore = LoadIgnoreFile(options.ignore_file);
    if (!ignore.ok()) return ignore.status();
    patterns.Append(ignore->patterns);
    for (const std::string& fp : ignore->fingerprints) out.suppressor.Add(fp, kReasonIgnoreFile);
  }
  if (!options.baseline.empty()) {
    Status baseline = LoadBaseline(options.baseline, [&out](std::string_view fp) {
      out.suppressor.Add(fp, kReasonBaseline);
    });
    if (!baseline.ok()) return baseline;
  }
  out.excluder = PathExcluder(options.scan_root, std::move(patterns));
  return out;
}

}  // namespace magpie::suppress
