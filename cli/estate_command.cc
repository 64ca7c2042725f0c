// `magpie estate REPOS.txt`: many repositories, one compiled ruleset, one report. Sharding
// (docs/estate.md): a repository whose packs exceed --split-above-mib is split by blob over
// every shard (like `magpie git --shard`); a smaller one goes whole to shard (line number mod
// N), counting only the lines that name something. Every shard must read the same file and
// see the same repositories.
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "base/file_io.h"
#include "cli/estate_commands.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/history_source.h"
#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

namespace fs = std::filesystem;

// The lines that name a repository: trimmed, without blank lines and '#' comments.
std::vector<std::string> RepositoryLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    const size_t first = line.find_first_not_of(" \t\r");
    const size_t last = line.find_last_not_of(" \t\r");
    line = first == std::string::npos ? "" : line.substr(first, last - first + 1);
    if (!line.empty() && line[0] != '#') lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// Bytes in the repository's packs: what decides whether it is split. 0 when unknown.
uint64_t PackedBytes(const std::string& root) {
  std::error_code ec;
  fs::path pack = fs::path(root) / ".git" / "objects" / "pack";
  if (!fs::is_directory(pack, ec)) pack = fs::path(root) / "objects" / "pack";
  uint64_t total = 0;
  for (fs::directory_iterator it(pack, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".pack") continue;
    const uintmax_t size = it->file_size(ec);
    if (!ec) total += size;
    ec.clear();
  }
  return total;
}

// The repository the line names, or why there is none. The line must name the repository
// itself: a directory inside another repository is not silently widened to all of it.
Result<std::string> RepositoryOf(const std::string& line) {
  std::error_code ec;
  if (!fs::is_directory(line, ec)) return NotFound("no such directory");
  const std::string root = git::FindRepositoryRoot(line);
  if (root.empty() || !fs::equivalent(root, line, ec)) return NotFound("not a git repository");
  return root;
}

}  // namespace

int RunEstate(const CommonFlags& flags, const EstateFlags& estate_flags) {
  Result<std::string> text = ReadWholeFile(estate_flags.repos_file);
  if (!text.ok()) {
    return ReportError(IoError("cannot read '" + estate_flags.repos_file +
                               "': " + text.status().message()));
  }
  if (text->find('\0') != std::string::npos) {
    return ReportError(InvalidArgument("'" + estate_flags.repos_file +
                                       "' is not a list of repositories (it holds NUL bytes)"));
  }
  Result<ResolvedShard> shard = ResolveShard(estate_flags.shard);
  if (!shard.ok()) return ReportError(shard.status());
  // One configuration for the whole estate: --config (and the rules, the baseline) apply to
  // every repository; what a repository carries (.magpie.yaml, .magpieignore) does not.
  CommonFlags estate_common = flags;
  estate_common.no_repo_config = true;
  Result<ScanSettings> settings = ResolveSettings(estate_common, ".");
  if (!settings.ok()) return ReportError(settings.status());
  const pipeline::Shard& mine = shard->shard;
  if (!mine.whole()) {
    SetShardReport(mine, &*settings);
    std::cerr << "magpie: scanning shard " << mine.ToString() << " of the estate (from "
              << shard->source << "); merge the shards' reports with `magpie merge`\n";
  }
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  // Blobs of histories, even in a shard whose share holds no repository (its report merges
  // with the others: `magpie merge` refuses reports of different kinds).
  (*run)->SetScanKind(report::ScanKind::kHistory);
  // The scan store, as `magpie git` uses it: one for the estate, opened once (items are a blob
  // and its path, so a blob shared by forks is known clean in all of them).
  const std::unique_ptr<store::ScanStore> known =
      OpenScanStore(estate_flags.store, **run, std::cerr);
  (*run)->BeginReport();
  const uint64_t split_above = estate_flags.split_above_mib << 20;

  std::set<std::string> seen;
  const std::vector<std::string> lines = RepositoryLines(*text);
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string& line = lines[k];
    const bool owner = mine.whole() || k % mine.count == mine.index;
    if (!seen.insert(line).second) {
      if (owner) std::cerr << "magpie: " << report::EscapeControls(line) << ": listed twice, "
                           << "scanned once\n";
      continue;
    }
    Result<std::string> root = RepositoryOf(line);
    if (!root.ok()) {
      if (owner) (*run)->AddDiagnostic({line, "unreadable", root.status().message()});
      continue;
    }
    pipeline::Shard repo_shard;  // whole, by its owner
    if (!mine.whole() && PackedBytes(*root) > split_above) {
      repo_shard = mine;  // split by blob over every shard
    } else if (!owner) {
      continue;
    }
    ScanMode mode;
    pipeline::BlobSelector select = ShardSelector(repo_shard);
    if (known) select = SkipKnownClean(*known, std::move(select), &mode.already_scanned);
    git::HistoryOptions options = HistoryOptionsFor((*run)->settings());
    Result<std::unique_ptr<pipeline::HistorySource>> history =
        pipeline::HistorySource::Open(*root, options, &(*run)->excluder(), select,
                                      known ? KnownBinary(*known) : pipeline::BlobSelector());
    if (!history.ok()) {
      if (repo_shard.index == 0) {
        (*run)->AddDiagnostic({line, "unreadable", history.status().message()});
      }
      continue;
    }
    mode.history_order = true;
    mode.shard = repo_shard;
    mode.repository = line;
    mode.history.repo = *root;
    mode.history.shard = repo_shard;  // other shards' blobs: the merge decides their tips
    mode.history.max_blob_size = (*run)->settings().read.max_file_size;
    std::vector<store::ItemRef> clean;
    if (known) mode.on_item = CollectClean(&clean);
    // Recorded per repository, once its scan ran to its end: a later failure keeps this work.
    if ((*run)->Scan(**history, mode) && known && !clean.empty()) {
      RecordCleanItems(*known, clean, std::cerr);
    }
    if (flags.verbose) {
      std::cerr << "magpie: " << report::EscapeControls(line) << ": " << (*history)->commits()
                << " commits, " << (*history)->size() << " blobs\n";
    }
  }
  return (*run)->Finish();
}

}  // namespace magpie::cli
