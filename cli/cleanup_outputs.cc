#include "cli/cleanup_outputs.h"

#include <utility>

#include "report/terminal_text.h"

namespace magpie::cli {

Result<CleanupOutputs> CleanupOutputs::Open(const std::string& replacements,
                                            const std::string& paths_to_remove) {
  CleanupOutputs out;
  if (!replacements.empty()) {
    Result<ExclusiveFile> file = ExclusiveFile::Create(replacements);
    if (!file.ok()) return Status(file.status().code(), "--replacements: " + file.status().message());
    out.replacements_ = *std::move(file);
  }
  if (!paths_to_remove.empty()) {
    Result<ExclusiveFile> file = ExclusiveFile::Create(paths_to_remove);
    if (!file.ok()) {
      return Status(file.status().code(), "--paths-to-remove: " + file.status().message());
    }
    out.paths_ = *std::move(file);
  }
  return out;
}

Status CleanupOutputs::Write(const report::CleanupLists& lists, std::ostream& log) {
  if (replacements_) {
    const Status written = replacements_->Write(lists.ReplacementsText());
    if (!written.ok()) return written;
    log << "magpie: warning: " << report::EscapeControls(replacements_->path()) << " holds "
        << lists.secrets() << (lists.secrets() == 1 ? " secret" : " secrets")
        << " in full (mode 0600): use it with git filter-repo --replace-text, then delete it "
           "(docs/remediation.md)\n";
  }
  if (paths_) {
    const Status written = paths_->Write(lists.PathsText());
    if (!written.ok()) return written;
    log << "magpie: " << report::EscapeControls(paths_->path()) << ": " << lists.paths()
        << (lists.paths() == 1 ? " sensitive file" : " sensitive files")
        << " for git filter-repo --invert-paths --paths-from-file\n";
  }
  return Status::Ok();
}

}  // namespace magpie::cli
