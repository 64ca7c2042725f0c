#include "git/pack_blobs.h"

#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <list>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "git/delta.h"
#include "git/pack_deltas.h"

namespace magpie::git::internal {
namespace {

// A resolved object's bytes, allocated once at their final size and never cleared first
// (inflate or the delta writes every byte).
struct Object {
  explicit Object(uint64_t n) : data(new char[n]), size(n) {}
  std::unique_ptr<char[]> data;
  uint64_t size;
  std::string_view view() const { return {data.get(), static_cast<size_t>(size)}; }
};
using Bytes = std::shared_ptr<const Object>;

// What an object held by the cache costs the heap, not only its bytes: the allocator's header
// and rounding (a block of 128 KiB or more is its own page-rounded mapping) and the entry's
// bookkeeping (list node, hash node and bucket, the shared object and its control block).
// Counting only the bytes let many small blobs hold well over the budget (issue 13 §4).
uint64_t Charge(uint64_t size) {
  constexpr uint64_t kEntry = 160;
  constexpr uint64_t kMapped = uint64_t{128} << 10;
  if (size >= kMapped) return ((size + 16 + 4095) & ~uint64_t{4095}) + kEntry;
  return ((size + 8 + 15) & ~uint64_t{15}) + kEntry;
}

// Objects resolved recently, by (pack, offset), least recently used evicted first; what it
// holds, charged as above, never exceeds its budget.
class BaseCache {
 public:
  explicit BaseCache(uint64_t budget) : budget_(budget) {}

  Bytes Find(uint64_t key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }

  void Add(uint64_t key, Bytes bytes) {
    const uint64_t charge = Charge(bytes->size);
    // One object may not push out a whole working set of smaller ones.
    if (charge > budget_ / 4) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (index_.count(key) != 0) return;  // another thread resolved it too
    used_ += charge;
    order_.emplace_front(key, std::move(bytes));
    index_.emplace(key, order_.begin());
    while (used_ > budget_ && !order_.empty()) {
      used_ -= Charge(order_.back().second->size);
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    decltype(index_)().swap(index_);  // the buckets too
    order_.clear();
    used_ = 0;
  }

  std::pair<uint64_t, uint64_t> used() {
    std::lock_guard<std::mutex> lock(mu_);
    return {used_, index_.size()};
  }

 private:
  using Entry = std::pair<uint64_t, Bytes>;
  std::mutex mu_;
  const uint64_t budget_;
  uint64_t used_ = 0;
  std::list<Entry> order_;
  std::unordered_map<uint64_t, std::list<Entry>::iterator> index_;
};

// A reader thread's buffers, grown as needed and reused (so never cleared again: their sizes
// are not the lengths in use), and given back after an object larger than kKeepScratch: a
// thread otherwise holds three buffers the size of the largest record and deltas it ever
// met for the rest of the run, and glibc keeps a freed block of that size in its arena too
// (issue 13 §4).
struct Scratch {
  std::string record;     // a compressed record
  std::string top_delta;  // the delta of the blob asked for (read first, for its size)
  std::string delta;      // a delta further down the chain
  std::vector<std::pair<const PackEntry*, PackObjectHeader>> chain;

  void Trim() {
    for (std::string* s : {&record, &top_delta, &delta}) {
      if (s->capacity() > kKeepScratch) std::string().swap(*s);
    }
    if (chain.capacity() > 4096) decltype(chain)().swap(chain);
  }
  uint64_t held() const { return record.capacity() + top_delta.capacity() + delta.capacity(); }
};

uint64_t Key(size_t pack, uint64_t offset) { return (uint64_t{pack} << 44) | offset; }

// A delta's instructions inflated into *buffer (grown, bounded by the limits first).
Result<std::string_view> InflateDelta(const PackReader& pack, const PackLimits& limits,
                                      const std::pair<const PackEntry*, PackObjectHeader>& link,
                                      std::string* record, std::string* buffer) {
  const uint64_t size = link.second.size;
  if (size > limits.max_object_size) {
    return Status(StatusCode::kResourceExhausted, "pack: delta over the budget");
  }
  if (buffer->size() < size) buffer->resize(static_cast<size_t>(size));
  if (Status s = pack.InflateTo(*link.first, link.second, record, buffer->data()); !s.ok()) {
    return s;
  }
  return std::string_view(buffer->data(), static_cast<size_t>(size));
}

// The layout of a blob from its own delta record, already inflated.
Result<std::optional<BlobDelta>> DescribeTop(const PackReader& pack,
                                             const PackObjectHeader& header,
                                             std::string_view delta, uint64_t size) {
  Result<std::string> base_id = DeltaBaseId(pack, header);
  if (!base_id.ok()) return base_id.status();
  Result<BlobDelta> layout = LayoutOf(delta, size, *std::move(base_id));
  if (!layout.ok()) return layout.status();
  return std::optional<BlobDelta>(*std::move(layout));
}

}  // namespace

struct PackBlobs::Impl {
  explicit Impl(uint64_t cache_bytes) : cache(cache_bytes) {}
  // An object of type `want` (a blob or a tree).
  Result<PackBlob> Read(const ObjectId& id, PackObjectType want, uint64_t max_size,
                        uint64_t describe_above, Scratch& scratch) const;
  std::vector<std::unique_ptr<PackReader>> packs;
  PackLimits limits;
  mutable BaseCache cache;
  mutable tbb::enumerable_thread_specific<Scratch> scratch;
};

PackBlobs::PackBlobs() = default;
PackBlobs::~PackBlobs() = default;

std::unique_ptr<PackBlobs> PackBlobs::Open(const std::string& objects_dir, uint64_t cache_bytes,
                                           size_t* unopened) {
  std::unique_ptr<PackBlobs> out(new PackBlobs());
  out->impl_ = std::make_unique<Impl>(cache_bytes);
  out->impl_->packs = OpenPacks(objects_dir, out->impl_->limits, unopened);
  return out;
}

size_t PackBlobs::packs() const { return impl_->packs.size(); }

bool PackBlobs::Has(const ObjectId& id) const {
  for (const auto& pack : impl_->packs) {
    if (pack->Find(id) != nullptr) return true;
  }
  return false;
}

Result<std::optional<BlobDelta>> PackBlobs::Describe(const ObjectId& id, uint64_t size,
                                                     std::string* reason) const {
  for (const auto& pack : impl_->packs) {
    if (const PackEntry* entry = pack->Find(id)) return DescribeEntry(*pack, *entry, size, reason);
  }
  *reason = "not-in-pack";
  return std::optional<BlobDelta>();
}

Result<PackBlob> PackBlobs::Read(const ObjectId& id, uint64_t max_size,
                                 uint64_t describe_above) const {
  if (fault::Triggered(fault::Point::kPackBlobRead)) return IoError("pack: injected failure");
  Scratch& scratch = impl_->scratch.local();
  Result<PackBlob> out = impl_->Read(id, PackObjectType::kBlob, max_size, describe_above, scratch);
  // On every path out: an error after a huge record must not keep it either.
  scratch.Trim();
  return out;
}

Result<PackBlob> PackBlobs::ReadTree(const ObjectId& id) const {
  if (fault::Triggered(fault::Point::kPackTreeRead)) return IoError("pack: injected failure");
  Scratch& scratch = impl_->scratch.local();
  Result<PackBlob> out = impl_->Read(id, PackObjectType::kTree, UINT64_MAX, UINT64_MAX, scratch);
  scratch.Trim();
  return out;
}

PackBlobs::Memory PackBlobs::held() const {
  Memory out;
  std::tie(out.cache_bytes, out.cache_objects) = impl_->cache.used();
  out.scratch_bytes = impl_->scratch.local().held();
  return out;
}

void PackBlobs::ReleaseMemory() {
  impl_->cache.Clear();
  for (Scratch& scratch : impl_->scratch) scratch = Scratch();
}

Result<PackBlob> PackBlobs::Impl::Read(const ObjectId& id, PackObjectType want,
                                       uint64_t max_size, uint64_t describe_above,
                                       Scratch& scratch) const {
  size_t p = 0;
  const PackEntry* entry = nullptr;
  for (; p < packs.size(); ++p) {
    if ((entry = packs[p]->Find(id)) != nullptr) break;
  }
  if (entry == nullptr) return NotFound("not in a pack");
  const PackReader& pack = *packs[p];
  // Down the chain (headers only) to an object already resolved or a whole one; no recursion,
  // so a hostile chain cannot overflow the stack.
  std::vector<std::pair<const PackEntry*, PackObjectHeader>>& chain = scratch.chain;
  chain.clear();
  Bytes base;
  PackObjectHeader bottom{};
  const PackEntry* at = entry;
  for (;;) {
    if (chain.size() > static_cast<size_t>(limits.max_chain_depth)) {
      return Corrupt("pack: delta chain too deep (or a cycle)");
    }
    if ((base = cache.Find(Key(p, at->offset))) != nullptr) break;
    Result<PackObjectHeader> header = pack.ReadHeader(*at);
    if (!header.ok()) return header.status();
    if (header->type == PackObjectType::kOfsDelta) {
      chain.emplace_back(at, *header);
      at = pack.EntryAt(header->base_offset);
      if (at == nullptr) return Corrupt("pack: delta base offset is not an object");
    } else if (header->type == PackObjectType::kRefDelta) {
      chain.emplace_back(at, *header);
      at = pack.Find(header->base_id);
      if (at == nullptr) return NotFound("pack: delta base outside the pack");
    } else if (header->type != want) {
      return Corrupt(want == PackObjectType::kBlob ? "pack: not a blob" : "pack: not a tree");
    } else {
      bottom = *header;
      break;
    }
  }
  const bool top_cached = chain.empty() && base != nullptr;  // resolved before, kept
  // The size first: a blob over max_size is left to the caller (streamed or refused).
  std::string_view top_delta;
  uint64_t size = 0;
  if (!chain.empty()) {
    Result<std::string_view> delta = InflateDelta(pack, limits, chain[0], &scratch.record,
                                                  &scratch.top_delta);
    if (!delta.ok()) return delta.status();
    top_delta = *delta;
    Result<DeltaSizes> sizes = ParseDeltaSizes(top_delta);
    if (!sizes.ok()) return sizes.status();
    size = sizes->result_size;
  } else {
    size = base ? base->size : bottom.size;
  }
  if (size > max_size) return PackBlob{{}, nullptr, size};
  if (!base) {
    if (bottom.size > limits.max_object_size) {
      return Status(StatusCode::kResourceExhausted, "pack: object over the budget");
    }
    auto object = std::make_shared<Object>(bottom.size);
    if (Status s = pack.InflateTo(*at, bottom, &scratch.record, object->data.get()); !s.ok()) {
      return s;
    }
    base = std::move(object);
    cache.Add(Key(p, at->offset), base);
  }
  for (size_t i = chain.size(); i-- > 0;) {
    std::string_view delta = top_delta;
    if (i != 0) {
      Result<std::string_view> inflated = InflateDelta(pack, limits, chain[i], &scratch.record,
                                                       &scratch.delta);
      if (!inflated.ok()) return inflated.status();
      delta = *inflated;
    }
    Result<DeltaSizes> sizes = ParseDeltaSizes(delta);
    if (!sizes.ok()) return sizes.status();
    if (sizes->result_size > limits.max_object_size) {
      return Status(StatusCode::kResourceExhausted, "pack: delta result over the budget");
    }
    auto object = std::make_shared<Object>(sizes->result_size);
    if (Status s = ApplyDeltaTo(base->view(), delta, object->data.get(), object->size); !s.ok()) {
      return s;
    }
    base = std::move(object);
    // The version just built may be the base of the next ones in pack order.
    cache.Add(Key(p, chain[i].first->offset), base);
  }
  PackBlob out{base->view(), base, base->size};
  if (out.size > describe_above) {
    // The layout of the delta just applied (chain[0]: the blob's own record), made while it is
    // still in hand; a blob found resolved in the cache is looked up again.
    Result<std::optional<BlobDelta>> layout = std::optional<BlobDelta>();
    if (top_cached) {
      layout = DescribeEntry(pack, *entry, out.size, &out.delta_note);
      out.described_again = true;
    } else if (chain.empty()) {
      out.delta_note = "base";
    } else {
      layout = DescribeTop(pack, chain[0].second, top_delta, out.size);
    }
    if (!layout.ok()) {
      out.delta_note = "pack-error";
    } else if (layout->has_value()) {
      out.delta = **std::move(layout);
    }
  }
  return out;
}

}  // namespace magpie::git::internal
