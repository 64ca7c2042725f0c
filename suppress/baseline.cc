#include "suppress/baseline.h"

#include <nlohmann/json.hpp>

#include "base/file_io.h"

namespace magpie::suppress {
namespace {

using Json = nlohmann::json;

bool IsFingerprint(const Json& value) {
  return value.is_string() && value.get_ref<const std::string&>().size() == 32;
}

// `-f json`: {"findings": [{"fingerprint": ...}, ...], ...}.
bool FromJsonReport(const Json& doc, std::vector<std::string>* out, std::string* error) {
  const Json& findings = doc["findings"];
  if (!findings.is_array()) {
    *error = "'findings' is not a list";
    return false;
  }
  for (const Json& f : findings) {
    if (!f.is_object() || !f.contains("fingerprint") || !IsFingerprint(f["fingerprint"])) {
      *error = "a finding has no 32-digit 'fingerprint'";
      return false;
    }
    out->push_back(f["fingerprint"].get<std::string>());
  }
  return true;
}

// `-f sarif`: runs[].results[].partialFingerprints["magpie/v1"].
bool FromSarif(const Json& doc, std::vector<std::string>* out, std::string* error) {
  if (!doc["runs"].is_array()) {
    *error = "'runs' is not a list";
    return false;
  }
  for (const Json& run : doc["runs"]) {
    if (!run.is_object() || !run.contains("results")) continue;
    for (const Json& result : run["results"]) {
      const Json* fp = nullptr;
      if (result.is_object() && result.contains("partialFingerprints") &&
          result["partialFingerprints"].is_object() &&
          result["partialFingerprints"].contains("magpie/v1")) {
        fp = &result["partialFingerprints"]["magpie/v1"];
      }
      if (fp == nullptr || !IsFingerprint(*fp)) {
        *error = "a SARIF result has no 'magpie/v1' partial fingerprint";
        return false;
      }
      out->push_back(fp->get<std::string>());
    }
  }
  return true;
}

// `-f jsonl`: one object per line, {"type":"finding",...}; the last one is the summary.
bool FromJsonl(std::string_view text, std::vector<std::string>* out, std::string* error) {
  bool saw_summary = false;
  int line_number = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object() || !object.contains("type")) {
      *error = "line " + std::to_string(line_number) + " is not a magpie JSONL record";
      return false;
    }
    if (object["type"] == "summary") saw_summary = true;
    if (object["type"] != "finding") continue;
    if (!object.contains("fingerprint") || !IsFingerprint(object["fingerprint"])) {
      *error = "line " + std::to_string(line_number) + ": a finding has no 'fingerprint'";
      return false;
    }
    out->push_back(object["fingerprint"].get<std::string>());
  }
  if (!saw_summary) {
    *error = "no summary record (a truncated report?)";
    return false;
  }
  return true;
}

}  // namespace

Result<std::vector<std::string>> ParseBaseline(std::string_view text,
                                              const std::string& source) {
  std::vector<std::string> fingerprints;
  std::string error;
  const Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  bool ok = false;
  if (doc.is_object() && doc.contains("findings")) {
    ok = FromJsonReport(doc, &fingerprints, &error);
  } else if (doc.is_object() && doc.contains("runs")) {
    ok = FromSarif(doc, &fingerprints, &error);
  } else if (doc.is_discarded() && text.find('\n') != std::string_view::npos) {
    ok = FromJsonl(text, &fingerprints, &error);
  } else {
    error = "not a magpie report (expected the output of `magpie scan -f json`, jsonl or sarif)";
  }
  if (!ok) return InvalidArgument("invalid --baseline " + source + ": " + error);
  return fingerprints;
}

Result<std::vector<std::string>> LoadBaseline(const std::string& path) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status().WithContext("cannot read --baseline " + path);
  return ParseBaseline(*text, path);
}

}  // namespace magpie::suppress
