// Gitignore pattern matching without backtracking (issue 14). A
// `.magpieignore` comes with the scanned repository, so its patterns are hostile: matching
// costs at most O(pattern length × path length) whatever the pattern (glibc's fnmatch and
// git's own wildmatch both backtrack: "*a*a*a*a*b" or "**/**/**/…/x" against a long or deep
// path took minutes).
//
// Semantics follow git's wildmatch with WM_PATHNAME, as gitignore uses it: `*`, `?` and
// `[...]` (ranges, `!`/`^` negation, `[:alpha:]`-style classes, `\` escapes) within one path
// component; a component that is exactly `**` matches any number of components. A malformed
// bracket expression or a trailing `\` makes the pattern match nothing, as in git.
//
// Thread safety: immutable after construction; Match* may be called from any thread.
#ifndef MAGPIE_BASE_GLOB_H_
#define MAGPIE_BASE_GLOB_H_

#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

namespace magpie::glob {

// The components of a '/'-separated path; empty ones and "." are dropped ("a//./b" and
// "/a/b" are "a/b"). The views point into `path`.
std::vector<std::string_view> SplitPath(std::string_view path);

// A glob for one path component (no '/'): `*`, `?`, `[...]`, `\x`.
class ComponentGlob {
 public:
  explicit ComponentGlob(std::string_view text);
  // Greedy match with one backtracking point (the last `*`): O(|glob| × |name|) at worst.
  bool Matches(std::string_view name) const;
  bool is_any() const { return any_; }  // exactly "*": matches every name

 private:
  enum class Kind : uint8_t { kByte, kSet, kStar };
  struct Token {
    Kind kind;
    uint8_t byte;     // kByte
    uint32_t set = 0;  // kSet: index into sets_ (`?` is a full set)
  };
  bool TokenMatches(const Token& t, unsigned char c) const {
    return t.kind == Kind::kByte ? t.byte == c : sets_[t.set][c];
  }
  // Parses "[...]" starting at text[*i] == '['; on success appends a kSet token and leaves *i
  // on the closing ']'. False when the expression is malformed (unclosed, bad class name).
  bool ParseBracket(std::string_view text, size_t* i);

  std::vector<Token> tokens_;
  std::vector<std::bitset<256>> sets_;
  bool never_ = false;  // malformed: matches nothing
  bool any_ = false;
};

// A whole pattern as a sequence of component globs and `**` (any number of components).
class PathGlob {
 public:
  // `body`: the pattern without its '!', trailing '/' and leading '/'. `anchored`: matched
  // from the root; otherwise at any depth (as if preceded by "**/").
  PathGlob(std::string_view body, bool anchored);

  // (*matched)[j] = whether the pattern matches the path made of the first j of `components`
  // (j = 0..n). One pass over the components, simulating the pattern as an automaton whose
  // states are positions in the pattern: O(pattern × path), every prefix at once.
  void MatchPrefixes(const std::vector<std::string_view>& components,
                     std::vector<char>* matched) const;

 private:
  struct Segment {
    bool any_depth;  // "**"
    ComponentGlob glob;
  };
  std::vector<Segment> segments_;
};

}  // namespace magpie::glob

#endif  // MAGPIE_BASE_GLOB_H_
