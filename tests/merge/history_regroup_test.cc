// Issue 11 meets issue 13: history findings of shard reports carry "regroup" (the secret's
// identity and the walk order of their commits) and merge::MergeReports folds a secret's
// partial findings into the one a single machine reports. Shard reports are hostile input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "merge/report_merge.h"

namespace magpie::merge {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSecretId = "0123456789abcdef0123456789abcdef";

// prefix + n, built in place (GCC 12's -Wrestrict misfires on "literal" + std::string).
std::string Named(const char* prefix, uint64_t n) {
  std::string out = prefix;
  out += std::to_string(n);
  return out;
}

// A shard's partial history finding: its share of the versions of one secret at `path`.
Json Partial(const std::string& path, const std::string& fingerprint, uint64_t first_order,
             const std::string& blob, uint64_t last_order, int versions,
             std::vector<std::string> present_in) {
  Json f;
  f["rule"] = "aws-access-key-id";
  f["path"] = path;
  f["start_offset"] = 6;
  f["end_offset"] = 26;
  f["fingerprint"] = fingerprint;
  Json& git = f["git"];
  git["commit"] = Named("c", first_order);
  git["blob"] = blob;
  git["path"] = path;
  git["commit_time"] = Named("2024-01-0", first_order) + "T00:00:00Z";
  git["other_occurrences"] = 1;
  git["present_at_head"] = false;
  git["staged"] = false;
  git["last_commit"] = Named("c", last_order);
  git["last_commit_time"] = Named("2024-01-0", last_order) + "T00:00:00Z";
  git["versions"] = versions;
  git["paths"] = 1;
  git["present_in"] = present_in;
  git["present_elsewhere"] = false;
  git["regroup"] = {{"secret_id", kSecretId},
                    {"commit_order", first_order},
                    {"last_commit_order", last_order}};
  git["occurrences"] = Json::array(
      {{{"commit", git["commit"]}, {"path", path}, {"blob", blob}, {"commit_order", first_order}}});
  return f;
}

Json Shard(std::vector<Json> findings, int index, int count) {
  Json r;
  r["version"] = "1.0";
  r["shard"] = {{"index", index}, {"count", count}};
  r["findings"] = findings;
  r["diagnostics"] = Json::array();
  r["summary"] = {{"files_scanned", 2}, {"bytes_scanned", 10}, {"findings", findings.size()},
                  {"errors", 0}, {"skipped", Json::object()}, {"suppressed", Json::object()}};
  return r;
}

ReportInput Input(const std::string& name, const Json& report) { return {name, report.dump(), ""}; }

}  // namespace

TEST_CASE("issue 11: merge folds a secret's versions split over shards into one finding",
          "[merge]") {
  // a.env: versions in commits 2 and 5 (shard 0) and 3 (shard 1), gone from every tip;
  // b.env: the same secret, still on main (shard 1).
  const Json s0 = Shard({Partial("a.env", "fa", 2, "b2", 5, 2, {})}, 0, 2);
  const Json s1 = Shard({Partial("a.env", "fa", 3, "b3", 3, 1, {}),
                         Partial("b.env", "fb", 4, "b4", 4, 1,
                                 {"refs/tags/v1", "refs/heads/main"})},
                        1, 2);
  for (bool reversed : {false, true}) {
    const MergedReport merged = reversed ? MergeReports({Input("s1", s1), Input("s0", s0)})
                                         : MergeReports({Input("s0", s0), Input("s1", s1)});
    INFO(merged.document);
    REQUIRE(merged.problems.empty());
    CHECK(merged.summary.findings == 2);
    const Json doc = Json::parse(merged.document);
    REQUIRE(doc["findings"].size() == 2);
    const Json& a = doc["findings"][0]["git"];
    CHECK(a["commit"] == "c2");  // the earliest version's place
    CHECK(a["blob"] == "b2");
    CHECK(a["last_commit"] == "c5");  // the latest, whichever shard had it
    CHECK(a["versions"] == 3);
    CHECK(a["other_occurrences"] == 2);
    CHECK(a["paths"] == 2);  // across paths, by the secret's identity
    CHECK(a["present_in"] == Json::array());
    CHECK(a["present_elsewhere"] == true);  // b.env still holds it
    REQUIRE(a["occurrences"].size() == 2);
    CHECK(a["occurrences"][0]["commit"] == "c2");
    CHECK(a["occurrences"][1]["commit"] == "c3");
    CHECK_FALSE(a["occurrences"][0].contains("commit_order"));
    CHECK_FALSE(a.contains("regroup"));  // the merge's own, never in a merged report
    const Json& b = doc["findings"][1]["git"];
    CHECK(b["present_in"] == Json::array({"refs/heads/main", "refs/tags/v1"}));  // ref order
    CHECK(b["present_elsewhere"] == false);
    CHECK(b["paths"] == 2);
  }
}

TEST_CASE("issue 11: merge unites where each shard found a deleted secret's blobs elsewhere",
          "[merge]") {
  auto places = [](std::vector<std::pair<std::string, std::string>> list) {
    Json out = Json::array();
    for (const auto& [ref, path] : list) out.push_back({{"ref", ref}, {"path", path}});
    return out;
  };
  // One secret at a.env in two shards' versions, each found renamed in another tip.
  Json a0 = Partial("a.env", "fa", 2, "b2", 2, 1, {});
  a0["git"]["present_elsewhere"] = true;
  a0["git"]["elsewhere"] = places({{"refs/tags/v1", "old/a.env"}});
  Json a1 = Partial("a.env", "fa", 3, "b3", 3, 1, {});
  a1["git"]["present_elsewhere"] = true;
  a1["git"]["elsewhere"] = places({{"refs/tags/v1", "new/a.env"}, {"refs/heads/side", "x"}});
  {
    const MergedReport merged = MergeReports({Input("s0", Shard({a0}, 0, 2)),
                                              Input("s1", Shard({a1}, 1, 2))});
    INFO(merged.document);
    REQUIRE(merged.problems.empty());
    const Json doc = Json::parse(merged.document);
    REQUIRE(doc["findings"].size() == 1);
    const Json& git = doc["findings"][0]["git"];
    CHECK(git["present_elsewhere"] == true);
    CHECK(git["elsewhere"] == places({{"refs/heads/side", "x"}, {"refs/tags/v1", "new/a.env"},
                                      {"refs/tags/v1", "old/a.env"}}));  // single-machine order
  }
  // Another shard's finding of the secret is alive at its path: nothing else is said, as on
  // one machine, which searches only for secrets nothing else keeps.
  const Json b1 = Partial("b.env", "fb", 4, "b4", 4, 1, {"refs/heads/main"});
  const MergedReport merged = MergeReports({Input("s0", Shard({a0}, 0, 2)),
                                            Input("s1", Shard({b1}, 1, 2))});
  REQUIRE(merged.problems.empty());
  const Json doc = Json::parse(merged.document);
  REQUIRE(doc["findings"].size() == 2);
  CHECK(doc["findings"][0]["git"]["present_elsewhere"] == true);
  CHECK_FALSE(doc["findings"][0]["git"].contains("elsewhere"));
}

TEST_CASE("issue 11: a shard report with a bad secret id or history field is left out whole",
          "[merge]") {
  const Json good = Shard({Partial("a.env", "fa", 1, "b1", 1, 1, {})}, 0, 2);
  std::vector<Json> bad;
  for (const Json& id : {Json("0123"), Json("0123456789ABCDEF0123456789ABCDEF"),
                         Json("0123456789abcdef0123456789abcdeg"), Json(7), Json(nullptr)}) {
    Json f = Partial("b.env", "fb", 2, "b2", 2, 1, {});
    f["git"]["regroup"]["secret_id"] = id;
    bad.push_back(f);
  }
  auto with = [](const char* key, Json value) {
    Json f = Partial("b.env", "fb", 2, "b2", 2, 1, {});
    f["git"][key] = std::move(value);
    return f;
  };
  bad.push_back(with("regroup", "x"));
  bad.push_back(with("versions", -1));
  bad.push_back(with("present_in", Json::array({"refs/heads/main", 3})));
  bad.push_back(with("present_in", "refs/heads/main"));
  bad.push_back(with("occurrences", Json::array({"c1"})));
  bad.push_back(with("last_commit", 5));
  bad.push_back(with("elsewhere", "refs/heads/side"));
  bad.push_back(with("elsewhere", Json::array({"refs/heads/side"})));
  bad.push_back(with("elsewhere", Json::array({{{"ref", "refs/heads/side"}}})));
  bad.push_back(with("elsewhere", Json::array({{{"ref", "refs/heads/side"}, {"path", 7}}})));
  auto with_regroup = [](const char* key, Json value) {
    Json f = Partial("b.env", "fb", 2, "b2", 2, 1, {});
    f["git"]["regroup"][key] = std::move(value);
    return f;
  };
  bad.push_back(with_regroup("blobs", Json::array({"b1", 2})));
  bad.push_back(with_regroup("blobs", "b1"));
  bad.push_back(with_regroup("merge_only", "yes"));
  bad.push_back(with_regroup("unresolved_tips", Json::array({"b1"})));
  bad.push_back(with_regroup("unresolved_tips", Json::array({{{"blob", "b1"}}})));
  bad.push_back(with_regroup("unresolved_tips",
                             Json::array({{{"blob", "b1"}, {"tips", Json::array({1})}}})));
  Json negative_order = Partial("b.env", "fb", 2, "b2", 2, 1, {});
  negative_order["git"]["regroup"]["commit_order"] = -2;
  bad.push_back(negative_order);
  for (const Json& finding : bad) {
    INFO(finding.dump());
    const MergedReport merged =
        MergeReports({Input("good", good), Input("bad", Shard({finding}, 1, 2))});
    REQUIRE(merged.problems.size() == 2);  // the bad report, then its shard as missing
    CHECK(merged.problems[0].kind == "bad-report");
    CHECK(merged.problems[0].path == "bad");
    CHECK(merged.summary.findings == 1);
  }
}

TEST_CASE("issue 11: huge tip and occurrence lists from shards merge once each", "[merge]") {
  std::vector<std::string> tips;
  for (int i = 0; i < 20000; ++i) tips.push_back(Named("refs/tags/t", i));
  std::vector<Json> shards;
  for (int s = 0; s < 4; ++s) {
    Json f = Partial("a.env", "fa", 1 + s, Named("b", s), 1 + s, 1, tips);
    Json& list = f["git"]["occurrences"];
    for (int i = 0; i < 5000; ++i) {  // the same introductions in every shard: united
      list.push_back({{"commit", "x"}, {"path", Named("p", i)}, {"blob", "b"},
                      {"commit_order", 100 + i}});
    }
    shards.push_back(Shard({f}, s, 4));
  }
  std::vector<ReportInput> inputs;
  for (size_t s = 0; s < shards.size(); ++s) inputs.push_back(Input(std::to_string(s), shards[s]));
  const MergedReport merged = MergeReports(inputs);
  REQUIRE(merged.problems.empty());
  const Json doc = Json::parse(merged.document);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["git"]["present_in"].size() == tips.size());
  CHECK(doc["findings"][0]["git"]["occurrences"].size() == 4 + 5000);
  CHECK(doc["findings"][0]["git"]["versions"] == 4);
}

TEST_CASE("issue 11: merge resolves a tip a shard left to the shard that owns its blob",
          "[merge]") {
  // a.env: shard 0 has version b1; the tip v1 holds b3 there, in shard 1's share, where a rule
  // found the secret (at another path: b3 is also c.env's), and main holds b4, which holds no
  // secret shard 1 found.
  Json a = Partial("a.env", "fa", 1, "b1", 1, 1, {});
  a["git"]["regroup"]["blobs"] = Json::array({"b1"});
  a["git"]["regroup"]["unresolved_tips"] =
      Json::array({{{"blob", "b3"}, {"tips", Json::array({"refs/tags/v1"})}},
                   {{"blob", "b4"}, {"tips", Json::array({"refs/heads/main"})}}});
  Json c = Partial("c.env", "fc", 3, "b3", 3, 1, {});
  c["git"]["regroup"]["blobs"] = Json::array({"b3"});
  const MergedReport merged =
      MergeReports({Input("s0", Shard({a}, 0, 2)), Input("s1", Shard({c}, 1, 2))});
  INFO(merged.document);
  REQUIRE(merged.problems.empty());
  const Json doc = Json::parse(merged.document);
  REQUIRE(doc["findings"].size() == 2);
  CHECK(doc["findings"][0]["git"]["present_in"] == Json::array({"refs/tags/v1"}));
  CHECK(doc["findings"][1]["git"]["present_in"] == Json::array());
  CHECK(doc["findings"][1]["git"]["present_elsewhere"] == true);
  CHECK_FALSE(doc["findings"][0]["git"].contains("regroup"));
}

TEST_CASE("issue 13: merge counts a merge-only suppressed secret once and leaves it out",
          "[merge]") {
  // The same suppressed secret in both shards (not listed on one machine), and a sensitive
  // file reported by both shards: one of each in the merged counts.
  auto suppressed = [](uint64_t order, const char* blob) {
    Json f = Partial("a.env", "fa", order, blob, order, 1, {});
    f["reason"] = "baseline";
    f["git"]["regroup"]["merge_only"] = true;
    return f;
  };
  auto sensitive = [](uint64_t order, const char* blob) {
    Json f = Partial(".env", "fs", order, blob, order, 1, {});
    f["kind"] = "sensitive-file";
    return f;
  };
  Json s0 = Shard({sensitive(1, "b1")}, 0, 2);
  Json s1 = Shard({sensitive(2, "b2")}, 1, 2);
  s0["suppressed"] = Json::array({suppressed(1, "b3")});
  s1["suppressed"] = Json::array({suppressed(2, "b4")});
  for (Json* s : {&s0, &s1}) {
    (*s)["summary"]["suppressed"] = {{"baseline", 1}};
    (*s)["summary"]["sensitive_files"] = 1;
  }
  const MergedReport merged = MergeReports({Input("s0", s0), Input("s1", s1)});
  INFO(merged.document);
  REQUIRE(merged.problems.empty());
  const Json doc = Json::parse(merged.document);
  CHECK_FALSE(doc.contains("suppressed"));
  CHECK(doc["summary"]["suppressed"]["baseline"] == 1);
  CHECK(doc["summary"]["sensitive_files"] == 1);
  CHECK(merged.summary.sensitive_files == 1);
  CHECK(doc["findings"].size() == 1);
}

}  // namespace magpie::merge
