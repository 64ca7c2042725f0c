#include "cache/rules_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <utility>

#include "cache/build_id.h"
#include "cache/database_payload.h"
#include "cache/entry.h"
#include "rules/rule_codec.h"
#include "scanner/fingerprint.h"

namespace magpie::cache {
namespace {
namespace fs = std::filesystem;

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

// Best effort, atomic: a read-only or full cache directory must not stop the scan. The
// temporary name is unique per process and per write, so that neither two processes nor two
// caches in one process write the same temporary file.
bool WriteAtomically(const fs::path& file, const std::string& bytes) {
  static std::atomic<uint64_t> writes{0};
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path temp = file.string() + ".tmp." + std::to_string(getpid()) + "." +
                        std::to_string(writes.fetch_add(1));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, file, ec);
  if (ec) {
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

// Where the entry for `key` lives: the key's hash names the file; the file holds the key.
std::string EntryPath(const std::string& directory, std::string_view key,
                      std::string_view extension) {
  return (fs::path(directory) / (scanner::Sha256Hex(key) + std::string(extension))).string();
}

std::string Key(std::string_view kind, std::string_view what) {
  std::string key(BuildId());
  key.append("\n").append(kind).append("\n").append(what);
  return key;
}

Result<rules::RuleSet> ToResult(rules::LoadResult loaded) {
  if (!loaded.ok()) return rules::ToStatus(loaded.problems);
  return std::move(loaded.rules);
}

// The compiled rules an intact database entry holds for `rules` and `options`.
Result<std::shared_ptr<const scanner::CompiledRules>> DecodeDatabaseEntry(
    std::string_view bytes, std::string_view key, const rules::RuleSet& rules,
    const scanner::CompileOptions& options) {
  Result<std::string_view> entry = DecodeEntry(bytes, key);
  if (!entry.ok()) return entry.status();
  Result<DatabasePayload> payload = DecodeDatabasePayload(*entry);
  if (!payload.ok()) return payload.status();
  return scanner::CompiledRules::FromSerialized(rules, options, payload->database,
                                                payload->prefiltered_rule_ids);
}

}  // namespace

RulesCache::RulesCache(std::string directory) : directory_(std::move(directory)) {}

std::string RulesCache::DefaultDirectory() {
  if (const char* dir = std::getenv("MAGPIE_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "magpie").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".cache" / "magpie").string();
  }
  return "";
}

RulesCache RulesCache::Default(bool enabled) {
  return RulesCache(enabled ? DefaultDirectory() : "");
}

std::optional<std::string> RulesCache::ReadEntry(const std::string& path) {
  std::optional<std::string> bytes = ReadBytes(path);
  if (!bytes) ++stats_.misses;
  return bytes;
}

void RulesCache::WriteEntry(const std::string& path, const std::string& bytes) {
  if (WriteAtomically(path, bytes)) ++stats_.writes;
}

Result<rules::RuleSet> RulesCache::LoadRules(const std::string& rules_file) {
  std::string file_text;
  std::string_view text = rules::BuiltinRulesYaml();
  std::string source = "<builtin>";
  if (!rules_file.empty()) {
    std::optional<std::string> bytes = ReadBytes(rules_file);
    if (!bytes) return ToResult(rules::LoadRulesFile(rules_file));  // it reports why
    file_text = std::move(*bytes);
    text = file_text;
    source = rules_file;
  }
  if (directory_.empty()) return ToResult(rules::ParseRules(text, source));

  std::string material = source;
  material.push_back('\0');
  material.append(text);
  const std::string key = Key("rules", scanner::Sha256Hex(material));
  const std::string path = EntryPath(directory_, key, ".rules");
  if (std::optional<std::string> bytes = ReadEntry(path)) {
    Result<std::string_view> payload = DecodeEntry(*bytes, key);
    if (payload.ok()) {
      if (std::optional<rules::RuleSet> decoded = rules::DecodeRuleSet(*payload)) {
        ++stats_.hits;
        return std::move(*decoded);
      }
    }
    ++stats_.rejected;
  }
  rules::LoadResult parsed = rules::ParseRules(text, source);
  if (parsed.ok()) WriteEntry(path, EncodeEntry(key, rules::EncodeRuleSet(parsed.rules)));
  return ToResult(std::move(parsed));
}

Result<std::shared_ptr<const scanner::CompiledRules>> RulesCache::Compile(
    const rules::RuleSet& rules, const scanner::CompileOptions& options) {
  if (directory_.empty()) return scanner::CompiledRules::Compile(rules, options);
  const std::string key = Key("database", scanner::CompiledRules::CacheKey(rules, options));
  const std::string path = EntryPath(directory_, key, ".hsdb");
  if (std::optional<std::string> bytes = ReadEntry(path)) {
    auto cached = DecodeDatabaseEntry(*bytes, key, rules, options);
    if (cached.ok()) {
      ++stats_.hits;
      return cached;
    }
    ++stats_.rejected;
  }
  auto compiled = scanner::CompiledRules::Compile(rules, options);
  if (compiled.ok()) {
    if (Result<std::string> payload = EncodeDatabasePayload(**compiled); payload.ok()) {
      WriteEntry(path, EncodeEntry(key, *payload));
    }
  }
  return compiled;
}

}  // namespace magpie::cache
