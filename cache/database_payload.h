// The payload of a database cache entry (entry.h): a compiled rule set's serialized Hyperscan
// database together with what the database does not record, which rules Hyperscan compiled in
// prefilter mode, so that a cache hit restores CompiledRules::PrefilteredRuleIds() exactly.
//
// Layout (integers little-endian):
//   4       number of prefiltered rule ids N
//   N times: 4 id length L, L id bytes
//   8       database length D, then D database bytes, and nothing after.
//
// Thread safety: pure functions.
#ifndef MAGPIE_CACHE_DATABASE_PAYLOAD_H_
#define MAGPIE_CACHE_DATABASE_PAYLOAD_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "scanner/compiled_rules.h"

namespace magpie::cache {

struct DatabasePayload {
  std::vector<std::string> prefiltered_rule_ids;
  std::string_view database;  // a view into the decoded bytes
};

// Fails (kInternal) when Hyperscan cannot serialize the database.
Result<std::string> EncodeDatabasePayload(const scanner::CompiledRules& compiled);
// Bounds-checked: kCorrupt when a length runs past the end or bytes are left over. The
// database bytes themselves are Hyperscan's to check (CompiledRules::FromSerialized).
Result<DatabasePayload> DecodeDatabasePayload(std::string_view bytes);

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_DATABASE_PAYLOAD_H_
