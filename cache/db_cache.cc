#include "cache/db_cache.h"

#include "base/version.h"
#include "rules/rule_codec.h"
#include "scanner/fingerprint.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace magpie::cache {
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

namespace {

std::optional<std::string> ReadBytes(const fs::path& path) {
  // One presized read: the cached database is ~1 MiB and is read on every start, where a
  // stringstream copy showed up as a quarter of `magpie staged`'s start-up.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamsize size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

// Best effort, atomic: a read-only or full cache directory must not stop the scan.
void WriteAtomically(const fs::path& file, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temp = file.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, file, ec);
  if (ec) fs::remove(temp, ec);
}

}  // namespace

rules::LoadResult LoadRulesCached(const std::string& rules_file, bool use_cache) {
  std::string text;
  std::string source = "<builtin>";
  if (rules_file.empty()) {
    text = std::string(rules::BuiltinRulesYaml());
  } else {
    std::optional<std::string> bytes = ReadBytes(rules_file);
    if (!bytes) return rules::LoadRulesFile(rules_file);  // reports why it cannot be read
    text = std::move(*bytes);
    source = rules_file;
  }
  const std::string dir = use_cache ? CacheDirectory() : "";
  if (dir.empty()) return rules::ParseRules(text, source);
  std::string material = "magpie-rules-v1";
  material.push_back('\0');
  material.append(Version()).push_back('\0');
  material.append(source).push_back('\0');
  material.append(text);
  const fs::path file = fs::path(dir) / (scanner::Sha256Hex(material) + ".rules");
  if (std::optional<std::string> cached = ReadBytes(file)) {
    if (std::optional<rules::RuleSet> decoded = rules::DecodeRuleSet(*cached)) {
      rules::LoadResult hit;
      hit.rules = std::move(*decoded);
      return hit;
    }
  }
  rules::LoadResult parsed = rules::ParseRules(text, source);
  if (parsed.ok()) WriteAtomically(file, rules::EncodeRuleSet(parsed.rules));
  return parsed;
}

Result<std::shared_ptr<const scanner::CompiledRules>> CompileWithCache(
    const rules::RuleSet& rules, const scanner::CompileOptions& options, bool use_cache) {
  const std::string dir = use_cache ? CacheDirectory() : "";
  if (dir.empty()) return scanner::CompiledRules::Compile(rules, options);
  const fs::path file = fs::path(dir) / (scanner::CompiledRules::CacheKey(rules, options) + ".hsdb");
  if (std::optional<std::string> bytes = ReadBytes(file)) {
    auto compiled = scanner::CompiledRules::FromSerialized(rules, options, *bytes, {});
    if (compiled.ok()) return compiled;
  }
  auto compiled = scanner::CompiledRules::Compile(rules, options);
  if (compiled.ok()) WriteAtomically(file, (*compiled)->SerializeDatabase());
  return compiled;
}

}  // namespace magpie::cache
