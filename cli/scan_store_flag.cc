#include "cli/scan_store_flag.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <utility>

#include "cache/build_id.h"
#include "cache/rules_cache.h"
#include "pipeline/shard.h"
#include "report/terminal_text.h"
#include "rules/rule_codec.h"

namespace magpie::cli {

std::string StorePath(const StoreFlags& flags) {
  if (!flags.path.empty()) return flags.path;
  if (const char* env = std::getenv("MAGPIE_STORE"); env != nullptr && *env != '\0') {
    return std::string_view(env) == "off" ? "" : env;
  }
  const std::string cache_dir = cache::RulesCache::DefaultDirectory();
  return cache_dir.empty() ? "" : store::ScanStore::DefaultPath(cache_dir);
}

std::string ScanSettingsKey(const ScanRun& run) {
  const pipeline::ScanSession& session = run.session();
  const scanner::CompiledRules& compiled = session.compiled();
  const scanner::ScanOptions& scan = session.scan_options();
  const scanner::StreamScanOptions& stream = session.stream_options();
  // The rules in full (confidence, keywords, allow lists, path patterns are not all in the
  // database's key), the database's key (patterns, compile options, Hyperscan), and the scan
  // options that decide what is reported. Size limits and the binary policy are left out:
  // they decide whether an item is scanned, and only scanned items are recorded.
  std::string key = "rules " + rules::EncodeRuleSet(compiled.rule_set());
  key += "\ndatabase " + scanner::CompiledRules::CacheKey(compiled.rule_set(), compiled.options());
  key += "\nscan " + std::to_string(scan.chunk_size) + " " + std::to_string(scan.chunk_overlap) +
         " " + std::to_string(static_cast<int>(scan.min_confidence)) + " " +
         std::to_string(scan.decode_depth) + " " + std::to_string(scan.decode_budget);
  key += "\nstream " + std::to_string(stream.window) + " " + std::to_string(stream.overlap) +
         " " + std::to_string(stream.skip_binary);
  return key;
}

std::unique_ptr<store::ScanStore> OpenScanStore(const StoreFlags& flags, const ScanRun& run,
                                                std::ostream& log) {
  if (flags.disabled) return nullptr;
  const std::string path = StorePath(flags);
  if (path.empty()) return nullptr;  // off, or nowhere to keep one: every run is a full scan
  // Whether a history's read finds a blob binary, too large or streamed (git/history.h).
  const scanner::FileReadOptions& read = run.settings().read;
  const std::string read_limits = "max " + std::to_string(read.max_file_size) + " stream " +
                                  std::to_string(read.stream_above);
  Result<std::unique_ptr<store::ScanStore>> opened = store::ScanStore::Open(
      path, {std::string(cache::BuildId()), ScanSettingsKey(run), read_limits});
  if (!opened.ok()) {
    // Never trusted to skip anything, and never a reason to fail the scan: it scans in full.
    log << "magpie: notice: not using the scan store (scanning every blob): "
        << report::EscapeControls(opened.status().message()) << "\n";
    return nullptr;
  }
  return *std::move(opened);
}

pipeline::BlobSelector SkipKnownClean(const store::ScanStore& store, pipeline::BlobSelector select,
                                      uint64_t* skipped) {
  return [&store, select = std::move(select), skipped](const git::BlobProvenance& p) {
    if (select && !select(p)) return false;
    // Excluded blobs are not scanned, so never recorded; the path is the one reported
    // (pipeline/history_source.cc names a blob without one by its id).
    if (p.excluded || !store.IsClean(p.blob_id, p.path.empty() ? p.blob_id : p.path)) {
      return true;
    }
    ++*skipped;
    return false;
  };
}

pipeline::BlobSelector KnownBinary(const store::ScanStore& store) {
  return [&store](const git::BlobProvenance& p) {
    return store.IsBinary(p.blob_id, p.path.empty() ? p.blob_id : p.path);
  };
}

namespace {

// Whether `item` is a blob git::History::Read read whole and found binary, and nothing else.
bool ReadAsBinary(const pipeline::ItemResult& item, const report::GitOrigin& git) {
  if (item.scanned || item.skip_reason != "binary" || !item.diagnostic ||
      item.diagnostic->kind != "binary") {
    return false;
  }
  // git::History's message, with the object named when the blob has a path
  // (pipeline::ToReportDiagnostic); the driver's, for a streamed blob, differs.
  const std::string& message = item.diagnostic->message;
  return message == "binary content" || message == "binary content (object " + git.blob_id + ")";
}

}  // namespace

std::function<void(const pipeline::ItemResult&)> CollectClean(std::vector<store::ItemRef>* out) {
  return [out](const pipeline::ItemResult& item) {
    const auto* git = std::get_if<report::GitOrigin>(&item.origin);
    if (git == nullptr || !item.findings.empty() || !item.suppressed.empty() ||
        !item.warnings.empty()) {
      return;
    }
    if (item.scanned && item.skip_reason.empty() && !item.diagnostic) {
      out->push_back({git->blob_id, git->path, false});
    } else if (ReadAsBinary(item, *git)) {
      out->push_back({git->blob_id, git->path, true});
    }
  };
}

void RecordCleanItems(store::ScanStore& store, const std::vector<store::ItemRef>& clean,
                      std::ostream& log) {
  Result<uint64_t> unrecorded = store.RecordClean(clean);
  if (!unrecorded.ok()) {
    log << "magpie: notice: the scan store was not updated: "
        << report::EscapeControls(unrecorded.status().message()) << "\n";
  } else if (*unrecorded > 0) {
    log << "magpie: notice: the scan store is full: " << *unrecorded
        << " clean blobs not recorded (`magpie store gc` drops stale entries)\n";
  }
}

std::string WalkCacheKey(const std::string& repo_root, const suppress::PathExcluder& excluder) {
  std::error_code ec;
  std::filesystem::path root = std::filesystem::canonical(repo_root, ec);
  if (ec) root = std::filesystem::absolute(repo_root, ec);
  return "walk 1\nrepository " + root.string() + "\nexcluded\n" + excluder.key();
}

std::optional<WalkSnapshot> LoadWalkCache(store::ScanStore& store, const std::string& key,
                                          std::ostream& log) {
  Result<std::optional<WalkSnapshot>> loaded = store.LoadWalk(key);
  if (!loaded.ok()) {
    log << "magpie: notice: not using the scan store's walk cache (walking every commit): "
        << report::EscapeControls(loaded.status().message()) << "\n";
    return std::nullopt;
  }
  return *std::move(loaded);
}

void UpdateWalkCache(store::ScanStore& store, const std::string& key, const git::History& history,
                     std::ostream& log) {
  if (!history.resume_refused().empty()) {
    log << "magpie: notice: walked every commit, not only the new ones: "
        << report::EscapeControls(history.resume_refused()) << "\n";
  }
  const WalkSnapshot* snapshot = history.snapshot();
  if (snapshot == nullptr) return;
  Result<bool> saved = store.SaveWalk(key, *snapshot);
  if (!saved.ok()) {
    log << "magpie: notice: the scan store's walk cache was not updated: "
        << report::EscapeControls(saved.status().message()) << "\n";
  } else if (!*saved && !snapshot->delta) {
    log << "magpie: notice: the scan store is full: this history walk was not kept "
           "(`magpie store gc` drops stale entries)\n";
  }
}

namespace {

// Facts read from the store, or none with a notice (the trees are then read): the store only
// ever saves work.
template <typename Fact>
std::vector<Fact> KnownOrNone(Result<std::vector<Fact>> known, uint64_t skipped,
                              std::ostream& log) {
  if (!known.ok()) {
    log << "magpie: notice: not using the scan store's facts about branch and tag trees "
           "(reading every tip): "
        << report::EscapeControls(known.status().message()) << "\n";
    return {};
  }
  if (skipped > 0) {
    log << "magpie: notice: " << skipped
        << " facts about branch and tag trees in the scan store are malformed: those trees "
           "are read again\n";
  }
  return *std::move(known);
}

}  // namespace

void WireTreeFacts(store::ScanStore& store, pipeline::HistoryGroupOptions* options,
                   std::ostream& log) {
  options->known_trees = [&store, &log](const std::vector<std::string>& paths) {
    uint64_t skipped = 0;
    Result<std::vector<TreePathFact>> known = store.LoadTreePaths(paths, &skipped);
    return KnownOrNone(std::move(known), skipped, log);
  };
  options->known_tree_blobs = [&store, &log](const std::vector<RawOid>& blobs) {
    uint64_t skipped = 0;
    Result<std::vector<TreeBlobFact>> known = store.LoadTreeBlobs(blobs, &skipped);
    return KnownOrNone(std::move(known), skipped, log);
  };
  options->keep_trees = [&store, &log](const std::vector<TreePathFact>& paths,
                                       const std::vector<TreeBlobFact>& blobs) {
    if (Status kept = store.SaveTreeFacts(paths, blobs); !kept.ok()) {
      log << "magpie: notice: the scan store's facts about branch and tag trees were not "
             "updated: "
          << report::EscapeControls(kept.message()) << "\n";
    }
  };
}

int RunStoreGc(const StoreFlags& flags, uint64_t max_age_days) {
  const std::string path = StorePath(flags);
  if (path.empty()) {
    std::cerr << "magpie: error: no scan store: give --store PATH (no cache directory)\n";
    return kExitError;
  }
  Result<store::GcResult> collected =
      store::ScanStore::Collect(path, std::string(cache::BuildId()), max_age_days);
  if (!collected.ok()) {
    std::cerr << "magpie: error: store gc: " << report::EscapeControls(collected.status().message())
              << "\n";
    return kExitError;
  }
  std::cerr << "magpie: store gc: dropped " << collected->items_dropped << " items of "
            << collected->scan_keys_dropped << " stale scan keys and "
            << collected->walks_dropped << " history walks (and "
            << collected->tree_facts_dropped << " facts about branch and tag trees); kept "
            << collected->items_kept << " items (" << report::EscapeControls(path) << ")\n";
  return kExitClean;
}

}  // namespace magpie::cli
