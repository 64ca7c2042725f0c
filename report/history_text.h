// The history part of a history finding's SARIF message (issue 11), shared with `magpie merge`,
// which rewrites it once it has regrouped a secret's versions from several shard reports.
#ifndef MAGPIE_REPORT_HISTORY_TEXT_H_
#define MAGPIE_REPORT_HISTORY_TEXT_H_

#include <string>

#include "report/origin.h"

namespace magpie::report {

// " (3 versions, last 0123456789ab); still in: main" — the versions (when more than one) and
// where the secret lives now; the end of the SARIF result's message.
std::string HistoryMessageTail(const SecretHistory& history);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_HISTORY_TEXT_H_
