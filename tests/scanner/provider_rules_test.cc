// The provider families added for issue 12 ("the long tail of providers"), through the built-in
// rules: prefix tokens, key-name rules in the shapes code and config write, and what they leave.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "builtin_scanner.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace {

using magpie::scanner::Finding;

using magpie::testing::BuiltinScanner;

// True when `text` yields a finding of `rule` whose secret is exactly `secret`.
bool Finds(const std::string& text, const std::string& rule, const std::string& secret) {
  for (const Finding& f : magpie::testing::ScanOrDie(BuiltinScanner(), text)) {
    if (f.rule_id == rule && f.secret == secret) return true;
  }
  return false;
}

bool AnyOf(const std::string& text, const std::string& rule) {
  for (const Finding& f : magpie::testing::ScanOrDie(BuiltinScanner(), text)) {
    if (f.rule_id == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("issue 12: a GCP service-account access token in the ya29.c. form is found whole",
          "[scanner][issue12]") {
  // Tokens minted for service accounts (metadata server, gcloud) start ya29.c. and end in dots;
  // the rule used to stop at the second dot and find nothing.
  const std::string token =
      "ya29.c.c0ASRK0GZqW3nT8vLm2Xk9Pd7hBc4Yf6Rj1Ns5Ta0Ue3Iw8Oq2Gy7Hb4Vl6Mz9Kx1Jd5Cp3Fn8Ar2St7Wb0";
  CHECK(Finds("GOOGLE_ACCESS_TOKEN=" + token + "........", "google-oauth-access-token", token));
  CHECK(Finds("Authorization: Bearer " + token, "google-oauth-access-token", token));
}

TEST_CASE("issue 12: provider tokens with a documented prefix are found in any container",
          "[scanner][issue12]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"astra-db-token",
       "AstraCS:QnRkWvLpXeZsMaHcJyGbFuDt:"
       "9c1f0a7e3b5d2c8a4f6e1b0d7c3a9e5f2b8d4c0a6e1f7b3d9c5a2e8f4b0d6c1a"},
      {"radar-secret-key", "prj_live_sk_3f9a1c7e5b2d8f4a0c6e1b9d7f3a5c2e8b4d0f6a"},
      {"tavily-api-key", "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"},
      {"riot-games-api-key", "RGAPI-4f2a9c1e-7b3d-4e8a-9c5f-1d6b0e2a7c3f"},
      {"nvidia-api-key",
       "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"},
  };
  for (const auto& [rule, token] : cases) {
    INFO(rule);
    CHECK(Finds("export TOKEN=\"" + token + "\"", rule, token));
    CHECK(Finds("{\"credentials\": {\"token\": \"" + token + "\"}}", rule, token));
    CHECK(Finds("  api_key: " + token + "\n", rule, token));
  }
}

TEST_CASE("issue 12: a key-name provider rule finds the key in the shapes code and config use",
          "[scanner][issue12]") {
  const std::string key = "Qx7LmW2pRt9ZkV4nHb6JcY3dFs8GaE1u";  // 32 base62, Shodan's shape
  for (const std::string& text : {
           "SHODAN_API_KEY=" + key,
           "  \"shodanApiKey\": \"" + key + "\",",
           "shodan.api.key=" + key,
           "shodan:\n  api_key: " + key + "\n",
           "{\n  \"shodan\": {\n    \"api_key\": \"" + key + "\"\n  }\n}",
           "const shodanKey = '" + key + "';",
           "ENV SHODAN_API_KEY=" + key,
       }) {
    INFO(text);
    CHECK(Finds(text, "shodan-api-key", key));
  }
}

TEST_CASE("issue 12: key-name provider rules leave other keys and wrong shapes alone",
          "[scanner][issue12]") {
  const std::string key = "Qx7LmW2pRt9ZkV4nHb6JcY3dFs8GaE1u";
  CHECK_FALSE(AnyOf("API_KEY=" + key, "shodan-api-key"));               // no provider named
  CHECK_FALSE(AnyOf("SHODAN_API_KEY=" + key + "Z", "shodan-api-key"));  // 33 characters
  CHECK_FALSE(AnyOf("SHODAN_API_KEY=${SHODAN_API_KEY}", "shodan-api-key"));
  CHECK_FALSE(AnyOf("shodan_url = \"https://api.shodan.io/shodan/host\"", "shodan-api-key"));
  // EXPORT_TOKEN merely starts like "expo": the Expo rule needs the whole key name.
  CHECK_FALSE(AnyOf("EXPORT_TOKEN=Zq3Xk8Lm2Pw7Rt5Yv9Bn4Hc6Jd1Fs0GaQe2Wr7Ty", "expo-access-token"));
  CHECK(AnyOf("EXPO_TOKEN=Zq3Xk8Lm2Pw7Rt5Yv9Bn4Hc6Jd1Fs0GaQe2Wr7Ty", "expo-access-token"));
}
