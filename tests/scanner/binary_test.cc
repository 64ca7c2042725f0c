#include "scanner/binary.h"

#include <string>

#include <catch2/catch.hpp>

using magpie::scanner::LooksBinary;

TEST_CASE("binary detection follows git's NUL heuristic", "[scanner]") {
  CHECK_FALSE(LooksBinary("plain text\n"));
  CHECK(LooksBinary(std::string("a\0b", 3)));
  CHECK_FALSE(LooksBinary(std::string(8000, 'a') + std::string(1, '\0')));
}
