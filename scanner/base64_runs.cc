#include "scanner/base64_runs.h"

#include <array>

#include "scanner/base64.h"

namespace magpie::scanner::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Base64 characters that can open a group encoding a text byte: the group's first sextet is
// the byte's top six bits, 2-3 for tab, LF and CR, 8-31 for 0x20..0x7f.
constexpr std::array<bool, 256> MakeTextLeads() {
  std::array<bool, 256> leads{};
  leads['C'] = leads['D'] = true;
  for (char c = 'I'; c <= 'Z'; ++c) leads[static_cast<unsigned char>(c)] = true;
  for (char c = 'a'; c <= 'f'; ++c) leads[static_cast<unsigned char>(c)] = true;
  return leads;
}
constexpr std::array<bool, 256> kTextLeads = MakeTextLeads();

}  // namespace

const char* Base64RunPattern() {
  // Every line of a run is base64 and nothing else (indentation aside): a line with a key, a
  // word or punctuation ends it, so prose and code never join a run. Intermediate lines carry
  // no padding; the last may be short (`base64` wraps at 76 columns). The run must follow
  // what introduces it, exactly as Base64RunPrefilter() requires, so that the scanner and
  // the RE2-only reference scan decode the same runs.
  return "(?m)(?:\\A[ \\t]*|<<-?['\"]?[A-Za-z_]{1,20}['\"]?[^\\n]{0,60}\\n[ \\t]{0,16}|"
         ": [|>][-+]?\\r?\\n[ ]{1,16})"
         "((?:[A-Za-z0-9+/]{16,}[ \\t]*\\r?\\n[ \\t]*)+[A-Za-z0-9+/]{2,}={0,2}|"
         "[A-Za-z0-9+/]{24,}={0,2})[ \\t]*\\r?$";
}

const char* Base64RunPrefilter() {
  // Where standalone base64 shows up, each led by something Hyperscan can anchor on: a file
  // (or decoded buffer) that opens with it (`.b64`), a heredoc's first line (`base64 -d
  // <<'EOF'`), a YAML block scalar's first line (`payload: |` / `>-`). A bare class run
  // (`\n[ \t]*[A-Za-z0-9+/]{24}` on every line) doubled the cost of the decoders'
  // prefilters on ordinary source (bench: MinimalRulesBuffer 48 -> 115 ms); these cost ~5%.
  // A heredoc's body may be indented (a `run: |` step of a CI workflow, a `<<-EOF` in a
  // function), so its first line may open with up to 16 blanks (issue 12).
  return "^[ \\t]*[A-Za-z0-9+/]{24}"
         "|<<-?['\"]?[A-Za-z_]{1,20}['\"]?[^\\n]{0,60}\\n[ \\t]{0,16}[A-Za-z0-9+/]{16}"
         "|: [|>][-+]?\\r?\\n[ ]{1,16}[A-Za-z0-9+/]{16}";
}

bool LooksLikeBase64OfText(std::string_view run) {
  size_t groups = 0;
  size_t not_text = 0;
  size_t position = 0;  // of the character in its 4-character group
  for (const char c : run) {
    if (IsSpace(c)) continue;
    if (c == '=') break;
    if (position == 0) {
      ++groups;
      if (!kTextLeads[static_cast<unsigned char>(c)]) ++not_text;
    }
    position = (position + 1) % 4;
  }
  // Random bytes pass a group with probability 3/8: for a short run every group must pass,
  // for a longer one 10% may fail (UTF-8 text, a binary header).
  return groups >= 4 && not_text * 10 <= groups;
}

std::optional<std::string> DecodeBase64Run(std::string_view run) {
  if (!LooksLikeBase64OfText(run)) return std::nullopt;
  std::string compact;
  compact.reserve(run.size());
  size_t last_line_start = 0;  // in `compact`: where the run's last line begins
  bool line_break = false;
  for (const char c : run) {
    if (c == '\n') line_break = true;
    if (IsSpace(c)) continue;
    if (line_break) {
      last_line_start = compact.size();
      line_break = false;
    }
    compact.push_back(c);
  }
  std::optional<std::string> decoded = DecodeBase64(compact, Base64Alphabet::kStandard);
  // A short last line may be a word that merely looks like base64 (`EOF` closing a heredoc):
  // when the whole does not decode, the run without it may.
  if (!decoded && last_line_start > 0) {
    decoded = DecodeBase64(std::string_view(compact).substr(0, last_line_start),
                           Base64Alphabet::kStandard);
  }
  return decoded;
}

}  // namespace magpie::scanner::internal
