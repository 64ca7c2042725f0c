#include "cli/db_cache.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace magpie::cli {
namespace fs = std::filesystem;

std::string CacheDirectory() {
  if (const char* dir = std::getenv("MAGPIE_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "magpie").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".cache" / "magpie").string();
  }
  return "";
}

CacheOutcome CompileWithCache(const rules::RuleSet& rules, const scanner::CompileOptions& options,
                              bool use_cache) {
  CacheOutcome outcome;
  const std::string dir = use_cache ? CacheDirectory() : "";
  if (dir.empty()) {
    outcome.result = scanner::CompiledRules::Compile(rules, options);
    return outcome;
  }
  const fs::path file = fs::path(dir) / (scanner::CompiledRules::CacheKey(rules, options) + ".hsdb");
  {
    std::ifstream in(file, std::ios::binary);
    if (in) {
      std::stringstream bytes;
      bytes << in.rdbuf();
      if (auto compiled = scanner::CompiledRules::FromSerialized(rules, options, bytes.str())) {
        outcome.result.compiled = std::move(compiled);
        outcome.cache_hit = true;
        return outcome;
      }
    }
  }
  outcome.result = scanner::CompiledRules::Compile(rules, options);
  if (!outcome.result.ok()) return outcome;
  // Best effort: a read-only home must not stop the scan.
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path temp = file.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    const std::string bytes = outcome.result.compiled->SerializeDatabase();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove(temp, ec);
      return outcome;
    }
  }
  fs::rename(temp, file, ec);
  if (ec) fs::remove(temp, ec);
  return outcome;
}

}  // namespace magpie::cli
