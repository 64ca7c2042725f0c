// The charts of the HTML report, drawn as inline SVG here rather than by a script or a
// library: the page needs no network and shows its charts with scripts disabled.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/html_internal.h"

namespace magpie::report::internal {
namespace {

constexpr size_t kMaxLabelBytes = 32;
constexpr int kRowHeight = 22;
constexpr int kLabelWidth = 230;
constexpr int kBarWidth = 220;
constexpr int kValueWidth = 60;
constexpr int kColumnWidth = 34;
constexpr int kColumnArea = 120;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A label that fits: its end (the file name of a path, the interesting part) after "…".
std::string ShortLabel(std::string_view label) {
  if (label.size() <= kMaxLabelBytes) return std::string(label);
  size_t start = label.size() - (kMaxLabelBytes - 3);
  while (start < label.size() && IsContinuation(label[start])) ++start;
  return "\xE2\x80\xA6" + std::string(label.substr(start));
}

uint64_t Largest(const std::vector<ChartBar>& bars) {
  uint64_t largest = 1;
  for (const ChartBar& bar : bars) largest = std::max(largest, bar.value);
  return largest;
}

std::string Figure(std::string_view key, std::string_view title, int width, int height,
                   const std::string& body) {
  std::string out = "<figure class=\"chart\" data-chart=\"" + HtmlText(key) + "\"><figcaption>" +
                    HtmlText(title) + "</figcaption>";
  if (body.empty()) return out + "<p class=\"empty\">No data</p></figure>\n";
  out += "<svg width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) +
         " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" + HtmlText(title) +
         "\">" + body + "</svg></figure>\n";
  return out;
}

std::string ClassAttribute(const ChartBar& bar) {
  return bar.css_class.empty() ? "" : " class=\"" + HtmlText(bar.css_class) + "\"";
}

}  // namespace

std::string BarChart(std::string_view key, std::string_view title,
                     const std::vector<ChartBar>& bars) {
  const uint64_t largest = Largest(bars);
  std::string body;
  int y = 4;
  for (const ChartBar& bar : bars) {
    const int length = static_cast<int>(bar.value * kBarWidth / largest);
    const std::string text_y = std::to_string(y + 15);
    body += "<g><title>" + HtmlText(bar.label) + ": " + std::to_string(bar.value) + "</title>";
    body += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + text_y +
            "\" text-anchor=\"end\">" + HtmlText(ShortLabel(bar.label)) + "</text>";
    body += "<rect" + ClassAttribute(bar) + " x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
            std::to_string(y + 3) + "\" width=\"" + std::to_string(std::max(length, 1)) +
            "\" height=\"" + std::to_string(kRowHeight - 6) + "\"/>";
    body += "<text class=\"value\" x=\"" + std::to_string(kLabelWidth + length + 6) + "\" y=\"" +
            text_y + "\">" + std::to_string(bar.value) + "</text></g>";
    y += kRowHeight;
  }
  return Figure(key, title, kLabelWidth + kBarWidth + kValueWidth, y + 4, body);
}

std::string ColumnChart(std::string_view key, std::string_view title,
                        const std::vector<ChartBar>& bars) {
  const uint64_t largest = Largest(bars);
  std::string body;
  int x = 8;
  const int base = 18 + kColumnArea;  // the columns' bottom; values above, labels below
  for (const ChartBar& bar : bars) {
    const int height = std::max(1, static_cast<int>(bar.value * kColumnArea / largest));
    const std::string middle = std::to_string(x + kColumnWidth / 2);
    body += "<g><title>" + HtmlText(bar.label) + ": " + std::to_string(bar.value) + "</title>";
    body += "<rect" + ClassAttribute(bar) + " x=\"" + std::to_string(x + 3) + "\" y=\"" +
            std::to_string(base - height) + "\" width=\"" + std::to_string(kColumnWidth - 6) +
            "\" height=\"" + std::to_string(height) + "\"/>";
    body += "<text class=\"value\" x=\"" + middle + "\" y=\"" + std::to_string(base - height - 4) +
            "\" text-anchor=\"middle\">" + std::to_string(bar.value) + "</text>";
    body += "<text x=\"" + middle + "\" y=\"" + std::to_string(base + 15) +
            "\" text-anchor=\"middle\">" + HtmlText(ShortLabel(bar.label)) + "</text></g>";
    x += kColumnWidth;
  }
  return Figure(key, title, std::max(x + 8, 200), base + 22, body);
}

}  // namespace magpie::report::internal
