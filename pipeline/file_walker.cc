#include "pipeline/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace magpie::pipeline {
namespace fs = std::filesystem;
namespace {

std::string Display(const fs::path& p) {
  std::string s = p.generic_string();
  while (s.size() > 2 && s.compare(0, 2, "./") == 0) s.erase(0, 2);
  return s;
}

void WalkDirectory(const fs::path& root, const WalkOptions& options, WalkResult* out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) {
    out->diagnostics.push_back({Display(root), "unreadable", ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out->diagnostics.push_back({Display(it->path()), "unreadable", ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    const fs::file_status st = entry.symlink_status(ec);
    if (ec) {
      out->diagnostics.push_back({Display(entry.path()), "unreadable", ec.message()});
      ec.clear();
      continue;
    }
    if (fs::is_directory(st)) {
      if (entry.path().filename() == ".git") {
        it.disable_recursion_pending();
      } else if (options.excluder && options.excluder->ExcludesEntry(Display(entry.path()), true)) {
        it.disable_recursion_pending();
        ++out->excluded;
      }
      continue;
    }
    if (fs::is_symlink(st)) {
      if (!options.follow_symlinks || fs::is_directory(entry.path(), ec)) {
        ++out->symlinks_skipped;
        continue;
      }
    }
    std::string path = Display(entry.path());
    if (options.excluder && options.excluder->ExcludesEntry(path, false)) {
      ++out->excluded;
      continue;
    }
    out->files.push_back(std::move(path));
  }
}

}  // namespace

WalkResult WalkPaths(const std::vector<std::string>& arguments, const WalkOptions& options) {
  WalkResult result;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      result.files.push_back("-");
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(argument, ec);
    if (ec || !fs::exists(st)) {
      result.missing.push_back(argument);
    } else if (options.excluder &&
               options.excluder->ExcludesPath(Display(argument), fs::is_directory(st))) {
      ++result.excluded;
    } else if (fs::is_directory(st)) {
      WalkDirectory(argument, options, &result);
    } else {
      result.files.push_back(Display(argument));  // named explicitly: read it, link or not
      result.explicit_files.insert(Display(argument));
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
  return result;
}

}  // namespace magpie::pipeline
