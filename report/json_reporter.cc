// JSON and JSONL writers.
//
// JSON: one document, {"version", "findings": [...], "diagnostics": [...], "summary": {...}},
// pretty-printed with two-space indent. Findings are written as they are added (the document
// is complete once End() has run), so a large scan never holds its findings in memory; only
// the diagnostics, which come after the findings in the document, are buffered. Suppressed
// findings (--show-suppressed) are buffered too and written, each with its "reason", as a
// "suppressed" array after "findings", present only when there is at least one.
//
// JSONL: one compact JSON object per line, flushed as written, for streaming consumers:
//   {"type":"finding", <the same fields as a JSON finding>}   one per finding, in order
//   {"type":"suppressed","reason":..., <the same fields>}     with --show-suppressed
//   {"type":"diagnostic","path":...,"kind":...,"message":...,"level":...}   as they come
//   {"type":"summary","version":...,<summary fields>,"diagnostics":N}   last line, at End()
// Diagnostics are written like findings, so that a consumer of the stream sees why a scan is
// incomplete ("level": "error") as well as the count in the summary.
#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "report/report_internal.h"

namespace magpie::report::internal {
namespace {

// Diagnostics by (path, with "" last, kind, message): an order that does not depend on how
// the items were packed or split, so that `magpie merge` of shards writes the same one.
void SortDiagnostics(Json* diagnostics) {
  auto less = [](const Json& a, const Json& b) {
    auto text = [](const Json& d, const char* key) -> const std::string& {
      return d.at(key).get_ref<const std::string&>();
    };
    const std::string& x = text(a, "path");
    const std::string& y = text(b, "path");
    if (x.empty() != y.empty()) return y.empty();
    return std::tie(x, text(a, "kind"), text(a, "message")) <
           std::tie(y, text(b, "kind"), text(b, "message"));
  };
  std::stable_sort(diagnostics->begin(), diagnostics->end(), less);
}

class JsonReporter final : public Reporter {
 public:
  JsonReporter(std::ostream& out, ReportOptions options)
      : out_(out), options_(std::move(options)) {}

  void Begin() override { Start(); }

  void Add(const ReportedFinding& finding) override {
    Start();
    out_ << (findings_ == 0 ? "\n    " : ",\n    ") << DumpNested(FindingJson(finding, options_), 4);
    ++findings_;
  }

  void AddDiagnostic(const Diagnostic& diagnostic) override {
    diagnostics_.push_back(DiagnosticJson(diagnostic));
  }

  void AddSuppressed(const ReportedFinding& finding, std::string_view reason) override {
    Json j = FindingJson(finding, options_);
    j["reason"] = std::string(reason);
    suppressed_.push_back(std::move(j));
  }

  void End(const Summary& summary) override {
    Start();
    // The same bytes as Dump(whole_document, 2): "[]" when empty, else closed on its own line.
    out_ << (findings_ == 0 ? "]" : "\n  ]");
    if (!suppressed_.empty()) out_ << ",\n  \"suppressed\": " << DumpNested(suppressed_, 2);
    SortDiagnostics(&diagnostics_);
    out_ << ",\n  \"diagnostics\": " << DumpNested(diagnostics_, 2);
    out_ << ",\n  \"summary\": " << DumpNested(SummaryJson(summary), 2) << "\n}\n";
    out_.flush();
  }

 private:
  void Start() {
    if (started_) return;
    started_ = true;
    out_ << "{\n  \"version\": " << Dump(Json(options_.tool_version)) << ",";
    if (options_.shard_count > 0) out_ << "\n  \"shard\": " << Dump(ShardJson(options_)) << ",";
    out_ << "\n  \"findings\": [";
  }

  std::ostream& out_;
  const ReportOptions options_;
  bool started_ = false;
  uint64_t findings_ = 0;
  Json diagnostics_ = Json::array();
  Json suppressed_ = Json::array();
};

class JsonlReporter final : public Reporter {
 public:
  JsonlReporter(std::ostream& out, ReportOptions options)
      : out_(out), options_(std::move(options)) {}

  void Add(const ReportedFinding& finding) override {
    Json line;
    line["type"] = "finding";
    line.update(FindingJson(finding, options_));
    out_ << Dump(line) << '\n' << std::flush;  // a consumer tailing the stream sees it now
  }

  void AddSuppressed(const ReportedFinding& finding, std::string_view reason) override {
    Json line;
    line["type"] = "suppressed";
    line["reason"] = std::string(reason);
    line.update(FindingJson(finding, options_));
    out_ << Dump(line) << '\n' << std::flush;
  }

  void AddDiagnostic(const Diagnostic& diagnostic) override {
    Json line;
    line["type"] = "diagnostic";
    line.update(DiagnosticJson(diagnostic));
    out_ << Dump(line) << '\n' << std::flush;
    ++diagnostics_;
  }

  void End(const Summary& summary) override {
    Json line;
    line["type"] = "summary";
    line["version"] = options_.tool_version;
    line.update(SummaryJson(summary));
    line["diagnostics"] = diagnostics_;
    if (options_.shard_count > 0) line["shard"] = ShardJson(options_);
    out_ << Dump(line) << '\n' << std::flush;
  }

 private:
  std::ostream& out_;
  const ReportOptions options_;
  uint64_t diagnostics_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, ReportOptions options) {
  return std::make_unique<JsonReporter>(out, std::move(options));
}

std::unique_ptr<Reporter> MakeJsonlReporter(std::ostream& out, ReportOptions options) {
  return std::make_unique<JsonlReporter>(out, std::move(options));
}

}  // namespace magpie::report::internal
