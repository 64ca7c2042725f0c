#include "base/glob.h"

#include <cctype>
#include <string>

namespace magpie::glob {
namespace {

// Git's wildmatch classes, ASCII only (wildmatch.c tests isascii first).
bool AddClass(std::string_view name, std::bitset<256>* set) {
  int (*test)(int) = nullptr;
  if (name == "alnum") test = isalnum;
  else if (name == "alpha") test = isalpha;
  else if (name == "blank") test = isblank;
  else if (name == "cntrl") test = iscntrl;
  else if (name == "digit") test = isdigit;
  else if (name == "graph") test = isgraph;
  else if (name == "lower") test = islower;
  else if (name == "print") test = isprint;
  else if (name == "punct") test = ispunct;
  else if (name == "space") test = isspace;
  else if (name == "upper") test = isupper;
  else if (name == "xdigit") test = isxdigit;
  else return false;  // git: a malformed class aborts the whole match
  for (int c = 0; c < 128; ++c) {
    if (test(c) != 0) set->set(static_cast<size_t>(c));
  }
  return true;
}

}  // namespace

// The path's components; empty ones and "." are dropped ("a//./b" is "a/b").
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

ComponentGlob::ComponentGlob(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '*':
        // "**" inside a component is "*" (git: only a whole component is special).
        if (tokens_.empty() || tokens_.back().kind != Kind::kStar) {
          tokens_.push_back({Kind::kStar, 0});
        }
        break;
      case '?':
        sets_.emplace_back().set();
        tokens_.push_back({Kind::kSet, 0, static_cast<uint32_t>(sets_.size() - 1)});
        break;
      case '[':
        if (!ParseBracket(text, &i)) {
          never_ = true;
          return;
        }
        break;
      case '\\':
        if (i + 1 == text.size()) {  // a trailing '\' escapes nothing: git never matches
          never_ = true;
          return;
        }
        tokens_.push_back({Kind::kByte, static_cast<uint8_t>(text[++i])});
        break;
      default:
        tokens_.push_back({Kind::kByte, c});
        break;
    }
  }
  any_ = tokens_.size() == 1 && tokens_[0].kind == Kind::kStar;
}

// A transcription of the bracket branch of git's wildmatch.c (dowild, case '['), building
// the set of bytes it accepts instead of testing one byte: the same quirks ("[]a]" holds ']',
// "[a-]" holds '-', "[[:x]" is a plain set holding '[' ':' 'x').
bool ComponentGlob::ParseBracket(std::string_view text, size_t* i) {
  const auto at = [&text](size_t k) -> int {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  };
  std::bitset<256> set;
  size_t p = *i + 1;
  int p_ch = at(p);
  bool negated = false;
  if (p_ch == '^') p_ch = '!';
  if (p_ch == '!') {
    negated = true;
    p_ch = at(++p);
  }
  int prev_ch = 0;
  do {
    if (p_ch == 0) return false;  // unclosed
    if (p_ch == '\\') {
      p_ch = at(++p);
      if (p_ch == 0) return false;
      set.set(static_cast<size_t>(p_ch));
    } else if (p_ch == '-' && prev_ch != 0 && at(p + 1) != 0 && at(p + 1) != ']') {
      p_ch = at(++p);
      if (p_ch == '\\') {
        p_ch = at(++p);
        if (p_ch == 0) return false;
      }
      for (int c = prev_ch; c <= p_ch; ++c) set.set(static_cast<size_t>(c));
      p_ch = 0;  // a range cannot start a range
    } else if (p_ch == '[' && at(p + 1) == ':') {
      const size_t s = p += 2;
      while ((p_ch = at(p)) != 0 && p_ch != ']') ++p;
      if (p_ch == 0) return false;
      if (p < s + 1 || at(p - 1) != ':') {  // no ":]": a plain '['
        p = s - 2;
        p_ch = '[';
        set.set('[');
        continue;
      }
      if (!AddClass(text.substr(s, p - s - 1), &set)) return false;
      p_ch = 0;
    } else {
      set.set(static_cast<size_t>(p_ch));
    }
  } while (prev_ch = p_ch, (p_ch = at(++p)) != ']');
  if (negated) set.flip();
  sets_.push_back(set);
  tokens_.push_back({Kind::kSet, 0, static_cast<uint32_t>(sets_.size() - 1)});
  *i = p;
  return true;
}

bool ComponentGlob::Matches(std::string_view name) const {
  if (never_) return false;
  if (any_) return true;
  // The classic wildcard walk: on a mismatch, let the last '*' swallow one more byte and
  // retry from just after it. Earlier '*'s never need to move again (a '*' cannot cross a
  // component boundary here), so each '*' restarts the rest at most |name| times.
  size_t t = 0;
  size_t n = 0;
  size_t star_t = std::string_view::npos;  // token after the last '*' seen
  size_t star_n = 0;                       // where that '*' stopped swallowing
  while (n < name.size()) {
    if (t < tokens_.size() && tokens_[t].kind == Kind::kStar) {
      star_t = ++t;
      star_n = n;
      continue;
    }
    if (t < tokens_.size() && TokenMatches(tokens_[t], static_cast<unsigned char>(name[n]))) {
      ++t;
      ++n;
      continue;
    }
    if (star_t == std::string_view::npos) return false;
    t = star_t;
    n = ++star_n;
  }
  while (t < tokens_.size() && tokens_[t].kind == Kind::kStar) ++t;
  return t == tokens_.size();
}

PathGlob::PathGlob(std::string_view body, bool anchored) {
  const auto add_any_depth = [this] {
    if (segments_.empty() || !segments_.back().any_depth) {
      segments_.push_back({true, ComponentGlob("")});
    }
  };
  if (!anchored) add_any_depth();
  // Empty components ("a//b") are kept: as in git they match nothing, paths have none.
  for (;;) {
    const size_t slash = body.find('/');
    const std::string_view part = body.substr(0, slash);
    if (part == "**") {
      add_any_depth();
    } else {
      segments_.push_back({false, ComponentGlob(part)});
    }
    if (slash == std::string_view::npos) break;
    body.remove_prefix(slash + 1);
  }
  // A final "**" ("dir/**") matches everything inside: at least one more component.
  if (segments_.back().any_depth) {
    segments_.insert(segments_.end() - 1, {false, ComponentGlob("*")});
  }
}

void PathGlob::MatchPrefixes(const std::vector<std::string_view>& components,
                             std::vector<char>* matched) const {
  const size_t k = segments_.size();
  matched->assign(components.size() + 1, 0);
  // State i: the first i segments have matched what was read so far; state k accepts.
  std::vector<char> current(k + 1, 0);
  std::vector<char> next(k + 1, 0);
  const auto close = [this, k](std::vector<char>* states) {  // "**" may match nothing
    for (size_t i = 0; i < k; ++i) {
      if ((*states)[i] != 0 && segments_[i].any_depth) (*states)[i + 1] = 1;
    }
  };
  current[0] = 1;
  close(&current);
  (*matched)[0] = current[k];
  for (size_t j = 0; j < components.size(); ++j) {
    std::fill(next.begin(), next.end(), 0);
    bool alive = false;
    for (size_t i = 0; i < k; ++i) {
      if (current[i] == 0) continue;
      const Segment& s = segments_[i];
      if (s.any_depth) {
        next[i] = 1;
        alive = true;
      } else if (s.glob.Matches(components[j])) {
        next[i + 1] = 1;
        alive = true;
      }
    }
    if (!alive) return;  // no longer prefix can match either
    close(&next);
    current.swap(next);
    (*matched)[j + 1] = current[k];
  }
}

}  // namespace magpie::glob
