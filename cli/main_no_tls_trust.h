// magpie opens no network connection, yet libgit2 1.5 as Debian builds it (mbedTLS) parses the
// whole system CA bundle inside git_libgit2_init(): ~200 KB of PEM, ~9 ms of CPU on every run,
// the largest single cost of `magpie staged` (bench/staged_latency.sh). The path is fixed at
// libgit2's compile time and no option skips the load.
//
// The magpie executable therefore defines mbedTLS's two certificate-loading functions itself.
// An executable's definition wins over a shared library's for calls made through the PLT (ELF
// symbol interposition), so libgit2's start-up calls these, which read nothing and fail. That
// fails closed: with no trusted CA, any TLS connection fails certificate verification; none can
// succeed unverified (docs/security.md, "No TLS trust in the magpie binary").
//
// Linked into the magpie executable only (and the cli tests that prove it), never into a library
// that another program could link. Where libgit2 uses another TLS backend these are simply unused.
#ifndef MAGPIE_CLI_MAIN_NO_TLS_TRUST_H_
#define MAGPIE_CLI_MAIN_NO_TLS_TRUST_H_

namespace magpie::cli {

// How many certificate loads this process refused (each call to either function). Tests use it
// to prove that libgit2's start-up reached the refusal instead of the CA bundle.
// Thread safety: may be called from any thread.
int RefusedCertificateLoads();

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_MAIN_NO_TLS_TRUST_H_
