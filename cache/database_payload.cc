#include "cache/database_payload.h"

#include <cstdint>
#include <string>
#include <vector>

#include "cache/byte_io.h"

namespace magpie::cache {

using internal::ByteReader;
using internal::PutLittleEndian;

namespace {

void PutField(std::string_view field, std::string* out) {
  PutLittleEndian(field.size(), 4, out);
  out->append(field);
}

// A 4-byte length, then that many bytes. Each field costs at least its length: a huge count
// of fields runs out of bytes before it can make us allocate anything.
bool ReadField(ByteReader* reader, std::string_view* field) {
  uint64_t length = 0;
  return reader->LittleEndian(4, &length) && reader->Bytes(length, field);
}

}  // namespace

Result<std::string> EncodeDatabasePayload(const scanner::CompiledRules& compiled,
                                          std::string_view compiled_from) {
  const std::string database = compiled.SerializeDatabase();
  if (database.empty()) return Internal("Hyperscan cannot serialize the database");
  const std::vector<std::string> ids = compiled.PrefilteredRuleIds();
  std::string out;
  PutField(compiled_from, &out);
  PutLittleEndian(compiled.ExpressionCount(), 4, &out);
  PutLittleEndian(compiled.DatabaseSize(), 8, &out);
  PutLittleEndian(ids.size(), 4, &out);
  for (const std::string& id : ids) PutField(id, &out);
  PutLittleEndian(database.size(), 8, &out);
  out += database;
  const std::vector<std::string> gated = compiled.GatedRuleIds();
  const std::string gated_database = compiled.SerializeGatedDatabase();
  if (!gated.empty() && gated_database.empty()) {
    return Internal("Hyperscan cannot serialize the gated rules' database");
  }
  PutLittleEndian(compiled.ExpressionCount() - gated.size(), 4, &out);
  PutLittleEndian(gated.size(), 4, &out);
  for (const std::string& id : gated) PutField(id, &out);
  PutLittleEndian(compiled.GateWidth(), 8, &out);
  PutLittleEndian(compiled.GatedDatabaseSize(), 8, &out);
  PutLittleEndian(gated_database.size(), 8, &out);
  out += gated_database;
  return out;
}

Result<DatabasePayload> DecodeDatabasePayload(std::string_view bytes) {
  ByteReader reader(bytes);
  DatabasePayload payload;
  std::string_view from;
  if (!ReadField(&reader, &from) || !reader.LittleEndian(4, &payload.expressions) ||
      !reader.LittleEndian(8, &payload.database_size)) {
    return Corrupt("database entry: header cut short");
  }
  payload.compiled_from = from;
  uint64_t count = 0;
  if (!reader.LittleEndian(4, &count)) return Corrupt("database entry: no rule count");
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view id;
    if (!ReadField(&reader, &id)) return Corrupt("database entry: prefiltered rule ids cut short");
    payload.prefiltered_rule_ids.emplace_back(id);
  }
  uint64_t length = 0;
  if (!reader.LittleEndian(8, &length) || !reader.Bytes(length, &payload.database)) {
    return Corrupt("database entry: database cut short");
  }
  if (!reader.LittleEndian(4, &payload.ungated_expressions) || !reader.LittleEndian(4, &count)) {
    return Corrupt("database entry: no gated rule count");
  }
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view id;
    if (!ReadField(&reader, &id)) return Corrupt("database entry: gated rule ids cut short");
    payload.gate.rule_ids.emplace_back(id);
  }
  if (!reader.LittleEndian(8, &payload.gate.width) ||
      !reader.LittleEndian(8, &payload.gated_database_size) ||
      !reader.LittleEndian(8, &length) || !reader.Bytes(length, &payload.gate.database)) {
    return Corrupt("database entry: gated rules' database cut short");
  }
  if (reader.remaining() != 0) return Corrupt("database entry: bytes after the database");
  return payload;
}

Status CheckDatabase(const DatabasePayload& payload, std::string_view wanted_from,
                     const scanner::CompiledRules& restored) {
  if (payload.compiled_from != wanted_from) {
    return Corrupt("database entry: compiled from other rules than its key names");
  }
  if (payload.expressions != restored.ExpressionCount()) {
    return Corrupt("database entry: " + std::to_string(payload.expressions) +
                   " expressions compiled, the rule table has " +
                   std::to_string(restored.ExpressionCount()));
  }
  if (payload.database_size != restored.DatabaseSize()) {
    return Corrupt("database entry: the database is " + std::to_string(restored.DatabaseSize()) +
                   " bytes in memory, " + std::to_string(payload.database_size) +
                   " when compiled");
  }
  const uint64_t ungated = restored.ExpressionCount() - restored.GatedRuleIds().size();
  if (payload.ungated_expressions != ungated) {
    return Corrupt("database entry: " + std::to_string(payload.ungated_expressions) +
                   " expressions outside the gated rules' database, the rule table has " +
                   std::to_string(ungated));
  }
  if (payload.gated_database_size != restored.GatedDatabaseSize()) {
    return Corrupt("database entry: the gated rules' database is " +
                   std::to_string(restored.GatedDatabaseSize()) + " bytes in memory, " +
                   std::to_string(payload.gated_database_size) + " when compiled");
  }
  return Status::Ok();
}

}  // namespace magpie::cache
