// `magpie git [REPO]`: git::History's distinct blobs → the TBB pipeline (serial input of
// indices, parallel Read + scan, serial output). Items without findings go to the sink at
// once (counts only); items with findings are held until the end, because whether a secret
// is "still present at HEAD" is known only once every blob at HEAD has been scanned, then
// reported sorted by (path, commit time, commit, blob): pack order would change with every
// repack, this order does not.
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <system_error>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "cli/git_commands.h"
#include "cli/result_sink.h"
#include "git/history.h"
#include "scanner/binary.h"

namespace magpie::cli {
namespace {

namespace fs = std::filesystem;

report::Diagnostic ToReportDiagnostic(const git::GitDiagnostic& d) {
  return report::Diagnostic{d.path.empty() ? d.object : d.path, std::string(git::ToString(d.kind)),
                            d.message};
}

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
  return origin;
}

ItemResult ScanBlob(ScanContext& ctx, const git::History& history, size_t index) {
  ItemResult item;
  const git::BlobProvenance provenance = history.Provenance(index);
  if (!provenance.path.empty() && ctx.excluder().ExcludesRootRelative(provenance.path)) {
    item.skip_reason = "excluded";
    return item;
  }
  item.origin = ToOrigin(provenance);
  git::BlobRead read = history.Read(index);
  if (!read.ok()) {
    git::GitDiagnostic d = *read.skipped;
    if (d.path.empty()) d.path = provenance.path;
    item.skip_reason = std::string(git::ToString(d.kind));
    item.diagnostic = ToReportDiagnostic(d);
    return item;
  }
  if (!ScanInto(ctx, provenance.path, read.bytes, &item)) return item;
  ApplyInlineAllows(read.bytes, &item.findings, &item.suppressed);
  return item;
}

// (rule, secret) as one key.
std::string SecretKey(const scanner::Finding& f) { return f.rule_id + '\0' + f.secret; }

bool HeldLess(const ItemResult& a, const ItemResult& b) {
  const auto& x = std::get<report::GitOrigin>(a.origin);
  const auto& y = std::get<report::GitOrigin>(b.origin);
  return std::tie(x.path, x.commit_time, x.commit, x.blob_id) <
         std::tie(y.path, y.commit_time, y.commit, y.blob_id);
}

// Reports the held items. A finding is present at HEAD when its blob is, or when the same
// (rule, secret) was found in a blob that is. GitOrigin is per item, so a blob whose findings
// disagree is marked present when any of them is: the safe direction (never "deleted since"
// for a secret that is still there).
void ReportHeld(std::vector<ItemResult> held, const std::unordered_set<std::string>& at_head,
                ResultSink& sink) {
  std::sort(held.begin(), held.end(), HeldLess);
  for (ItemResult& item : held) {
    auto& origin = std::get<report::GitOrigin>(item.origin);
    if (!origin.present_at_head) {
      for (const scanner::Finding& f : item.findings) {
        if (at_head.count(SecretKey(f)) > 0) origin.present_at_head = true;
      }
      for (const SuppressedFinding& s : item.suppressed) {
        if (at_head.count(SecretKey(s.finding)) > 0) origin.present_at_head = true;
      }
    }
    sink.Add(std::move(item));
  }
}

}  // namespace

std::string FindRepositoryRoot(const std::string& path) {
  std::error_code ec;
  fs::path start = fs::absolute(path.empty() ? "." : path, ec);
  if (ec || !fs::is_directory(start, ec)) return "";
  start = start.lexically_normal();
  if (!start.has_filename()) start = start.parent_path();  // trailing '/'
  if (start.filename() == ".git") return start.parent_path().string();
  // A bare repository (or a git directory under another name), before looking upwards: a
  // bare repository inside some work tree is still its own repository.
  if (fs::is_regular_file(start / "HEAD", ec) && fs::is_directory(start / "objects", ec) &&
      fs::is_directory(start / "refs", ec)) {
    return start.string();
  }
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  return "";
}

int RunGit(const CommonFlags& flags, const GitFlags& git_flags) {
  const std::string root = FindRepositoryRoot(git_flags.repo);
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository: '" << git_flags.repo << "'\n";
    return kExitError;
  }
  std::unique_ptr<ScanContext> ctx = ScanContext::Create(flags, root);
  if (!ctx) return kExitError;

  git::HistoryOptions options;
  options.refs = git_flags.branches;
  options.since = git_flags.since;
  options.include_unreachable = git_flags.all_objects;
  options.max_blob_size = ctx->read_options().max_file_size;
  options.is_binary = ctx->read_options().include_binary ? nullptr : &scanner::LooksBinary;
  options.threads = ctx->threads();

  // History::Open diffs trees on the current arena: limit it to -j too.
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, ctx->threads());
  std::vector<git::GitDiagnostic> walk_diagnostics;
  std::string error;
  std::unique_ptr<git::History> history = git::History::Open(
      git_flags.repo, options,
      [&](const git::GitDiagnostic& d) { walk_diagnostics.push_back(d); }, &error);
  if (!history) {
    std::cerr << "magpie: error: " << error << "\n";
    return kExitError;
  }

  ResultSink sink(*ctx);
  sink.Begin();
  uint64_t submodules = 0;
  for (const git::GitDiagnostic& d : walk_diagnostics) {
    // Gitlinks are policy (submodules are not recursed), not failures: count them.
    if (d.kind == git::DiagnosticKind::kSubmodule) {
      ++submodules;
      if (flags.verbose) std::cerr << "magpie: " << d.path << ": submodule not scanned\n";
      continue;
    }
    sink.AddDiagnostic(ToReportDiagnostic(d));
  }
  sink.CountSkipped("submodule", submodules);

  std::vector<ItemResult> held;             // items with findings, reported at the end
  std::unordered_set<std::string> at_head;  // (rule, secret) found in a blob at HEAD
  const size_t count = history->size();
  size_t next = 0;
  tbb::parallel_pipeline(
      static_cast<size_t>(ctx->threads()) * 4,
      tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> size_t {
                                       if (next >= count) {
                                         fc.stop();
                                         return 0;
                                       }
                                       return next++;
                                     }) &
          tbb::make_filter<size_t, ItemResult>(
              tbb::filter_mode::parallel,
              [&](size_t index) { return ScanBlob(*ctx, *history, index); }) &
          tbb::make_filter<ItemResult, void>(
              tbb::filter_mode::serial_in_order, [&](ItemResult item) {
                if (item.findings.empty() && item.suppressed.empty()) {
                  sink.Add(std::move(item));
                  return;
                }
                if (std::get<report::GitOrigin>(item.origin).present_at_head) {
                  for (const auto& f : item.findings) at_head.insert(SecretKey(f));
                  for (const auto& s : item.suppressed) at_head.insert(SecretKey(s.finding));
                }
                held.push_back(std::move(item));
              }));
  ReportHeld(std::move(held), at_head, sink);
  if (flags.verbose) {
    std::cerr << "magpie: " << history->commits() << " commits, " << count
              << " distinct blobs; history walk " << history->walk_seconds() << " s\n";
  }
  return sink.Finish();
}

}  // namespace magpie::cli
