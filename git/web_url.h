// Where a repository can be browsed on the web, for links in the HTML report. Reads the
// `origin` remote's URL from the repository's configuration (hostile: the scanned repository
// writes it) and accepts only what it can turn into a well-formed https URL of a host whose
// URL scheme it knows.
// Thread safety: plain functions.
#ifndef MAGPIE_GIT_WEB_URL_H_
#define MAGPIE_GIT_WEB_URL_H_

#include <string>
#include <string_view>

namespace magpie::git {

struct WebUrls {
  std::string commit;  // prefix of a commit page: "https://github.com/o/r/commit/"
  std::string blob;    // prefix of a file at a revision: "https://github.com/o/r/blob/"
};

// The web URLs for a remote URL of github.com or gitlab.com, in any of git's spellings
// (git@host:owner/repo.git, ssh://git@host/owner/repo, https://user:token@host/owner/repo.git);
// credentials in the URL are dropped. Empty for any other host, or when an owner or repository
// segment holds anything but letters, digits, '.', '_' and '-'.
WebUrls WebUrlsForRemote(std::string_view remote_url);

// WebUrlsForRemote of the `origin` remote of the repository at `repo` (a work tree, a .git
// directory or a bare repository); empty when there is none or it cannot be read.
WebUrls OriginWebUrls(const std::string& repo);

}  // namespace magpie::git

#endif  // MAGPIE_GIT_WEB_URL_H_
