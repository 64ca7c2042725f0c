// The pack reader's parsers of hostile bytes (git/delta.h, git/pack_reader.h, issue 13): a
// pack object's header, and a delta's instructions parsed, applied to a base and turned into
// changed regions. The first byte picks the base's length; the rest is split into base and
// delta. Checks: no crash, and whatever parses is consistent (ops cover the result exactly,
// apply agrees with the parse, regions stay inside the result and are sorted).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "git/delta.h"
#include "git/pack_reader.h"

namespace {

using magpie::git::internal::ApplyDelta;
using magpie::git::internal::ChangedRegions;
using magpie::git::internal::DeltaOp;
using magpie::git::internal::ParseDelta;
using magpie::git::internal::ParseObjectHeader;

constexpr uint64_t kBudget = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = magpie::fuzz::AsView(data, size);
  if (input.empty()) return 0;

  // Object header at some offset: the base offset of an ofs-delta stays before the object.
  const uint64_t offset = 12 + static_cast<uint8_t>(input[0]) * 1000;
  auto header = ParseObjectHeader(input.substr(1), offset);
  if (header.ok()) {
    MAGPIE_FUZZ_CHECK(header->data_at <= input.size() - 1);
    if (header->type == magpie::git::internal::PackObjectType::kOfsDelta) {
      MAGPIE_FUZZ_CHECK(header->base_offset < offset);
    }
  }

  const size_t base_length = std::min<size_t>(static_cast<uint8_t>(input[0]), input.size() - 1);
  const std::string_view base = input.substr(1, base_length);
  const std::string_view delta = input.substr(1 + base_length);
  auto parsed = ParseDelta(delta, kBudget);
  auto applied = ApplyDelta(base, delta, kBudget);
  if (!parsed.ok()) {
    MAGPIE_FUZZ_CHECK(!applied.ok());
    return 0;
  }
  uint64_t next = 0;
  for (const DeltaOp& op : parsed->ops) {
    MAGPIE_FUZZ_CHECK(op.target_offset == next);
    next += op.length;
  }
  MAGPIE_FUZZ_CHECK(next == parsed->result_size);
  if (parsed->base_size == base.size()) {
    MAGPIE_FUZZ_CHECK(applied.ok() && applied->size() == parsed->result_size);
  }
  for (uint64_t context : {0, 3, 256}) {
    uint64_t end = 0;
    bool first = true;
    for (const auto& r : ChangedRegions(*parsed, context)) {
      MAGPIE_FUZZ_CHECK(r.begin <= r.end && r.end <= parsed->result_size);
      MAGPIE_FUZZ_CHECK(first || r.begin > end);
      end = r.end;
      first = false;
    }
  }
  return 0;
}
