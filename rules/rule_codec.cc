#include "rules/rule_codec.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace magpie::rules {
namespace {

// Format (little-endian): magic, u32 version, the source, u32 rule count, then per rule its
// fields in RuleSpec order (strings and string lists length-prefixed with a u32, ints as i32,
// enums and flags as u8, min_entropy as a u8 flag and an IEEE double). A flat format read front
// to back, not CBOR through a JSON DOM: decoding is paid by every `magpie` start, a pre-commit
// hook's included (issue 13); it costs about as much as copying the strings.
constexpr std::string_view kMagic("MGPRULES", 8);
// Bumped whenever a field is added or changes meaning, so that an entry written by another
// version is a miss (re-parsed from the YAML), never misread. 3: kind, paths, content,
// remediation (issue 15). 4: hyperscan (issue 12).
constexpr uint32_t kCodecVersion = 4;

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutString(std::string_view s, std::string* out) {
  PutU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}
void PutList(const std::vector<std::string>& list, std::string* out) {
  PutU32(static_cast<uint32_t>(list.size()), out);
  for (const std::string& s : list) PutString(s, out);
}

// Reads the fields back, every read bounds-checked: the bytes come from disk (a cache entry,
// verified by its checksum first, but decoded as if hostile all the same). A failed read
// leaves the reader failed, so a caller checks once at the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && rest_.empty(); }

  uint32_t U32() {
    if (!Need(4)) return 0;
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(rest_[i]);
    rest_.remove_prefix(4);
    return v;
  }
  int I32() {
    const uint32_t v = U32();
    return static_cast<int>(static_cast<int64_t>(v) - (v > INT32_MAX ? int64_t{1} << 32 : 0));
  }
  uint8_t U8(uint8_t max) {
    if (!Need(1)) return 0;
    const auto v = static_cast<uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    if (v > max) ok_ = false;  // an enum value or flag this version did not write
    return v;
  }
  double F64() {
    if (!Need(8)) return 0;
    uint64_t bits = 0;
    for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<unsigned char>(rest_[i]);
    rest_.remove_prefix(8);
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string String() {
    const uint32_t size = U32();
    if (!Need(size)) return {};
    std::string s(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return s;
  }
  std::vector<std::string> List() {
    const uint32_t count = U32();
    // Each element takes 4 bytes at least: a count beyond that is damage, not a reason to
    // reserve gigabytes.
    if (!ok_ || count > rest_.size() / 4) {
      ok_ = false;
      return {};
    }
    std::vector<std::string> list;
    list.reserve(count);
    for (uint32_t i = 0; i < count && ok_; ++i) list.push_back(String());
    return list;
  }
  // List() without keeping the strings: the same checks.
  void SkipList() {
    const uint32_t count = U32();
    if (!ok_ || count > rest_.size() / 4) {
      ok_ = false;
      return;
    }
    for (uint32_t i = 0; i < count && ok_; ++i) {
      const uint32_t size = U32();
      if (Need(size)) rest_.remove_prefix(size);
    }
  }
  void Fail() { ok_ = false; }

 private:
  bool Need(uint64_t size) {
    if (!ok_ || rest_.size() < size) ok_ = false;
    return ok_;
  }
  std::string_view rest_;
  bool ok_ = true;
};

void Encode(const RuleSpec& r, std::string* out) {
  PutString(r.id, out);
  PutString(r.name, out);
  PutString(r.description, out);
  PutString(r.pattern, out);
  PutU32(static_cast<uint32_t>(r.secret_group), out);
  PutList(r.keywords, out);
  out->push_back(static_cast<char>(r.severity));
  out->push_back(static_cast<char>(r.confidence));
  PutList(r.references, out);
  PutList(r.examples, out);
  PutList(r.negative_examples, out);
  // By name ("" for none), so that reordering the enum cannot misread an entry.
  PutString(ToString(r.validator), out);
  out->push_back(r.require_validation ? 1 : 0);
  PutU32(static_cast<uint32_t>(r.line), out);
  out->push_back(r.min_entropy ? 1 : 0);
  if (r.min_entropy) {
    uint64_t bits = 0;
    std::memcpy(&bits, &*r.min_entropy, sizeof bits);
    for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  out->push_back(static_cast<char>(r.kind));
  PutList(r.paths, out);
  PutString(r.content, out);
  PutString(r.remediation, out);
  PutString(r.hyperscan, out);
}

RuleSpec Decode(Reader* in, const DecodeOptions& options) {
  RuleSpec r;
  r.id = in->String();
  r.name = in->String();
  r.description = in->String();
  r.pattern = in->String();
  r.secret_group = in->I32();
  r.keywords = in->List();
  r.severity = static_cast<Severity>(in->U8(static_cast<uint8_t>(Severity::kCritical)));
  r.confidence = static_cast<Confidence>(in->U8(static_cast<uint8_t>(Confidence::kHigh)));
  r.references = in->List();
  if (options.examples) {
    r.examples = in->List();
    r.negative_examples = in->List();
  } else {
    in->SkipList();
    in->SkipList();
  }
  const std::string validator = in->String();
  if (!validator.empty()) {
    std::optional<Validator> parsed = ParseValidator(validator);
    if (!parsed) in->Fail();  // a validator this version does not know
    r.validator = parsed.value_or(Validator::kNone);
  }
  r.require_validation = in->U8(1) != 0;
  r.line = in->I32();
  if (in->U8(1) != 0) r.min_entropy = in->F64();
  r.kind = static_cast<RuleKind>(in->U8(static_cast<uint8_t>(RuleKind::kDotenv)));
  r.paths = in->List();
  r.content = in->String();
  r.remediation = in->String();
  r.hyperscan = in->String();
  return r;
}

}  // namespace

std::string EncodeRuleSet(const RuleSet& rules) {
  std::string out(kMagic);
  PutU32(kCodecVersion, &out);
  PutString(rules.source(), &out);
  PutU32(static_cast<uint32_t>(rules.rules().size()), &out);
  for (const RuleSpec& r : rules.rules()) Encode(r, &out);
  return out;
}

std::optional<RuleSet> DecodeRuleSet(std::string_view bytes, const DecodeOptions& options) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader in(bytes.substr(kMagic.size()));
  if (in.U32() != kCodecVersion) return std::nullopt;
  std::string source = in.String();
  const uint32_t count = in.U32();
  std::vector<RuleSpec> specs;
  // A rule takes 40 bytes at least (its counts and lengths); reserve no more than that allows.
  specs.reserve(std::min<size_t>(count, bytes.size() / 40));
  for (uint32_t i = 0; i < count && in.ok(); ++i) specs.push_back(Decode(&in, options));
  if (!in.done()) return std::nullopt;  // truncated, damaged, or bytes left over
  return RuleSet(std::move(specs), std::move(source));
}

}  // namespace magpie::rules
