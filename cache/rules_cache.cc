#include "cache/rules_cache.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <utility>

#include "cache/build_id.h"
#include "cache/cache_dir.h"
#include "cache/database_payload.h"
#include "cache/entry.h"
#include "rules/rule_codec.h"
#include "scanner/fingerprint.h"

namespace magpie::cache {
namespace {
namespace fs = std::filesystem;

std::optional<std::string> ReadBytes(const fs::path& path) {
  // One presized read: the rules file is read on every start.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamsize size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

// The name of the entry for `key` in the cache directory: the key's hash names the file; the
// file holds the key.
std::string EntryName(std::string_view key, std::string_view extension) {
  return scanner::Sha256Hex(key) + std::string(extension);
}

// Says once per process, on stderr, why the cache is not used (rules_cache.h).
void NoticeOnce(const Status& refusal) {
  static std::atomic<bool> said{false};
  if (!said.exchange(true)) {
    std::fprintf(stderr, "magpie: notice: not using the rules cache: %s\n",
                 refusal.message().c_str());
  }
}

// CompiledRules::Compile, saying once per process on stderr when the keyword-gated rules had to
// stay in the main database (CompiledRules::GateFallback: slower, the same findings).
Result<std::shared_ptr<const scanner::CompiledRules>> CompileAndNotice(
    const rules::RuleSet& rules, const scanner::CompileOptions& options) {
  auto compiled = scanner::CompiledRules::Compile(rules, options);
  static std::atomic<bool> said{false};
  if (compiled.ok() && !(*compiled)->GateFallback().empty() && !said.exchange(true)) {
    std::fprintf(stderr, "magpie: notice: %s\n", (*compiled)->GateFallback().c_str());
  }
  return compiled;
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

// The compiled rules an intact database entry holds for `rules` and `options`, checked against
// the rule table they are to serve (CheckDatabase).
Result<std::shared_ptr<const scanner::CompiledRules>> DecodeDatabaseEntry(
    std::string_view bytes, std::string_view key, std::string_view compiled_from,
    const rules::RuleSet& rules, const scanner::CompileOptions& options, EntrySource source) {
  Result<std::string_view> entry = DecodeEntry(bytes, key, source);
  if (!entry.ok()) return entry.status();
  Result<DatabasePayload> payload = DecodeDatabasePayload(*entry);
  if (!payload.ok()) return payload.status();
  auto restored = scanner::CompiledRules::FromSerialized(
      rules, options, payload->database, payload->prefiltered_rule_ids, payload->gate);
  if (!restored.ok()) return restored.status();
  if (Status checked = CheckDatabase(*payload, compiled_from, **restored); !checked.ok()) {
    return checked;
  }
  return restored;
}

EmbeddedEntries& Embedded() {
  static EmbeddedEntries entries;
  return entries;
}

}  // namespace

void SetEmbeddedEntries(EmbeddedEntries entries) { Embedded() = entries; }

RulesCache::RulesCache(std::string directory) : directory_(std::move(directory)) {}

RulesCache::RulesCache(std::string directory, bool use_embedded)
    : directory_(std::move(directory)), use_embedded_(use_embedded) {}

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
  return RulesCache(enabled ? DefaultDirectory() : "", enabled);
}

void RulesCache::Refuse(const Status& refusal) {
  ++stats_.refused;
  refusal_ = refusal;
  NoticeOnce(refusal);
}

std::optional<internal::CacheDirectory> RulesCache::OpenDirectory() {
  Result<internal::CacheDirectory> directory = internal::CacheDirectory::Open(directory_);
  if (directory.ok()) return std::move(*directory);
  if (directory.status().code() == StatusCode::kUntrusted) {
    Refuse(directory.status());
  } else {
    ++stats_.misses;  // cannot be made or opened: as if empty, and nothing is written
  }
  return std::nullopt;
}

RulesCache::Lookup RulesCache::ReadEntry(const internal::CacheDirectory& directory,
                                         const std::string& name) {
  Lookup lookup;
  Result<std::string> bytes = directory.Read(name);
  if (bytes.ok()) {
    lookup.bytes = std::move(*bytes);
  } else if (bytes.status().code() == StatusCode::kUntrusted) {
    Refuse(bytes.status());
    lookup.writable = false;
  } else if (bytes.status().code() == StatusCode::kCorrupt) {
    ++stats_.rejected;
  } else {
    ++stats_.misses;
  }
  return lookup;
}

void RulesCache::WriteEntry(const internal::CacheDirectory& directory, const std::string& name,
                            const std::string& bytes) {
  if (directory.Write(name, bytes).ok()) ++stats_.writes;
}

Result<rules::RuleSet> RulesCache::LoadRules(const std::string& rules_file,
                                             const rules::DecodeOptions& decode) {
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
  if (directory_.empty() && !use_embedded_) return ToResult(rules::ParseRules(text, source));

  // The built-in rules are named by BuildId() already: hashing their 700 KB again (and copying
  // them to do so) was ~2 ms of every `magpie staged` (bench/staged_latency.sh).
  std::string key = Key("rules", source);
  if (!rules_file.empty()) {
    std::string material = source;
    material.push_back('\0');
    material.append(text);
    key = Key("rules", scanner::Sha256Hex(material));
  }
  if (use_embedded_ && rules_file.empty() && !Embedded().rules.empty()) {
    Result<std::string_view> payload =
        DecodeEntry(Embedded().rules, key, EntrySource::kExecutable);
    if (payload.ok()) {
      if (std::optional<rules::RuleSet> decoded = rules::DecodeRuleSet(*payload, decode)) {
        ++stats_.hits;
        ++stats_.embedded;
        return std::move(*decoded);
      }
    }
    if (payload.status().code() != StatusCode::kNotFound) ++stats_.rejected;
  }
  if (directory_.empty()) return ToResult(rules::ParseRules(text, source));
  std::optional<internal::CacheDirectory> directory = OpenDirectory();
  if (!directory) return ToResult(rules::ParseRules(text, source));
  const std::string name = EntryName(key, ".rules");
  Lookup lookup = ReadEntry(*directory, name);
  if (lookup.bytes) {
    Result<std::string_view> payload = DecodeEntry(*lookup.bytes, key);
    if (payload.ok()) {
      if (std::optional<rules::RuleSet> decoded = rules::DecodeRuleSet(*payload, decode)) {
        ++stats_.hits;
        return std::move(*decoded);
      }
    }
    ++stats_.rejected;
  }
  rules::LoadResult parsed = rules::ParseRules(text, source);
  if (parsed.ok() && lookup.writable) {
    WriteEntry(*directory, name, EncodeEntry(key, rules::EncodeRuleSet(parsed.rules)));
  }
  return ToResult(std::move(parsed));
}

Result<std::shared_ptr<const scanner::CompiledRules>> RulesCache::Compile(
    const rules::RuleSet& rules, const scanner::CompileOptions& options) {
  if (directory_.empty() && !use_embedded_) return CompileAndNotice(rules, options);
  const std::string compiled_from = scanner::CompiledRules::CacheKey(rules, options);
  const std::string key = Key("database", compiled_from);
  // Only the built-in rules with the default options have this key: other rules miss here.
  if (use_embedded_ && !Embedded().database.empty()) {
    auto embedded = DecodeDatabaseEntry(Embedded().database, key, compiled_from, rules, options,
                                        EntrySource::kExecutable);
    if (embedded.ok()) {
      ++stats_.hits;
      ++stats_.embedded;
      return embedded;
    }
    // kNotFound: other rules or options, the usual case. Anything else (a database for another
    // CPU than the build machine's, which Hyperscan refuses) is rejected: compile instead.
    if (embedded.status().code() != StatusCode::kNotFound) ++stats_.rejected;
  }
  if (directory_.empty()) return CompileAndNotice(rules, options);
  std::optional<internal::CacheDirectory> directory = OpenDirectory();
  if (!directory) return CompileAndNotice(rules, options);
  const std::string name = EntryName(key, ".hsdb");
  Lookup lookup = ReadEntry(*directory, name);
  if (lookup.bytes) {
    auto cached = DecodeDatabaseEntry(*lookup.bytes, key, compiled_from, rules, options,
                                      EntrySource::kFile);
    if (cached.ok()) {
      ++stats_.hits;
      return cached;
    }
    ++stats_.rejected;
  }
  auto compiled = CompileAndNotice(rules, options);
  if (compiled.ok() && lookup.writable) {
    if (Result<std::string> payload = EncodeDatabasePayload(**compiled, compiled_from);
        payload.ok()) {
      WriteEntry(*directory, name, EncodeEntry(key, *payload));
    }
  }
  return compiled;
}

}  // namespace magpie::cache
