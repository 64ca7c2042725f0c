#include "scanner/finding.h"

#include <tuple>

namespace magpie::scanner {

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.start.offset, a.end.offset, a.rule_id) <
         std::tie(b.start.offset, b.end.offset, b.rule_id);
}

}  // namespace magpie::scanner
