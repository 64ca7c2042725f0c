// Which shard of a split scan this process is (issue 13): `--shard I/N` on the command line,
// else the batch engine's environment, else the whole scan.
//   Slurm job arrays:          SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT (an array that does
//                              not start at 0 is shifted by SLURM_ARRAY_TASK_MIN)
//   Kubernetes Indexed Jobs:   JOB_COMPLETION_INDEX, with the total from --shard-count or
//                              MAGPIE_SHARD_COUNT (a Job does not export its completions)
//   CI matrices:               by flag (--shard ${{ matrix.shard }}/N)
// The flag wins over the environment. Anything malformed is an error (exit 2), never a guess:
// a wrong share would be a silently partial scan.
#ifndef MAGPIE_CLI_SHARD_FLAG_H_
#define MAGPIE_CLI_SHARD_FLAG_H_

#include <functional>
#include <string>

#include "base/status.h"
#include "pipeline/shard.h"

namespace magpie::cli {

struct ShardFlags {
  std::string shard;        // --shard I/N ("" = not given)
  std::string shard_count;  // --shard-count N, the total for JOB_COMPLETION_INDEX
};

// The shard and where it came from ("--shard", "SLURM_ARRAY_TASK_ID", ...; "" for the whole).
struct ResolvedShard {
  pipeline::Shard shard;
  std::string source;
};

using EnvLookup = std::function<const char*(const char* name)>;

// Parses "I/N" (0 <= I < N <= 65536, decimal). The message names what is wrong.
Result<pipeline::Shard> ParseShard(const std::string& text);
// Resolves the flags and then the environment (`env`, std::getenv by default).
Result<ResolvedShard> ResolveShard(const ShardFlags& flags, const EnvLookup& env = {});
// For CLI11: "" when `text` is a valid --shard value, else why not.
std::string CheckShardFlag(const std::string& text);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SHARD_FLAG_H_
