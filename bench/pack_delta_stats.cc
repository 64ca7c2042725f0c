// Measures what a delta-aware history scan (issue 13) would read from a repository's packs,
// against reading every blob version in full:
//   - blobs, full-content bytes (what a full scan inflates and scans), and how many are deltas;
//   - stored bytes: full blobs (bases, scanned whole) and inflated delta data;
//   - inserted bytes, changed regions widened by W bytes (inserts and seams, merged), and
//     those regions rounded out to whole lines (what the entropy detector needs);
//   - time to inflate bases + delta data and parse every delta (phase 1), and to materialize
//     the widened, line-rounded regions through the delta chains (phase 2), single thread.
// Bases and parsed deltas of blobs are kept in memory (on git/git: ~214 MB + ~215 MB).
//
// Usage: pack_delta_stats GIT_DIR [W...]     (W default 256)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "git/delta.h"
#include "git/pack_reader.h"

namespace {

namespace internal = magpie::git::internal;
using internal::DeltaOp;
using internal::PackObjectType;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// User + system CPU seconds of this process: on a shared machine wall time measures the load.
double Cpu() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

// A blob version in memory: full bytes, or a parsed delta (with its bytes, for inserts)
// whose base is another version.
struct Version {
  bool full = false;
  std::string bytes;  // content if full, delta data otherwise
  internal::ParsedDelta delta;
  const Version* base = nullptr;
  uint64_t size() const { return full ? bytes.size() : delta.result_size; }
};

// Appends version[begin, end) to `out`, following copies down the chain.
void ReadRange(const Version& v, uint64_t begin, uint64_t end, std::string* out) {
  if (begin >= end) return;
  if (v.full) {
    out->append(v.bytes, begin, end - begin);
    return;
  }
  const auto& ops = v.delta.ops;
  size_t lo = 0, hi = ops.size();
  while (hi - lo > 1) {  // last op starting at or before `begin`
    const size_t mid = (lo + hi) / 2;
    if (ops[mid].target_offset <= begin) lo = mid; else hi = mid;
  }
  for (size_t i = lo; i < ops.size() && ops[i].target_offset < end; ++i) {
    const DeltaOp& op = ops[i];
    const uint64_t b = std::max(begin, op.target_offset);
    const uint64_t e = std::min(end, op.target_offset + op.length);
    const uint64_t src = op.source_offset + (b - op.target_offset);
    if (op.kind == DeltaOp::Kind::kInsert) {
      out->append(v.bytes, src, e - b);
    } else {
      ReadRange(*v.base, src, src + (e - b), out);
    }
  }
}

// Widens [begin, end) of `v` out to line starts/ends; returns the bytes of the region.
std::string LineRegion(const Version& v, uint64_t begin, uint64_t end) {
  std::string chunk;
  while (begin > 0) {  // back to just after a '\n'
    const uint64_t from = begin > 256 ? begin - 256 : 0;
    chunk.clear();
    ReadRange(v, from, begin, &chunk);
    const size_t nl = chunk.rfind('\n');
    if (nl != std::string::npos) { begin = from + nl + 1; break; }
    begin = from;
  }
  while (end < v.size()) {  // forward to just after a '\n'
    const uint64_t to = std::min(v.size(), end + 256);
    chunk.clear();
    ReadRange(v, end, to, &chunk);
    const size_t nl = chunk.find('\n');
    if (nl != std::string::npos) { end = end + nl + 1; break; }
    end = to;
  }
  std::string out;
  ReadRange(v, begin, end, &out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pack_delta_stats GIT_DIR [W...]\n");
    return 2;
  }
  std::vector<uint64_t> widths;
  for (int i = 2; i < argc; ++i) widths.push_back(std::strtoull(argv[i], nullptr, 10));
  if (widths.empty()) widths.push_back(256);
  std::vector<std::string> packs;
  for (const auto& e : std::filesystem::directory_iterator(std::string(argv[1]) + "/objects/pack")) {
    if (e.path().extension() == ".pack") packs.push_back(e.path().string());
  }
  uint64_t blobs = 0, delta_blobs = 0, full_bytes = 0, base_bytes = 0, delta_data = 0;
  uint64_t inserted = 0, errors = 0;
  std::vector<std::unique_ptr<internal::PackReader>> readers;
  std::vector<std::unordered_map<uint64_t, std::unique_ptr<Version>>> versions(packs.size());
  const double t0 = Now();
  const double c0 = Cpu();
  for (size_t p = 0; p < packs.size(); ++p) {
    auto reader = internal::PackReader::Open(packs[p], {});
    if (!reader.ok()) {
      std::fprintf(stderr, "%s\n", reader.status().message().c_str());
      return 2;
    }
    const internal::PackReader& pack = **reader;
    std::unordered_map<uint64_t, PackObjectType> type_at;  // final type by offset
    for (const internal::PackEntry& entry : pack.entries()) {
      auto header = pack.ReadHeader(entry);
      if (!header.ok()) { ++errors; continue; }
      PackObjectType type = header->type;
      const internal::PackEntry* base = nullptr;
      if (type == PackObjectType::kOfsDelta) base = pack.EntryAt(header->base_offset);
      if (type == PackObjectType::kRefDelta) base = pack.Find(header->base_id);
      if (type == PackObjectType::kOfsDelta || type == PackObjectType::kRefDelta) {
        auto known = base ? type_at.find(base->offset) : type_at.end();
        if (known != type_at.end()) {
          type = known->second;
        } else {
          auto resolved = pack.ResolveType(entry);
          if (!resolved.ok()) { ++errors; continue; }
          type = *resolved;
        }
      }
      type_at[entry.offset] = type;
      if (type != PackObjectType::kBlob) continue;
      ++blobs;
      auto data = pack.Inflate(entry, *header);
      if (!data.ok()) { ++errors; continue; }
      auto v = std::make_unique<Version>();
      if (header->type == PackObjectType::kBlob) {
        v->full = true;
        base_bytes += data->size();
        full_bytes += data->size();
        v->bytes = std::move(*data);
      } else {
        ++delta_blobs;
        delta_data += data->size();
        auto parsed = internal::ParseDelta(*data, uint64_t{1} << 30);
        if (!parsed.ok() || base == nullptr) { ++errors; continue; }
        for (const DeltaOp& op : parsed->ops) {
          if (op.kind == DeltaOp::Kind::kInsert) inserted += op.length;
        }
        full_bytes += parsed->result_size;
        v->delta = std::move(*parsed);
        v->bytes = std::move(*data);
        auto found = versions[p].find(base->offset);
        v->base = found == versions[p].end() ? nullptr : found->second.get();
        if (v->base == nullptr) { ++errors; continue; }  // base later in the pack: not here
      }
      versions[p][entry.offset] = std::move(v);
    }
    readers.push_back(std::move(*reader));
  }
  const double t1 = Now();
  const double c1 = Cpu();
  std::printf("packs %zu  blobs %llu  delta blobs %llu (%.1f%%)  errors/skipped %llu\n",
              packs.size(), (unsigned long long)blobs, (unsigned long long)delta_blobs,
              100.0 * delta_blobs / std::max<uint64_t>(blobs, 1), (unsigned long long)errors);
  std::printf("full content %.1f MB  bases (full blobs) %.1f MB  delta data %.1f MB  inserted %.1f MB\n",
              full_bytes / 1e6, base_bytes / 1e6, delta_data / 1e6, inserted / 1e6);
  std::printf("phase 1 (inflate bases + delta data, parse deltas): %.2f s wall, %.2f s CPU\n",
              t1 - t0, c1 - c0);
  for (uint64_t w : widths) {
    const double s0 = Now();
    const double cs0 = Cpu();
    uint64_t widened = 0, lined = 0;
    for (auto& pack_versions : versions) {
      for (auto& [offset, v] : pack_versions) {
        if (v->full) continue;
        for (const internal::ByteRange& r : internal::ChangedRegions(v->delta, w)) {
          widened += r.end - r.begin;
          lined += LineRegion(*v, r.begin, r.end).size();  // overlaps after rounding: counted twice
        }
      }
    }
    const double s1 = Now();
    const double cs1 = Cpu();
    std::printf("W=%llu: changed regions widened %.1f MB, rounded to lines %.1f MB; "
                "to scan: bases + lines = %.1f MB (%.1f%% of full content); "
                "phase 2 (materialize line regions): %.2f s wall, %.2f s CPU\n",
                (unsigned long long)w, widened / 1e6, lined / 1e6, (base_bytes + lined) / 1e6,
                100.0 * (base_bytes + lined) / std::max<uint64_t>(full_bytes, 1), s1 - s0,
                cs1 - cs0);
  }
  return errors == 0 ? 0 : 1;
}
