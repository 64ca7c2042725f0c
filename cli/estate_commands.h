// The commands of a scan split over machines (issue 13): `magpie merge` (the shards' reports
// → one) and `magpie estate` (many repositories in one run). Each returns the process exit
// code (kExitClean, kExitFindings, kExitError) and never throws.
#ifndef MAGPIE_CLI_ESTATE_COMMANDS_H_
#define MAGPIE_CLI_ESTATE_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/scan_store_flag.h"
#include "cli/settings.h"
#include "cli/shard_flag.h"

namespace magpie::cli {

struct MergeFlags {
  std::vector<std::string> reports;  // JSON or SARIF reports, all in one format
  std::string output;                // -o FILE ("" = stdout)
  bool quiet = false;                // no summary line on stderr
};

// `magpie merge REPORT…` (merge/report_merge.h says what the merged report holds).
int RunMerge(const MergeFlags& flags);

struct EstateFlags {
  std::string repos_file;  // one repository per line ('#' comments, blank lines)
  ShardFlags shard;
  // With N shards, a repository whose packed objects exceed this many MiB is split by blob
  // over every shard; smaller ones go whole to one shard (docs/estate.md).
  uint64_t split_above_mib = 256;
  // --store PATH, --no-store: one store for every repository (its items are content and path,
  // whichever repository they are in).
  StoreFlags store;
};

// `magpie estate REPOS.txt`: the history of every listed repository, with one compiled
// ruleset, into one report whose git provenance names the repository.
int RunEstate(const CommonFlags& flags, const EstateFlags& estate_flags);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_ESTATE_COMMANDS_H_
