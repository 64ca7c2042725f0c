// Issue 15: the web host of a repository's origin, for links in the HTML report. The remote
// URL comes from the scanned repository's configuration: hostile.
#include <catch2/catch.hpp>

#include "git/web_url.h"

namespace magpie::git {
namespace {

TEST_CASE("issue 15: remote URLs of known hosts become web links", "[git]") {
  for (const char* remote :
       {"git@github.com:owner/repo.git", "https://github.com/owner/repo", "ssh://git@github.com/owner/repo.git",
        "https://user:ghp_token@github.com/owner/repo.git", "ssh://git@github.com:22/owner/repo/"}) {
    INFO(remote);
    const WebUrls urls = WebUrlsForRemote(remote);
    CHECK(urls.commit == "https://github.com/owner/repo/commit/");
    CHECK(urls.blob == "https://github.com/owner/repo/blob/");
  }
  CHECK(WebUrlsForRemote("git@gitlab.com:group/sub/proj.git").commit ==
        "https://gitlab.com/group/sub/proj/-/commit/");
}

TEST_CASE("issue 15: anything else gives no links", "[git]") {
  for (const char* remote :
       {"", "/srv/git/repo.git", "../repo", "file:///tmp/x", "https://example.com/o/r",
        "https://github.com/o", "https://github.com/o/r/x", "https://github.com/o/r\"onclick",
        "https://github.com/o/r?x=1", "https://github.com/o/<script>", "https://github.com/../r",
        "git@github.com:o/r r", "https://github.com.evil.com/o/r", "javascript:alert(1)"}) {
    INFO(remote);
    CHECK(WebUrlsForRemote(remote).commit.empty());
    CHECK(WebUrlsForRemote(remote).blob.empty());
  }
}

}  // namespace
}  // namespace magpie::git
