#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/commands.h"
#include "cli/file_walker.h"
#include "cli/result_sink.h"

namespace magpie::cli {
namespace {

ItemResult ScanOneFile(ScanContext& ctx, const std::string& path, bool named) {
  ItemResult item;
  item.origin = report::FileOrigin{path};
  scanner::FileReadOptions read_options = ctx.read_options();
  read_options.follow_symlinks = read_options.follow_symlinks || named;
  scanner::FileReadResult read = path == "-"
                                     ? scanner::ReadStreamForScan(STDIN_FILENO, read_options)
                                     : scanner::ReadFileForScan(path, read_options);
  if (!read.content) {
    item.skip_reason = std::string(scanner::ToString(read.skipped));
    item.diagnostic = report::Diagnostic{path, item.skip_reason, read.message};
    return item;
  }
  const std::string_view data = read.content->data();
  if (!ScanInto(ctx, path, data, &item)) return item;
  ApplyInlineAllows(data, &item.findings, &item.suppressed);
  return item;
}

// Where .magpie.yaml and .magpieignore are looked for: the first directory argument, else the
// working directory.
std::string ScanRoot(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) return path;
  }
  return ".";
}

}  // namespace

int RunScan(const CommonFlags& flags, const std::vector<std::string>& arguments) {
  const std::vector<std::string> paths = arguments.empty() ? std::vector<std::string>{"."} : arguments;
  std::unique_ptr<ScanContext> ctx = ScanContext::Create(flags, ScanRoot(paths));
  if (!ctx) return kExitError;
  WalkOptions walk_options;
  walk_options.follow_symlinks = flags.follow_symlinks;
  walk_options.excluder = &ctx->excluder();
  WalkResult walk = WalkPaths(paths, walk_options);
  if (!walk.missing.empty()) {
    for (const std::string& m : walk.missing) {
      std::cerr << "magpie: error: no such file or directory: " << m << "\n";
    }
    return kExitError;
  }

  ResultSink sink(*ctx);
  sink.Begin();
  for (const report::Diagnostic& d : walk.diagnostics) sink.AddDiagnostic(d);
  sink.CountSkipped("symlink", walk.symlinks_skipped);
  sink.CountSkipped("excluded", walk.excluded);

  // Read and scan in parallel; hand results to the sink in path order, streaming.
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, ctx->threads());
  size_t next = 0;
  const std::vector<std::string>& files = walk.files;
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
              [&](size_t index) { return ScanOneFile(*ctx, files[index], walk.explicit_files.count(files[index]) > 0);
              }) &
          tbb::make_filter<ItemResult, void>(
              tbb::filter_mode::serial_in_order,
              [&](ItemResult item) { sink.Add(std::move(item)); }));
  return sink.Finish();
}

}  // namespace magpie::cli
