// Private to triage/: how one finding of a baseline is shown. Decides what of a secret may be
// shown (report::Redact unless the text is already magpie's redaction) and escapes every
// string for the terminal.
#ifndef MAGPIE_TRIAGE_FINDING_VIEW_H_
#define MAGPIE_TRIAGE_FINDING_VIEW_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "suppress/triage_baseline.h"

namespace magpie::triage::internal {

// True when `secret` is in the form report::Redact gives: at most four bytes then "…", or a
// key's armor header then " …".
bool LooksRedacted(std::string_view secret);

// The block shown for finding `index` (0-based) of `total`.
std::string FindingView(const suppress::TriageFinding& finding, size_t index, size_t total);

// A one-line summary of a verdict: "confirmed (reason)", "no verdict yet".
std::string VerdictLine(const suppress::TriageFinding& finding);

}  // namespace magpie::triage::internal

#endif  // MAGPIE_TRIAGE_FINDING_VIEW_H_
