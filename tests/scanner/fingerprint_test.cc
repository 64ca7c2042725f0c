// Sha256Hex, Fingerprint and SecretId against independent values (FIPS 180-2's vectors, Python's
// hashlib): fingerprints in baselines and .magpieignore files must never change.
#include <catch2/catch.hpp>

#include <string>

#include "scanner/fingerprint.h"

namespace magpie::scanner {
namespace {

TEST_CASE("issue 11: Sha256Hex without EVP gives the standard digests", "[scanner]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(Sha256Hex(std::string_view("a\0b", 3)) != Sha256Hex("a"));
}

TEST_CASE("issue 11: fingerprints and secret ids keep their values", "[scanner]") {
  CHECK(Fingerprint("aws-access-key-id", "src/app.py", "AKIAQYLPMN5HHHFPZAM2") ==
        "c03dc8fc73cf3fa1ccdd1f99f879b6a4");
  CHECK(SecretId("aws-access-key-id", "AKIAQYLPMN5HHHFPZAM2") == "6d92aa1519453e4f261c470ce86d8a18");
}

}  // namespace
}  // namespace magpie::scanner
