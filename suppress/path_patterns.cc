#include "suppress/path_patterns.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace magpie::suppress {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// Whether pattern[pi...] matches path[qi...]. `failed` (one flag per (pi, qi) pair, null when
// the pattern has at most one "**") remembers the pairs already known not to match, so that a
// pattern with several "**" costs at most pattern × path steps instead of trying every way to
// spread the path over them (issue 10: "**/a/**/a/**/a/**/a/**/a/**/a/b" against a deep path
// took minutes).
bool MatchSegments(const std::vector<std::string>& pattern, size_t pi,
                   const std::vector<std::string>& path, size_t qi, std::vector<bool>* failed) {
  if (pi == pattern.size()) return qi == path.size();
  if (pattern[pi] == "**") {
    if (pi + 1 == pattern.size()) return qi < path.size();  // "dir/**": something inside
    for (size_t k = qi; k <= path.size(); ++k) {
      const size_t state = (pi + 1) * (path.size() + 1) + k;
      if (failed != nullptr && (*failed)[state]) continue;
      if (MatchSegments(pattern, pi + 1, path, k, failed)) return true;
      if (failed != nullptr) (*failed)[state] = true;
    }
    return false;
  }
  if (qi == path.size()) return false;
  // One component against one component: FNM_PATHNAME keeps '*' from ever crossing a '/'.
  if (fnmatch(pattern[pi].c_str(), path[qi].c_str(), FNM_PATHNAME) != 0) return false;
  return MatchSegments(pattern, pi + 1, path, qi + 1, failed);
}

bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (std::count(pattern.begin(), pattern.end(), "**") <= 1) {
    return MatchSegments(pattern, 0, path, 0, nullptr);  // one "**": linear without memo
  }
  std::vector<bool> failed((pattern.size() + 1) * (path.size() + 1));
  return MatchSegments(pattern, 0, path, 0, &failed);
}

}  // namespace

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
  while (!text.empty() && text.back() == '/') {
    p.directory_only = true;
    text.remove_suffix(1);
  }
  const bool anchored = text.find('/') != std::string_view::npos;
  p.segments = SplitPath(text);
  // "**/**" matches what "**" does; one of them keeps MatchSegments' recursion as deep as the
  // path, not as the pattern.
  p.segments.erase(std::unique(p.segments.begin(), p.segments.end(),
                               [](const std::string& a, const std::string& b) {
                                 return a == "**" && b == "**";
                               }),
                   p.segments.end());
  if (p.segments.empty()) return;
  if (!anchored) p.segments.insert(p.segments.begin(), "**");
  patterns_.push_back(std::move(p));
}

void PathPatterns::Append(const PathPatterns& other) {
  patterns_.insert(patterns_.end(), other.patterns_.begin(), other.patterns_.end());
}

bool PathPatterns::Excludes(std::string_view relative, bool is_directory) const {
  const std::vector<std::string> path = SplitPath(relative);
  if (path.empty()) return false;
  bool excluded = false;
  for (const Pattern& p : patterns_) {
    if (p.directory_only && !is_directory) continue;
    if (excluded == !p.negated) continue;  // cannot change the outcome
    if (MatchSegments(p.segments, path)) excluded = !p.negated;
  }
  return excluded;
}

bool PathPatterns::ExcludesWithParents(std::string_view relative, bool is_directory) const {
  if (patterns_.empty()) return false;
  for (size_t slash = relative.find('/'); slash != std::string_view::npos;
       slash = relative.find('/', slash + 1)) {
    if (slash > 0 && Excludes(relative.substr(0, slash), true)) return true;
  }
  return Excludes(relative, is_directory);
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
