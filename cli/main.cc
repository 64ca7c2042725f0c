#include "cache/rules_cache.h"
#include "cli/entry.h"

#if MAGPIE_EMBED_BUILTIN_CACHE
namespace magpie::cli {
std::string_view BuiltinRulesEntry();     // builtin_entries.cc.in
std::string_view BuiltinDatabaseEntry();
}  // namespace magpie::cli
#endif

int main(int argc, char** argv) {
#if MAGPIE_EMBED_BUILTIN_CACHE
  magpie::cache::SetEmbeddedEntries(
      {magpie::cli::BuiltinRulesEntry(), magpie::cli::BuiltinDatabaseEntry()});
#endif
  return magpie::cli::Main(argc, argv);
}
