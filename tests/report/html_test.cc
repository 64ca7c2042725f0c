// Issue 15: the HTML report (-f html): self-contained, escaped, redacted, with its summary
// charts. Rendered in a real browser: tests/cli/html_browser_test.cc.
#include <catch2/catch.hpp>

#include <string>

#include "report/html_internal.h"
#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

using testing::Contains;

std::string Html(const ReportOptions& options = testing::Options(),
                 const std::vector<ReportedFinding>& findings = testing::Findings()) {
  return testing::Render(Format::kHtml, options, findings);
}

TEST_CASE("issue 15: the HTML report is one page that loads nothing", "[report][html]") {
  const std::string html = Html();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(Contains(html, "</html>\n"));
  CHECK(Contains(html, "Content-Security-Policy\" content=\"default-src 'none'"));
  for (const char* external : {"src=", "<link", "@import", "url(", "http://"}) {
    INFO(external);
    CHECK_FALSE(Contains(html, external));
  }
  CHECK(Contains(html, "id=\"findings-table\""));
  for (const char* chart : {"severity", "rule", "year", "presence", "paths"}) {
    CHECK(Contains(html, std::string("data-chart=\"") + chart + "\""));
  }
  CHECK(Contains(html, "<svg"));
}

TEST_CASE("issue 15: no full secret in the HTML report", "[report][html]") {
  const std::string html = Html();
  for (const char* secret : {testing::kAwsSecret, testing::kGithubSecret,
                             testing::kEntropySecret, "ASIAY34FZKBOKMUTVV7A"}) {
    INFO(secret);
    CHECK_FALSE(Contains(html, std::string(secret).substr(0, 8)));
  }
  CHECK_FALSE(Contains(html, "Z2hwX1I4d1BRbWQw"));  // the base64 form of the GitHub token
  CHECK(Contains(html, "<mark>AKIA\xE2\x80\xA6</mark>"));
}

TEST_CASE("issue 15: hostile paths and lines cannot inject markup", "[report][html]") {
  std::vector<ReportedFinding> findings = testing::Findings();
  findings[0].origin = FileOrigin{"<script>alert(1)</script>\".env"};
  findings[0].finding.context = "x = '<img src=x onerror=alert(2)>' AKIAQYLPMN5HHHFPZAM2";
  findings[0].finding.context_secret_offset = 35;
  findings[0].finding.rule_id = "<b>rule</b>";
  auto& git = std::get<GitOrigin>(findings[2].origin);
  git.author_name = "</td><script>alert(3)</script>";
  git.message = "\" onmouseover=\"alert(4)";
  git.path = "a\x1b[31m\xE2\x80\xAE.yaml";
  const std::string html = Html(testing::Options(), findings);
  CHECK_FALSE(Contains(html, "<script>alert"));
  CHECK_FALSE(Contains(html, "<img"));
  CHECK_FALSE(Contains(html, "<b>rule"));
  CHECK_FALSE(Contains(html, "\" onmouseover"));
  CHECK_FALSE(Contains(html, "\x1b"));
  CHECK_FALSE(Contains(html, "\xE2\x80\xAE"));
  CHECK(Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;.env"));
  CHECK(Contains(html, "a\\x1b[31m\\xe2\\x80\\xae.yaml"));
  // Exactly one script element: the report's own.
  size_t scripts = 0;
  for (size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) {
    ++scripts;
  }
  CHECK(scripts == 1);
}

TEST_CASE("issue 15: commits and paths are links only to a known https web host",
          "[report][html]") {
  CHECK_FALSE(Contains(Html(), "<a href"));
  ReportOptions options = testing::Options();
  options.web_links = {"https://github.com/o/r/commit/", "https://github.com/o/r/blob/"};
  const std::string html = Html(options);
  CHECK(Contains(html, "href=\"https://github.com/o/r/commit/4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b\""));
  CHECK(Contains(html, "href=\"https://github.com/o/r/blob/4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b/deploy/prod.yaml#L12\""));
  CHECK(Contains(html, "href=\"https://github.com/o/r/blob/HEAD/config/app%20settings.env#L3\""));
  options.web_links = {"javascript:alert(1)//", "javascript:alert(1)//"};
  CHECK_FALSE(Contains(Html(options), "javascript:"));
}

TEST_CASE("issue 15: a directory scan hides the git columns and charts", "[report][html]") {
  std::vector<ReportedFinding> files = {testing::Findings()[0], testing::Findings()[1]};
  const std::string html = Html(testing::Options(), files);
  CHECK(Contains(html, ".git-col { display: none; }"));
  CHECK_FALSE(Contains(html, "data-chart=\"year\""));
  CHECK(Contains(html, "data-chart=\"paths\""));
  const std::string empty = Html(testing::Options(), {});
  CHECK(Contains(empty, "No secrets found."));
}

TEST_CASE("issue 15: chart labels are escaped and shortened at a character boundary",
          "[report][html]") {
  const std::string chart = internal::BarChart(
      "k", "T", {{"<x>/" + std::string(40, 'a') + "\xC3\xA9", 3, ""}, {"b", 1, "high"}});
  CHECK_FALSE(Contains(chart, "<x>"));
  CHECK(Contains(chart, "&lt;x&gt;/"));  // the full label in the tooltip
  CHECK(Contains(chart, "\xE2\x80\xA6" + std::string(27, 'a') + "\xC3\xA9</text>"));
  CHECK(Contains(chart, "class=\"high\""));
  CHECK(Contains(internal::BarChart("k", "T", {}), "No data"));
  CHECK(internal::UrlPath("a b/<c>#?%") == "a%20b/%3Cc%3E%23%3F%25");
  CHECK(internal::IsObjectId(std::string(40, 'a')));
  CHECK_FALSE(internal::IsObjectId(std::string(39, 'a') + "\""));
}

TEST_CASE("issue 11: the HTML report says deleted only when no branch or tag holds the secret",
          "[report][html]") {
  std::vector<ReportedFinding> findings = testing::Findings();
  auto& git = std::get<GitOrigin>(findings[2].origin);
  REQUIRE(git.history);
  REQUIRE_FALSE(git.present_at_head);  // gone from HEAD, but release/1.x and tags hold it
  const std::string present = Html(testing::Options(), findings);
  CHECK(Contains(present, "title=\"still in: release/1.x, v1.0, v1.1 (+"));
  CHECK(Contains(present, "\">present</span>"));
  git.history->present_in.clear();
  git.history->present_elsewhere = true;
  CHECK(Contains(Html(testing::Options(), findings), "\">moved</span>"));
  git.history->present_elsewhere = false;
  const std::string deleted = Html(testing::Options(), findings);
  CHECK(Contains(deleted, "\"><span class=\"deleted\">deleted</span></span>"));
  CHECK(Contains(deleted, "deleted from every branch and tag"));
}

}  // namespace
}  // namespace magpie::report
