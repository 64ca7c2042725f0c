// The build id: the first part of every cache entry's key, so that an entry written by one
// build of magpie is never used by another that may read it differently.
//
// It is the magpie version (PROJECT_VERSION), the Hyperscan library version, the entry format
// version (kEntryFormatVersion), a SHA-256 of the embedded rules.yaml and a SHA-256 of the
// sources of rules/, scanner/ and cache/, taken at build time by cmake/hash_sources.cmake.
//
// Why these, and not a timestamp or a random id per build: the id is deterministic. The same
// sources built against the same libraries give the same id, so reproducible builds stay
// reproducible and every magpie process of one install shares its entries, while anything
// that can change what an entry means changes the id:
//   - a release (the version);
//   - a Hyperscan upgrade (its databases are specific to its version);
//   - the entry layout (the format version);
//   - the shipped rules (the rules.yaml hash);
//   - the code that writes or reads an entry: the rules loader and its codec, the compile
//     step, the generic detector and decoders (the source hash). Without it, a development
//     build whose loader or codec changed, at the same version, would read entries written
//     by the build before. __DATE__/__TIME__ would also change per build, but for every
//     rebuild of identical code too, and they make builds irreproducible.
// Compiler flags are left out: they do not change what an entry means, and a database for
// another CPU is refused by Hyperscan itself.
//
// Thread safety: BuildId() may be called from any thread.
#ifndef MAGPIE_CACHE_BUILD_ID_H_
#define MAGPIE_CACHE_BUILD_ID_H_

#include <string_view>

namespace magpie::cache {

// "magpie <version>; hyperscan <version>; format <n>; rules <sha256>; sources <sha256>".
// Computed once, then cached for the life of the process; reads no rules.yaml byte (the hash is
// taken at build time).
std::string_view BuildId();

namespace internal {
// SHA-256 of the sources BuildId covers, generated at build time (source_hash_data.cc).
std::string_view SourceHash();
}  // namespace internal

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_BUILD_ID_H_
