// The HTML report (-f html): one self-contained page for a person to read, e.g. a security
// team reviewing a repository's history. No network and no external asset: the CSS and the
// script are inline (report/assets/), the charts are inline SVG drawn here, and a
// Content-Security-Policy forbids the page to load anything.
//
// Streaming like every reporter: the findings table is written row by row as findings are
// added; only counters are kept (by severity, rule, year introduced, still present or
// deleted, path — at most kMaxDistinctPaths paths). The summary and its charts, known only at
// the end, are written after the table and shown above it (CSS `order`).
//
// Everything from scanned data passes through HtmlText (html_text.cc); secrets and contexts
// are redacted as in every format (ContextForOutput, SecretForOutput). A commit or path is a
// link only when ReportOptions::web_links names the repository's web host.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "report/html_internal.h"
#include "report/report_internal.h"
#include "rules/rule_spec.h"

namespace magpie::report::internal {
namespace {

// Still present or deleted (issue 11): a history finding lists the branch and tag tips that
// hold it (present_in); it is deleted only when none does, at this path or another. Without
// that list (presence unknown, a single blob), whether a blob at HEAD holds the secret.
enum class Presence { kPresent, kMoved, kDeleted };
Presence PresenceOf(const GitOrigin& git) {
  if (git.history && git.history->presence_checked) {
    if (!git.history->present_in.empty()) return Presence::kPresent;
    return git.history->present_elsewhere ? Presence::kMoved : Presence::kDeleted;
  }
  return git.present_at_head ? Presence::kPresent : Presence::kDeleted;
}

constexpr size_t kMaxDistinctPaths = 100000;  // bounds the memory of the "top paths" chart
constexpr size_t kTopRules = 12;
constexpr size_t kTopPaths = 10;
constexpr size_t kContextAround = 120;        // bytes of context kept each side of the secret
constexpr size_t kMaxDiagnosticsListed = 500;
constexpr size_t kShortCommit = 12;

constexpr std::array<rules::Severity, 4> kSeverities = {
    rules::Severity::kCritical, rules::Severity::kHigh, rules::Severity::kMedium,
    rules::Severity::kLow};

int SeverityRank(rules::Severity severity) {
  switch (severity) {
    case rules::Severity::kCritical: return 4;
    case rules::Severity::kHigh: return 3;
    case rules::Severity::kMedium: return 2;
    case rules::Severity::kLow: return 1;
  }
  return 0;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A path that names a file of the repository (not stdin, not outside the scan root).
bool IsRepositoryPath(std::string_view path) {
  return !path.empty() && path != "-" && path.front() != '/' && path.rfind("../", 0) != 0 &&
         path.rfind("./", 0) != 0;
}

std::string Cell(std::string_view css_class, const std::string& html,
                 const std::string& sort_key = "") {
  std::string out = "<td class=\"" + std::string(css_class) + "\"";
  if (!sort_key.empty()) out += " data-sort=\"" + HtmlText(sort_key) + "\"";
  return out + ">" + html + "</td>";
}

std::string Link(const std::string& href, const std::string& html) {
  if (href.empty()) return html;
  return "<a href=\"" + HtmlText(href) + "\" rel=\"noreferrer\">" + html + "</a>";
}

std::string Stat(const std::string& value, std::string_view label) {
  return "<li><b>" + value + "</b><span>" + std::string(label) + "</span></li>";
}
std::string Stat(uint64_t value, std::string_view label) {
  return Stat(std::to_string(value), label);
}

// "812 B", "121 KiB", "3.4 GiB".
std::string Bytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit > 0 && value < 10 ? "%.1f %s" : "%.0f %s", value,
                kUnits[unit]);
  return text;
}

std::vector<ChartBar> Top(const std::unordered_map<std::string, uint64_t>& counts, size_t n,
                          std::string_view rest_label) {
  std::vector<std::pair<std::string, uint64_t>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<ChartBar> bars;
  uint64_t rest = 0;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i < n) {
      bars.push_back({sorted[i].first, sorted[i].second, ""});
    } else {
      rest += sorted[i].second;
    }
  }
  if (rest > 0) {
    bars.push_back({std::to_string(sorted.size() - n) + " other " + std::string(rest_label), rest,
                    ""});
  }
  return bars;
}

class HtmlReporter final : public Reporter {
 public:
  HtmlReporter(std::ostream& out, ReportOptions options)
      : out_(out), options_(std::move(options)) {
    const auto https = [](const std::string& s) { return s.rfind("https://", 0) == 0; };
    if (!https(options_.web_links.commit)) options_.web_links.commit.clear();
    if (!https(options_.web_links.blob)) options_.web_links.blob.clear();
  }

  void Begin() override { Start(); }

  void Add(const ReportedFinding& reported) override {
    Start();
    const scanner::Finding& f = reported.finding;
    const std::string& path = OriginPath(reported.origin);
    ++findings_;
    ++severities_[SeverityRank(f.severity) - 1];
    ++rules_[f.rule_id];
    if (paths_.size() < kMaxDistinctPaths || paths_.count(path) > 0) {
      ++paths_[path];
    } else {
      paths_capped_ = true;
    }
    const auto* git = std::get_if<GitOrigin>(&reported.origin);
    std::string revision = "HEAD";
    if (git != nullptr) {
      any_git_ = true;
      revision = git->commit;
      if (!git->commit.empty()) {
        ++years_[YearOf(git->commit_time)];
        ++(PresenceOf(*git) == Presence::kDeleted ? deleted_ : present_);
      }
    }
    const std::string_view severity = rules::ToString(f.severity);
    std::string row = "<tr data-severity=\"" + std::string(severity) + "\">";
    row += Cell("sev " + std::string(severity), std::string(severity),
                std::to_string(SeverityRank(f.severity)));
    row += "<td class=\"rule\" title=\"" + HtmlText(f.rule_name) + "\">" + HtmlText(f.rule_id) +
           "</td>";
    std::string blob_href;
    if (!options_.web_links.blob.empty() && IsRepositoryPath(path) &&
        (revision == "HEAD" || IsObjectId(revision))) {
      blob_href = options_.web_links.blob + revision + "/" + UrlPath(path) + "#L" +
                  std::to_string(f.start.line);
    }
    std::string line = std::to_string(f.start.line);
    row += Cell("path", Link(blob_href, HtmlText(path)) + ":" + line,
                path + ":" + std::string(10 - std::min<size_t>(10, line.size()), '0') + line);
    row += Cell("secret", HtmlText(SecretForOutput(f.secret, options_)));
    row += Cell("context", Context(f));
    row += GitCells(git, f.secret);
    row += "</tr>\n";
    out_ << row;
  }

  void AddDiagnostic(const Diagnostic& diagnostic) override {
    ++diagnostic_count_;
    if (diagnostics_.size() < kMaxDiagnosticsListed) diagnostics_.push_back(diagnostic);
  }

  void End(const Summary& summary) override {
    Start();
    out_ << "</tbody></table>\n";
    if (findings_ == 0) out_ << "<p class=\"empty\">No secrets found.</p>\n";
    out_ << "</section>\n";
    Diagnostics();
    SummarySection(summary);
    // The git columns are empty for a directory scan.
    if (!any_git_) out_ << "<style>.git-col { display: none; }</style>\n";
    out_ << "</main>\n<script>" << HtmlReportJs() << "</script>\n</body>\n</html>\n";
    out_.flush();
  }

 private:
  static int YearOf(int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
  }

  void Start() {
    if (started_) return;
    started_ = true;
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>magpie secret scan report</title>\n<style>"
         << HtmlReportCss() << "</style>\n</head>\n<body>\n<header><h1>magpie secret scan report"
         << "</h1><p>magpie " << HtmlText(options_.tool_version)
         << (options_.show_secrets ? " &middot; <strong>secrets shown in full</strong>"
                                   : " &middot; secrets redacted")
         << "</p></header>\n<main>\n<section id=\"findings\">\n<h2>Findings</h2>\n"
            "<div class=\"controls\"><input id=\"filter\" type=\"search\" "
            "placeholder=\"Filter: rule, path, author, text\u2026\" aria-label=\"Filter\">"
            "<select id=\"severity-filter\" aria-label=\"Severity\"><option value=\"\">all "
            "severities</option>";
    for (rules::Severity s : kSeverities) {
      out_ << "<option>" << rules::ToString(s) << "</option>";
    }
    out_ << "</select><span id=\"visible-count\"></span></div>\n"
            "<table id=\"findings-table\"><thead><tr>"
            "<th data-key=\"severity\" data-type=\"number\">Severity</th>"
            "<th data-key=\"rule\">Rule</th><th data-key=\"path\">Path</th>"
            "<th data-key=\"secret\">Secret</th><th data-key=\"context\">Context</th>"
            "<th data-key=\"commit\" class=\"git-col\">Commit</th>"
            "<th data-key=\"author\" class=\"git-col\">Author</th>"
            "<th data-key=\"date\" class=\"git-col\">Introduced</th>"
            "<th data-key=\"status\" class=\"git-col\">Now</th>"
            "</tr></thead>\n<tbody>\n";
  }

  // The redacted context around the secret, the secret marked.
  std::string Context(const scanner::Finding& f) const {
    const OutputContext context = ContextForOutput(f, options_);
    const std::string& text = context.text;
    size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    size_t end = text.size();
    const bool marked = context.secret_begin != std::string::npos &&
                        context.secret_end <= text.size();
    const size_t secret_begin = marked ? context.secret_begin : begin;
    const size_t secret_end = marked ? context.secret_end : begin;
    begin = std::min(begin, secret_begin);
    if (secret_begin > begin + kContextAround) begin = secret_begin - kContextAround;
    if (end > secret_end + kContextAround) end = secret_end + kContextAround;
    while (begin > 0 && begin < text.size() && IsContinuation(text[begin])) ++begin;
    while (end < text.size() && IsContinuation(text[end])) ++end;
    const std::string_view view(text);
    std::string html = begin > text.find_first_not_of(" \t") ? "\u2026" : "";
    if (marked) {
      html += HtmlText(view.substr(begin, secret_begin - begin)) + "<mark>" +
              HtmlText(view.substr(secret_begin, secret_end - secret_begin)) + "</mark>" +
              HtmlText(view.substr(secret_end, end - secret_end));
    } else {
      html += HtmlText(view.substr(begin, end - begin));
    }
    if (end < text.size()) html += "\u2026";
    return html;
  }

  std::string GitCells(const GitOrigin* git, std::string_view secret) const {
    if (git == nullptr || git->commit.empty()) {
      const std::string status = git != nullptr && git->staged ? "staged" : "";
      return Cell("commit git-col", "") + Cell("author git-col", "") +
             Cell("date git-col", "") + Cell("status git-col", status);
    }
    std::string commit_href;
    if (!options_.web_links.commit.empty() && IsObjectId(git->commit)) {
      commit_href = options_.web_links.commit + git->commit;
    }
    const std::string short_commit = git->commit.substr(0, kShortCommit);
    const std::string message = ScrubSecret(git->message, secret, options_);
    std::string commit = "<span title=\"" + HtmlText(message) + "\">" +
                         Link(commit_href, HtmlText(short_commit)) + "</span>";
    const std::string date = FormatUtc(git->commit_time);
    const Presence presence = PresenceOf(*git);
    std::string status = presence == Presence::kPresent ? "present"
                         : presence == Presence::kMoved ? "moved"
                                                        : "<span class=\"deleted\">deleted</span>";
    if (git->history) {  // which branches and tags, on hover
      status =
          "<span title=\"" + HtmlText(PresenceText(*git->history)) + "\">" + status + "</span>";
    }
    if (git->other_occurrences > 0) {
      status += " (+" + std::to_string(git->other_occurrences) + ")";
    }
    return Cell("commit git-col", commit, git->commit) +
           "<td class=\"author git-col\" title=\"" + HtmlText(git->author_email) + "\">" +
           HtmlText(git->author_name) + "</td>" +
           Cell("date git-col", HtmlText(date.substr(0, 10)), date) +
           Cell("status git-col", status, presence == Presence::kDeleted ? "0" : "1");
  }

  void Diagnostics() {
    if (diagnostic_count_ == 0) return;
    out_ << "<section id=\"diagnostics\"><details><summary>" << diagnostic_count_
         << (diagnostic_count_ == 1 ? " problem or skip" : " problems and skips")
         << "</summary><ul>\n";
    for (const Diagnostic& d : diagnostics_) {
      out_ << "<li><code>" << HtmlText(d.kind) << "</code> " << HtmlText(d.path)
           << (d.path.empty() ? "" : ": ") << HtmlText(d.message) << "</li>\n";
    }
    if (diagnostic_count_ > diagnostics_.size()) {
      out_ << "<li>\u2026 and " << diagnostic_count_ - diagnostics_.size() << " more</li>\n";
    }
    out_ << "</ul></details></section>\n";
  }

  void SummarySection(const Summary& summary) {
    uint64_t suppressed = 0;
    for (const auto& [reason, count] : summary.suppressed) suppressed += count;
    uint64_t skipped = 0;
    for (const auto& [reason, count] : summary.skipped) skipped += count;
    out_ << "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"stats\">"
         << Stat(findings_, "findings") << Stat(summary.files_scanned, "files or blobs scanned")
         << Stat(Bytes(summary.bytes_scanned), "scanned");
    if (any_git_) {
      out_ << Stat(present_, "still in a branch or tag") << Stat(deleted_, "deleted since");
    }
    out_ << Stat(suppressed, "suppressed") << Stat(skipped, "skipped")
         << Stat(summary.errors, "errors") << "</ul>\n<div class=\"charts\">\n";
    std::vector<ChartBar> severities;
    for (rules::Severity s : kSeverities) {
      const uint64_t n = severities_[SeverityRank(s) - 1];
      if (n > 0) severities.push_back({std::string(rules::ToString(s)), n, std::string(rules::ToString(s))});
    }
    out_ << BarChart("severity", "Findings by severity", severities);
    out_ << BarChart("rule", "Findings by rule", Top(rules_, kTopRules, "rules"));
    if (any_git_) {
      std::vector<ChartBar> years;
      for (const auto& [year, n] : years_) years.push_back({std::to_string(year), n, ""});
      out_ << ColumnChart("year", "Findings by year introduced", years);
      std::vector<ChartBar> presence;
      if (present_ > 0) presence.push_back({"still in a branch or tag", present_, "present"});
      if (deleted_ > 0) presence.push_back({"deleted since", deleted_, "deleted"});
      out_ << BarChart("presence", "Still present vs deleted", presence);
    }
    out_ << BarChart("paths", paths_capped_ ? "Top paths (of the first 100000)" : "Top paths",
                     Top(paths_, kTopPaths, "paths"));
    out_ << "</div>\n</section>\n";
  }

  std::ostream& out_;
  ReportOptions options_;
  bool started_ = false;
  bool any_git_ = false;
  bool paths_capped_ = false;
  uint64_t findings_ = 0;
  uint64_t present_ = 0;
  uint64_t deleted_ = 0;
  uint64_t diagnostic_count_ = 0;
  std::array<uint64_t, 4> severities_{};
  std::unordered_map<std::string, uint64_t> rules_;
  std::unordered_map<std::string, uint64_t> paths_;
  std::map<int, uint64_t> years_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::unique_ptr<Reporter> MakeHtmlReporter(std::ostream& out, ReportOptions options) {
  return std::make_unique<HtmlReporter>(out, std::move(options));
}

}  // namespace magpie::report::internal
