// What a tree holds at a path (issue 13): the answer git::RefPresence computes for each tip
// and path with findings, kept by the scan store so that the next run reads only the trees of
// tips that moved. A fact about git objects, not about a repository: a tree's id names its
// content, so (tree, path) -> blob holds in every repository, build and rule set.
// Plain values: git/ produces and consumes them, store/ keeps them (neither may include the
// other). Read back, they are hostile input (git/ref_presence.h says how they are checked).
#ifndef MAGPIE_BASE_TREE_PATH_FACT_H_
#define MAGPIE_BASE_TREE_PATH_FACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/walk_snapshot.h"

namespace magpie {

struct TreePathFact {
  RawOid tree{};            // a tip's peeled root tree
  std::string path;         // '/'-separated, relative to that tree
  bool holds_blob = false;  // a blob at `path` (false: absent, a tree or a submodule)
  RawOid blob{};            // that blob, when holds_blob
};

// Where a tree holds a blob at any depth (git::RefPresence::FindAnywhere: a secret's file
// renamed or copied on a branch or tag only), for the same reuse.
struct TreeBlobFact {
  RawOid tree{};                   // a tip's peeled root tree
  RawOid blob{};
  std::vector<std::string> paths;  // where, sorted; empty: nowhere
};

// `hex` (40 hex digits, as reports print ids) as raw bytes; false when it is not one.
inline bool ParseRawOid(std::string_view hex, RawOid* raw) {
  if (hex.size() != 2 * raw->size()) return false;
  const auto digit = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  for (size_t i = 0; i < raw->size(); ++i) {
    const int high = digit(hex[2 * i]);
    const int low = digit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    (*raw)[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return true;
}

}  // namespace magpie

#endif  // MAGPIE_BASE_TREE_PATH_FACT_H_
