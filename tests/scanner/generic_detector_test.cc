#include "scanner/generic_detector.h"

#include <catch2/catch.hpp>

#include "scanner/scanner.h"
#include "scanner_test_util.h"

using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;
using magpie::rules::kGenericRuleId;

namespace {

bool Fires(const std::string& line, magpie::scanner::EntropyThresholds thresholds = {}) {
  magpie::scanner::CompileOptions options;
  options.entropy = thresholds;
  auto compiled = magpie::scanner::CompiledRules::Compile(magpie::rules::RuleSet({}, "<t>"), options);
  REQUIRE(compiled.ok());
  auto scanner = ScannerOrDie(*compiled);
  for (const auto& f : ScanOrDie(*scanner, line)) {
    if (f.rule_id == kGenericRuleId) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("generic detector fires on high-entropy assignments", "[scanner][generic]") {
  CHECK(Fires("DB_PASSWORD=q8Vn2rLx7TfK9mWz"));
  CHECK(Fires("  \"apiKey\": \"Zr7kP2qW9xLm4Tv8Nb3Hs6Jd\","));
  CHECK(Fires("client_secret: 'f3A9kLq2Zx8Rt5Wm1Pv7'"));
  CHECK(Fires("auth_token := \"4f9c2a7d1e8b3f60a5c4e2d9b7f1a3c8\""));
  CHECK(Fires("<password>Xk9#mQ2$vL7pR4tZ</password>"));
}

TEST_CASE("generic detector ignores placeholders and lookups", "[scanner][generic]") {
  CHECK_FALSE(Fires("password = os.environ['DB_PASSWORD']"));
  CHECK_FALSE(Fires("api_key: ${API_KEY}"));
  CHECK_FALSE(Fires("token = \"your_api_token_here\""));
  CHECK_FALSE(Fires("secret: xxxxxxxxxxxxxxxx"));
  CHECK_FALSE(Fires("password: changeme123"));
  CHECK_FALSE(Fires("api_key = \"<your-token>\""));
  CHECK_FALSE(Fires("token = config.auth.token"));
  CHECK_FALSE(Fires("apiKey = getApiKey(request)"));
  CHECK_FALSE(Fires("session_token: 123e4567-e89b-12d3-a456-426614174000"));
  CHECK_FALSE(Fires("password_hash = \"q8Vn2rLx7TfK9mWz\""));
  CHECK_FALSE(Fires("author = \"q8Vn2rLx7TfK9mWz\""));
  CHECK_FALSE(Fires("secret = \"abcdef1234567890\""));  // sequential runs
  CHECK_FALSE(Fires("password = \"CorrectHorseBatteryStaple\""));  // letters only
  CHECK_FALSE(Fires("token: 20240101123000"));  // digits only
}

TEST_CASE("generic entropy floors are configurable per alphabet", "[scanner][generic]") {
  // 32 hex chars from 6 distinct symbols: entropy ~2.58 bits.
  const std::string line = "api_key = \"a1b2c3a1b2c3c3b2a1a1b2c3c3b2a1a1\"";
  magpie::scanner::EntropyThresholds strict;
  magpie::scanner::EntropyThresholds lax;
  lax.hex = 2.0;
  CHECK_FALSE(Fires(line, strict));
  CHECK(Fires(line, lax));
}
