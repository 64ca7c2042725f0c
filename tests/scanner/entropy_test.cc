#include "scanner/entropy.h"

#include <catch2/catch.hpp>

using namespace magpie::scanner;

TEST_CASE("Shannon entropy in bits per byte", "[scanner]") {
  CHECK(ShannonEntropy("") == 0.0);
  CHECK(ShannonEntropy("aaaaaaaa") == 0.0);
  CHECK(ShannonEntropy("abababab") == Approx(1.0));
  CHECK(ShannonEntropy("0123456789abcdef") == Approx(4.0));
  CHECK(ShannonEntropy("aab") == Approx(0.9183).epsilon(0.001));
}

TEST_CASE("alphabet classification", "[scanner]") {
  CHECK(ClassifyAlphabet("deadBEEF0123") == Alphabet::kHex);
  CHECK(ClassifyAlphabet("Zm9vYmFy+/==") == Alphabet::kBase64);
  CHECK(ClassifyAlphabet("abc_def-ghi") == Alphabet::kBase64);
  CHECK(ClassifyAlphabet("p@ss!word#1") == Alphabet::kMixed);
}

TEST_CASE("thresholds per alphabet", "[scanner]") {
  EntropyThresholds t;
  t.hex = 3.1;
  t.base64 = 4.2;
  t.mixed = 3.7;
  CHECK(t.For(Alphabet::kHex) == 3.1);
  CHECK(t.For(Alphabet::kBase64) == 4.2);
  CHECK(t.For(Alphabet::kMixed) == 3.7);
}
