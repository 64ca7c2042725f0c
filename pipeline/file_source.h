// The files (and stdin, "-") named on the command line, directories walked recursively in
// path order (file_walker.h), each read for scanning (scanner/file_reader.h: size limit,
// binary detection, symlink policy).
#ifndef MAGPIE_PIPELINE_FILE_SOURCE_H_
#define MAGPIE_PIPELINE_FILE_SOURCE_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "pipeline/source.h"
#include "scanner/file_reader.h"
#include "suppress/path_patterns.h"

namespace magpie::pipeline {

class FileSource : public Source {
 public:
  // Walks `paths` (files, directories, "-"). `excluder` (may be null) must outlive the source.
  // `report_file` (may be ""): the file this run writes its report to, which is never scanned
  // (it is being written, and a report redacts secrets: scanning it would hide its input);
  // skipped as "report-file". Errors (kNotFound): an argument that does not exist, one line
  // per argument.
  static Result<std::unique_ptr<FileSource>> Create(const std::vector<std::string>& paths,
                                                    const scanner::FileReadOptions& read,
                                                    const suppress::PathExcluder* excluder,
                                                    const std::string& report_file = "");

  // Shows (and fingerprints) each file under `root` by its path relative to `root` (the
  // repository's top level), whatever the working directory and however it was named, so that
  // a fingerprint written from a subdirectory matches the one from the root and from CI. Files
  // outside `root`, and stdin, keep the name they were given. Call before scanning.
  void ShowPathsRelativeTo(const std::string& root);

  size_t size() const override { return files_.size(); }
  SourceItem Load(size_t index) const override;

 private:
  FileSource() = default;
  std::string DisplayPath(const std::string& path) const;
  std::string display_root_;  // absolute and normal; "" = paths as walked
  std::string cwd_;           // absolute, for relative paths
  std::vector<std::string> files_;
  std::set<std::string> explicit_files_;
  scanner::FileReadOptions read_;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_FILE_SOURCE_H_
