// Issue 11, latency: the magpie binary refuses the CA bundle libgit2 parses at start-up
// (cli/main_no_tls_trust.h), and that refusal fails closed.
#include <catch2/catch.hpp>

#include <git2.h>

#include <string>

#include "cli/main_no_tls_trust.h"
#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

TEST_CASE("issue 11: libgit2 start-up reaches the refusal and not the CA bundle", "[cli][git]") {
  // This test binary links the same object as magpie: libgit2's calls bind to it as they do there.
  git_libgit2_init();
  // The first initialisation of the process (here or in an earlier test) loaded the bundle.
  CHECK(cli::RefusedCertificateLoads() >= 1);
  git_libgit2_shutdown();
}

TEST_CASE("issue 11: certificates asked for explicitly are refused too", "[cli][git]") {
  // Fail closed: no way to make libgit2 trust a CA in this binary, so no TLS connection can
  // pass verification.
  Sandbox box;
  const fs::path bundle = box.Write("ca.pem", "not read\n");
  git_libgit2_init();
  const int before = cli::RefusedCertificateLoads();
  CHECK(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, bundle.c_str(), nullptr) != 0);
  CHECK(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, nullptr, box.work().c_str()) != 0);
  CHECK(cli::RefusedCertificateLoads() == before + 2);
  git_libgit2_shutdown();
}

TEST_CASE("issue 11: magpie staged binds libgit2's CA loading to magpie's refusal",
          "[cli][git]") {
  // glibc's loader names, for each symbol it binds, the object that defines it: the bundle is
  // read only if libgit2's call binds to libmbedx509.
  Sandbox box;
  InitRepo(box);
  box.Write("app.py", "x = 1\n");
  MustSh(box, "git add app.py");
  std::string out;
  const int rc = Sh(box, "LD_DEBUG=bindings " + ShellQuote(MAGPIE_BINARY) + " staged", &out);
  INFO(out.substr(0, 2000));
  REQUIRE(rc == 0);
  if (out.find("binding file") == std::string::npos) {
    WARN("the dynamic loader does not report bindings (not glibc): nothing to check");
    return;
  }
  const std::string refused = std::string(" to ") + MAGPIE_BINARY +
                              " [0]: normal symbol `mbedtls_x509_crt_parse_file'";
  CHECK(out.find(refused) != std::string::npos);
  CHECK(out.find("libmbedx509.so.1 [0]: normal symbol `mbedtls_x509_crt_parse_file'") ==
        std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
