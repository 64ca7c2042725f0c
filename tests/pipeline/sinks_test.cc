// The ordered output stage (issue 9): ReportSink passes findings through the Suppressor to the
// reporter and counts what it saw; HeadPresenceSink holds git findings for history order and
// marks a secret present at HEAD when any blob at HEAD holds it.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/head_presence_sink.h"
#include "pipeline/report_sink.h"
#include "scanner/fingerprint.h"

namespace magpie::pipeline {
namespace {

class RecordingReporter : public report::Reporter {
 public:
  void Begin() override { calls.push_back("begin"); }
  void Add(const report::ReportedFinding& f) override { calls.push_back("add " + f.finding.secret); }
  void AddSuppressed(const report::ReportedFinding& f, std::string_view reason) override {
    calls.push_back("suppressed " + f.finding.secret + " " + std::string(reason));
  }
  void AddDiagnostic(const report::Diagnostic& d) override { calls.push_back("diag " + d.kind); }
  void End(const report::Summary& s) override {
    calls.push_back("end " + std::to_string(s.findings));
  }
  std::vector<std::string> calls;
};

scanner::Finding FindingOf(const std::string& secret, uint32_t line = 1) {
  scanner::Finding f;
  f.rule_id = "test-token";
  f.secret = secret;
  f.start.line = line;
  return f;
}

ItemResult Scanned(const std::string& path, std::vector<scanner::Finding> findings) {
  ItemResult item;
  item.origin = report::FileOrigin{path};
  item.scanned = true;
  item.bytes = 10;
  item.findings = std::move(findings);
  return item;
}

TEST_CASE("ReportSink reports, suppresses by fingerprint and counts", "[pipeline]") {
  RecordingReporter reporter;
  suppress::Suppressor suppressor;
  suppressor.Add(scanner::Fingerprint("test-token", "b.txt", "s2"), suppress::kReasonBaseline);
  std::ostringstream log;
  std::vector<std::string> seen;
  ReportSinkOptions options;
  options.show_suppressed = true;
  options.quiet = true;
  ReportSink sink(reporter, suppressor, log, options,
                  [&](const report::ReportedFinding& f) { seen.push_back(f.finding.secret); });
  sink.Begin();
  Prelude prelude;
  prelude.diagnostics.push_back({"dir", "unreadable", "Permission denied"});
  prelude.skipped["symlink"] = 2;
  sink.AddPrelude(prelude);
  sink.Add(Scanned("a.txt", {FindingOf("s1")}));
  ItemResult inline_allowed = Scanned("b.txt", {FindingOf("s2"), FindingOf("s3")});
  inline_allowed.suppressed.push_back({FindingOf("s0"), "inline"});
  sink.Add(std::move(inline_allowed));
  ItemResult skipped;
  skipped.skip_reason = "binary";
  sink.Add(std::move(skipped));
  sink.Finish();

  CHECK(reporter.calls == std::vector<std::string>{"begin", "diag unreadable", "add s1",
                                                   "suppressed s0 inline",
                                                   "suppressed s2 baseline", "add s3", "end 2"});
  CHECK(seen == std::vector<std::string>{"s1", "s3"});
  const ScanOutcome& outcome = sink.outcome();
  CHECK(outcome.errors == 1);  // the unreadable directory; "binary" is policy
  CHECK(outcome.summary.files_scanned == 2);
  CHECK(outcome.summary.findings == 2);
  CHECK(outcome.summary.skipped.at("binary") == 1);
  CHECK(outcome.summary.skipped.at("symlink") == 2);
  CHECK(outcome.summary.suppressed.at("inline") == 1);
  CHECK(outcome.summary.suppressed.at("baseline") == 1);
  CHECK(log.str().find("dir: Permission denied (unreadable)") != std::string::npos);
  CHECK(log.str().find("magpie: scanned") == std::string::npos);  // quiet
}

ItemResult GitItem(const std::string& path, int64_t time, bool at_head,
                   std::vector<scanner::Finding> findings) {
  ItemResult item;
  report::GitOrigin origin;
  origin.path = path;
  origin.commit_time = time;
  origin.commit = "c" + std::to_string(time);
  origin.present_at_head = at_head;
  item.origin = origin;
  item.scanned = true;
  item.findings = std::move(findings);
  return item;
}

class CollectingSink : public ItemSink {
 public:
  void Add(ItemResult item) override { items.push_back(std::move(item)); }
  std::vector<ItemResult> items;
};

TEST_CASE("HeadPresenceSink orders held findings and propagates presence at HEAD", "[pipeline]") {
  CollectingSink next;
  HeadPresenceSink sink(next);
  sink.Add(GitItem("z.txt", 5, false, {FindingOf("alive")}));    // old blob, secret still alive
  sink.Add(GitItem("clean.txt", 1, true, {}));                   // passes straight through
  sink.Add(GitItem("a.txt", 9, true, {FindingOf("alive")}));     // the blob at HEAD
  sink.Add(GitItem("a.txt", 3, false, {FindingOf("deleted")}));  // gone since
  REQUIRE(next.items.size() == 1);  // only the clean item so far
  sink.Flush();
  REQUIRE(next.items.size() == 4);
  auto origin = [&](size_t i) { return std::get<report::GitOrigin>(next.items[i].origin); };
  CHECK(origin(1).path == "a.txt");
  CHECK(origin(1).commit_time == 3);
  CHECK_FALSE(origin(1).present_at_head);
  CHECK(origin(2).path == "a.txt");
  CHECK(origin(2).commit_time == 9);
  CHECK(origin(3).path == "z.txt");
  CHECK(origin(3).present_at_head);  // same (rule, secret) as a blob at HEAD
}

TEST_CASE("issue 15: a deleted sensitive file is not present at HEAD because another one is",
          "[pipeline][issue15]") {
  auto sensitive = [] {
    scanner::Finding f = FindingOf("");
    f.rule_id = "dotenv-file";
    f.sensitive_file = true;
    return f;
  };
  CollectingSink next;
  HeadPresenceSink sink(next);
  sink.Add(GitItem("app/.env", 9, true, {sensitive()}));   // still committed at HEAD
  sink.Add(GitItem("old/.env", 3, false, {sensitive()}));  // deleted since
  sink.Add(GitItem("app/.env", 2, false, {sensitive()}));  // an older version of the live one
  sink.Flush();
  REQUIRE(next.items.size() == 3);
  for (const ItemResult& item : next.items) {
    const auto& origin = std::get<report::GitOrigin>(item.origin);
    CHECK(origin.present_at_head == (origin.path == "app/.env"));
  }
}

}  // namespace
}  // namespace magpie::pipeline
