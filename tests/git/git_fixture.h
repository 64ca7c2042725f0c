// Test helper: a throw-away git repository driven by the git CLI, with fixed identities and
// dates so that commit ids and provenance are reproducible.
#ifndef MAGPIE_TESTS_GIT_GIT_FIXTURE_H_
#define MAGPIE_TESTS_GIT_GIT_FIXTURE_H_

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <tbb/parallel_for.h>

#include "git/history.h"

namespace magpie::git::testing {

// The binary test a caller passes as is_binary (magpie passes scanner::LooksBinary; git tests
// do not link the scanner): any NUL byte.
inline bool HasNulByte(std::string_view bytes) {
  return bytes.find('\0') != std::string_view::npos;
}

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs a shell command; returns its stdout with the trailing newline removed.
inline std::string Run(const std::string& command, int* status = nullptr) {
  // Keep the machine's and the user's git configuration out of the fixtures.
  static const bool env_set = [] {
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    setenv("GIT_AUTHOR_NAME", "Alice Author", 1);
    setenv("GIT_AUTHOR_EMAIL", "alice@example.com", 1);
    setenv("GIT_COMMITTER_NAME", "Carl Committer", 1);
    setenv("GIT_COMMITTER_EMAIL", "carl@example.com", 1);
    return true;
  }();
  (void)env_set;
  std::string out;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int rc = pclose(pipe);
  const int code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  if (status != nullptr) {
    *status = code;
  } else {
    INFO("command: " << command);
    REQUIRE(code == 0);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "magpie-git-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class TempRepo {
 public:
  // A new repository with branch "main" in a fresh temporary directory.
  explicit TempRepo(bool bare = false) {
    path_ = dir_.path() + "/repo";
    Run("git init -q -b main " + std::string(bare ? "--bare " : "") + ShellQuote(path_));
  }
  // Wraps an existing directory (a clone made by the test) without creating anything.
  TempRepo(const TempDir& dir, const std::string& name) : path_(dir.path() + "/" + name) {}

  const std::string& path() const { return path_; }

  std::string Git(const std::string& args, int* status = nullptr) const {
    return Run("cd " + ShellQuote(path_) + " && GIT_AUTHOR_DATE=" + Date() +
                   " GIT_COMMITTER_DATE=" + Date() + " git " + args,
               status);
  }

  void Write(const std::string& relative, const std::string& content) const {
    const std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << content;
  }
  void Remove(const std::string& relative) const {
    std::filesystem::remove(std::filesystem::path(path_) / relative);
  }

  // Stages everything (unless !add_all) and commits at the next fixed time; returns the new
  // commit's id.
  std::string Commit(const std::string& message, bool add_all = true) {
    ++clock_;
    if (add_all) Git("add -A");
    Git("commit -q --allow-empty -m " + ShellQuote(message));
    return Git("rev-parse HEAD");
  }
  // The time the last Commit used, in seconds since the epoch.
  int64_t last_time() const { return kEpoch + clock_; }
  // Id of the blob `content` would have.
  std::string BlobId(const std::string& content) const {
    return Run("printf %s " + ShellQuote(content) + " | git hash-object --stdin");
  }

 private:
  static constexpr int64_t kEpoch = 1600000000;
  std::string Date() const { return "'@" + std::to_string(kEpoch + clock_) + " +0000'"; }

  TempDir dir_;
  std::string path_;
  int clock_ = 0;
};

// What History::Open found and what reading every blob gave, by blob id, plus diagnostics,
// for assertions. Blobs are read from several threads at once, as the pipeline reads them.
struct Collected {
  struct {
    std::string error;  // Open's error message, "" when it opened
    struct {
      uint64_t commits = 0;        // commits walked
      uint64_t blobs_skipped = 0;  // blobs Read reported as skipped
    } stats;
    bool ok() const { return error.empty(); }
  } result;
  std::map<std::string, BlobProvenance> blobs;  // by blob id
  std::map<std::string, std::string> contents;  // by blob id
  std::vector<GitDiagnostic> diagnostics;
  int calls = 0;

  const BlobProvenance* ByContent(const std::string& content) const {
    for (const auto& [id, data] : contents) {
      if (data == content) return &blobs.at(id);
    }
    return nullptr;
  }
  int Count(DiagnosticKind kind) const {
    int n = 0;
    for (const auto& d : diagnostics) n += d.kind == kind ? 1 : 0;
    return n;
  }
};

inline Collected Collect(const std::string& repo, const HistoryOptions& options = {}) {
  Collected c;
  auto history =
      History::Open(repo, options, [&](const GitDiagnostic& d) { c.diagnostics.push_back(d); });
  if (!history.ok()) {
    c.result.error = history.status().message();
    return c;
  }
  const History& h = **history;
  c.result.stats.commits = h.commits();
  std::mutex mu;
  tbb::parallel_for(size_t{0}, h.size(), [&](size_t i) {
    BlobRead blob = h.Read(i);
    std::lock_guard lock(mu);
    if (!blob.ok()) {
      ++c.result.stats.blobs_skipped;
      c.diagnostics.push_back(*blob.skipped);
      return;
    }
    const BlobProvenance p = h.Provenance(i);
    ++c.calls;
    c.blobs[p.blob_id] = p;
    c.contents[p.blob_id] = std::string(blob.bytes);
  });
  return c;
}

}  // namespace magpie::git::testing

#endif  // MAGPIE_TESTS_GIT_GIT_FIXTURE_H_
