// `magpie scan [PATH…]`: files and directories (default "."), "-" for stdin.
#include <filesystem>
#include <system_error>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/file_source.h"

namespace magpie::cli {
namespace {

// Where .magpie.yaml and .magpieignore are looked for and what paths are shown relative to:
// the top level of the git work tree holding the first directory argument (else the working
// directory), whatever the working directory is; outside git, that directory itself.
struct Root {
  std::string path;
  bool in_git = false;
};

Root ScanRoot(const std::vector<std::string>& paths) {
  std::string first = ".";
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) {
      first = path;
      break;
    }
  }
  const std::string top = git::FindWorkTreeRoot(first);
  return top.empty() ? Root{first, false} : Root{top, true};
}

}  // namespace

int RunScan(const CommonFlags& flags, const std::vector<std::string>& arguments) {
  const std::vector<std::string> paths =
      arguments.empty() ? std::vector<std::string>{"."} : arguments;
  // `-o` naming an input would empty it before it is read: a silent clean result.
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!flags.output.empty() && path != "-" &&
        std::filesystem::equivalent(path, flags.output, ec)) {
      return ReportError(InvalidArgument("--output '" + flags.output + "' is also an input (" +
                                         path + "); not overwriting it"));
    }
  }
  const Root root = ScanRoot(paths);
  Result<ScanSettings> settings = ResolveSettings(flags, root.path);
  if (!settings.ok()) return ReportError(settings.status());
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  Result<std::unique_ptr<pipeline::FileSource>> source =
      pipeline::FileSource::Create(paths, (*run)->settings().read, &(*run)->excluder(),
                                   (*run)->settings().output);
  if (!source.ok()) return ReportError(source.status());
  // In a repository, paths (and so fingerprints) are the same as `staged` and `git` report.
  if (root.in_git) (*source)->ShowPathsRelativeTo(root.path);
  (*run)->Scan(**source);
  return (*run)->Finish();
}

}  // namespace magpie::cli
