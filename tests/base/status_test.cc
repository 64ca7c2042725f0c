#include "base/status.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace magpie {
namespace {

TEST_CASE("Status: default is OK, errors keep code and message", "[base]") {
  Status ok;
  CHECK(ok.ok());
  CHECK(ok.message().empty());
  const Status bad = InvalidArgument("first\nsecond");
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == StatusCode::kInvalidArgument);
  CHECK(bad.Lines() == std::vector<std::string>{"first", "second"});
  CHECK(ToString(bad.code()) == "invalid-argument");
  CHECK(ToString(Untrusted("x").code()) == "untrusted");
}

TEST_CASE("Status: WithContext prefixes the message and keeps the code", "[base]") {
  const Status s = IoError("Permission denied").WithContext("cannot read a.txt");
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == "cannot read a.txt: Permission denied");
  CHECK(Status::Ok().WithContext("x").ok());
}

TEST_CASE("Result: holds a value or an error, move-only values work", "[base]") {
  Result<std::unique_ptr<int>> good = std::make_unique<int>(7);
  REQUIRE(good.ok());
  CHECK(**good == 7);
  std::unique_ptr<int> taken = *std::move(good);
  CHECK(*taken == 7);

  Result<int> bad = NotFound("no such revision 'main'");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kNotFound);
  CHECK(bad.status().message() == "no such revision 'main'");
}

}  // namespace
}  // namespace magpie
