// The one-line summary printed on stderr at the end of a scan:
//   "magpie: scanned 12 files (3.4 KB) in 0.01 s (0.3 MB/s); 1 finding; skipped: 2 binary"
// It never holds a secret (counts, reasons and the config file's path only).
#ifndef MAGPIE_REPORT_SUMMARY_LINE_H_
#define MAGPIE_REPORT_SUMMARY_LINE_H_

#include <string>

#include "report/reporter.h"

namespace magpie::report {

// The line, without its trailing newline.
std::string SummaryLine(const Summary& summary);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_SUMMARY_LINE_H_
