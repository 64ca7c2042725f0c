#include "pipeline/history_source.h"

#include <tbb/global_control.h>

#include <utility>
#include <vector>

#include "base/phase_timer.h"

namespace magpie::pipeline {
namespace {

report::GitOrigin ToOrigin(const git::BlobProvenance& p) {
  report::GitOrigin origin;
  // A blob with no introducing commit (--all-objects) is named by its id.
  origin.path = p.path.empty() ? p.blob_id : p.path;
  origin.blob_id = p.blob_id;
  origin.commit = p.commit;
  origin.author_name = p.author_name;
  origin.author_email = p.author_email;
  origin.commit_time = p.commit_time;
  origin.message = p.message;
  origin.other_occurrences = p.other_occurrences;
  origin.present_at_head = p.present_at_head;
  origin.commit_order = p.commit_order;
  for (const git::Introduction& intro : p.introductions) {  // --all-occurrences (issue 11)
    origin.occurrences.push_back({intro.commit, intro.path, p.blob_id, intro.commit_order});
  }
  return origin;
}

}  // namespace

report::Diagnostic ToReportDiagnostic(const git::GitDiagnostic& d) {
  std::string message = d.message;
  // The object id is what a user needs to repair the repository (`git cat-file -p ID`):
  // name it even when the diagnostic is filed under a path (issue 14).
  if (!d.object.empty() && !d.path.empty() && message.find(d.object) == std::string::npos) {
    message += " (object " + d.object + ")";
  }
  return report::Diagnostic{d.path.empty() ? d.object : d.path,
                            std::string(git::ToString(d.kind)), std::move(message)};
}

void AddGitDiagnostics(const std::vector<git::GitDiagnostic>& diagnostics, Prelude* prelude) {
  for (const git::GitDiagnostic& d : diagnostics) {
    if (d.kind == git::DiagnosticKind::kSubmodule) {
      ++prelude->skipped["submodule"];
      prelude->notes.push_back(d.path + ": submodule not scanned");
      continue;
    }
    prelude->diagnostics.push_back(ToReportDiagnostic(d));
  }
}

Result<std::unique_ptr<HistorySource>> HistorySource::Open(const std::string& repo,
                                                           const git::HistoryOptions& options,
                                                           const suppress::PathExcluder* excluder,
                                                           const BlobSelector& select,
                                                           const BlobSelector& known_binary) {
  // History::Open diffs trees on the current arena: limit it to the requested threads too.
  const int threads = options.threads > 0 ? options.threads : 1;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  git::HistoryOptions walk_options = options;
  // Only the selected blobs are put in read order (below), not every blob of the history.
  if (select) walk_options.pack_order = false;
  if (excluder != nullptr && !excluder->empty()) {
    // Decided per introduction during the walk: a blob is skipped only when every path it
    // was introduced at is excluded (issue 14).
    walk_options.is_excluded = [excluder](std::string_view path) {
      return excluder->ExcludesRootRelative(path);
    };
  }
  std::vector<git::GitDiagnostic> diagnostics;
  Result<std::unique_ptr<git::History>> history = git::History::Open(
      repo, walk_options, [&](const git::GitDiagnostic& d) { diagnostics.push_back(d); });
  if (!history.ok()) return history.status();
  std::unique_ptr<HistorySource> source(new HistorySource());
  source->history_ = *std::move(history);
  source->deltas_ = options.deltas;
  if (options.is_binary != nullptr) source->known_binary_ = known_binary;
  AddGitDiagnostics(diagnostics, &source->prelude_);
  if (select) {
    PhaseTimer timer("select");
    source->selected_.emplace();
    for (size_t i = 0; i < source->history_->size(); ++i) {
      // Without the commit's author and message: read only for what is scanned.
      if (select(source->history_->Provenance(i, false))) source->selected_->push_back(i);
    }
    source->history_->SortInPackOrder(&*source->selected_);
  }
  return source;
}

SourceItem HistorySource::Load(size_t item_index) const {
  // On every way out: after the last load no blob is read again, and what the pack reader
  // keeps for later reads (its delta-base cache) would otherwise stay through the steps after
  // the scan, where the run's peak was on git/git (issue 13 §4).
  struct Done {
    const HistorySource* source;
    ~Done() {
      if (source->loaded_.fetch_add(1) + 1 == source->size()) source->history_->ReleaseReadMemory();
    }
  } done{this};
  const size_t index = selected_ ? (*selected_)[item_index] : item_index;
  SourceItem item;
  const git::BlobProvenance provenance = history_->Provenance(index);
  if (provenance.excluded) {
    item.skip_reason = "excluded";
    return item;
  }
  item.origin = ToOrigin(provenance);
  auto skipped = [&](git::GitDiagnostic d) {
    if (d.path.empty()) d.path = provenance.path;
    item.skip_reason = std::string(git::ToString(d.kind));
    item.diagnostic = ToReportDiagnostic(d);
    return std::move(item);
  };
  // Known binary: the bytes of a blob do not change, so neither does what Read says of them.
  if (known_binary_ && known_binary_(provenance)) return skipped(history_->BinaryDiagnostic(index));
  git::BlobRead read = history_->Read(index);
  if (!read.ok()) return skipped(*read.skipped);
  item.stream = std::move(read.stream);
  item.bytes = read.bytes;
  item.owner = std::move(read.owner);
  item.delta_note = std::move(read.delta_note);
  if (read.delta) {
    DeltaHint hint;
    hint.layout.base_size = read.delta->base_size;
    hint.layout.copies.reserve(read.delta->copies.size());
    for (const git::BlobCopy& c : read.delta->copies) {
      hint.layout.copies.push_back({c.target_begin, c.length, c.base_begin});
    }
    {
      std::lock_guard<std::mutex> lock(records_mu_);
      if (auto it = records_.find(read.delta->base_id); it != records_.end()) hint.base = it->second;
    }
    item.delta = std::move(hint);
  }
  return item;
}

void HistorySource::Scanned(size_t item_index, const ItemScan& scan) const {
  const size_t index = selected_ ? (*selected_)[item_index] : item_index;
  std::string id = history_->BlobId(index);
  std::lock_guard<std::mutex> lock(records_mu_);
  if (scan.record) records_[std::move(id)] = scan.record;
  if (scan.by_region) {
    ++stats_.by_region;
    stats_.region_bytes += scan.region_bytes;
    stats_.region_of_bytes += scan.bytes;
  } else {
    ++stats_.whole[scan.whole_because];
    stats_.whole_bytes += scan.bytes;
  }
}

DeltaStats HistorySource::delta_stats() const {
  std::lock_guard<std::mutex> lock(records_mu_);
  DeltaStats out = stats_;
  out.unread_packs = history_->unread_packs();
  return out;
}

}  // namespace magpie::pipeline
