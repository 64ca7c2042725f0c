#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char** argv) {
  // Every test's magpie shares one cache directory (tests/cli/cli_harness.h): a scan store
  // there would make one test's result depend on the tests before it (issue 13). The store's
  // own tests name theirs with --store, which wins over the environment.
  ::setenv("MAGPIE_STORE", "off", /*overwrite=*/0);
  return Catch::Session().run(argc, argv);
}
