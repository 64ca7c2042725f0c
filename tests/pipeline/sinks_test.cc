// The ordered output stage (issue 9): ReportSink passes findings through the Suppressor to the
// reporter and counts what it saw; HistoryGroupSink holds git findings for history order, one
// per (rule, secret, path), and marks a secret present at HEAD when any blob at HEAD holds it.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "pipeline/history_group_sink.h"
#include "pipeline/report_sink.h"
#include "scanner/fingerprint.h"
#include "tests/git/git_fixture.h"

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
  origin.commit_order = static_cast<uint64_t>(time);
  origin.commit = "c" + std::to_string(time);
  origin.blob_id = "b" + std::to_string(time);
  origin.present_at_head = at_head;
  item.origin = origin;
  item.scanned = true;
  item.bytes = 10;
  item.findings = std::move(findings);
  return item;
}

class CollectingSink : public ItemSink {
 public:
  void Add(ItemResult item) override { items.push_back(std::move(item)); }
  std::vector<ItemResult> items;
};

const report::GitOrigin& OriginOf(const ItemResult& item) {
  return std::get<report::GitOrigin>(item.origin);
}

TEST_CASE("HistoryGroupSink orders held findings and propagates presence at HEAD", "[pipeline]") {
  CollectingSink next;
  HistoryGroupSink sink(next);
  sink.Add(GitItem("z.txt", 5, false, {FindingOf("alive")}));    // old blob, secret still alive
  sink.Add(GitItem("clean.txt", 1, true, {}));                   // passes straight through
  sink.Add(GitItem("a.txt", 9, true, {FindingOf("alive")}));     // the blob at HEAD
  sink.Add(GitItem("a.txt", 3, false, {FindingOf("deleted")}));  // gone since
  REQUIRE(next.items.size() == 4);  // every item passes on at once, its findings held back
  for (const ItemResult& item : next.items) CHECK(item.findings.empty());
  sink.Flush();
  REQUIRE(next.items.size() == 7);
  for (size_t i = 4; i < 7; ++i) {
    CHECK(next.items[i].regrouped);
    REQUIRE(next.items[i].findings.size() == 1);
  }
  CHECK(OriginOf(next.items[4]).path == "a.txt");
  CHECK(OriginOf(next.items[4]).commit_time == 3);
  CHECK_FALSE(OriginOf(next.items[4]).present_at_head);
  CHECK(OriginOf(next.items[5]).path == "a.txt");
  CHECK(OriginOf(next.items[5]).commit_time == 9);
  CHECK(OriginOf(next.items[6]).path == "z.txt");
  CHECK(OriginOf(next.items[6]).present_at_head);  // same (rule, secret) as a blob at HEAD
  CHECK(OriginOf(next.items[6]).history->paths == 2);  // a.txt and z.txt hold "alive"
  CHECK_FALSE(OriginOf(next.items[6]).history->presence_checked);  // no repository given
}

TEST_CASE("issue 11: HistoryGroupSink reports a secret kept through versions once", "[pipeline]") {
  CollectingSink next;
  HistoryGroupSink sink(next);
  // Pack order is not history order: the versions arrive shuffled.
  for (int64_t time : {7, 2, 5}) {
    ItemResult item = GitItem("app.env", time, false, {FindingOf("kept", 1 + time)});
    std::get<report::GitOrigin>(item.origin).other_occurrences = time == 5 ? 1 : 0;
    item.suppressed.push_back({FindingOf("allowed"), "inline"});
    sink.Add(std::move(item));
  }
  sink.Flush();
  REQUIRE(next.items.size() == 5);  // 3 blobs counted, then 2 history findings
  std::vector<const ItemResult*> grouped;
  for (const ItemResult& item : next.items) {
    if (item.regrouped) grouped.push_back(&item);
  }
  REQUIRE(grouped.size() == 2);
  const ItemResult* kept = grouped[0]->findings.empty() ? grouped[1] : grouped[0];
  const ItemResult* allowed = grouped[0]->findings.empty() ? grouped[0] : grouped[1];
  REQUIRE(kept->findings.size() == 1);
  CHECK(kept->findings[0].start.line == 3);  // the first version's place
  const report::GitOrigin& origin = OriginOf(*kept);
  CHECK(origin.commit == "c2");
  REQUIRE(origin.history);
  CHECK(origin.history->last_commit == "c7");
  CHECK(origin.history->versions == 3);
  CHECK(origin.history->paths == 1);
  CHECK(origin.other_occurrences == 1);  // the versions' copies, not the versions themselves
  REQUIRE(allowed->suppressed.size() == 1);  // inline-suppressed ones form their own group
  CHECK(allowed->suppressed[0].reason == "inline");
  CHECK(OriginOf(*allowed).history->versions == 3);

  // Counted once per blob, reported once per secret.
  RecordingReporter reporter;
  suppress::Suppressor suppressor;
  std::ostringstream log;
  ReportSinkOptions options;
  options.quiet = true;
  ReportSink report(reporter, suppressor, log, options);
  report.Begin();
  for (ItemResult& item : next.items) report.Add(std::move(item));
  report.Finish();
  CHECK(report.outcome().summary.files_scanned == 3);
  CHECK(report.outcome().summary.bytes_scanned == 30);
  CHECK(report.outcome().summary.findings == 1);
  CHECK(report.outcome().summary.suppressed.at("inline") == 1);
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
  HistoryGroupSink sink(next);
  sink.Add(GitItem("app/.env", 9, true, {sensitive()}));   // still committed at HEAD
  sink.Add(GitItem("old/.env", 3, false, {sensitive()}));  // deleted since
  sink.Add(GitItem("app/.env", 2, false, {sensitive()}));  // an older version of the live one
  sink.Flush();
  REQUIRE(next.items.size() == 5);  // 3 blobs counted, then one finding per file
  int grouped = 0;
  for (const ItemResult& item : next.items) {
    if (!item.regrouped) continue;
    ++grouped;
    const auto& origin = std::get<report::GitOrigin>(item.origin);
    CHECK(origin.present_at_head == (origin.path == "app/.env"));
    CHECK(origin.history->paths == 1);  // another .env is another file, not another copy
  }
  CHECK(grouped == 2);
}

TEST_CASE("issue 11: each history finding carries its secret identity for merging shards",
          "[pipeline]") {
  // SHA-256("magpie/secret-id/v1" NUL "test-token" NUL "alive"), first 32 hex digits.
  CHECK(scanner::SecretId("test-token", "alive") == "60f1ab81d38ca62dde452ca987cacf22");
  CollectingSink next;
  HistoryGroupSink sink(next);
  sink.Add(GitItem("a.txt", 4, false, {FindingOf("alive")}));
  sink.Add(GitItem("a.txt", 9, true, {FindingOf("alive")}));
  sink.Add(GitItem("z.txt", 6, false, {FindingOf("alive")}));
  scanner::Finding dotenv = FindingOf("");
  dotenv.rule_id = "dotenv-file";
  dotenv.sensitive_file = true;
  sink.Add(GitItem("app/.env", 2, false, {dotenv}));
  sink.Add(GitItem("old/.env", 3, false, {dotenv}));
  sink.Flush();
  std::vector<const report::GitOrigin*> found;
  for (const ItemResult& item : next.items) {
    if (item.regrouped) found.push_back(&OriginOf(item));
  }
  REQUIRE(found.size() == 4);  // a.txt, app/.env, old/.env, z.txt
  CHECK(found[0]->history->secret_id == "60f1ab81d38ca62dde452ca987cacf22");
  CHECK(found[0]->history->last_commit_order == 9);
  CHECK(found[3]->history->secret_id == found[0]->history->secret_id);  // same secret
  CHECK(found[3]->history->last_commit_order == 6);
  // A sensitive file has no secret: two of them are two files, not one secret.
  CHECK(found[1]->history->secret_id.size() == 32);
  CHECK(found[1]->history->secret_id != found[2]->history->secret_id);
}

// A secret whose file was renamed on a side branch that HEAD never had; its one history
// finding, grouped by a sink reading that repository's tips.
struct RenamedOnSide {
  git::testing::TempRepo repo;
  std::string blob;
  RenamedOnSide() {
    repo.Write("config.py", "token = s3cr3t\n");
    repo.Write("readme", "hello\n");
    repo.Commit("one");
    blob = repo.BlobId("token = s3cr3t\n");
    repo.Git("checkout -q -b side");
    repo.Write("src/settings.py", "token = s3cr3t\n");
    repo.Remove("config.py");
    repo.Commit("two");
    repo.Git("checkout -q main");
    repo.Remove("config.py");
    repo.Commit("three");
  }
  // Runs a sink with `options` (repo filled in) over the finding; the items it sent on.
  std::vector<ItemResult> Group(HistoryGroupOptions options, PresenceSearchStats* stats) const {
    CollectingSink next;
    options.repo = repo.path();
    HistoryGroupSink sink(next, options);
    ItemResult item = GitItem("config.py", 1, false, {FindingOf("s3cr3t")});
    std::get<report::GitOrigin>(item.origin).blob_id = blob;
    sink.Add(std::move(item));
    sink.Flush();
    *stats = sink.search_stats();
    return std::move(next.items);
  }
};

std::vector<std::string> DiagnosticsOf(const std::vector<ItemResult>& items) {
  std::vector<std::string> out;
  for (const ItemResult& item : items) {
    if (item.diagnostic) out.push_back(item.diagnostic->kind + ": " + item.diagnostic->message);
  }
  return out;
}

TEST_CASE("issue 11: HistoryGroupSink says where a would-be deleted secret's blob lives now",
          "[pipeline]") {
  RenamedOnSide fixture;
  PresenceSearchStats stats;
  const std::vector<ItemResult> items = fixture.Group({}, &stats);
  REQUIRE(items.size() == 2);
  const report::SecretHistory& h = *OriginOf(items[1]).history;
  CHECK(h.presence_checked);
  CHECK(h.present_in.empty());
  CHECK(h.present_elsewhere);
  REQUIRE(h.elsewhere.size() == 1);
  CHECK(h.elsewhere[0] == report::SecretHistory::TipPath{"refs/heads/side", "src/settings.py"});
  CHECK(stats.findings == 1);
  CHECK(stats.found == 1);
  CHECK(stats.trees_read == 3);  // main's root, side's root, src
  CHECK(DiagnosticsOf(items).empty());
}

TEST_CASE("issue 11: an incomplete search at other paths is a presence-unknown warning",
          "[pipeline]") {
  RenamedOnSide fixture;
  PresenceSearchStats stats;
  SECTION("the bound") {
    HistoryGroupOptions options;
    options.max_search_trees = 1;
    const std::vector<ItemResult> items = fixture.Group(options, &stats);
    const auto diagnostics = DiagnosticsOf(items);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].find("presence-unknown: 1 history findings could not be looked for") == 0);
    CHECK(diagnostics[0].find("stopped after 1 trees") != std::string::npos);
    CHECK(stats.trees_read == 1);
  }
  SECTION("an unreadable tree") {
    fault::ScopedFault fault(fault::Point::kPresenceTreeRead, EIO);
    const std::vector<ItemResult> items = fixture.Group({}, &stats);
    const auto diagnostics = DiagnosticsOf(items);
    REQUIRE_FALSE(diagnostics.empty());  // the lookups at the path (when they failed), the search
    CHECK(diagnostics.back().find("presence-unknown: 1 history findings could not be looked for") ==
          0);
    CHECK(diagnostics.back().find("2 trees could not be read") != std::string::npos);
    CHECK_FALSE(OriginOf(items.back()).history->present_elsewhere);
  }
}

}  // namespace
}  // namespace magpie::pipeline
