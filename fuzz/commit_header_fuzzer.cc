// The commit parser of the walk's commit table (git/commit_table.h, issue 13): its input is
// any commit object a repository holds. Checks: no crash, no read outside the input, and
// what it accepts is what the text says: it starts with the tree line and the parent lines
// written back from what was parsed, and the committer time is the digits of a committer line
// of the input.
#include <git2.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "git/commit_table.h"

namespace {

std::string Hex(const git_oid& id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = magpie::fuzz::AsView(data, size);
  const auto parsed = magpie::git::internal::ParseCommitHeader(input);
  if (!parsed) return 0;
  std::string head = "tree " + Hex(parsed->tree) + "\n";
  for (const git_oid& parent : parsed->parents) head += "parent " + Hex(parent) + "\n";
  MAGPIE_FUZZ_CHECK(input.substr(0, head.size()) == head);
  MAGPIE_FUZZ_CHECK(input.substr(head.size(), 7) == "author ");
  MAGPIE_FUZZ_CHECK(parsed->time >= 0);
  const size_t committer = input.find("\ncommitter ", head.size());
  MAGPIE_FUZZ_CHECK(committer != std::string_view::npos);
  const size_t line_end = input.find('\n', committer + 1);
  MAGPIE_FUZZ_CHECK(line_end != std::string_view::npos);
  // Leading zeros are digits the value drops: compare the value, not the text.
  const std::string_view line = input.substr(committer + 1, line_end - committer - 1);
  const size_t close = line.rfind('>');
  MAGPIE_FUZZ_CHECK(close != std::string_view::npos);
  MAGPIE_FUZZ_CHECK(std::stoll(std::string(line.substr(close + 2))) == parsed->time);
  return 0;
}
