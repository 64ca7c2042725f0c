// Issue 10 §4: output cannot be used to attack the reader.
#include "report/terminal_text.h"
#include "report/summary_line.h"
#include "report/reporter.h"

#include <catch2/catch.hpp>

#include <string>

namespace magpie::report {
namespace {

TEST_CASE("issue 10: EscapeControls escapes C0, DEL, C1, bidi overrides, bad UTF-8", "[report]") {
  CHECK(EscapeControls("a\tb") == "a\tb");
  CHECK(EscapeControls("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");
  CHECK(EscapeControls("line\nnext\r") == "line\\x0anext\\x0d");
  CHECK(EscapeControls("del\x7f") == "del\\x7f");
  CHECK(EscapeControls("c1\xc2\x9b[31m") == "c1\\xc2\\x9b[31m");          // U+009B, a CSI
  CHECK(EscapeControls("rtl\xe2\x80\xae" "exe.txt") == "rtl\\xe2\\x80\\xae" "exe.txt");  // U+202E
  CHECK(EscapeControls("bad\xff") == "bad\\xff");
  CHECK(EscapeControls("caf\xc3\xa9 \xe6\x97\xa5") == "caf\xc3\xa9 \xe6\x97\xa5");  // kept
}

TEST_CASE("issue 10: EscapeLine keeps CI workflow commands out of line starts", "[report]") {
  CHECK(EscapeLine("::error::forged") == "\\::error::forged");
  CHECK(EscapeLine("##[group]x") == "\\##[group]x");
  CHECK(EscapeLine("src/::error::x") == "src/::error::x");  // not at the start: harmless
  CHECK(EscapeLine("\n::error::x") == "\\x0a::error::x");
}

}  // namespace
}  // namespace magpie::report

namespace magpie::report {
namespace {

TEST_CASE("issue 11: the summary line counts one file or blob in the singular", "[report]") {
  Summary summary;
  summary.files_scanned = 1;
  CHECK(SummaryLine(summary).rfind("magpie: scanned 1 file (", 0) == 0);
  summary.files_scanned = 2;
  CHECK(SummaryLine(summary).rfind("magpie: scanned 2 files (", 0) == 0);
  summary.kind = ScanKind::kHistory;  // a history scan counts blobs, not files
  CHECK(SummaryLine(summary).rfind("magpie: scanned 2 blobs (", 0) == 0);
  summary.files_scanned = 1;
  CHECK(SummaryLine(summary).rfind("magpie: scanned 1 blob (", 0) == 0);
}

}  // namespace
}  // namespace magpie::report
