#include "suppress/ignore_file.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <map>
#include <system_error>

#include "base/file_io.h"

namespace magpie::suppress {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kDefaultHeader =
    "# magpie ignore file (docs/suppression.md). One entry per line:\n"
    "#   <32 hex digits>  # comment   accepts the finding with that fingerprint\n"
    "#   any other entry              a gitignore-style path pattern excluded from scans\n"
    "# `magpie scan --write-ignore` adds the current findings and keeps fingerprints sorted.\n"
    "\n";
constexpr std::string_view kUnionLine = "/.magpieignore merge=union";

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
  const std::string_view trimmed = TrimTrailingSpace(line);
  if (TrimLeft(trimmed).empty()) return LineKind::kBlank;
  if (trimmed.front() == '#') return LineKind::kComment;
  return FingerprintOf(trimmed).empty() ? LineKind::kPattern : LineKind::kFingerprint;
}

std::string Sanitize(std::string_view s) {
  std::string out;
  for (char c : s) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  return out;
}

}  // namespace

std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

IgnoreFile ParseIgnoreFile(std::string_view text) {
  IgnoreFile file;
  for (std::string_view line : SplitLines(text)) {
    switch (Classify(line)) {
      case LineKind::kFingerprint:
        file.fingerprints.insert(FingerprintOf(TrimTrailingSpace(line)));
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

Result<IgnoreFile> LoadIgnoreFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return IgnoreFile{};
  Result<std::string> text = ReadWholeFile(path, ReadPolicy::kRegularFileInTree);
  if (!text.ok()) return text.status().WithContext("cannot read ignore file " + path);
  IgnoreFile file = ParseIgnoreFile(*text);
  file.path = path;
  return file;
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
        (pending += TrimTrailingSpace(line)) += '\n';
        break;
      case LineKind::kPattern:
        ((patterns += pending) += TrimTrailingSpace(line)) += '\n';
        pending.clear();
        break;
      case LineKind::kFingerprint: {
        std::string unit = pending;
        (unit += TrimTrailingSpace(line)) += '\n';
        fingerprints.emplace(FingerprintOf(TrimTrailingSpace(line)), std::move(unit));  // first wins
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

Result<size_t> AppendToIgnoreFile(const std::string& path,
                                  const std::vector<IgnoreEntry>& entries) {
  std::string existing;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    Result<std::string> read = ReadWholeFile(path, ReadPolicy::kRegularFileInTree);
    if (!read.ok()) return read.status().WithContext("cannot read " + path);
    existing = *std::move(read);
  }
  size_t added = 0;
  const std::string text = MergeIgnoreText(existing, entries, &added);
  if (text == existing || (existing.empty() && added == 0)) return added;
  if (Status written = WriteFileAtomically(path, text); !written.ok()) return written;
  return added;
}

std::string RemoveIgnoreEntry(std::string_view existing, std::string_view fingerprint,
                              bool* removed) {
  *removed = false;
  const std::string wanted = FingerprintOf(fingerprint);
  std::string out;
  out.reserve(existing.size());
  while (!existing.empty()) {
    const size_t nl = existing.find('\n');
    const std::string_view line = existing.substr(0, nl == std::string_view::npos ? nl : nl + 1);
    existing.remove_prefix(line.size());
    std::string_view entry = line;
    if (!entry.empty() && entry.back() == '\n') entry.remove_suffix(1);
    if (!wanted.empty() && Classify(entry) == LineKind::kFingerprint &&
        FingerprintOf(TrimTrailingSpace(entry)) == wanted) {
      *removed = true;
      continue;
    }
    out += line;
  }
  return out;
}

Result<bool> RemoveFromIgnoreFile(const std::string& path, std::string_view fingerprint) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  Result<std::string> read = ReadWholeFile(path, ReadPolicy::kRegularFileInTree);
  if (!read.ok()) return read.status().WithContext("cannot read " + path);
  bool removed = false;
  const std::string text = RemoveIgnoreEntry(*read, fingerprint, &removed);
  if (!removed) return false;
  if (Status written = WriteFileAtomically(path, text); !written.ok()) return written;
  return true;
}

Result<std::string> EnsureUnionMerge(const std::string& root) {
  std::error_code ec;
  bool in_git = false;
  for (fs::path dir = fs::absolute(root, ec).lexically_normal();; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) {
      in_git = true;
      break;
    }
    if (dir == dir.parent_path() || dir.empty()) break;
  }
  if (!in_git) return std::string();
  const std::string path = (fs::path(root) / ".gitattributes").lexically_normal().generic_string();
  std::string text;
  if (fs::exists(path, ec)) {
    Result<std::string> read = ReadWholeFile(path, ReadPolicy::kRegularFileInTree);
    if (!read.ok()) return read.status().WithContext("cannot read " + path);
    text = *std::move(read);
    for (std::string_view line : SplitLines(text)) {
      const std::string_view t = TrimLeft(TrimTrailingSpace(line));
      if (t.find(".magpieignore") != std::string_view::npos &&
          t.find("merge=") != std::string_view::npos) {
        return std::string();  // the user already chose a merge driver
      }
    }
  }
  if (!text.empty() && text.back() != '\n') text += '\n';
  (text += kUnionLine) += '\n';
  if (Status written = WriteFileAtomically(path, text); !written.ok()) return written;
  return path;
}

}  // namespace magpie::suppress
