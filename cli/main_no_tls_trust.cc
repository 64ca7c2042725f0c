// See main_no_tls_trust.h for why the magpie executable defines these mbedTLS functions.
#include "cli/main_no_tls_trust.h"

#include <mbedtls/x509.h>
#include <mbedtls/x509_crt.h>

#include <atomic>

namespace magpie::cli {
namespace {

std::atomic<int> refused{0};

}  // namespace

int RefusedCertificateLoads() { return refused.load(std::memory_order_relaxed); }

}  // namespace magpie::cli

// The prototypes come from mbedTLS's own header, so a signature that drifts does not compile.
// The chain is left as the caller initialised it (empty): nothing is trusted.
extern "C" int mbedtls_x509_crt_parse_file(mbedtls_x509_crt* /*chain*/, const char* /*path*/) {
  magpie::cli::refused.fetch_add(1, std::memory_order_relaxed);
  return MBEDTLS_ERR_X509_FILE_IO_ERROR;
}

extern "C" int mbedtls_x509_crt_parse_path(mbedtls_x509_crt* /*chain*/, const char* /*path*/) {
  magpie::cli::refused.fetch_add(1, std::memory_order_relaxed);
  return MBEDTLS_ERR_X509_FILE_IO_ERROR;
}
