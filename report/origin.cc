#include "report/origin.h"

#include <ctime>
#include <string>
#include <variant>

#include "report/report_internal.h"

namespace magpie::report {

const std::string& OriginPath(const Origin& origin) {
  return std::visit([](const auto& o) -> const std::string& { return o.path; }, origin);
}

namespace internal {

std::string FormatUtc(int64_t seconds_since_epoch) {
  const std::time_t t = static_cast<std::time_t>(seconds_since_epoch);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "";  // out of range: better no date than a wrong one
  char buffer[40];
  const size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer, n);
}

}  // namespace internal
}  // namespace magpie::report
