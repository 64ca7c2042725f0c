#include "cache/build_id.h"

#include <hs/hs.h>

#include <string>

#include "base/version.h"
#include "cache/entry.h"
#include "rules/rule_set.h"

namespace magpie::cache {

std::string_view BuildId() {
  static const std::string id = [] {
    std::string out = "magpie " + std::string(Version()) + "; hyperscan ";
    out += hs_version();
    out += "; format " + std::to_string(kEntryFormatVersion);
    out += "; rules ";
    out += rules::BuiltinRulesYamlSha256();
    out += "; sources ";
    out += internal::SourceHash();
    return out;
  }();
  return id;
}

}  // namespace magpie::cache
