// Shared by the cache tests: a trusted temporary directory, file helpers, and a small rule set
// with a prefiltered rule, its data and a scan to compare compiled forms by.
#ifndef MAGPIE_TESTS_CACHE_CACHE_FIXTURES_H_
#define MAGPIE_TESTS_CACHE_CACHE_FIXTURES_H_

#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/scanner.h"

namespace magpie::cache::testing {
namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;  // one counter for every test file (an inline function's static)
    path = fs::temp_directory_path() /
           ("magpie-cache-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
    fs::permissions(path, fs::perms::owner_all);  // 0700 whatever the umask: a trusted cache
  }
  ~TempDir() { fs::remove_all(path); }
};

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The one file with `extension` in `dir`.
inline fs::path OnlyEntry(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == extension) found.push_back(entry.path());
  }
  REQUIRE(found.size() == 1);
  return found[0];
}

inline rules::RuleSpec Rule(std::string id, std::string pattern) {
  rules::RuleSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.pattern = std::move(pattern);
  spec.confidence = rules::Confidence::kHigh;
  return spec;
}

inline const char kToken[] = "tok_Q7xV9pL2mZ8rT4wK";

// "big" is too large for Hyperscan to compile exactly: it runs in prefilter mode.
inline rules::RuleSet PrefilterRules() {
  return rules::RuleSet({Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big"),
                         Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")},
                        "<test>");
}

inline std::string Data() {
  std::string body;
  for (int i = 0; i < 40; ++i) body += (i % 3) ? "x" : "kqzmwhrtyp4829105736";
  return "a = " + body + "_big\nb = " + kToken + "\nc = 1" + body.substr(2) + "_big\n";
}

// The key an entry file was written under (entry.h's layout).
inline std::string KeyOf(const std::string& entry) {
  uint64_t key_size = 0;
  for (int i = 3; i >= 0; --i) key_size = (key_size << 8) | static_cast<unsigned char>(entry[12 + i]);
  return entry.substr(24, key_size);
}

inline scanner::CompileOptions NoGeneric() {
  scanner::CompileOptions options;
  options.generic_detector = false;
  return options;
}

// (rule, start, end) of every finding, for comparing scans.
inline std::vector<std::string> Scan(std::shared_ptr<const scanner::CompiledRules> compiled) {
  auto scanner = scanner::Scanner::Create(std::move(compiled));
  REQUIRE(scanner.ok());
  std::vector<std::string> out;
  auto findings = (*scanner)->Scan(Data());
  REQUIRE(findings.ok());
  for (const scanner::Finding& f : *findings) {
    out.push_back(f.rule_id + "@" + std::to_string(f.start.offset) + "-" +
                  std::to_string(f.end.offset));
  }
  return out;
}
}  // namespace magpie::cache::testing

#endif  // MAGPIE_TESTS_CACHE_CACHE_FIXTURES_H_
