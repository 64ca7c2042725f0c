#include "suppress/triage_baseline.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

#include "base/file_io.h"

namespace magpie::suppress {

using Json = nlohmann::ordered_json;  // keeps the report's key order when written back

struct TriageBaseline::Document {
  Json json;
};

namespace {

// A report nests four levels deep; anything much deeper is not one, and nlohmann's writer
// recurses, so the depth is checked before the document is built.
constexpr size_t kMaxDepth = 32;

class DepthCheck {
 public:
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(Json::number_integer_t) { return true; }
  bool number_unsigned(Json::number_unsigned_t) { return true; }
  bool number_float(Json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(Json::binary_t&) { return true; }
  bool key(std::string&) { return true; }
  bool start_object(size_t) { return Push(); }
  bool start_array(size_t) { return Push(); }
  bool end_object() { return Pop(); }
  bool end_array() { return Pop(); }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }
  bool too_deep = false;

 private:
  bool Push() {
    if (++depth_ > kMaxDepth) too_deep = true;
    return !too_deep;
  }
  bool Pop() {
    --depth_;
    return true;
  }
  size_t depth_ = 0;
};

// Reads the fields of one finding, or says what is wrong with it.
class FindingReader {
 public:
  explicit FindingReader(const Json& object) : object_(object) {}
  std::string error;

  std::string String(const char* key, bool required = false) {
    const auto it = object_.find(key);
    if (it == object_.end()) {
      if (required) Fail(std::string("has no '") + key + "'");
      return "";
    }
    if (!it->is_string()) Fail(std::string("'") + key + "' is not a string");
    return it->is_string() ? it->get<std::string>() : "";
  }
  uint64_t Number(const char* key, bool required = false) {
    const auto it = object_.find(key);
    if (it == object_.end()) {
      if (required) Fail(std::string("has no '") + key + "'");
      return 0;
    }
    if (!it->is_number_unsigned()) Fail(std::string("'") + key + "' is not a line number");
    return it->is_number_unsigned() ? it->get<uint64_t>() : 0;
  }
  bool Bool(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) return false;
    if (!it->is_boolean()) Fail(std::string("'") + key + "' is not true or false");
    return it->is_boolean() && it->get<bool>();
  }
  const Json* Object(const char* key) {
    const auto it = object_.find(key);
    if (it == object_.end()) return nullptr;
    if (!it->is_object()) {
      Fail(std::string("'") + key + "' is not an object");
      return nullptr;
    }
    return &*it;
  }
  void Fail(std::string what) {
    if (error.empty()) error = std::move(what);
  }

 private:
  const Json& object_;
};

std::optional<Verdict> ParseVerdict(const std::string& name) {
  for (Verdict v : {Verdict::kConfirmed, Verdict::kFalsePositive, Verdict::kSkipped}) {
    if (name == VerdictName(v)) return v;
  }
  return std::nullopt;
}

// The finding at `object`, or an error naming what is wrong.
Result<TriageFinding> ReadFinding(const Json& object) {
  if (!object.is_object()) return InvalidArgument("is not an object");
  FindingReader r(object);
  TriageFinding f;
  f.fingerprint = r.String("fingerprint", true);
  if (r.error.empty() &&
      (f.fingerprint.size() != 32 || f.fingerprint.find_first_not_of(
                                         "0123456789abcdefABCDEF") != std::string::npos)) {
    r.Fail("'fingerprint' is not 32 hex digits");
  }
  for (char& c : f.fingerprint) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  f.rule = r.String("rule", true);
  f.rule_name = r.String("rule_name");
  f.severity = r.String("severity");
  f.confidence = r.String("confidence");
  f.path = r.String("path", true);
  f.line = r.Number("start_line", true);
  f.column = r.Number("start_column");
  f.secret = r.String("secret");
  f.context = r.String("context");
  f.redacted = r.Bool("redacted");
  if (const Json* git = r.Object("git")) {
    FindingReader g(*git);
    TriageFinding::Git out;
    out.commit = g.String("commit");
    out.author_name = g.String("author_name");
    out.author_email = g.String("author_email");
    out.commit_time = g.String("commit_time");
    out.message = g.String("message");
    out.present_at_head = g.Bool("present_at_head");
    if (!g.error.empty()) r.Fail("git: " + g.error);
    f.git = std::move(out);
  }
  if (const Json* triage = r.Object("triage")) {
    FindingReader t(*triage);
    const std::string status = t.String("status", true);
    f.reason = t.String("reason");
    if (!t.error.empty()) {
      r.Fail("triage: " + t.error);
    } else if (const std::optional<Verdict> verdict = ParseVerdict(status)) {
      f.verdict = *verdict;
    } else {
      r.Fail("triage: unknown status (expected confirmed, false-positive or skipped)");
    }
  }
  if (!r.error.empty()) return InvalidArgument(r.error);
  return f;
}

std::string CutUtf8(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kUndecided: return "";
    case Verdict::kConfirmed: return "confirmed";
    case Verdict::kFalsePositive: return "false-positive";
    case Verdict::kSkipped: return "skipped";
  }
  return "";
}

TriageBaseline::TriageBaseline() : document_(std::make_unique<Document>()) {}
TriageBaseline::TriageBaseline(TriageBaseline&&) noexcept = default;
TriageBaseline& TriageBaseline::operator=(TriageBaseline&&) noexcept = default;
TriageBaseline::~TriageBaseline() = default;

Result<TriageBaseline> TriageBaseline::Parse(std::string_view text, const std::string& source) {
  const auto invalid = [&source](const std::string& why) {
    return InvalidArgument("invalid baseline " + source + ": " + why);
  };
  DepthCheck depth;
  if (!Json::sax_parse(text, &depth)) {
    return invalid(depth.too_deep ? "nested deeper than a magpie report"
                                  : "not JSON (expected the output of `magpie scan -f json`)");
  }
  TriageBaseline baseline;
  baseline.document_->json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  const Json& root = baseline.document_->json;
  if (root.is_discarded()) return invalid("not JSON");
  if (!root.is_object() || !root.contains("findings")) {
    return invalid("no \"findings\" list (triage reads a `-f json` report)");
  }
  const Json& findings = root["findings"];
  if (!findings.is_array()) return invalid("'findings' is not a list");
  baseline.findings_.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    Result<TriageFinding> finding = ReadFinding(findings[i]);
    if (!finding.ok()) {
      return invalid("finding " + std::to_string(i + 1) + " " + finding.status().message());
    }
    baseline.findings_.push_back(*std::move(finding));
  }
  return baseline;
}

Result<TriageBaseline> TriageBaseline::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    const Status status = error == ENOENT ? NotFound(std::strerror(error))
                                          : IoError(std::strerror(error != 0 ? error : EIO));
    return status.WithContext("cannot read baseline " + path);
  }
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxTriageBaselineBytes) {
      return InvalidArgument("invalid baseline " + path + ": larger than " +
                             std::to_string(kMaxTriageBaselineBytes >> 20) + " MiB");
    }
  }
  if (in.bad()) return IoError("cannot read baseline " + path);
  return Parse(text, path);
}

size_t TriageBaseline::ResumeIndex() const {
  size_t skipped = findings_.size();
  for (size_t i = 0; i < findings_.size(); ++i) {
    if (findings_[i].verdict == Verdict::kUndecided) return i;
    if (findings_[i].verdict == Verdict::kSkipped && skipped == findings_.size()) skipped = i;
  }
  return skipped;
}

void TriageBaseline::SetVerdict(size_t index, Verdict verdict, std::string reason,
                                const std::string& date) {
  TriageFinding& finding = findings_.at(index);
  Json& object = document_->json["findings"][index];
  finding.verdict = verdict;
  finding.reason = CutUtf8(std::move(reason), kMaxReasonBytes);
  if (verdict == Verdict::kUndecided) {
    object.erase("triage");
    finding.reason.clear();
    return;
  }
  Json triage;
  triage["status"] = std::string(VerdictName(verdict));
  triage["reason"] = finding.reason;
  triage["date"] = date;
  object["triage"] = std::move(triage);
}

std::string TriageBaseline::Serialize() const {
  return document_->json.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) +
         "\n";
}

Status TriageBaseline::Save(const std::string& path) const {
  return WriteFileAtomically(path, Serialize());
}

}  // namespace magpie::suppress
