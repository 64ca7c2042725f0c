// `magpie staged`: the pre-commit check. Scans each staged file's index content and keeps the
// findings that start on a line the staged change adds. Latency matters more than throughput
// here (it runs on every commit): a typical change is scanned on the calling thread, and the
// TBB pipeline is used only when the staged bytes are many.
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/git_commands.h"
#include "cli/result_sink.h"
#include "git/staged.h"
#include "scanner/binary.h"

namespace magpie::cli {
namespace {

// Below this many staged bytes, starting worker threads costs more than it saves.
constexpr uint64_t kParallelBytes = uint64_t{4} << 20;

ItemResult ScanStagedFile(ScanContext& ctx, const git::StagedFile& file) {
  ItemResult item;
  if (ctx.excluder().ExcludesRootRelative(file.path)) {
    item.skip_reason = "excluded";
    return item;
  }
  report::GitOrigin origin;
  origin.path = file.path;
  origin.blob_id = file.blob_id;
  origin.staged = true;
  item.origin = std::move(origin);
  if (!ScanInto(ctx, file.path, file.content, &item)) return item;
  std::erase_if(item.findings, [&](const scanner::Finding& f) {
    return !file.IsAdded(static_cast<int>(f.start.line));
  });
  ApplyInlineAllows(file.content, &item.findings, &item.suppressed);
  return item;
}

// git runs the pre-commit hook with GIT_INDEX_FILE set. For `git commit -a` and
// `git commit PATH…` it names a temporary index holding what will really be committed, while
// git::ScanStaged reads the repository's own index: checking that one would pass the commit
// unchecked. Returns the other index's path, or "" when GIT_INDEX_FILE is unset or is the
// repository's index (<root>/.git/index, or <gitdir>/index for a linked work tree).
std::string ForeignIndexFile(const std::string& root) {
  const char* env = std::getenv("GIT_INDEX_FILE");
  if (env == nullptr || *env == '\0') return "";
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path git_dir = fs::path(root) / ".git";
  if (fs::is_regular_file(git_dir, ec)) {  // "gitdir: PATH" of a linked work tree
    std::ifstream in(git_dir);
    std::string line;
    std::getline(in, line);
    if (line.rfind("gitdir: ", 0) == 0) {
      const fs::path target = line.substr(8);
      git_dir = target.is_absolute() ? target : fs::path(root) / target;
    }
  }
  const fs::path own = fs::weakly_canonical(git_dir / "index", ec);
  const fs::path given = fs::weakly_canonical(env, ec);
  return !ec && given == own ? "" : std::string(env);
}

void PrintWaysOut(uint64_t findings) {
  std::cerr
      << "magpie: the staged change adds " << findings << " secret"
      << (findings == 1 ? "" : "s") << " (above); the commit is stopped. Either:\n"
      << "  - remove it: edit the file, `git add` it again (or `git restore --staged FILE` to\n"
      << "    unstage the file), and rotate the credential if it was ever pushed or shared; or\n"
      << "  - mark a false positive: add a `magpie:allow RULE-ID` comment on the line (or on the\n"
      << "    comment line before it), or accept it with `magpie staged --write-ignore` from the\n"
      << "    repository root, which adds its fingerprint to .magpieignore (commit that file).\n"
      << "  See docs/suppression.md. `git commit --no-verify` skips the check (not advised).\n";
}

}  // namespace

int RunStaged(const CommonFlags& flags) {
  const std::string root = FindRepositoryRoot(".");
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository (or any parent up to /)\n";
    return kExitError;
  }
  if (const std::string index = ForeignIndexFile(root); !index.empty()) {
    std::cerr << "magpie: error: this commit stages its files in a separate index ("
              << index << ": `git commit -a` or `git commit PATH...`), which magpie staged "
                 "cannot check yet; `git add` the files, then run `git commit` without paths\n";
    return kExitError;
  }
  std::unique_ptr<ScanContext> ctx = ScanContext::Create(flags, root);
  if (!ctx) return kExitError;

  git::StagedOptions options;
  options.max_blob_size = ctx->read_options().max_file_size;
  options.is_binary = ctx->read_options().include_binary ? nullptr : &scanner::LooksBinary;
  const git::StagedResult staged = git::ScanStaged(".", options);
  if (!staged.ok()) {
    std::cerr << "magpie: error: " << staged.error << "\n";
    return kExitError;
  }
  if (staged.nothing_staged) {
    std::cerr << "magpie: nothing staged\n";
    return kExitClean;
  }

  ResultSink sink(*ctx);
  sink.Begin();
  uint64_t submodules = 0;
  for (const git::GitDiagnostic& d : staged.diagnostics) {
    if (d.kind == git::DiagnosticKind::kSubmodule) {
      ++submodules;  // not recursed: policy, not failure
      continue;
    }
    sink.AddDiagnostic(report::Diagnostic{d.path.empty() ? d.object : d.path,
                                          std::string(git::ToString(d.kind)), d.message});
  }
  sink.CountSkipped("submodule", submodules);

  const std::vector<git::StagedFile>& files = staged.files;
  uint64_t total = 0;
  for (const git::StagedFile& file : files) total += file.content.size();
  if (total < kParallelBytes || ctx->threads() == 1) {
    for (const git::StagedFile& file : files) sink.Add(ScanStagedFile(*ctx, file));
  } else {
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                    ctx->threads());
    size_t next = 0;
    tbb::parallel_pipeline(
        static_cast<size_t>(ctx->threads()) * 4,
        tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                       [&](tbb::flow_control& fc) -> size_t {
                                         if (next >= files.size()) {
                                           fc.stop();
                                           return 0;
                                         }
                                         return next++;
                                       }) &
            tbb::make_filter<size_t, ItemResult>(
                tbb::filter_mode::parallel,
                [&](size_t i) { return ScanStagedFile(*ctx, files[i]); }) &
            tbb::make_filter<ItemResult, void>(
                tbb::filter_mode::serial_in_order,
                [&](ItemResult item) { sink.Add(std::move(item)); }));
  }
  const int code = sink.Finish();
  if (code == kExitFindings) PrintWaysOut(sink.summary().findings);
  return code;
}

}  // namespace magpie::cli
