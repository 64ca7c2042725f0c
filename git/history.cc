#include "git/history.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <unordered_set>

#include "base/long_run_heap.h"
#include "git/blob_stream.h"
#include "git/history_walk.h"
#include "git/libgit2_util.h"
#include "git/pack_order.h"
#include "git/pack_blobs.h"

namespace magpie::git {
namespace {

using internal::BlobRecord;
using internal::OdbPtr;
using internal::OidEqual;
using internal::OidHash;
using internal::RepoPtr;

using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

// The message of a blob read whole and found binary (Read, BinaryDiagnostic).
constexpr const char* kBinaryContent = "binary content";

struct WorkItem {
  git_oid id;
  const BlobRecord* record;  // null: found only by include_unreachable
};

// One per reading thread: its own repository and object database handles, so readers do
// not contend on one repository's caches and locks (pack files are shared underneath).
struct Reader {
  bool opened = false;
  RepoPtr repo;
  OdbPtr odb;
  std::string error;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Blobs in the object database that the walk did not reach.
void AddUnreachable(git_repository* repo, const internal::HistoryIndex& index,
                    std::vector<WorkItem>* items) {
  git_odb* raw = nullptr;
  if (git_repository_odb(&raw, repo) != 0) return;
  OdbPtr odb(raw);
  struct Payload {
    const internal::HistoryIndex* index;
    OidSet seen;  // an object in several packs is listed once per pack
    std::vector<git_oid> candidates;
  } payload{&index, {}, {}};
  git_odb_foreach(
      odb.get(),
      [](const git_oid* id, void* data) -> int {
        auto* p = static_cast<Payload*>(data);
        if (p->index->blobs.count(*id) == 0 && p->seen.insert(*id).second) {
          p->candidates.push_back(*id);
        }
        return 0;
      },
      &payload);
  for (const git_oid& id : payload.candidates) {
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb.get(), &id) == 0 && type == GIT_OBJECT_BLOB) {
      items->push_back({id, nullptr});
    }
  }
}

// Sorts items by their place in the pack files (then by id, for loose objects).
void SortItemsInPackOrder(const std::string& objects_dir, std::vector<WorkItem>* items) {
  std::vector<git_oid> ids;
  ids.reserve(items->size());
  for (const WorkItem& item : *items) ids.push_back(item.id);
  const std::vector<uint64_t> keys = internal::PackOrderKeys(objects_dir, ids);
  std::vector<size_t> order(items->size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return git_oid_cmp(&ids[a], &ids[b]) < 0;
  });
  std::vector<WorkItem> sorted;
  sorted.reserve(items->size());
  for (size_t i : order) sorted.push_back((*items)[i]);
  items->swap(sorted);
}

}  // namespace

struct History::Impl {
  HistoryOptions options;
  std::string git_dir;
  internal::HistoryIndex index;
  OidSet at_head;
  std::vector<WorkItem> items;  // read order
  double walk_seconds = 0;
  internal::WalkOutcome outcome;
  mutable tbb::enumerable_thread_specific<Reader> readers;
  // index.infos[c] is read on first use (a resumed walk never reads the earlier commits it
  // does not report).
  mutable std::unique_ptr<std::once_flag[]> info_once;

  Reader& LocalReader() const {
    Reader& reader = readers.local();
    if (!reader.opened) {
      reader.opened = true;
      reader.repo = internal::OpenRepository(git_dir, &reader.error);
      git_odb* odb = nullptr;
      if (reader.repo && git_repository_odb(&odb, reader.repo.get()) == 0) reader.odb.reset(odb);
      if (!reader.odb && reader.error.empty()) {
        reader.error = internal::LastError("cannot open the object database");
      }
    }
    return reader;
  }

  const internal::CommitInfo& Info(uint32_t c) const {
    std::call_once(info_once[c], [&] {
      internal::CommitInfo& info = const_cast<internal::CommitInfo&>(index.infos[c]);
      git_repository* repo = LocalReader().repo.get();
      git_commit* commit = nullptr;
      if (repo == nullptr || git_commit_lookup(&commit, repo, &index.commits[c]) != 0) return;
      internal::CommitPtr owned(commit);
      if (const git_signature* author = git_commit_author(commit)) {
        info.author_name = author->name != nullptr ? author->name : "";
        info.author_email = author->email != nullptr ? author->email : "";
      }
      info.time = git_commit_time(commit);
      info.message = internal::FirstLine(git_commit_message(commit));
      info.loaded = true;
    });
    return index.infos[c];
  }

  std::string objects_dir;  // ending in '/'
  size_t unopened_packs = 0;
  // The packs, opened once: blob bytes with options.pack_reads, and with options.deltas how
  // each blob is stored (the layout comes with the bytes, git/pack_deltas.h).
  std::unique_ptr<internal::PackBlobs> pack_blobs;

  // History::blob_reads: reads from the packs, and through libgit2 by why.
  enum Via { kFromPacks, kNotInPack, kBaseOutsidePack, kPackError, kLarge, kOff, kVias };
  static constexpr std::array<const char*, kVias> kViaNames = {
      "", "not-in-pack", "base-outside-pack", "pack-error", "large", "off"};
  mutable std::array<std::atomic<uint64_t>, kVias> reads{};
  // Delta layouts (options.deltas): made by the read itself, or by a second lookup.
  mutable std::atomic<uint64_t> layouts_with_read{0};
  mutable std::atomic<uint64_t> layouts_looked_up{0};

  // Out of the packs when the reader has the blob (true: *out is filled, with how the pack
  // stores it when options.deltas asks), else counts why not.
  bool ReadFromPacks(const WorkItem& item, BlobRead* out, bool* described) const {
    if (!options.pack_reads || !pack_blobs) {
      ++reads[kOff];
      return false;
    }
    const internal::ObjectId raw = internal::OidBytes(item.id);
    const uint64_t describe_above = options.deltas ? options.delta_min_size : UINT64_MAX;
    Result<internal::PackBlob> blob = pack_blobs->Read(
        raw, std::min(options.max_blob_size, options.stream_above), describe_above);
    if (blob.ok() && blob->owner) {
      ++reads[kFromPacks];
      out->bytes = blob->bytes;
      out->owner = std::move(blob->owner);
      *described = blob->size > describe_above;
      if (*described) {
        out->delta = std::move(blob->delta);
        out->delta_note = std::move(blob->delta_note);
        if (out->delta) ++(blob->described_again ? layouts_looked_up : layouts_with_read);
      }
      return true;
    }
    if (blob.ok()) {
      ++reads[kLarge];
    } else if (blob.status().code() != StatusCode::kNotFound) {
      ++reads[kPackError];
    } else {
      ++reads[pack_blobs->Has(raw) ? kBaseOutsidePack : kNotInPack];
    }
    return false;
  }

  // What every blob read as bytes goes through: the binary test, and how its pack stores it
  // (unless the pack read said so already: `described`).
  void Finish(const WorkItem& item, bool described, BlobRead* out) const {
    if (options.is_binary != nullptr && options.is_binary(out->bytes)) {
      out->skipped = Problem(DiagnosticKind::kBinary, item, kBinaryContent);
      out->bytes = {};
      out->owner.reset();
      out->delta.reset();
      out->delta_note.clear();
      return;
    }
    if (!options.deltas) return;
    if (out->bytes.size() <= options.delta_min_size) {
      out->delta_note = "small";
    } else if (!described) {
      DescribeDelta(item.id, out->bytes.size(), out);
    }
  }

  // Fills out->delta or out->delta_note for a blob libgit2 read (a second lookup).
  void DescribeDelta(const git_oid& id, uint64_t size, BlobRead* out) const {
    if (!pack_blobs) {
      out->delta_note = "not-in-pack";
      return;
    }
    std::string reason;
    Result<std::optional<BlobDelta>> delta =
        pack_blobs->Describe(internal::OidBytes(id), size, &reason);
    if (!delta.ok()) {
      out->delta_note = "pack-error";
    } else if (delta->has_value()) {
      out->delta = **std::move(delta);
      ++layouts_looked_up;
    } else {
      out->delta_note = reason;
    }
  }

  GitDiagnostic Problem(DiagnosticKind kind, const WorkItem& item, std::string message) const {
    GitDiagnostic d;
    d.kind = kind;
    d.object = internal::OidHex(item.id);
    if (item.record != nullptr) d.path = item.record->path;
    d.message = std::move(message);
    return d;
  }
};

History::History(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
History::~History() = default;

Result<std::unique_ptr<History>> History::Open(const std::string& repo_path,
                                               const HistoryOptions& options,
                                               const DiagnosticCallback& on_diagnostic) {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  RepoPtr repo = internal::OpenRepository(repo_path, &error);
  if (!repo) return NotFound(error);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->git_dir = git_repository_path(repo.get());
  if (!internal::WalkHistory(repo.get(), options, on_diagnostic, &impl->index, &error,
                             &impl->outcome)) {
    return InvalidArgument(error);
  }
  impl->options.resume_from = nullptr;  // the caller's, read by the walk only
  impl->index.infos.resize(impl->index.commits.size());
  impl->info_once = std::make_unique<std::once_flag[]>(impl->index.commits.size());
  impl->items.reserve(impl->index.blobs.size());
  for (const auto& [id, record] : impl->index.blobs) impl->items.push_back({id, &record});
  if (options.include_unreachable) AddUnreachable(repo.get(), impl->index, &impl->items);
  // Independent of each other: HEAD's tree (through repo) beside the pack-order sort (pack
  // index files only), so that neither leaves a core idle.
  const std::string objects_dir = std::string(git_repository_commondir(repo.get())) + "objects/";
  impl->objects_dir = objects_dir;
  tbb::parallel_invoke([&] { impl->at_head = internal::BlobsAtHead(repo.get()); },
                       [&] {
                         if (options.pack_order) SortItemsInPackOrder(objects_dir, &impl->items);
                       });
  if (options.pack_reads || options.deltas) {
    // A pack left out is not an error: libgit2 still reads its blobs, counted as
    // "not-in-pack" (and scanned whole; unread_packs() says how many).
    impl->pack_blobs = internal::PackBlobs::Open(objects_dir, options.pack_cache_bytes,
                                                 &impl->unopened_packs);
  }
  impl->walk_seconds = Seconds(start);
  return std::unique_ptr<History>(new History(std::move(impl)));
}

size_t History::size() const { return impl_->items.size(); }
uint64_t History::commits() const { return impl_->index.commits.size(); }
double History::walk_seconds() const { return impl_->walk_seconds; }
const WalkSnapshot* History::snapshot() const {
  return impl_->outcome.snapshot ? &*impl_->outcome.snapshot : nullptr;
}
bool History::resumed() const { return impl_->outcome.resumed; }
const std::string& History::resume_refused() const { return impl_->outcome.refused; }
size_t History::unread_packs() const { return impl_->unopened_packs; }

BlobReadStats History::blob_reads() const {
  BlobReadStats out;
  out.from_packs = impl_->reads[Impl::kFromPacks].load();
  out.layouts_with_read = impl_->layouts_with_read.load();
  out.layouts_looked_up = impl_->layouts_looked_up.load();
  for (int via = Impl::kFromPacks + 1; via < Impl::kVias; ++via) {
    if (const uint64_t n = impl_->reads[via].load(); n != 0) out.by_libgit2[Impl::kViaNames[via]] = n;
  }
  return out;
}

void History::ReleaseReadMemory() {
  if (!impl_->pack_blobs) return;
  impl_->pack_blobs->ReleaseMemory();
  // The cache's objects were freed into the reading threads' arenas; what comes next runs on
  // one thread and would not reuse them (measured on git/git: the peak after the scan).
  ReturnFreeMemory();
}

std::string History::BlobId(size_t i) const { return internal::OidHex(impl_->items[i].id); }

void History::SortInPackOrder(std::vector<size_t>* indices) const {
  std::vector<WorkItem> items;
  items.reserve(indices->size());
  for (size_t i : *indices) items.push_back(impl_->items[i]);
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const std::vector<uint64_t> keys = [&] {
    std::vector<git_oid> ids;
    ids.reserve(items.size());
    for (const WorkItem& item : items) ids.push_back(item.id);
    return internal::PackOrderKeys(impl_->objects_dir, ids);
  }();
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return git_oid_cmp(&items[a].id, &items[b].id) < 0;
  });
  std::vector<size_t> sorted;
  sorted.reserve(order.size());
  for (size_t k : order) sorted.push_back((*indices)[k]);
  indices->swap(sorted);
}

BlobProvenance History::Provenance(size_t i, bool with_commit) const {
  const WorkItem& item = impl_->items[i];
  BlobProvenance p;
  p.blob_id = internal::OidHex(item.id);
  p.present_at_head = impl_->at_head.count(item.id) != 0;
  if (const BlobRecord* record = item.record) {
    p.path = record->path;
    p.excluded = record->excluded;
    p.other_occurrences = static_cast<int>(record->other_occurrences);
    if (record->commit != internal::kNoCommit && with_commit) {
      const internal::CommitInfo& info = impl_->Info(record->commit);
      p.commit = internal::OidHex(impl_->index.commits[record->commit]);
      p.commit_order = record->commit;
      p.author_name = info.author_name;
      p.author_email = info.author_email;
      p.commit_time = info.time;
      p.message = info.message;
    }
  }
  if (auto it = impl_->index.introductions.find(item.id); it != impl_->index.introductions.end()) {
    for (const auto& [commit, path] : it->second) {
      Introduction intro;
      if (commit != internal::kNoCommit) {
        intro.commit = internal::OidHex(impl_->index.commits[commit]);
        intro.commit_order = commit;
      } else {
        intro.commit_order = UINT64_MAX;
      }
      intro.path = path;
      p.introductions.push_back(std::move(intro));
    }
  }
  return p;
}

GitDiagnostic History::BinaryDiagnostic(size_t i) const {
  return impl_->Problem(DiagnosticKind::kBinary, impl_->items[i], kBinaryContent);
}

BlobRead History::Read(size_t i) const {
  const WorkItem& item = impl_->items[i];
  const HistoryOptions& options = impl_->options;
  BlobRead out;
  bool described = false;
  if (impl_->ReadFromPacks(item, &out, &described)) {
    impl_->Finish(item, described, &out);
    return out;
  }
  Reader& reader = impl_->LocalReader();
  if (!reader.odb) {
    out.skipped = impl_->Problem(DiagnosticKind::kCorruptObject, item, reader.error);
    return out;
  }
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  int rc = git_odb_read_header(&size, &type, reader.odb.get(), &item.id);
  if (rc != 0) {
    out.skipped = impl_->Problem(internal::KindForError(rc), item,
                                 internal::LastError("cannot read blob"));
    return out;
  }
  if (size > options.max_blob_size) {
    out.skipped = impl_->Problem(DiagnosticKind::kTooLarge, item,
                                 std::to_string(size) + " bytes > " +
                                     std::to_string(options.max_blob_size) + " byte limit");
    return out;
  }
  if (size > options.stream_above) {  // too large to hold: streamed (blob_stream.h)
    Result<std::unique_ptr<ByteStream>> stream =
        internal::OpenBlobStream(impl_->git_dir, internal::OidHex(item.id), size);
    if (!stream.ok()) {
      out.skipped = impl_->Problem(DiagnosticKind::kCorruptObject, item, stream.status().message());
    } else {
      out.stream = *std::move(stream);
    }
    return out;
  }
  git_odb_object* raw = nullptr;
  rc = git_odb_read(&raw, reader.odb.get(), &item.id);
  if (rc != 0) {
    out.skipped = impl_->Problem(internal::KindForError(rc), item,
                                 internal::LastError("cannot read blob"));
    return out;
  }
  out.owner = std::shared_ptr<const void>(raw, [](const void* p) {
    git_odb_object_free(static_cast<git_odb_object*>(const_cast<void*>(p)));
  });
  out.bytes = std::string_view(static_cast<const char*>(git_odb_object_data(raw)),
                               git_odb_object_size(raw));
  impl_->Finish(item, false, &out);
  return out;
}

}  // namespace magpie::git
