// merge::MergeReports on hand-made reports (issue 13): what the CLI tests cannot easily pin.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "merge/report_merge.h"
#include "report/summary_line.h"

namespace magpie::merge {
namespace {

using Json = nlohmann::ordered_json;

Json Finding(const std::string& path, const std::string& blob, int offset,
             const std::string& fingerprint) {
  Json f;
  f["rule"] = "aws-access-key-id";
  f["path"] = path;
  f["start_offset"] = offset;
  f["end_offset"] = offset + 20;
  f["fingerprint"] = fingerprint;
  f["git"]["commit"] = "c";
  f["git"]["blob"] = blob;
  f["git"]["path"] = path;
  f["git"]["commit_time"] = "2024-01-01T00:00:00Z";
  return f;
}

Json Report(std::vector<Json> findings, int index, int count) {
  Json r;
  r["version"] = "1.0";
  if (count > 0) r["shard"] = {{"index", index}, {"count", count}};
  r["findings"] = findings;
  r["diagnostics"] = Json::array();
  r["summary"] = {{"files_scanned", 2}, {"bytes_scanned", 10}, {"findings", findings.size()},
                  {"errors", 0},        {"skipped", {{"binary", 1}}}, {"suppressed", Json::object()},
                  {"elapsed_seconds", 0.5}, {"config_file", ""}, {"future_count", 7}};
  return r;
}

ReportInput Input(const std::string& name, const Json& report) { return {name, report.dump(), ""}; }

}  // namespace

TEST_CASE("issue 13: merge sorts dedups and recounts whatever the input order", "[merge]") {
  const Json a = Report({Finding("b.py", "02", 5, "f2"), Finding("a.py", "01", 9, "f1")}, 0, 2);
  const Json b = Report({Finding("a.py", "03", 1, "f3"), Finding("a.py", "01", 9, "f1")}, 1, 2);
  const MergedReport one = MergeReports({Input("a", a), Input("b", b)});
  const MergedReport two = MergeReports({Input("b", b), Input("a", a)});
  CHECK(one.document == two.document);
  const Json merged = Json::parse(one.document);
  REQUIRE(merged["findings"].size() == 3);  // f1 from both shards counted once
  CHECK(merged["findings"][0]["git"]["blob"] == "01");
  CHECK(merged["findings"][1]["git"]["blob"] == "03");
  CHECK(merged["findings"][2]["path"] == "b.py");
  CHECK(merged["summary"]["findings"] == 3);
  CHECK(merged["summary"]["files_scanned"] == 4);
  CHECK(merged["summary"]["skipped"]["binary"] == 2);
  CHECK(merged["summary"]["future_count"] == 7);  // unknown: carried (the first report's)
  CHECK(one.summary.findings == 3);
  CHECK(one.summary.errors == 0);
  CHECK(one.problems.empty());
}

TEST_CASE("issue 13: merge carries fields it does not know through", "[merge]") {
  Json finding = Finding("a.py", "01", 0, "f1");
  finding["present_in"] = Json::array({"main", "v1.0"});  // a newer report's field
  finding["git"]["future"] = {{"x", 1}};
  Json report = Report({finding}, 0, 0);
  report["diagnostics"].push_back({{"path", "p"}, {"kind", "unreadable"}, {"message", "m"},
                                   {"level", "error"}, {"hint", "h"}});
  report["groups"] = Json::array({1, 2});
  const Json merged = Json::parse(MergeReports({Input("r", report)}).document);
  CHECK(merged["findings"][0]["present_in"] == Json::array({"main", "v1.0"}));
  CHECK(merged["findings"][0]["git"]["future"]["x"] == 1);
  CHECK(merged["diagnostics"][0]["hint"] == "h");
  CHECK(merged["groups"] == Json::array({1, 2}));
  CHECK(merged["summary"]["errors"] == 1);  // the report listed an error it did not count
}

TEST_CASE("issue 13: merge leaves out a hostile report whole and says so", "[merge]") {
  const Json good = Report({Finding("a.py", "01", 0, "f1")}, 0, 0);
  std::string deep(200, '[');
  deep += std::string(200, ']');
  Json bad_finding = Report({Finding("a.py", "01", 0, "f1")}, 0, 0);
  bad_finding["findings"].push_back({{"rule", "r"}, {"path", 3}, {"fingerprint", "x"}});
  MergeOptions small;
  small.max_report_bytes = 1000;
  for (const std::string& bytes : {deep, std::string("{\"version\":"), bad_finding.dump(),
                                   std::string(2000, ' ')}) {
    const MergedReport merged = MergeReports({Input("good", good), {"bad", bytes, ""}}, small);
    INFO(bytes.substr(0, 60));
    REQUIRE(merged.problems.size() == 1);
    CHECK(merged.problems[0].kind == "bad-report");
    CHECK(merged.problems[0].path == "bad");
    CHECK(merged.summary.findings == 1);  // nothing of the bad report, all of the good one
    CHECK(merged.summary.errors == 1);
  }
  const MergedReport unread = MergeReports({{"gone", "", "cannot read: No such file"}});
  CHECK(unread.summary.errors == 1);
  CHECK(Json::parse(unread.document)["diagnostics"][0]["kind"] == "bad-report");
}

}  // namespace magpie::merge

namespace magpie::merge {

TEST_CASE("issue 13: merge keeps the scan kind and names blobs for a history", "[merge]") {
  Json a = Report({Finding("a.py", "01", 0, "f1")}, 0, 2);
  Json b = Report({}, 1, 2);
  a["summary"]["scan_kind"] = "history";
  b["summary"]["scan_kind"] = "history";
  const MergedReport merged = MergeReports({Input("a", a), Input("b", b)});
  CHECK(merged.problems.empty());
  CHECK(merged.summary.kind == report::ScanKind::kHistory);
  CHECK(Json::parse(merged.document)["summary"]["scan_kind"] == "history");
  CHECK(report::SummaryLine(merged.summary).find("scanned 4 blobs") != std::string::npos);
}

TEST_CASE("issue 13: reports older than the scan kind merge as files, with any kind",
          "[merge]") {
  const Json old_a = Report({Finding("a.py", "01", 0, "f1")}, 0, 2);  // no scan_kind
  Json b = Report({}, 1, 2);
  const MergedReport both_old = MergeReports({Input("a", old_a), Input("b", Report({}, 1, 2))});
  CHECK(both_old.problems.empty());
  CHECK(both_old.summary.kind == report::ScanKind::kFiles);
  CHECK(!Json::parse(both_old.document)["summary"].contains("scan_kind"));
  CHECK(report::SummaryLine(both_old.summary).find("scanned 4 files") != std::string::npos);
  b["summary"]["scan_kind"] = "history";
  const MergedReport one_new = MergeReports({Input("a", old_a), Input("b", b)});
  CHECK(one_new.problems.empty());
  CHECK(one_new.summary.kind == report::ScanKind::kHistory);
}

TEST_CASE("issue 13: merge leaves out a report of another scan kind, whatever the order",
          "[merge]") {
  Json history = Report({Finding("a.py", "01", 0, "f1")}, 0, 0);
  Json files = Report({Finding("b.py", "02", 0, "f2")}, 0, 0);
  history["summary"]["scan_kind"] = "history";
  files["summary"]["scan_kind"] = "files";
  for (const bool history_first : {true, false}) {
    const MergedReport merged =
        history_first ? MergeReports({Input("h", history), Input("f", files)})
                      : MergeReports({Input("f", files), Input("h", history)});
    REQUIRE(merged.problems.size() == 1);
    CHECK(merged.problems[0].kind == "bad-report");
    CHECK(merged.problems[0].path == (history_first ? "f" : "h"));
    CHECK(merged.summary.errors == 1);
    CHECK(merged.summary.findings == 1);  // the second report is left out whole
    CHECK(merged.summary.kind ==
          (history_first ? report::ScanKind::kHistory : report::ScanKind::kFiles));
  }
  // A kind that is not a string is a malformed report; one this magpie does not know is a
  // kind of its own (a newer magpie's), counted as files.
  Json number = Report({}, 0, 0);
  number["summary"]["scan_kind"] = 3;
  CHECK(MergeReports({Input("n", number)}).problems.size() == 1);
  Json future = Report({}, 0, 0);
  future["summary"]["scan_kind"] = "archive";
  const MergedReport newer = MergeReports({Input("x", future), Input("y", future)});
  CHECK(newer.problems.empty());
  CHECK(newer.summary.kind == report::ScanKind::kFiles);
  CHECK(MergeReports({Input("x", future), Input("h", history)}).problems.size() == 1);
}

TEST_CASE("issue 13: a report whose scan kind is empty is malformed, not older than the field",
          "[merge]") {
  // Before: "" read as a report without the field, which merges with any kind, so a history
  // and a "" report were summed silently and the merged summary said scan_kind "".
  Json history = Report({Finding("a.py", "01", 0, "f1")}, 0, 0);
  history["summary"]["scan_kind"] = "history";
  Json empty = Report({Finding("b.py", "02", 0, "f2")}, 0, 0);
  empty["summary"]["scan_kind"] = "";
  for (const bool empty_first : {true, false}) {
    const MergedReport merged = empty_first ? MergeReports({Input("e", empty), Input("h", history)})
                                            : MergeReports({Input("h", history), Input("e", empty)});
    REQUIRE(merged.problems.size() == 1);
    CHECK(merged.problems[0].kind == "bad-report");
    CHECK(merged.problems[0].path == "e");
    CHECK(merged.summary.findings == 1);
    CHECK(merged.summary.kind == report::ScanKind::kHistory);
    CHECK(Json::parse(merged.document)["summary"]["scan_kind"] == "history");
  }
}

}  // namespace magpie::merge
