#include "cli/shard_flag.h"

#include <cstdlib>
#include <optional>
#include <string_view>

#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

constexpr uint32_t kMaxShards = 65536;

// A decimal number of at most 6 digits, nothing else (no sign, no spaces, no "0x").
std::optional<uint32_t> ParseCount(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  return value;
}

Status Malformed(const std::string& what, std::string_view value, const std::string& expected) {
  return InvalidArgument(what + ": '" + report::EscapeControls(std::string(value)) +
                         "' is not " + expected);
}

Result<pipeline::Shard> Check(uint32_t index, uint32_t count, const std::string& what) {
  if (count == 0 || count > kMaxShards) {
    return InvalidArgument(what + ": the number of shards must be 1 to " +
                           std::to_string(kMaxShards));
  }
  if (index >= count) {
    return InvalidArgument(what + ": shard " + std::to_string(index) + " of " +
                           std::to_string(count) + " is out of range (0 to " +
                           std::to_string(count - 1) + ")");
  }
  return pipeline::Shard{index, count};
}

}  // namespace

Result<pipeline::Shard> ParseShard(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return Malformed("--shard", text, "I/N (e.g. 0/4)");
  const std::optional<uint32_t> index = ParseCount(std::string_view(text).substr(0, slash));
  const std::optional<uint32_t> count = ParseCount(std::string_view(text).substr(slash + 1));
  if (!index || !count) return Malformed("--shard", text, "I/N (e.g. 0/4)");
  return Check(*index, *count, "--shard");
}

std::string CheckShardFlag(const std::string& text) {
  Result<pipeline::Shard> shard = ParseShard(text);
  return shard.ok() ? "" : shard.status().message();
}

Result<ResolvedShard> ResolveShard(const ShardFlags& flags, const EnvLookup& env_lookup) {
  const EnvLookup env = env_lookup ? env_lookup : [](const char* name) -> const char* {
    return std::getenv(name);
  };
  auto number = [&](const char* name) -> Result<std::optional<uint32_t>> {
    const char* value = env(name);
    if (value == nullptr || *value == '\0') return std::optional<uint32_t>();
    std::optional<uint32_t> parsed = ParseCount(value);
    if (!parsed) return Malformed(name, value, "a number");
    return parsed;
  };
  if (!flags.shard.empty()) {
    Result<pipeline::Shard> shard = ParseShard(flags.shard);
    if (!shard.ok()) return shard.status();
    return ResolvedShard{*shard, "--shard"};
  }
  // Slurm first: a Kubernetes pod does not run inside a Slurm allocation, but a Slurm task
  // may well inherit a stray JOB_COMPLETION_INDEX from whoever launched it.
  Result<std::optional<uint32_t>> task = number("SLURM_ARRAY_TASK_ID");
  if (!task.ok()) return task.status();
  if (*task) {
    Result<std::optional<uint32_t>> count = number("SLURM_ARRAY_TASK_COUNT");
    Result<std::optional<uint32_t>> min = number("SLURM_ARRAY_TASK_MIN");
    if (!count.ok()) return count.status();
    if (!min.ok()) return min.status();
    if (!*count) return InvalidArgument("SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT");
    const uint32_t base = min->value_or(0);
    if (**task < base) return InvalidArgument("SLURM_ARRAY_TASK_ID is below SLURM_ARRAY_TASK_MIN");
    Result<pipeline::Shard> shard = Check(**task - base, **count, "SLURM_ARRAY_TASK_ID");
    if (!shard.ok()) return shard.status();
    return ResolvedShard{*shard, "SLURM_ARRAY_TASK_ID"};
  }
  Result<std::optional<uint32_t>> completion = number("JOB_COMPLETION_INDEX");
  if (!completion.ok()) return completion.status();
  if (*completion) {
    std::optional<uint32_t> count;
    if (!flags.shard_count.empty()) {
      count = ParseCount(flags.shard_count);
      if (!count) return Malformed("--shard-count", flags.shard_count, "a number");
    } else {
      Result<std::optional<uint32_t>> from_env = number("MAGPIE_SHARD_COUNT");
      if (!from_env.ok()) return from_env.status();
      count = *from_env;
    }
    if (!count) {
      return InvalidArgument("JOB_COMPLETION_INDEX is set but the number of shards is not: "
                             "pass --shard-count N or set MAGPIE_SHARD_COUNT (the Job's "
                             "completions), or --shard 0/1 to scan everything");
    }
    Result<pipeline::Shard> shard = Check(**completion, *count, "JOB_COMPLETION_INDEX");
    if (!shard.ok()) return shard.status();
    return ResolvedShard{*shard, "JOB_COMPLETION_INDEX"};
  }
  if (!flags.shard_count.empty()) {
    return InvalidArgument("--shard-count is the total for JOB_COMPLETION_INDEX, which is not "
                           "set; use --shard I/N");
  }
  return ResolvedShard{};
}

}  // namespace magpie::cli
