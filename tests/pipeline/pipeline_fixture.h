// Shared by the pipeline tests: a session over one small rule (compiled in milliseconds, no
// cache), and a Source over strings held in memory whose items can be made to fail.
#ifndef MAGPIE_TESTS_PIPELINE_PIPELINE_FIXTURE_H_
#define MAGPIE_TESTS_PIPELINE_PIPELINE_FIXTURE_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/session.h"
#include "pipeline/source.h"

namespace magpie::pipeline::testing {

// A rule for "tok_" followed by 20 lower-case letters or digits.
inline constexpr const char* kTokenRules = R"(rules:
  - id: test-token
    name: Test token
    description: A token of the test service.
    pattern: '\b(tok_[a-z0-9]{20})\b'
    confidence: high
    examples: ["tok_q8vn2rlx7tfk9mwz3hpd"]
)";
inline constexpr const char* kToken = "tok_q8vn2rlx7tfk9mwz3hpd";

// Standard base64 with padding, for items that hide a token behind encodings.
inline std::string Base64(const std::string& in) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<uint8_t>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// Writes kTokenRules to a temporary file (removed at the end) and builds a session over it.
class TestSession {
 public:
  explicit TestSession(scanner::ScanOptions scan = {}) {
    path_ = std::filesystem::temp_directory_path() /
            ("magpie-pipeline-rules-" + std::to_string(::getpid()) + ".yaml");
    std::ofstream(path_) << kTokenRules;
    SessionOptions options;
    options.rules_file = path_.string();
    options.use_cache = false;
    options.generic_detector = false;
    options.scan = scan;
    auto created = ScanSession::Create(options);
    if (!created.ok()) throw std::runtime_error(created.status().message());
    session_ = *std::move(created);
  }
  ~TestSession() { std::filesystem::remove(path_); }
  ScanSession& get() { return *session_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<ScanSession> session_;
};

// Items are strings; an item equal to kThrow makes Load throw, kSkip makes it a policy skip.
class StringSource : public Source {
 public:
  static constexpr const char* kThrow = "<throw>";
  static constexpr const char* kSkip = "<skip>";

  explicit StringSource(std::vector<std::string> items) : items_(std::move(items)) {}
  size_t size() const override { return items_.size(); }
  SourceItem Load(size_t index) const override {
    if (items_[index] == kThrow) throw std::runtime_error("simulated read failure");
    SourceItem item;
    item.origin = report::FileOrigin{"item" + std::to_string(index)};
    if (items_[index] == kSkip) {
      item.skip_reason = "binary";
      return item;
    }
    item.bytes = items_[index];
    return item;
  }
  Prelude& mutable_prelude() { return prelude_; }

 private:
  std::vector<std::string> items_;
};

}  // namespace magpie::pipeline::testing

#endif  // MAGPIE_TESTS_PIPELINE_PIPELINE_FIXTURE_H_
