#include "store/clean_items.h"

#include <algorithm>
#include <memory>

namespace magpie::store::internal {
namespace {

uint64_t BigEndian64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

// The index's size: about two names a bucket, at most 2^20 buckets (4 MB), none for a few.
constexpr size_t kMinIndexed = 64;
constexpr int kMaxBits = 20;

}  // namespace

// SHA-256 runs once per history blob on every run (IsClean): EVP_Digest with EVP_sha256()
// looks the algorithm up in OpenSSL 3's provider tables on each call, which cost more than
// the hash itself (0.4 s of git/git's 262k items). The algorithm is fetched once and each
// thread keeps its context; either failing falls back to EVP_Digest of the joined parts.
void Sha256(std::initializer_list<std::string_view> parts, unsigned char digest[EVP_MAX_MD_SIZE]) {
  static EVP_MD* const fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(
      EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned int length = 0;
  bool ok = fetched != nullptr && context &&
            EVP_DigestInit_ex2(context.get(), fetched, nullptr) == 1;
  for (std::string_view part : parts) {
    ok = ok && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
  }
  if (ok && EVP_DigestFinal_ex(context.get(), digest, &length) == 1) return;
  std::string joined;
  for (std::string_view part : parts) joined.append(part);
  EVP_Digest(joined.data(), joined.size(), digest, &length, EVP_sha256(), nullptr);
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  Sha256({data}, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (int i = 0; i < 32; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

ItemKey KeyOf(std::string_view blob_id, std::string_view path) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  Sha256({blob_id, std::string_view("\0", 1), path}, digest);
  return KeyFromBytes(digest);
}

ItemKey BinaryKeyOf(std::string_view read_limits, std::string_view blob_id,
                    std::string_view path) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  const std::string_view nul("\0", 1);
  Sha256({"binary", nul, read_limits, nul, blob_id, nul, path}, digest);
  return KeyFromBytes(digest);
}

std::string KeyBytes(const ItemKey& k) {
  std::string bytes(16, '\0');
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<char>(k.high >> (56 - 8 * i));
    bytes[8 + i] = static_cast<char>(k.low >> (56 - 8 * i));
  }
  return bytes;
}

ItemKey KeyFromBytes(const unsigned char bytes[16]) {
  return {BigEndian64(bytes), BigEndian64(bytes + 8)};
}

void CleanSet::Seal() {
  if (!sorted_) std::sort(keys_.begin(), keys_.end());
  sorted_ = true;
  buckets_.clear();
  bits_ = 0;
  const size_t n = keys_.size();
  if (n < kMinIndexed || n > UINT32_MAX) return;  // searched whole
  int log2 = 0;
  while ((size_t{2} << log2) <= n) ++log2;
  bits_ = std::clamp(log2 - 1, 1, kMaxBits);  // two to four names a bucket
  const size_t count = size_t{1} << bits_;
  buckets_.resize(count + 1);
  // buckets_[b]: the first name whose top bits are b or more.
  size_t i = 0;
  for (size_t b = 0; b < count; ++b) {
    while (i < n && (keys_[i].high >> (64 - bits_)) < b) ++i;
    buckets_[b] = static_cast<uint32_t>(i);
  }
  buckets_[count] = static_cast<uint32_t>(n);
}

void CleanSet::Clear() {
  keys_.clear();
  buckets_.clear();
  bits_ = 0;
  sorted_ = true;
}

bool CleanSet::Contains(const ItemKey& key) const {
  auto begin = keys_.begin();
  auto end = keys_.end();
  if (bits_ > 0) {
    const size_t b = key.high >> (64 - bits_);
    end = begin + buckets_[b + 1];
    begin += buckets_[b];
  }
  return std::binary_search(begin, end, key);
}

}  // namespace magpie::store::internal
