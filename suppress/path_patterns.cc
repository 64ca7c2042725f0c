#include "suppress/path_patterns.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/glob.h"

namespace magpie::suppress {
namespace fs = std::filesystem;

std::string_view TrimTrailingSpace(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    if (s.size() >= 2 && s[s.size() - 2] == '\\' && s.back() == ' ') break;  // "\ " is kept
    s.remove_suffix(1);
  }
  return s;
}

void PathPatterns::Add(std::string_view text) {
  text = TrimTrailingSpace(text);
  Pattern p;
  if (!text.empty() && text.front() == '!') {
    p.negated = true;
    text.remove_prefix(1);
  } else if (text.size() >= 2 && text[0] == '\\' && (text[1] == '!' || text[1] == '#')) {
    text.remove_prefix(1);
  }
  if (!text.empty() && text.back() == '/') {  // git strips one trailing '/'
    p.directory_only = true;
    text.remove_suffix(1);
  }
  if (text.empty()) return;
  // A '/' at the start or in the middle anchors the pattern at the root (git dir.c: a pattern
  // without one is matched against the name at any depth).
  const bool anchored = text.find('/') != std::string_view::npos;
  key_.append(p.negated ? "!" : " ").append(text).append(p.directory_only ? "/\n" : "\n");
  if (text.front() == '/') text.remove_prefix(1);
  p.glob = std::make_shared<const glob::PathGlob>(text, anchored);
  patterns_.push_back(std::move(p));
}

void PathPatterns::Append(const PathPatterns& other) {
  patterns_.insert(patterns_.end(), other.patterns_.begin(), other.patterns_.end());
  key_ += other.key_;
}

bool PathPatterns::Excludes(std::string_view relative, bool is_directory) const {
  const std::vector<std::string_view> path = glob::SplitPath(relative);
  if (path.empty()) return false;
  std::vector<char> matched;
  // The last pattern that matches decides: look from the end, stop at the first match.
  for (auto p = patterns_.rbegin(); p != patterns_.rend(); ++p) {
    if (p->directory_only && !is_directory) continue;
    p->glob->MatchPrefixes(path, &matched);
    if (matched.back() != 0) return !p->negated;
  }
  return false;
}

bool PathPatterns::ExcludesWithParents(std::string_view relative, bool is_directory) const {
  if (patterns_.empty()) return false;
  const std::vector<std::string_view> path = glob::SplitPath(relative);
  const size_t n = path.size();
  if (n == 0) return false;
  // One pass per pattern answers for every leading directory at once (a loop over the parents
  // calling Excludes would cost depth × as much). verdict[j] is the decision for the first j
  // components: the last pattern matching them, so patterns are tried from the end.
  enum : char { kUndecided, kIncluded, kExcluded };
  std::vector<char> verdict(n + 1, kUndecided);
  size_t undecided = n;
  std::vector<char> matched;
  for (auto p = patterns_.rbegin(); p != patterns_.rend() && undecided > 0; ++p) {
    p->glob->MatchPrefixes(path, &matched);
    for (size_t j = 1; j <= n; ++j) {
      if (verdict[j] != kUndecided || matched[j] == 0) continue;
      if (p->directory_only && j == n && !is_directory) continue;  // parents are directories
      verdict[j] = p->negated ? kIncluded : kExcluded;
      --undecided;
    }
  }
  // A path inside an excluded directory is excluded, whatever a negation says about it.
  return std::find(verdict.begin() + 1, verdict.end(), kExcluded) != verdict.end();
}

PathExcluder::PathExcluder(const std::string& root, PathPatterns patterns)
    : patterns_(std::move(patterns)) {
  std::error_code ec;
  cwd_ = fs::current_path(ec).generic_string();
  root_ = fs::absolute(root, ec).lexically_normal().generic_string();
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string PathExcluder::Relative(const std::string& path) const {
  const fs::path p(path);
  const fs::path absolute = p.is_absolute() ? p : fs::path(cwd_) / p;
  const std::string normal = absolute.lexically_normal().generic_string();
  if (root_ == "/") return normal.substr(1);
  if (normal.size() <= root_.size() + 1 || normal.compare(0, root_.size(), root_) != 0 ||
      normal[root_.size()] != '/') {
    return "";
  }
  return normal.substr(root_.size() + 1);
}

bool PathExcluder::ExcludesEntry(const std::string& path, bool is_directory) const {
  if (patterns_.empty()) return false;
  const std::string relative = Relative(path);
  return !relative.empty() && patterns_.Excludes(relative, is_directory);
}

bool PathExcluder::ExcludesPath(const std::string& path, bool is_directory) const {
  if (patterns_.empty() || path == "-") return false;
  const std::string relative = Relative(path);
  return !relative.empty() && patterns_.ExcludesWithParents(relative, is_directory);
}

}  // namespace magpie::suppress
