// `magpie scan [PATH…]`: files and directories (default "."), "-" for stdin.
#include <filesystem>
#include <system_error>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/scan_run.h"
#include "pipeline/file_source.h"

namespace magpie::cli {
namespace {

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
  const std::vector<std::string> paths =
      arguments.empty() ? std::vector<std::string>{"."} : arguments;
  Result<ScanSettings> settings = ResolveSettings(flags, ScanRoot(paths));
  if (!settings.ok()) return ReportError(settings.status());
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  Result<std::unique_ptr<pipeline::FileSource>> source =
      pipeline::FileSource::Create(paths, (*run)->settings().read, &(*run)->excluder());
  if (!source.ok()) return ReportError(source.status());
  (*run)->Scan(**source);
  return (*run)->Finish();
}

}  // namespace magpie::cli
