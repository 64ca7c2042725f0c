// Private to report/: the pieces of the HTML report (html_reporter.cc). Not included outside
// report/ and tests/report/.
#ifndef MAGPIE_REPORT_HTML_INTERNAL_H_
#define MAGPIE_REPORT_HTML_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::report::internal {

// Text from scanned data as HTML text or attribute value: control characters, invalid UTF-8
// and bidirectional overrides escaped as for a terminal (EscapeControls), then & < > " '
// written as character references, so that nothing in a path, a context line or a commit
// message can open a tag, close an attribute or start a script.
std::string HtmlText(std::string_view text);

// `path` for a URL's path: every byte but unreserved characters and '/' percent-encoded.
std::string UrlPath(std::string_view path);

// True for a string of 40 or 64 lower-case hex digits (a git object id), the only commit text
// put into a link.
bool IsObjectId(std::string_view text);

// A bar of a chart. `label` is raw text (escaped when drawn); `css_class` picks the colour
// ("high", "present", ...; "" for the default).
struct ChartBar {
  std::string label;
  uint64_t value = 0;
  std::string css_class;
};

// An inline SVG chart inside a <figure> captioned `title`: horizontal bars (one row per bar,
// labels left, values right) or, for ColumnChart, vertical columns (years along the bottom).
// `key` becomes the figure's data-chart attribute. Nothing from a label reaches the markup
// unescaped; a long label is shortened (its end kept, the full text in a <title> tooltip).
std::string BarChart(std::string_view key, std::string_view title,
                     const std::vector<ChartBar>& bars);
std::string ColumnChart(std::string_view key, std::string_view title,
                        const std::vector<ChartBar>& bars);

// The embedded assets (report/assets/report.css and report.js, generated sources).
std::string_view HtmlReportCss();
std::string_view HtmlReportJs();

}  // namespace magpie::report::internal

#endif  // MAGPIE_REPORT_HTML_INTERNAL_H_
