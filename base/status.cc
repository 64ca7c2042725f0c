#include "base/status.h"

namespace magpie {

std::string_view ToString(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid-argument";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kIoError: return "io-error";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kUntrusted: return "untrusted";
    case StatusCode::kResourceExhausted: return "resource-exhausted";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::vector<std::string> Status::Lines() const {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < message_.size()) {
    size_t end = message_.find('\n', start);
    if (end == std::string::npos) end = message_.size();
    if (end > start) lines.push_back(message_.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

Status Status::WithContext(std::string_view what) const {
  if (ok()) return *this;
  return Status(code_, std::string(what) + ": " + message_);
}

Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
Status IoError(std::string message) { return Status(StatusCode::kIoError, std::move(message)); }
Status Corrupt(std::string message) { return Status(StatusCode::kCorrupt, std::move(message)); }
Status Untrusted(std::string message) {
  return Status(StatusCode::kUntrusted, std::move(message));
}
Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

}  // namespace magpie
