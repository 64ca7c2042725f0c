// The scan store of `magpie git` (issue 13 §2, store/scan_store.h): --store PATH, --no-store,
// and `magpie store gc`. A store that cannot be used (refused, damaged, unwritable) is a
// notice on stderr and the scan goes on without it: the store only ever saves work.
#ifndef MAGPIE_CLI_SCAN_STORE_FLAG_H_
#define MAGPIE_CLI_SCAN_STORE_FLAG_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/scan_run.h"
#include "pipeline/history_group_sink.h"
#include "pipeline/history_source.h"
#include "store/scan_store.h"
#include "suppress/path_patterns.h"

namespace magpie::cli {

struct StoreFlags {
  std::string path;       // --store PATH ("" = the default, under the cache directory)
  bool disabled = false;  // --no-store
};

// --store, else $MAGPIE_STORE ("off": none), else ScanStore::DefaultPath under the rules
// cache's directory; "" for none (also: no HOME, no XDG_CACHE_HOME, no MAGPIE_CACHE_DIR).
std::string StorePath(const StoreFlags& flags);

// What makes a scan of some bytes at some path find what it finds, besides the build: the
// effective rules (configuration merged), the compile and scan options. Two runs with equal
// keys find the same in the same item.
std::string ScanSettingsKey(const ScanRun& run);

// The store for a scan by `run`, or null (--no-store, no path, or it cannot be used: then a
// notice on `log`).
std::unique_ptr<store::ScanStore> OpenScanStore(const StoreFlags& flags, const ScanRun& run,
                                                std::ostream& log);

// Items the store knows clean are not selected (counted in `*skipped`), the others as
// `select` says (empty: all). `store` and `skipped` must outlive the selector.
pipeline::BlobSelector SkipKnownClean(const store::ScanStore& store, pipeline::BlobSelector select,
                                      uint64_t* skipped);

// The items the store knows binary (pipeline::HistorySource::Open's known_binary): reported
// as a read would report them, without reading them. `store` must outlive the selector.
pipeline::BlobSelector KnownBinary(const store::ScanStore& store);

// Collects, for ScanStore::RecordClean, the items scanned completely that produced nothing (no
// finding, suppressed or not, no diagnostic, no warning), and those whose only outcome was the
// history's "binary" diagnostic for a blob it read whole (never a streamed one: the driver
// says that in other words, and the rescan must say exactly what a full scan says).
std::function<void(const pipeline::ItemResult&)> CollectClean(std::vector<store::ItemRef>* out);

// Records `clean` in `store`; what goes wrong (cannot write, full) is a notice on `log`: the
// store only ever saves work.
void RecordCleanItems(store::ScanStore& store, const std::vector<store::ItemRef>& clean,
                      std::ostream& log);

// The walk cache (issue 13): what the last walk of every ref of the repository at `repo_root`
// learned, kept per repository and excluded paths (`excluder`), so that the next walk visits
// only new commits (git/walk_resume.h). Usable when the walk is of every ref: no --branch,
// --since or --all-occurrences.
std::string WalkCacheKey(const std::string& repo_root, const suppress::PathExcluder& excluder);
// The kept walk, or nullopt (none, or it cannot be read: then a notice on `log` and a full walk).
std::optional<WalkSnapshot> LoadWalkCache(store::ScanStore& store, const std::string& key,
                                          std::ostream& log);
// After the walk: a notice when a kept walk could not be resumed from, and what this walk
// learned kept for the next (a notice when it cannot be).
void UpdateWalkCache(store::ScanStore& store, const std::string& key, const git::History& history,
                     std::ostream& log);

// present_in from the facts `store` keeps about tip trees, and what this run learns kept there
// (pipeline::HistoryGroupOptions::known_trees, keep_trees; issue 13); what goes wrong is a
// notice on `log`. `store` and `log` must outlive the options.
void WireTreeFacts(store::ScanStore& store, pipeline::HistoryGroupOptions* options,
                   std::ostream& log);

// `magpie store gc`: drops what other builds recorded and what was not used for
// `max_age_days`, then compacts the file.
int RunStoreGc(const StoreFlags& flags, uint64_t max_age_days);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SCAN_STORE_FLAG_H_
