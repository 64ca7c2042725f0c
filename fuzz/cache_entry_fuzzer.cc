// What the rules cache reads back from disk (cache/entry.h): the entry's header and checksum
// (DecodeEntry), the database payload (DecodeDatabasePayload) and the rule set's binary form
// (rules::DecodeRuleSet). A cache directory may be damaged, truncated or written by another
// magpie, so every byte of it is hostile.
//
// The input is decoded three ways: as a whole entry file; as a payload of each kind; and
// sealed, as an entry file without its checksum to which the right SHA-256 is appended, so
// that the fuzzer reaches the length checks and payload decoders behind the checksum. Seeds
// are entries for kKey without their last 64 bytes (fuzz/README.md says how they were made).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "cache/database_payload.h"
#include "cache/entry.h"
#include "fuzz/fuzz_check.h"
#include "rules/rule_codec.h"
#include "scanner/fingerprint.h"

namespace {

constexpr std::string_view kKey = "fuzz-key";

void DecodePayloads(std::string_view payload) {
  const auto database = magpie::cache::DecodeDatabasePayload(payload);
  if (database.ok()) {
    // A view into the payload.
    MAGPIE_FUZZ_CHECK(database->database.empty() ||
                      (database->database.data() >= payload.data() &&
                       database->database.data() + database->database.size() <=
                           payload.data() + payload.size()));
    // The keyword-gated rules' database (issue 12) too, after the first one.
    const std::string_view gated = database->gate.database;
    MAGPIE_FUZZ_CHECK(gated.empty() ||
                      (gated.data() >= database->database.data() + database->database.size() &&
                       gated.data() + gated.size() == payload.data() + payload.size()));
  }
  const std::optional<magpie::rules::RuleSet> rules = magpie::rules::DecodeRuleSet(payload);
  // A scan's decode skips the examples (issue 11): it accepts exactly what the full one does.
  magpie::rules::DecodeOptions no_examples;
  no_examples.examples = false;
  const std::optional<magpie::rules::RuleSet> scan_rules =
      magpie::rules::DecodeRuleSet(payload, no_examples);
  MAGPIE_FUZZ_CHECK(scan_rules.has_value() == rules.has_value());
  if (rules) {
    // Whatever decodes encodes again, and decodes to the same rules.
    const std::optional<magpie::rules::RuleSet> again =
        magpie::rules::DecodeRuleSet(magpie::rules::EncodeRuleSet(*rules));
    MAGPIE_FUZZ_CHECK(again && again->rules().size() == rules->rules().size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = magpie::fuzz::AsView(data, size);
  if (const auto payload = magpie::cache::DecodeEntry(bytes, kKey); payload.ok()) {
    DecodePayloads(*payload);
  }
  DecodePayloads(bytes);
  const std::string sealed = std::string(bytes) + magpie::scanner::Sha256Hex(bytes);
  if (const auto payload = magpie::cache::DecodeEntry(sealed, kKey); payload.ok()) {
    MAGPIE_FUZZ_CHECK(magpie::cache::EncodeEntry(kKey, *payload) == sealed);
    DecodePayloads(*payload);
  }
  return 0;
}
