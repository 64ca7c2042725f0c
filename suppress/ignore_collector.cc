#include "suppress/ignore_collector.h"
#include "report/terminal_text.h"

#include <variant>

namespace magpie::suppress {
namespace {

std::string IgnoreComment(const report::ReportedFinding& reported, const std::string& date) {
  std::string comment = reported.finding.rule_id + " " + report::OriginPath(reported.origin) +
                        ":" + std::to_string(reported.finding.start.line);
  if (const auto* git = std::get_if<report::GitOrigin>(&reported.origin);
      git != nullptr && !git->commit.empty()) {
    comment += " @" + git->commit.substr(0, 12);
  }
  return comment + " " + date;
}

}  // namespace

void IgnoreCollector::Add(const report::ReportedFinding& reported) {
  if (today_.empty()) today_ = TodayUtc();
  entries_.push_back({reported.fingerprint, IgnoreComment(reported, today_)});
}

Status IgnoreCollector::Write(const std::string& ignore_path, const std::string& root,
                              std::ostream& log) const {
  Result<size_t> added = AppendToIgnoreFile(ignore_path, entries_);
  if (!added.ok()) return added.status();
  if (*added == 0) {
    log << "magpie: --write-ignore: nothing to add to " << report::EscapeControls(ignore_path)
        << "\n";
    return Status::Ok();
  }
  log << "magpie: --write-ignore: added " << *added << " entr" << (*added == 1 ? "y" : "ies")
      << " to " << report::EscapeControls(ignore_path) << "\n";
  Result<std::string> attributes = EnsureUnionMerge(root);
  if (!attributes.ok()) {
    log << "magpie: warning: " << report::EscapeControls(attributes.status().message()) << "\n";
  } else if (!attributes->empty()) {
    log << "magpie: --write-ignore: added '/" << kIgnoreFileName << " merge=union' to "
        << report::EscapeControls(*attributes) << " so that branches adding entries merge without conflicts\n";
  }
  return Status::Ok();
}

}  // namespace magpie::suppress
