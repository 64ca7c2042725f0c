// Shared by the fuzz targets that hand their input to code reading a repository's files: an
// objects directory made once per run, and whole-file writes into it.
#ifndef MAGPIE_FUZZ_FUZZ_FILES_H_
#define MAGPIE_FUZZ_FUZZ_FILES_H_

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "fuzz/fuzz_check.h"

namespace magpie::fuzz {

// The directory MakeObjectsDir made, removed when the run exits (libFuzzer ends a timed run
// with exit(), which runs atexit handlers): repeated CI runs must not fill /tmp.
inline std::string& FuzzTempRoot() {
  static std::string root;
  return root;
}

inline void RemoveFuzzTempRoot() {
  std::error_code ignored;
  if (!FuzzTempRoot().empty()) std::filesystem::remove_all(FuzzTempRoot(), ignored);
}

// "/tmp/magpie-<name>-fuzz-XXXXXX/objects/" with objects/pack/ under it, made on the first
// call and the same for the rest of the run (each input rewrites its files).
inline std::string MakeObjectsDir(const std::string& name) {
  std::string tmpl = "/tmp/magpie-" + name + "-fuzz-XXXXXX";
  const char* made = mkdtemp(tmpl.data());
  MAGPIE_FUZZ_CHECK(made != nullptr);
  FuzzTempRoot() = made;
  std::atexit(RemoveFuzzTempRoot);
  const std::string objects = std::string(made) + "/objects/";
  std::error_code ec;
  std::filesystem::create_directories(objects + "pack", ec);
  MAGPIE_FUZZ_CHECK(!ec);
  return objects;
}

inline bool WriteFile(const std::string& path, std::string_view bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace magpie::fuzz

#endif  // MAGPIE_FUZZ_FUZZ_FILES_H_
