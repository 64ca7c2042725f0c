// Errors as values at every room boundary (see docs/architecture.md).
//
// A Status is either OK or an error with a code and a message meant for a person: one line per
// problem, no secret in it (it may reach a terminal or CI log). A Result<T> holds either a T
// or an error Status. Nothing in magpie throws across a room boundary or inside the parallel
// pipeline; a function that can fail returns one of these, and the caller at the edge (cli/)
// prints the message and picks the exit code.
//
// Usage:
//   magpie::Result<Config> LoadConfig(const std::string& path);
//   auto config = LoadConfig(path);
//   if (!config.ok()) return config.status();   // propagate
//   Use(*config);
//
// Thread safety: plain values; copy freely.
#ifndef MAGPIE_BASE_STATUS_H_
#define MAGPIE_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magpie {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a bad flag, rule, config or ignore file: the user must fix the input
  kNotFound,         // a file, repository or revision that does not exist
  kIoError,          // the input exists but cannot be read or written
  kCorrupt,          // bytes that should have a known shape do not (cache, pack, report)
  kUntrusted,        // a file or directory magpie will not use: a link, another user's, or
                     // writable by others (the rules cache, docs/security.md)
  kResourceExhausted,  // a budget or an allocation ran out
  kInternal,         // a bug or an unexpected exception, caught and turned into a value
};

std::string_view ToString(StatusCode code);  // "ok", "invalid-argument", ...

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {
    assert(code != StatusCode::kOk);
  }

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // One line per problem; empty when ok().
  const std::string& message() const { return message_; }
  // The message split into its lines (one per problem).
  std::vector<std::string> Lines() const;

  // "what: message", keeping the code: for adding context while propagating.
  Status WithContext(std::string_view what) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Shorthands for the common codes.
Status InvalidArgument(std::string message);
Status NotFound(std::string message);
Status IoError(std::string message);
Status Corrupt(std::string message);
Status Untrusted(std::string message);
Status Internal(std::string message);

// A T, or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit, like std::expected
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }  // OK when ok()

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace magpie

#endif  // MAGPIE_BASE_STATUS_H_
