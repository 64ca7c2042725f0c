// The payload of a database cache entry (entry.h): a compiled rule set's serialized Hyperscan
// database together with what the database does not record, which rules Hyperscan compiled in
// prefilter mode, so that a cache hit restores CompiledRules::PrefilteredRuleIds() exactly;
// and what the database was compiled from, so that a database that passed the entry's
// checksum is still checked against the rule table it is about to serve (CheckDatabase).
//
// Layout (integers little-endian):
//   4       length F, then F bytes: CompiledRules::CacheKey of the rules and options compiled
//   4       number of Hyperscan expressions compiled (CompiledRules::ExpressionCount)
//   8       the database's size in memory (CompiledRules::DatabaseSize)
//   4       number of prefiltered rule ids N
//   N times: 4 id length L, L id bytes
//   8       database length D, then D database bytes
//   then the second database (the keyword-gated rules, scanner/gate.h; G = 0 and E = 0 when
//   there is none):
//   4       expressions outside it (CompiledRules::ExpressionCount - G): zeroing the part
//           below cannot pass for an entry without a second database
//   4       number of gated rule ids G
//   G times: 4 id length L, L id bytes
//   8       the gate windows' width (CompiledRules::GateWidth)
//   8       the second database's size in memory (CompiledRules::GatedDatabaseSize)
//   8       its length E, then E database bytes, and nothing after.
//
// Thread safety: pure functions.
#ifndef MAGPIE_CACHE_DATABASE_PAYLOAD_H_
#define MAGPIE_CACHE_DATABASE_PAYLOAD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "scanner/compiled_rules.h"

namespace magpie::cache {

struct DatabasePayload {
  std::string compiled_from;   // CompiledRules::CacheKey of what was compiled
  uint64_t expressions = 0;    // CompiledRules::ExpressionCount() of the compiled rules
  uint64_t database_size = 0;  // CompiledRules::DatabaseSize() of the compiled rules
  std::vector<std::string> prefiltered_rule_ids;
  std::string_view database;  // a view into the decoded bytes
  // The second database: its bytes (a view into the decoded bytes), rules and width; and its
  // size in memory (CompiledRules::GatedDatabaseSize).
  scanner::SerializedGate gate;
  uint64_t gated_database_size = 0;
  uint64_t ungated_expressions = 0;  // the expressions outside the second database
};

// `compiled`, compiled from what CacheKey calls `compiled_from`. Fails (kInternal) when
// Hyperscan cannot serialize the database.
Result<std::string> EncodeDatabasePayload(const scanner::CompiledRules& compiled,
                                          std::string_view compiled_from);
// Bounds-checked: kCorrupt when a length runs past the end or bytes are left over. The
// database bytes themselves are Hyperscan's to check (CompiledRules::FromSerialized).
Result<DatabasePayload> DecodeDatabasePayload(std::string_view bytes);

// Whether `restored`, CompiledRules::FromSerialized of `payload` for the rules whose CacheKey
// is `wanted_from`, is the database `payload` says was compiled, for that rule table: the same
// CacheKey, as many expressions as the table has ids (so no id it reports is out of the
// table), the same sizes in memory of both databases, the same number of expressions outside
// the second one. kCorrupt naming the first difference: a database compiled
// from other rules that found its way under this entry's key.
Status CheckDatabase(const DatabasePayload& payload, std::string_view wanted_from,
                     const scanner::CompiledRules& restored);

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_DATABASE_PAYLOAD_H_
