// `magpie git [REPO]`: every distinct blob of the history once, with provenance, reported in
// history order, one finding per secret with where it lives now (pipeline/history_group_sink.h).
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "base/long_run_heap.h"
#include "base/phase_timer.h"
#include "cli/cleanup_outputs.h"
#include "cli/exit_codes.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/history_source.h"
#include "pipeline/range_config.h"
#include "pipeline/shard.h"
#include "scanner/binary.h"
#include "scanner/region_scan.h"
#include "report/terminal_text.h"

namespace magpie::cli {

git::HistoryOptions HistoryOptionsFor(const ScanSettings& s) {
  git::HistoryOptions options;
  options.max_blob_size = s.read.max_file_size;
  options.stream_above = s.read.stream_above;
  options.is_binary = s.read.include_binary ? nullptr : &scanner::LooksBinary;
  options.threads = s.threads;
  // MAGPIE_PACK_READS=off: every blob and walked tree through libgit2 (issue 13's reference
  // for comparisons).
  const char* pack_reads = std::getenv("MAGPIE_PACK_READS");
  options.pack_reads = pack_reads == nullptr || std::string(pack_reads) != "off";
  // MAGPIE_PACK_CACHE_MIB=N: the delta-base cache's budget, for measuring (bench/README.md).
  if (const char* mib = std::getenv("MAGPIE_PACK_CACHE_MIB"); mib != nullptr) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(mib, &end, 10);
    if (end != mib && *end == '\0' && n <= 4096) options.pack_cache_bytes = uint64_t{n} << 20;
  }
  return options;
}

pipeline::BlobSelector ShardSelector(const pipeline::Shard& shard) {
  if (shard.whole()) return {};
  // Only the share: where a secret lives now (HEAD, the tips) comes from the shard that owns
  // each blob, put together by `magpie merge` (pipeline/history_group_sink.h).
  return [shard](const git::BlobProvenance& p) { return pipeline::InShare(p.blob_id, shard); };
}

void SetShardReport(const pipeline::Shard& shard, ScanSettings* settings) {
  settings->report.shard_index = shard.index;
  settings->report.shard_count = shard.count;
  // Only the formats `magpie merge` reads: elsewhere a suppressed finding would just show.
  settings->sink.suppressed_for_merge =
      settings->format == report::Format::kJson || settings->format == report::Format::kSarif;
}

// The delta-aware scan (issue 13) unless --no-delta or MAGPIE_DELTA=off|0|no|false.
bool DeltaScanWanted(const GitFlags& git_flags) {
  if (git_flags.no_delta) return false;
  // Off by default: with the versions and their layouts from one pack read it costs about the
  // plain scan's CPU on curl and more on git/git (docs/history.md has the figures), so it is
  // not the default until it is cheaper; MAGPIE_DELTA=on turns it on.
  const char* env = std::getenv("MAGPIE_DELTA");
  if (env == nullptr) return false;
  const std::string value = env;
  return value == "on" || value == "1" || value == "yes" || value == "true";
}

// -v: how many blobs were scanned by their changes, and why the others were scanned whole.
void PrintDeltaStats(const pipeline::DeltaStats& d) {
  std::cerr << "magpie: delta-aware scan: " << d.by_region << " blobs by their changes ("
            << d.region_bytes << " of " << d.region_of_bytes << " bytes scanned), ";
  uint64_t whole = 0;
  for (const auto& [reason, count] : d.whole) whole += count;
  std::cerr << whole << " whole (" << d.whole_bytes << " bytes)";
  for (const auto& [reason, count] : d.whole) std::cerr << "; " << reason << " " << count;
  if (d.unread_packs > 0) std::cerr << "; packs not readable " << d.unread_packs;
  std::cerr << "\n";
}

// -v: how many blobs came from magpie's pack reader and why libgit2 read the others; with
// the delta-aware scan, how many delta layouts came with those reads and how many needed a
// second lookup in the packs.
void PrintBlobReads(const git::BlobReadStats& reads, bool deltas) {
  std::cerr << "magpie: blob reads: " << reads.from_packs << " from the packs";
  for (const auto& [reason, count] : reads.by_libgit2) {
    std::cerr << "; libgit2 " << count << " (" << reason << ")";
  }
  if (deltas) {
    std::cerr << "; delta layouts: " << reads.layouts_with_read << " with the read, "
              << reads.layouts_looked_up << " looked up again";
  }
  std::cerr << "\n";
}

int RunGit(const CommonFlags& flags, const GitFlags& git_flags) {
  // Blobs of every size are read and freed for minutes: big buffers go back to the kernel on
  // free instead of staying in an arena (base/long_run_heap.h, issue 13 §4).
  PrepareLongRunHeap();
  const std::string root = git::FindRepositoryRoot(git_flags.repo);
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository: '" << report::EscapeControls(git_flags.repo)
              << "'\n";
    return kExitError;
  }
  // In CI (--since BASE) the range is the code under review: its own configuration comes from
  // BASE, and a change to it in the range is a finding (cli/range_config.h).
  std::optional<suppress::ReviewedRepoFiles> reviewed;
  std::vector<pipeline::ItemResult> changes;
  if (!git_flags.since.empty() && !git_flags.trust_range_config && !flags.no_repo_config) {
    Result<suppress::ReviewedRepoFiles> base =
        pipeline::ReadReviewedRepoFiles(root, git_flags.since);
    if (!base.ok()) return ReportError(base.status());
    const std::vector<std::string> heads =
        git_flags.branches.empty() ? std::vector<std::string>{"HEAD"} : git_flags.branches;
    Result<std::vector<pipeline::ItemResult>> changed =
        pipeline::SuppressionChanges(root, *base, heads);
    if (!changed.ok()) return ReportError(changed.status());
    reviewed = *std::move(base);
    changes = *std::move(changed);
  }
  Result<ResolvedShard> shard = ResolveShard(git_flags.shard);
  if (!shard.ok()) return ReportError(shard.status());
  Result<ScanSettings> settings = ResolveSettings(flags, root, reviewed ? &*reviewed : nullptr);
  if (!settings.ok()) return ReportError(settings.status());
  if (!shard->shard.whole()) {
    SetShardReport(shard->shard, &*settings);
    // Never a silently partial scan: say so, even with -q (the report says so too).
    std::cerr << "magpie: scanning shard " << shard->shard.ToString() << " (from "
              << shard->source << "); merge the shards' reports with `magpie merge`\n";
  }
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  const ScanSettings& s = (*run)->settings();
  Result<CleanupOutputs> cleanup =
      CleanupOutputs::Open(git_flags.replacements, git_flags.paths_to_remove);
  if (!cleanup.ok()) return ReportError(cleanup.status());
  report::CleanupLists lists;
  if (cleanup->any()) {
    (*run)->AddObserver([&lists](const report::ReportedFinding& f) { lists.Add(f); });
  }

  git::HistoryOptions options = HistoryOptionsFor(s);
  options.refs = git_flags.branches;
  options.since = git_flags.since;
  options.include_unreachable = git_flags.all_objects;
  options.record_introductions = git_flags.all_occurrences;
  options.deltas = DeltaScanWanted(git_flags);
  // A version gains from its delta only where it is larger than the windows around a change.
  // (The reach is a pattern analysis of every rule: only when the delta path is on.)
  if (options.deltas) {
    options.delta_min_size = 2 * scanner::ChangeWindow((*run)->session().match_reach());
  }
  // The scan store (issue 13): blobs it knows clean are not loaded, and what this run finds
  // clean is recorded once the scan has run to its end.
  const auto store_start = std::chrono::steady_clock::now();
  std::optional<PhaseTimer> open_timer(std::in_place, "store open");
  const std::unique_ptr<store::ScanStore> known = OpenScanStore(git_flags.store, **run, std::cerr);
  open_timer.reset();
  const std::chrono::duration<double> store_open = std::chrono::steady_clock::now() - store_start;
  ScanMode mode;
  pipeline::BlobSelector select = ShardSelector(shard->shard);
  if (known) select = SkipKnownClean(*known, std::move(select), &mode.already_scanned);
  // The walk cache: a walk of every ref resumes from the last one (git/walk_resume.h).
  std::optional<WalkSnapshot> kept_walk;
  const bool whole_walk = git_flags.branches.empty() && git_flags.since.empty() &&
                          !git_flags.all_occurrences;
  const std::string walk_key = known && whole_walk ? WalkCacheKey(root, (*run)->excluder()) : "";
  if (!walk_key.empty()) {
    PhaseTimer timer("walk cache load");
    kept_walk = LoadWalkCache(*known, walk_key, std::cerr);
    options.take_snapshot = true;
    if (kept_walk) options.resume_from = &*kept_walk;
  }
  const auto open_start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<pipeline::HistorySource>> history = pipeline::HistorySource::Open(
      git_flags.repo, options, &(*run)->excluder(), select,
      known ? KnownBinary(*known) : pipeline::BlobSelector());
  const std::chrono::duration<double> history_open = std::chrono::steady_clock::now() - open_start;
  if (!history.ok()) return ReportError(history.status());
  if (!walk_key.empty()) {
    PhaseTimer timer("walk cache save");
    UpdateWalkCache(*known, walk_key, (*history)->history(), std::cerr);
  }
  if (known && !known->clean_status().ok()) {
    std::cerr << "magpie: notice: not using the scan store's clean items (scanning every blob): "
              << report::EscapeControls(known->clean_status().message()) << "\n";
  }
  kept_walk.reset();  // read by the walk only

  mode.history_order = true;
  mode.shard = shard->shard;
  mode.history.repo = git_flags.repo;
  mode.history.shard = mode.shard;
  // A walk that did not start from every ref has not read every tip's version of a file: look
  // for the secret's bytes there too. (A shard leaves the other shards' blobs to the merge.)
  mode.history.check_unscanned_tips = !git_flags.branches.empty() || !git_flags.since.empty();
  mode.history.max_blob_size = s.read.max_file_size;
  std::vector<store::ItemRef> clean;
  if (known) {
    mode.on_item = CollectClean(&clean);
    WireTreeFacts(*known, &mode.history, std::cerr);
  }
  std::optional<PhaseTimer> scan_timer(std::in_place, "scan, grouping and presence");
  const bool scanned = (*run)->Scan(**history, mode);
  scan_timer.reset();
  const auto record_start = std::chrono::steady_clock::now();
  if (scanned && known && !clean.empty()) RecordCleanItems(*known, clean, std::cerr);
  const std::chrono::duration<double> store_record =
      std::chrono::steady_clock::now() - record_start;
  // About the range, not a blob: every shard finds them, shard 0 reports them.
  if (mode.shard.index == 0) {
    for (pipeline::ItemResult& change : changes) (*run)->AddItem(std::move(change));
  }
  if (flags.verbose) {
    std::cerr << "magpie: " << (*history)->commits() << " commits, " << (*history)->size()
              << " distinct blobs; history walk " << (*history)->walk_seconds() << " s (with "
              << "provenance and selection " << history_open.count() << " s"
              << ((*history)->history().resumed() ? ", resumed from the scan store" : "")
              << ")\n";
    PrintBlobReads((*history)->history().blob_reads(), options.deltas);
    if (options.deltas) PrintDeltaStats((*history)->delta_stats());
    if (known) {
      std::cerr << "magpie: scan store: " << mode.already_scanned << " blobs already scanned, "
                << clean.size() << " recorded clean or binary; open " << store_open.count() << " s, record "
                << store_record.count() << " s\n";
    }
  }
  std::optional<PhaseTimer> finish_timer(std::in_place, "report");
  const int exit_code = (*run)->Finish();
  finish_timer.reset();
  if (const Status written = cleanup->Write(lists, std::cerr); !written.ok()) {
    return ReportError(written);
  }
  return exit_code;
}

}  // namespace magpie::cli
