#include "cli/suppression.h"

#include <utility>

#include "scanner/allow_markers.h"

namespace magpie::cli {

void ApplyInlineAllows(std::string_view data, std::vector<scanner::Finding>* findings,
                       std::vector<SuppressedFinding>* suppressed) {
  size_t kept = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    scanner::Finding& f = (*findings)[i];
    if (scanner::IsSuppressedInline(data, f)) {
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

}  // namespace magpie::cli
