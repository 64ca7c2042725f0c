// Build-time tool (issue 11): writes the rules cache's two entries for the built-in rules, so
// that the build can embed them in `magpie` (cli/CMakeLists.txt, cache/rules_cache.h) and the
// first scan in a fresh container compiles nothing.
//
// Usage: magpie_make_builtin_entries SCRATCH_DIR RULES_ENTRY_OUT DATABASE_ENTRY_OUT
//
// It builds a default scan session (pipeline::ScanSession, exactly what `magpie scan` does
// with no flags and no configuration) with MAGPIE_CACHE_DIR=SCRATCH_DIR, so that the entries
// come from the same code, keys and build id as the binary's own cache, then copies the one
// .rules and the one .hsdb entry that run wrote.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "pipeline/session.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s SCRATCH_DIR RULES_ENTRY_OUT DATABASE_ENTRY_OUT\n", argv[0]);
    return 2;
  }
  const fs::path scratch = argv[1];
  std::error_code error;
  fs::remove_all(scratch, error);
  setenv("MAGPIE_CACHE_DIR", scratch.c_str(), 1);
  auto session = magpie::pipeline::ScanSession::Create(magpie::pipeline::SessionOptions{});
  if (!session.ok()) {
    std::fprintf(stderr, "built-in rules: %s\n", session.status().message().c_str());
    return 1;
  }
  int rules = 0;
  int databases = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(scratch, error)) {
    const fs::path& path = entry.path();
    const fs::path out = path.extension() == ".rules"  ? fs::path(argv[2])
                         : path.extension() == ".hsdb" ? fs::path(argv[3])
                                                       : fs::path();
    if (out.empty()) continue;
    (path.extension() == ".rules" ? rules : databases)++;
    fs::copy_file(path, out, fs::copy_options::overwrite_existing, error);
    if (error) break;
  }
  if (error || rules != 1 || databases != 1) {
    std::fprintf(stderr, "expected one .rules and one .hsdb entry in %s (%s)\n", scratch.c_str(),
                 error.message().c_str());
    return 1;
  }
  fs::remove_all(scratch, error);
  return 0;
}
