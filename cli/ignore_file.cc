#include "cli/ignore_file.h"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <system_error>

namespace magpie::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDefaultHeader =
    "# magpie ignore file (docs/suppression.md). One entry per line:\n"
    "#   <32 hex digits>  # comment   accepts the finding with that fingerprint\n"
    "#   any other entry              a gitignore-style path pattern excluded from scans\n"
    "# `magpie scan --write-ignore` adds the current findings and keeps fingerprints sorted.\n"
    "\n";
constexpr std::string_view kUnionLine = "/.magpieignore merge=union";

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    if (s.size() >= 2 && s[s.size() - 2] == '\\' && s.back() == ' ') break;  // "\ " is kept
    s.remove_suffix(1);
  }
  return s;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The lower-case fingerprint when `entry` is "<32 hex>" optionally followed by whitespace and a
// '#' comment; "" otherwise.
std::string FingerprintOf(std::string_view entry) {
  if (entry.size() < 32 || !std::all_of(entry.begin(), entry.begin() + 32, IsHex)) return "";
  const std::string_view rest = TrimLeft(entry.substr(32));
  if (!rest.empty() && (rest.front() != '#' || rest.size() == entry.size() - 32)) return "";
  std::string fp(entry.substr(0, 32));
  for (char& c : fp) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return fp;
}

enum class LineKind { kBlank, kComment, kFingerprint, kPattern };

LineKind Classify(std::string_view line) {
  const std::string_view trimmed = TrimRight(line);
  if (TrimLeft(trimmed).empty()) return LineKind::kBlank;
  if (trimmed.front() == '#') return LineKind::kComment;
  return FingerprintOf(trimmed).empty() ? LineKind::kPattern : LineKind::kFingerprint;
}

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

bool MatchSegments(const std::vector<std::string>& pattern, size_t pi,
                   const std::vector<std::string>& path, size_t qi) {
  if (pi == pattern.size()) return qi == path.size();
  if (pattern[pi] == "**") {
    if (pi + 1 == pattern.size()) return qi < path.size();  // "dir/**": something inside
    for (size_t k = qi; k <= path.size(); ++k) {
      if (MatchSegments(pattern, pi + 1, path, k)) return true;
    }
    return false;
  }
  if (qi == path.size()) return false;
  // One component against one component: FNM_PATHNAME keeps '*' from ever crossing a '/'.
  if (fnmatch(pattern[pi].c_str(), path[qi].c_str(), FNM_PATHNAME) != 0) return false;
  return MatchSegments(pattern, pi + 1, path, qi + 1);
}

std::string Sanitize(std::string_view s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return out;
}

bool ReadWholeFile(const std::string& path, std::string* text, std::string* error) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) {
    *error = std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text->append(buffer, n);
  if (std::ferror(file.get())) {
    *error = std::strerror(errno != 0 ? errno : EIO);
    return false;
  }
  return true;
}

bool WriteAtomically(const std::string& path, std::string_view text, std::string* error) {
  const std::string temp = path + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      *error = "cannot write " + temp;
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    *error = "cannot replace " + path + ": " + std::strerror(errno);
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace

void PathPatterns::Add(std::string_view text) {
  text = TrimRight(text);
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
    if (MatchSegments(p.segments, 0, path, 0)) excluded = !p.negated;
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

IgnoreFile ParseIgnoreFile(std::string_view text) {
  IgnoreFile file;
  for (std::string_view line : SplitLines(text)) {
    switch (Classify(line)) {
      case LineKind::kFingerprint:
        file.fingerprints.insert(FingerprintOf(TrimRight(line)));
        break;
      case LineKind::kPattern:
        file.patterns.Add(line);
        break;
      default:
        break;
    }
  }
  return file;
}

IgnoreFileLoad LoadIgnoreFile(const std::string& path) {
  IgnoreFileLoad load;
  std::error_code ec;
  if (!fs::exists(path, ec)) return load;
  std::string text;
  std::string error;
  if (!ReadWholeFile(path, &text, &error)) {
    load.error = "cannot read ignore file " + path + ": " + error;
    return load;
  }
  load.file = ParseIgnoreFile(text);
  load.file.path = path;
  return load;
}

std::string MergeIgnoreText(std::string_view existing, const std::vector<IgnoreEntry>& entries,
                            size_t* added) {
  const std::vector<std::string_view> lines = SplitLines(existing);
  // The leading block: everything up to the last blank line before the first entry.
  size_t first_entry = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineKind kind = Classify(lines[i]);
    if (kind == LineKind::kFingerprint || kind == LineKind::kPattern) {
      first_entry = i;
      break;
    }
  }
  size_t header_end = 0;  // one past the header's last line
  for (size_t i = 0; i < first_entry; ++i) {
    if (Classify(lines[i]) == LineKind::kBlank) header_end = i + 1;
  }
  if (first_entry == lines.size()) header_end = lines.size();  // no entry: all of it is header

  std::string header;
  for (size_t i = 0; i < header_end; ++i) (header += lines[i]) += '\n';
  if (existing.empty()) header = kDefaultHeader;

  std::string patterns;                             // in their order
  std::map<std::string, std::string> fingerprints;  // fingerprint -> its comment lines + entry
  std::string pending;                              // comment lines waiting for their entry
  for (size_t i = header_end; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    switch (Classify(line)) {
      case LineKind::kBlank:
        break;
      case LineKind::kComment:
        (pending += TrimRight(line)) += '\n';
        break;
      case LineKind::kPattern:
        ((patterns += pending) += TrimRight(line)) += '\n';
        pending.clear();
        break;
      case LineKind::kFingerprint: {
        std::string unit = pending;
        (unit += TrimRight(line)) += '\n';
        fingerprints.emplace(FingerprintOf(TrimRight(line)), std::move(unit));  // first wins
        pending.clear();
        break;
      }
    }
  }
  *added = 0;
  for (const IgnoreEntry& entry : entries) {
    const std::string fp = FingerprintOf(entry.fingerprint);
    if (fp.empty() || fingerprints.count(fp) > 0) continue;
    std::string unit = fp;
    if (!entry.comment.empty()) (unit += "  # ") += Sanitize(entry.comment);
    fingerprints.emplace(fp, unit + '\n');
    ++*added;
  }

  std::string out = header;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += patterns;
  if (!patterns.empty() && !fingerprints.empty()) out += '\n';
  for (const auto& [fp, unit] : fingerprints) out += unit;
  out += pending;  // comments after the last entry stay last
  return out;
}

IgnoreWrite AppendToIgnoreFile(const std::string& path, const std::vector<IgnoreEntry>& entries) {
  IgnoreWrite result;
  std::string existing;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    std::string error;
    if (!ReadWholeFile(path, &existing, &error)) {
      result.error = "cannot read " + path + ": " + error;
      return result;
    }
  }
  const std::string text = MergeIgnoreText(existing, entries, &result.added);
  if (text == existing || (existing.empty() && result.added == 0)) return result;
  if (!WriteAtomically(path, text, &result.error)) return result;
  return result;
}

std::string EnsureUnionMerge(const std::string& root, std::string* error) {
  std::error_code ec;
  bool in_git = false;
  for (fs::path dir = fs::absolute(root, ec).lexically_normal();; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      in_git = true;
      break;
    }
    if (dir == dir.parent_path() || dir.empty()) break;
  }
  if (!in_git) return "";
  const std::string path = (fs::path(root) / ".gitattributes").lexically_normal().generic_string();
  std::string text;
  if (fs::exists(path, ec)) {
    std::string read_error;
    if (!ReadWholeFile(path, &text, &read_error)) {
      *error = "cannot read " + path + ": " + read_error;
      return "";
    }
    for (std::string_view line : SplitLines(text)) {
      const std::string_view t = TrimLeft(TrimRight(line));
      if (t.find(".magpieignore") != std::string_view::npos &&
          t.find("merge=") != std::string_view::npos) {
        return "";  // the user already chose a merge driver
      }
    }
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  (text += kUnionLine) += '\n';
  if (!WriteAtomically(path, text, error)) return "";
  return path;
}

}  // namespace magpie::cli
