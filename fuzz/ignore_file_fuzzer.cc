// suppress::ParseIgnoreFile on arbitrary text (a `.magpieignore` comes with the repository),
// then its patterns against paths derived from the input: the text after the first NUL, one
// path per line (a trailing '/' makes it a directory), or when there is no NUL, the ignore
// file's own lines read as paths. Glob matching must stay bounded on hostile patterns. Then
// `--write-ignore`'s rewrite (MergeIgnoreText) of the text: it keeps every accepted finding,
// adds the new one, a second run adds nothing, and the layout settles.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "suppress/ignore_file.h"
#include "suppress/path_patterns.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie::suppress;
  const std::string_view input = magpie::fuzz::AsView(data, size);
  const size_t nul = input.find('\0');
  const std::string_view text = input.substr(0, nul);
  std::string_view paths = nul == std::string_view::npos ? text : input.substr(nul + 1);

  const IgnoreFile ignore = ParseIgnoreFile(text);
  for (const std::string& fp : ignore.fingerprints) MAGPIE_FUZZ_CHECK(fp.size() == 32);
  while (!paths.empty()) {
    const size_t nl = paths.find('\n');
    std::string_view path = paths.substr(0, nl);
    paths.remove_prefix(nl == std::string_view::npos ? paths.size() : nl + 1);
    const bool is_directory = !path.empty() && path.back() == '/';
    if (is_directory) path.remove_suffix(1);
    const bool excluded = ignore.patterns.Excludes(path, is_directory);
    const bool excluded_with_parents = ignore.patterns.ExcludesWithParents(path, is_directory);
    // A parent directory can only add exclusions, never take one away.
    MAGPIE_FUZZ_CHECK(!excluded || excluded_with_parents);
  }

  constexpr std::string_view kNew = "0123456789abcdef0123456789abcdef";
  const std::vector<IgnoreEntry> entries = {{"0123456789abcdef0123456789ABCDEF", "a.py:1\x01"}};
  size_t added = 0;
  const std::string merged = MergeIgnoreText(text, entries, &added);
  const IgnoreFile reparsed = ParseIgnoreFile(merged);
  for (const std::string& fp : ignore.fingerprints) {
    MAGPIE_FUZZ_CHECK(reparsed.fingerprints.count(fp) == 1);
  }
  MAGPIE_FUZZ_CHECK(reparsed.fingerprints.count(std::string(kNew)) == 1);
  MAGPIE_FUZZ_CHECK(added == 1 - ignore.fingerprints.count(std::string(kNew)));
  size_t added_again = 0;
  const std::string again = MergeIgnoreText(merged, entries, &added_again);
  MAGPIE_FUZZ_CHECK(added_again == 0);
  // The layout is canonical after the second rewrite at the latest: the first keeps a leading
  // comment block as written when there is no entry yet, trailing spaces included, and the
  // second trims them ("# c\t" becomes "# c"; fuzz/README.md).
  MAGPIE_FUZZ_CHECK(MergeIgnoreText(again, entries, &added_again) == again);
  return 0;
}
