// The raw tree parser of the history walk's diffs (git/tree_reader.h, issue 13): its input is
// any tree object a repository holds. Checks: no crash, no read outside the input, every
// entry parsed lies inside the input, back to back, with a non-empty name and its type from
// its mode; a tree accepted as canonical is also accepted leniently with the same entries,
// and written back from them (octal mode, name, id) is the input byte for byte.
#include <git2.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "git/tree_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using magpie::git::internal::EntryType;
  using magpie::git::internal::ParsedTree;
  using magpie::git::internal::ParseTree;
  using magpie::git::internal::TreeEntry;
  const std::string_view input = magpie::fuzz::AsView(data, size);
  ParsedTree tree;
  tree.bytes = input;
  const bool lenient = ParseTree(input, false, &tree.entries);
  std::vector<TreeEntry> canonical;
  const bool strict = ParseTree(input, true, &canonical);
  MAGPIE_FUZZ_CHECK(!strict || lenient);
  if (!lenient) return 0;
  MAGPIE_FUZZ_CHECK(canonical.size() == (strict ? tree.entries.size() : 0) || !strict);
  std::string written;
  for (size_t i = 0; i < tree.entries.size(); ++i) {
    const TreeEntry& e = tree.entries[i];
    MAGPIE_FUZZ_CHECK(e.name_len > 0);
    MAGPIE_FUZZ_CHECK(e.end() <= input.size());
    MAGPIE_FUZZ_CHECK(tree.start(i) < e.name_at);
    MAGPIE_FUZZ_CHECK(input[e.name_at - 1] == ' ');
    MAGPIE_FUZZ_CHECK(input[e.name_at + e.name_len] == '\0');
    const bool is_tree = (e.mode & 0170000) == 0040000;
    MAGPIE_FUZZ_CHECK((e.type() == EntryType::kTree) == is_tree);
    if (strict) {
      MAGPIE_FUZZ_CHECK(canonical[i].name_at == e.name_at && canonical[i].mode == e.mode);
    }
    char mode[16];
    std::snprintf(mode, sizeof mode, "%o ", static_cast<unsigned>(e.mode));
    written += mode;
    written += tree.name(e);
    written.push_back('\0');
    written.append(reinterpret_cast<const char*>(tree.id(e).id), GIT_OID_RAWSZ);
  }
  MAGPIE_FUZZ_CHECK(tree.entries.empty() || tree.entries.back().end() == input.size());
  if (strict) MAGPIE_FUZZ_CHECK(written == input);
  return 0;
}
