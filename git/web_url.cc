#include "git/web_url.h"

#include <git2.h>

#include <algorithm>
#include <memory>
#include <string>

#include "git/libgit2_util.h"

namespace magpie::git {
namespace {

bool IsSegment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

WebUrls WebUrlsForRemote(std::string_view url) {
  // rest: "[user[:password]@]host[:port]/path" after a scheme, "[user@]host:path" scp-like.
  std::string_view rest;
  bool scp_like = true;
  for (std::string_view scheme : {"https://", "http://", "ssh://", "git://"}) {
    if (url.rfind(scheme, 0) == 0) {
      rest = url.substr(scheme.size());
      scp_like = false;
      break;
    }
  }
  if (scp_like) {
    const size_t colon = url.find(':');
    if (colon == std::string_view::npos || url.find('/') < colon) return {};  // a local path
    rest = url;
  }
  // Drop credentials ("user:token@"): they must never reach a report.
  const size_t at = rest.rfind('@', rest.find('/'));
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  const size_t host_end = rest.find_first_of(scp_like ? ":" : ":/");
  if (host_end == std::string_view::npos) return {};
  const std::string_view host = rest.substr(0, host_end);
  std::string_view path = rest.substr(host_end + 1);
  if (!scp_like && rest[host_end] == ':') {  // a port: "host:22/owner/repo"
    const size_t slash = path.find('/');
    if (slash == std::string_view::npos) return {};
    path.remove_prefix(slash + 1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".git") path.remove_suffix(4);
  size_t segments = 0;
  for (size_t start = 0; start <= path.size(); ++segments) {
    const size_t slash = std::min(path.find('/', start), path.size());
    if (!IsSegment(path.substr(start, slash - start))) return {};
    start = slash + 1;
  }
  const std::string base = "https://" + std::string(host) + "/" + std::string(path);
  if (host == "github.com" && segments == 2) return {base + "/commit/", base + "/blob/"};
  if (host == "gitlab.com" && segments >= 2) return {base + "/-/commit/", base + "/-/blob/"};
  return {};
}

WebUrls OriginWebUrls(const std::string& repo) {
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo, &error);
  if (!handle) return {};
  // remote.origin.url read straight from a config snapshot, not through git_remote_lookup:
  // that one also matches the remote's refspec keys with regexes, and Debian's libgit2 1.5
  // leaks a PCRE2 match block per key (LeakSanitizer failed the HTML report's test).
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, handle.get()) != 0) return {};
  std::unique_ptr<git_config, void (*)(git_config*)> config(raw, git_config_free);
  const char* url = nullptr;
  if (git_config_get_string(&url, config.get(), "remote.origin.url") != 0 || url == nullptr) {
    return {};
  }
  return WebUrlsForRemote(url);
}

}  // namespace magpie::git
