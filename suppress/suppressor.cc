#include "suppress/suppressor.h"

#include <algorithm>
#include <string>
#include <utility>

#include "scanner/fingerprint.h"
#include "suppress/allow_markers.h"

namespace magpie::suppress {

void ApplyInlineAllows(std::string_view data, std::vector<scanner::Finding>* findings,
                       std::vector<SuppressedFinding>* suppressed, const MarkerContext& context) {
  size_t kept = 0;
  std::vector<std::string> warnings;
  MarkerContext local = context;
  local.warnings = context.warnings != nullptr ? &warnings : nullptr;
  for (size_t i = 0; i < findings->size(); ++i) {
    scanner::Finding& f = (*findings)[i];
    warnings.clear();
    const bool allowed = IsSuppressedInline(data, f, local);
    for (std::string& w : warnings) {
      w = "line " + std::to_string(f.start.line) + ": " + w;
      if (std::find(context.warnings->begin(), context.warnings->end(), w) ==
          context.warnings->end()) {
        context.warnings->push_back(std::move(w));
      }
    }
    if (allowed) {
      suppressed->push_back({std::move(f), std::string(kReasonInline)});
    } else {
      if (kept != i) (*findings)[kept] = std::move(f);
      ++kept;
    }
  }
  findings->resize(kept);
}

void Suppressor::Add(std::string fingerprint, std::string_view reason) {
  reasons_.emplace(std::move(fingerprint), std::string(reason));
}

const std::string* Suppressor::ReasonFor(const std::string& fingerprint) const {
  const auto it = reasons_.find(fingerprint);
  return it == reasons_.end() ? nullptr : &it->second;
}

namespace {

report::ReportedFinding Fingerprinted(const report::Origin& origin, scanner::Finding finding) {
  report::ReportedFinding reported;
  reported.fingerprint =
      scanner::Fingerprint(finding.rule_id, report::OriginPath(origin), finding.secret);
  reported.finding = std::move(finding);
  reported.origin = origin;
  return reported;
}

}  // namespace

std::vector<FilteredFinding> Suppressor::Filter(const report::Origin& origin,
                                                std::vector<scanner::Finding> findings,
                                                std::vector<SuppressedFinding> inline_suppressed) {
  std::vector<FilteredFinding> out;
  out.reserve(findings.size() + inline_suppressed.size());
  for (SuppressedFinding& s : inline_suppressed) {
    ++counts_[s.reason];
    out.push_back({Fingerprinted(origin, std::move(s.finding)), std::move(s.reason)});
  }
  for (scanner::Finding& finding : findings) {
    FilteredFinding filtered{Fingerprinted(origin, std::move(finding)), ""};
    if (const std::string* reason = ReasonFor(filtered.finding.fingerprint)) {
      ++counts_[*reason];
      filtered.reason = *reason;
    }
    out.push_back(std::move(filtered));
  }
  return out;
}

}  // namespace magpie::suppress
