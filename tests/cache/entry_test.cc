// The entry layout's checks (cache/entry.h, cache/database_payload.h): every damaged or foreign
// entry is refused, none crashes.
#include "cache/entry.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "cache/database_payload.h"
#include "scanner/fingerprint.h"

namespace magpie::cache {
namespace {

// `entry` with its checksum recomputed: an edit that only the other checks can catch.
std::string Reseal(std::string entry) {
  entry.resize(entry.size() - 64);
  return entry + scanner::Sha256Hex(entry);
}

TEST_CASE("an entry round-trips its payload", "[cache]") {
  const std::string payload("binary\0payload\xff", 15);
  const std::string entry = EncodeEntry("key one", payload);
  Result<std::string_view> decoded = DecodeEntry(entry, "key one");
  REQUIRE(decoded.ok());
  CHECK(*decoded == payload);

  const std::string empty = EncodeEntry("k", "");
  REQUIRE(DecodeEntry(empty, "k").ok());
  CHECK(DecodeEntry(empty, "k")->empty());
}

TEST_CASE("empty, truncated and extended entries are corrupt", "[cache]") {
  const std::string entry = EncodeEntry("key", std::string(100, 'p'));
  CHECK(DecodeEntry("", "key").status().code() == StatusCode::kCorrupt);
  for (size_t size = 0; size < entry.size(); ++size) {
    INFO(size);
    CHECK(DecodeEntry(entry.substr(0, size), "key").status().code() == StatusCode::kCorrupt);
  }
  CHECK(DecodeEntry(entry + "x", "key").status().code() == StatusCode::kCorrupt);
  CHECK(DecodeEntry(Reseal(entry + "x"), "key").status().code() == StatusCode::kCorrupt);
}

TEST_CASE("any flipped byte makes an entry unusable", "[cache]") {
  const std::string entry = EncodeEntry("the key", "the payload");
  for (size_t i = 0; i < entry.size(); ++i) {
    std::string flipped = entry;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
    INFO("byte " << i);
    CHECK_FALSE(DecodeEntry(flipped, "the key").ok());
  }
}

TEST_CASE("an entry for another key or format version is stale", "[cache]") {
  const std::string entry = EncodeEntry("build A rules X", "payload");
  Result<std::string_view> other_key = DecodeEntry(entry, "build B rules X");
  CHECK(other_key.status().code() == StatusCode::kNotFound);
  CHECK(other_key.status().message().find("another key") != std::string::npos);
  // A prefix of the key is not the key.
  CHECK_FALSE(DecodeEntry(entry, "build A rules").ok());

  std::string other_version = entry;
  other_version[8] = static_cast<char>(kEntryFormatVersion + 1);
  other_version = Reseal(other_version);
  Result<std::string_view> stale = DecodeEntry(other_version, "build A rules X");
  CHECK(stale.status().code() == StatusCode::kNotFound);
  CHECK(stale.status().message().find("format") != std::string::npos);
}

TEST_CASE("lengths that run past the entry are refused without reading past it", "[cache]") {
  std::string entry = EncodeEntry("key", "payload");
  for (const int offset : {12, 16}) {  // key length, payload length
    std::string huge = entry;
    for (int i = 0; i < 4; ++i) huge[offset + i] = '\xff';
    INFO("offset " << offset);
    CHECK(DecodeEntry(Reseal(huge), "key").status().code() == StatusCode::kCorrupt);
  }
}

std::string Payload(const std::vector<std::string>& ids, const std::string& database) {
  // The layout of database_payload.h, written out by hand.
  auto number = [](uint64_t value, int size) {
    std::string out;
    for (int i = 0; i < size; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
    return out;
  };
  std::string out = number(4, 4) + "FROM" + number(7, 4) + number(1234, 8);
  out += number(ids.size(), 4);
  for (const std::string& id : ids) out += number(id.size(), 4) + id;
  out += number(database.size(), 8) + database;
  // The keyword-gated rules' database (issue 12): 6 expressions outside it, one gated rule.
  out += number(6, 4) + number(1, 4) + number(5, 4) + "gated" + number(90, 8) + number(77, 8);
  return out + number(5, 8) + "GATED";
}

TEST_CASE("a database payload is read back only when every length fits", "[cache]") {
  const std::string good = Payload({"big", "other"}, "DATABASE");
  Result<DatabasePayload> decoded = DecodeDatabasePayload(good);
  REQUIRE(decoded.ok());
  CHECK(decoded->compiled_from == "FROM");
  CHECK(decoded->expressions == 7);
  CHECK(decoded->database_size == 1234);
  CHECK(decoded->prefiltered_rule_ids == std::vector<std::string>{"big", "other"});
  CHECK(decoded->database == "DATABASE");
  CHECK(decoded->ungated_expressions == 6);
  CHECK(decoded->gate.rule_ids == std::vector<std::string>{"gated"});
  CHECK(decoded->gate.width == 90);
  CHECK(decoded->gated_database_size == 77);
  CHECK(decoded->gate.database == "GATED");

  for (size_t size = 0; size < good.size(); ++size) {
    INFO(size);
    CHECK(DecodeDatabasePayload(good.substr(0, size)).status().code() == StatusCode::kCorrupt);
  }
  CHECK_FALSE(DecodeDatabasePayload(good + "x").ok());
  // A count of four billion ids with no bytes behind it.
  const std::string header = Payload({}, "").substr(0, 20);
  CHECK_FALSE(DecodeDatabasePayload(header + std::string(4, '\xff') + std::string(8, '\0')).ok());
  // A "compiled from" field of four billion bytes.
  CHECK_FALSE(DecodeDatabasePayload(std::string(4, '\xff') + good).ok());
}

}  // namespace
}  // namespace magpie::cache
