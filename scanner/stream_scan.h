// Scanning an input too large to hold: a file or git blob larger than a window is read from a
// ByteStream into one buffer of `window` bytes at a time; consecutive windows overlap by
// `overlap` bytes. Each finding belongs to exactly one window, the one in which its start
// lies between the two overlap midpoints, so that it has at least overlap/2 bytes of the
// input before and after it in that window: findings (secret, line, column, context) are those
// of a whole-buffer Scanner::Scan for every secret shorter than overlap/2 minus the confirm
// window (docs/rules.md: a secret is at most 8 KiB), and none is reported twice.
//
// UTF-16 and a UTF-8 BOM are handled as for a whole buffer (text_encoding.h): the encoding is
// decided on the first bytes and the stream decoded as it is read; positions are in the
// decoded text.
//
// Memory: one window buffer (window bytes) plus what Scanner::Scan needs for one window.
//
// Usage:
//   magpie::scanner::StreamScanOptions options;
//   Result<StreamScan> scan = ScanStream(*scanner, *stream, options, nullptr);
//   if (!scan.ok()) ... // a read error: scan.status()
//
// Thread safety: uses `scanner`, which is used by one thread at a time.
#ifndef MAGPIE_SCANNER_STREAM_SCAN_H_
#define MAGPIE_SCANNER_STREAM_SCAN_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "base/byte_stream.h"
#include "base/status.h"
#include "scanner/finding.h"
#include "scanner/scanner.h"

namespace magpie::scanner {

struct StreamScanOptions {
  size_t window = size_t{64} << 20;   // bytes held at once (raised to 4 x overlap at least)
  size_t overlap = size_t{64} << 10;  // bytes a window shares with the previous one
  bool skip_binary = true;            // stop when the first bytes LooksBinary (binary.h)
};

// Where a window sits in the stream.
struct WindowPlace {
  uint64_t base = 0;        // stream offset of the window's first byte
  uint64_t line = 1;        // 1-based line of that byte
  uint64_t line_begin = 0;  // stream offset at which that line begins
  // Moves `f`'s positions (offsets, lines, columns) from the window's to the stream's.
  void Shift(Finding* f) const;
};

// Called once per window with the findings that window reports, positions still relative to
// the window (as Scanner::Scan gave them on `window`): it may take some out (inline allow
// markers, which need the window's bytes), shifting what it keeps with place.Shift.
using WindowHook = std::function<void(std::string_view window, const WindowPlace& place,
                                      std::vector<Finding>* findings)>;

struct StreamScan {
  std::vector<Finding> findings;  // in stream positions, sorted by FindingLess
  uint64_t bytes = 0;             // bytes read from the stream (before any decoding)
  bool binary = false;            // skipped: the first window looked binary
  // Sum over windows of Scanner::undecoded_bytes(): encoded candidates the decode budget left
  // undecoded (overlaps may count a candidate twice; any non-zero value means incomplete).
  uint64_t undecoded_bytes = 0;
};

// Reads `stream` to its end and scans it window by window. Fails with the stream's error (a
// read error, a child that failed) or the scanner's; findings of earlier windows are then
// dropped with it, as for a failed Scanner::Scan.
Result<StreamScan> ScanStream(Scanner& scanner, ByteStream& stream,
                              const StreamScanOptions& options, const WindowHook& hook);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_STREAM_SCAN_H_
