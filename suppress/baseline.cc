#include "suppress/baseline.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <utility>


namespace magpie::suppress {
namespace {

using Json = nlohmann::json;

constexpr size_t kFingerprintSize = 32;
// No single JSON token (a string, a number) nor JSONL line may be longer: a report magpie wrote
// has none near this, and a hostile one must not make the streaming reader hold it whole.
constexpr uint64_t kMaxTokenBytes = uint64_t{16} << 20;

// Reads a stream in chunks for nlohmann's parser, through an input iterator. Counts bytes and
// newlines; reports end of input once more than kMaxTokenBytes were read since the last Mark()
// (the SAX handler marks at every event, so only one overlong token trips it).
class ByteSource {
 public:
  explicit ByteSource(std::istream* in) : in_(in), buffer_(size_t{1} << 16) {}

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    explicit Iterator(ByteSource* source) : source_(source) {}
    const char& operator*() const { return source_->buffer_[source_->pos_]; }
    Iterator& operator++() {
      source_->Advance();
      return *this;
    }
    bool operator==(const Iterator& other) const { return AtEnd() == other.AtEnd(); }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    bool AtEnd() const { return source_ == nullptr || source_->AtEnd(); }
    ByteSource* source_;
  };

  Iterator begin() { return Iterator(this); }
  Iterator end() { return Iterator(nullptr); }

  bool AtEnd() {
    if (pos_ == size_ && !Refill()) return true;
    if (consumed_ - mark_ > kMaxTokenBytes) {
      too_long_ = true;
      return true;
    }
    return false;
  }
  void Advance() {
    if (buffer_[pos_] == '\n') ++newlines_;
    ++pos_;
    ++consumed_;
  }
  void Mark() { mark_ = consumed_; }
  uint64_t newlines() const { return newlines_; }
  bool too_long() const { return too_long_; }
  bool read_failed() const { return read_failed_; }

  // The next line (without its '\n'); false at the end of input or when it is too long.
  bool NextLine(std::string* line) {
    line->clear();
    Mark();
    bool any = false;
    while (!AtEnd()) {
      any = true;
      const char c = buffer_[pos_];
      Advance();
      if (c == '\n') return true;
      line->push_back(c);
    }
    return any && !too_long_;
  }

 private:
  bool Refill() {
    if (read_failed_ || in_->eof()) return false;
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (in_->bad()) {  // EISDIR, EIO: `--baseline some-directory` takes this path
      read_failed_ = true;
      return false;
    }
    pos_ = 0;
    size_ = static_cast<size_t>(in_->gcount());
    return size_ > 0;
  }

  std::istream* in_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t size_ = 0;
  uint64_t consumed_ = 0;
  uint64_t mark_ = 0;
  uint64_t newlines_ = 0;
  bool too_long_ = false;
  bool read_failed_ = false;
};

// Fingerprints, 32 characters each, packed into one string (a 1 GB report lists millions).
class Packed {
 public:
  void Add(const std::string& fp) { bytes_ += fp; }
  void ForEach(const std::function<void(std::string_view)>& f) const {
    for (size_t i = 0; i + kFingerprintSize <= bytes_.size(); i += kFingerprintSize) {
      f(std::string_view(bytes_).substr(i, kFingerprintSize));
    }
  }

 private:
  std::string bytes_;
};

// SAX handler for the first JSON value of a report. Passes on the fingerprints of a `-f json`
// report ("findings"[].fingerprint: a top-level "findings" decides the format, so they go
// straight to `on_finding` when given), keeps those of a SARIF log (runs[].results[]
// .partialFingerprints["magpie/v1"]: only used if no "findings" follows), and the top-level
// "type"/"fingerprint" in case the value is a JSONL record (which is all a JSONL line
// needs: on_finding is null there). Memory: the SARIF fingerprints and
// a stack as deep as the part of the document it looks into.
class ReportHandler {
 public:
  ReportHandler(ByteSource* source, const std::function<void(std::string_view)>* on_finding)
      : source_(source), on_finding_(on_finding) {}

  // What the first value was.
  bool root_is_object = false;
  bool has_findings = false;  // top-level "findings": a -f json report, whatever follows
  bool has_runs = false;
  std::string findings_error;  // set: parsing stopped there
  std::string runs_error;
  Packed sarif;
  bool has_type = false;      // JSONL: the top-level "type" key, any value
  std::string type;           // its value when a string
  std::string fingerprint;    // top-level "fingerprint" when a 32-character string

  bool null() { return Value(Kind::kScalar, nullptr); }
  bool boolean(bool) { return Value(Kind::kScalar, nullptr); }
  bool number_integer(Json::number_integer_t) { return Value(Kind::kScalar, nullptr); }
  bool number_unsigned(Json::number_unsigned_t) { return Value(Kind::kScalar, nullptr); }
  bool number_float(Json::number_float_t, const std::string&) {
    return Value(Kind::kScalar, nullptr);
  }
  bool string(std::string& s) { return Value(Kind::kScalar, &s); }
  bool binary(Json::binary_t&) { return Value(Kind::kScalar, nullptr); }
  bool start_object(size_t) { return Value(Kind::kObject, nullptr); }
  bool start_array(size_t) { return Value(Kind::kArray, nullptr); }
  bool key(std::string& k) {
    source_->Mark();
    if (ignored_depth_ == 0) stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() { return End(); }
  bool end_array() { return End(); }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
  // The line the first value starts on (1-based).
  uint64_t root_line() const { return root_line_; }

 private:
  enum class Kind { kScalar, kObject, kArray };
  enum class Role { kRoot, kFindings, kFinding, kRuns, kRun, kResults, kResult, kPartial };
  struct Frame {
    Role role;
    std::string key;  // objects: the key of the value being read
    bool found = false;  // kFinding, kResult: a fingerprint was seen
  };

  // A value starts (a scalar is also complete). Decides its role from its parent.
  bool Value(Kind kind, std::string* text) {
    source_->Mark();
    if (ignored_depth_ > 0) {  // inside something no fingerprint can be in
      if (kind != Kind::kScalar) ++ignored_depth_;
      return true;
    }
    std::optional<Role> role;
    if (stack_.empty()) {
      root_is_object = kind == Kind::kObject;
      root_line_ = source_->newlines() + 1;
      if (root_is_object) role = Role::kRoot;
    } else {
      Frame& parent = stack_.back();
      if (!Child(parent, kind, text, &role)) return false;
    }
    if (kind == Kind::kScalar) return true;
    if (role) {
      stack_.push_back({*role, "", false});
    } else {
      ignored_depth_ = 1;
    }
    return true;
  }

  // Sets *role for a container child of `parent` that may hold fingerprints; records
  // fingerprints and errors. False stops the parse (an error in "findings" decides).
  bool Child(Frame& parent, Kind kind, std::string* text, std::optional<Role>* role) {
    switch (parent.role) {
      case Role::kRoot:
        if (parent.key == "findings") {
          has_findings = true;
          if (kind != Kind::kArray) return Fail(&findings_error, "'findings' is not a list");
          *role = Role::kFindings;
        } else if (parent.key == "runs") {
          has_runs = true;
          if (kind == Kind::kArray) {
            *role = Role::kRuns;
          } else {
            SetOnce(&runs_error, "'runs' is not a list");
          }
        } else if (parent.key == "type") {
          has_type = true;
          if (text != nullptr) type = *text;
        } else if (parent.key == "fingerprint" && text != nullptr &&
                   text->size() == kFingerprintSize) {
          fingerprint = *text;
        }
        return true;
      case Role::kFindings:
        if (kind != Kind::kObject) {
          return Fail(&findings_error, "a finding has no 32-digit 'fingerprint'");
        }
        *role = Role::kFinding;
        return true;
      case Role::kFinding:
        if (parent.key == "fingerprint" && text != nullptr && text->size() == kFingerprintSize) {
          parent.found = true;
          if (on_finding_ != nullptr) (*on_finding_)(*text);
        }
        return true;
      case Role::kRuns:
        if (kind == Kind::kObject) *role = Role::kRun;  // other entries are skipped
        return true;
      case Role::kRun:
        if (parent.key != "results") return true;
        if (kind == Kind::kArray) {
          *role = Role::kResults;
        } else {
          SetOnce(&runs_error, "a SARIF run's 'results' is not a list");
        }
        return true;
      case Role::kResults:
        if (kind == Kind::kObject) {
          *role = Role::kResult;
        } else {
          SetOnce(&runs_error, "a SARIF result has no 'magpie/v1' partial fingerprint");
        }
        return true;
      case Role::kResult:
        if (parent.key == "partialFingerprints" && kind == Kind::kObject) {
          *role = Role::kPartial;
        }
        return true;
      case Role::kPartial:
        if (parent.key == "magpie/v1" && text != nullptr && text->size() == kFingerprintSize) {
          stack_[stack_.size() - 2].found = true;  // the result's
          sarif.Add(*text);
        }
        return true;
    }
    return true;
  }

  bool End() {
    source_->Mark();
    if (ignored_depth_ > 0) {
      --ignored_depth_;
      return true;
    }
    const Frame& frame = stack_.back();
    if (frame.role == Role::kFinding && !frame.found) {
      return Fail(&findings_error, "a finding has no 32-digit 'fingerprint'");
    }
    if (frame.role == Role::kResult && !frame.found) {
      SetOnce(&runs_error, "a SARIF result has no 'magpie/v1' partial fingerprint");
    }
    stack_.pop_back();
    return true;
  }

  static bool Fail(std::string* error, const char* message) {
    *error = message;
    return false;
  }
  static void SetOnce(std::string* error, const char* message) {
    if (error->empty()) *error = message;
  }

  ByteSource* source_;
  const std::function<void(std::string_view)>* on_finding_;
  std::vector<Frame> stack_;
  uint64_t ignored_depth_ = 0;
  uint64_t root_line_ = 1;
};

constexpr char kNotAReport[] =
    "not a magpie report (expected the output of `magpie scan -f json`, jsonl or sarif)";

// One JSONL line as a record: its "type" and "fingerprint". False when the line is not a JSON
// object with a "type".
bool ParseRecord(const std::string& line, std::string* type, std::string* fingerprint,
                 bool* has_fingerprint) {
  std::istringstream in(line);
  ByteSource source(&in);
  ReportHandler record(&source, nullptr);
  if (!Json::sax_parse(source.begin(), source.end(), &record) || !record.root_is_object ||
      !record.has_type) {
    return false;
  }
  *type = record.type;
  *fingerprint = record.fingerprint;
  *has_fingerprint = !record.fingerprint.empty();
  return true;
}

// `-f jsonl`: one object per line, {"type":"finding",...}, the last one the summary. `first` is
// the first record, already read; `source` is at the start of the next non-blank line.
Status ReadJsonl(ByteSource* source, const ReportHandler& first, const std::string& where,
                 const std::function<void(std::string_view)>& on_fingerprint) {
  const auto invalid = [&where](const std::string& why) {
    return InvalidArgument("invalid --baseline " + where + ": " + why);
  };
  const auto line_error = [&](uint64_t line, const char* what) {
    return invalid("line " + std::to_string(line) + what);
  };
  if (!first.root_is_object || !first.has_type) {
    return line_error(first.root_line(), " is not a magpie JSONL record");
  }
  bool saw_summary = first.type == "summary";
  if (first.type == "finding") {
    if (first.fingerprint.empty()) {
      return line_error(first.root_line(), ": a finding has no 'fingerprint'");
    }
    on_fingerprint(first.fingerprint);
  }
  uint64_t line_number = source->newlines();
  std::string line;
  while (source->NextLine(&line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string type;
    std::string fingerprint;
    bool has_fingerprint = false;
    if (!ParseRecord(line, &type, &fingerprint, &has_fingerprint)) {
      return line_error(line_number, " is not a magpie JSONL record");
    }
    if (type == "summary") saw_summary = true;
    if (type != "finding") continue;
    if (!has_fingerprint) return line_error(line_number, ": a finding has no 'fingerprint'");
    on_fingerprint(fingerprint);
  }
  if (source->too_long()) return line_error(line_number + 1, " is too long");
  if (source->read_failed()) return IoError("cannot read --baseline " + where);
  if (!saw_summary) return invalid("no summary record (a truncated report?)");
  return Status::Ok();
}

Status ReadBaseline(std::istream* in, const std::string& where,
                    const std::function<void(std::string_view)>& on_fingerprint) {
  const auto invalid = [&where](const std::string& why) {
    return InvalidArgument("invalid --baseline " + where + ": " + why);
  };
  ByteSource source(in);
  ReportHandler report(&source, &on_fingerprint);
  // The first JSON value only (strict = false): a JSONL report has more after it.
  const bool parsed = Json::sax_parse(source.begin(), source.end(), &report,
                                      nlohmann::json::input_format_t::json, /*strict=*/false);
  if (source.read_failed()) return IoError("cannot read --baseline " + where);
  if (source.too_long()) {
    return invalid("a value longer than " + std::to_string(kMaxTokenBytes >> 20) + " MiB");
  }
  if (!report.findings_error.empty()) return invalid(report.findings_error);
  if (!parsed) return invalid(kNotAReport);
  const bool one_line = source.newlines() + 1 == report.root_line();
  bool same_line = true;  // what follows the first value is on its line
  while (!source.AtEnd() && std::isspace(static_cast<unsigned char>(*source.begin())) != 0) {
    same_line = same_line && *source.begin() != '\n';
    source.Advance();
  }
  if (!source.AtEnd()) {  // more than one value: JSONL, one record per line
    if (!one_line || same_line) return invalid(kNotAReport);
    return ReadJsonl(&source, report, where, on_fingerprint);
  }
  if (source.read_failed()) return IoError("cannot read --baseline " + where);
  if (report.has_findings) return Status::Ok();  // passed on while parsing
  if (report.has_runs) {
    if (!report.runs_error.empty()) return invalid(report.runs_error);
    report.sarif.ForEach(on_fingerprint);
    return Status::Ok();
  }
  if (report.root_is_object && report.type == "summary") {
    return Status::Ok();  // a JSONL report of a clean scan: its summary line alone
  }
  if (report.root_is_object && report.has_type) {
    return invalid("no summary record (a truncated report?)");
  }
  return invalid(kNotAReport);
}

}  // namespace

Result<std::vector<std::string>> ParseBaseline(std::string_view text,
                                              const std::string& source) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> fingerprints;
  Status status = ReadBaseline(&in, source, [&fingerprints](std::string_view fp) {
    fingerprints.emplace_back(fp);
  });
  if (!status.ok()) return status;
  return fingerprints;
}

Status LoadBaseline(const std::string& path,
                    const std::function<void(std::string_view)>& on_fingerprint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    const Status status = error == ENOENT ? NotFound(std::strerror(error))
                                          : IoError(std::strerror(error != 0 ? error : EIO));
    return status.WithContext("cannot read --baseline " + path);
  }
  return ReadBaseline(&in, path, on_fingerprint);
}

}  // namespace magpie::suppress
