#include "cache/database_payload.h"

#include <cstdint>
#include <string>
#include <vector>

#include "cache/byte_io.h"

namespace magpie::cache {

using internal::ByteReader;
using internal::PutLittleEndian;

Result<std::string> EncodeDatabasePayload(const scanner::CompiledRules& compiled) {
  const std::string database = compiled.SerializeDatabase();
  if (database.empty()) return Internal("Hyperscan cannot serialize the database");
  const std::vector<std::string> ids = compiled.PrefilteredRuleIds();
  std::string out;
  PutLittleEndian(ids.size(), 4, &out);
  for (const std::string& id : ids) {
    PutLittleEndian(id.size(), 4, &out);
    out += id;
  }
  PutLittleEndian(database.size(), 8, &out);
  out += database;
  return out;
}

Result<DatabasePayload> DecodeDatabasePayload(std::string_view bytes) {
  ByteReader reader(bytes);
  DatabasePayload payload;
  uint64_t count = 0;
  if (!reader.LittleEndian(4, &count)) return Corrupt("database entry: no rule count");
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t length = 0;
    std::string_view id;
    // Each id costs at least its 4-byte length: a huge count runs out of bytes here, before
    // it can make us allocate anything.
    if (!reader.LittleEndian(4, &length) || !reader.Bytes(length, &id)) {
      return Corrupt("database entry: prefiltered rule ids cut short");
    }
    payload.prefiltered_rule_ids.emplace_back(id);
  }
  uint64_t length = 0;
  if (!reader.LittleEndian(8, &length) || !reader.Bytes(length, &payload.database)) {
    return Corrupt("database entry: database cut short");
  }
  if (reader.remaining() != 0) return Corrupt("database entry: bytes after the database");
  return payload;
}

}  // namespace magpie::cache
