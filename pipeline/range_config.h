// `magpie git --since BASE` in CI: the scanned range is the code under review, so the
// repository's own .magpie.yaml and .magpieignore are taken from BASE (the reviewed state),
// and a change to either inside the range is reported as a `suppression-changed` finding,
// which fails the run, unless --trust-range-config (docs/security.md).
#ifndef MAGPIE_PIPELINE_RANGE_CONFIG_H_
#define MAGPIE_PIPELINE_RANGE_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pipeline/item_result.h"
#include "suppress/repo_config.h"

namespace magpie::pipeline {

inline constexpr std::string_view kSuppressionChangedRule = "suppression-changed";

// The two files as `base` has them. Errors: the revision does not resolve, an object cannot
// be read.
Result<suppress::ReviewedRepoFiles> ReadReviewedRepoFiles(const std::string& repo, const std::string& base);

// One finding per file that a head revision (each of `heads`) has differently from `reviewed`:
// origin the file at that head, context the lines it adds. Errors as ReadReviewedRepoFiles.
Result<std::vector<ItemResult>> SuppressionChanges(const std::string& repo,
                                                            const suppress::ReviewedRepoFiles& reviewed,
                                                            const std::vector<std::string>& heads);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_RANGE_CONFIG_H_
