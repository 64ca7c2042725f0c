#include "pipeline/file_source.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>
#include <utility>

#include "pipeline/file_walker.h"

namespace magpie::pipeline {

namespace {

// Removes `report_file` from `files` (comparing file identity, and only for the few files
// with its name, so that a large walk pays nothing); returns how many were removed.
uint64_t DropReportFile(const std::string& report_file, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  if (report_file.empty()) return 0;
  std::error_code ec;
  const fs::path report(report_file);
  if (!fs::exists(report, ec)) return 0;
  const std::string name = report.filename().string();
  const size_t before = files->size();
  std::erase_if(*files, [&](const std::string& file) {
    std::error_code same_ec;
    return file != "-" && fs::path(file).filename() == name &&
           fs::equivalent(file, report, same_ec);
  });
  return before - files->size();
}

}  // namespace

Result<std::unique_ptr<FileSource>> FileSource::Create(const std::vector<std::string>& paths,
                                                       const scanner::FileReadOptions& read,
                                                       const suppress::PathExcluder* excluder,
                                                       const std::string& report_file) {
  WalkOptions walk_options;
  walk_options.follow_symlinks = read.follow_symlinks;
  walk_options.excluder = excluder;
  WalkResult walk = WalkPaths(paths, walk_options);
  if (!walk.missing.empty()) {
    std::string message;
    for (const std::string& m : walk.missing) {
      if (!message.empty()) message += '\n';
      message += "no such file or directory: " + m;
    }
    return NotFound(std::move(message));
  }
  std::unique_ptr<FileSource> source(new FileSource());
  source->files_ = std::move(walk.files);
  source->explicit_files_ = std::move(walk.explicit_files);
  source->read_ = read;
  source->prelude_.diagnostics = std::move(walk.diagnostics);
  if (walk.symlinks_skipped > 0) source->prelude_.skipped["symlink"] = walk.symlinks_skipped;
  if (walk.excluded > 0) source->prelude_.skipped["excluded"] = walk.excluded;
  if (const uint64_t dropped = DropReportFile(report_file, &source->files_); dropped > 0) {
    source->prelude_.skipped["report-file"] = dropped;
    source->prelude_.notes.push_back(report_file + ": the report being written, not scanned");
  }
  return source;
}

void FileSource::ShowPathsRelativeTo(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path absolute_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
  if (ec || cwd.empty()) return;  // paths as walked: still correct, only not root-relative
  cwd_ = cwd.string();
  display_root_ = absolute_root.lexically_normal().string();
}

std::string FileSource::DisplayPath(const std::string& path) const {
  namespace fs = std::filesystem;
  if (display_root_.empty() || path == "-") return path;
  fs::path p(path);
  if (p.is_relative()) p = fs::path(cwd_) / p;
  const fs::path relative = p.lexically_normal().lexically_relative(display_root_);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return path;
  return relative.generic_string();
}

SourceItem FileSource::Load(size_t index) const {
  const std::string& path = files_[index];
  const std::string shown = DisplayPath(path);
  SourceItem item;
  item.origin = report::FileOrigin{shown};
  scanner::FileReadOptions read = read_;
  // What the user names explicitly is read even when it is a link.
  read.follow_symlinks = read.follow_symlinks || explicit_files_.count(path) > 0;
  scanner::FileReadResult result = path == "-" ? scanner::ReadStreamForScan(STDIN_FILENO, read)
                                               : scanner::ReadFileForScan(path, read);
  if (result.stream) {
    item.stream = std::move(result.stream);
    return item;
  }
  if (!result.content) {
    item.skip_reason = std::string(scanner::ToString(result.skipped));
    item.diagnostic = report::Diagnostic{shown, item.skip_reason, result.message};
    return item;
  }
  item.bytes = result.content->data();
  item.owner = std::shared_ptr<const scanner::FileContent>(std::move(result.content));
  return item;
}

}  // namespace magpie::pipeline
