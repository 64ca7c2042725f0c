#include "scanner/stream_scan.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>

#include "scanner/binary.h"
#include "scanner/text_encoding.h"

namespace magpie::scanner {
namespace {

uint32_t Clamp32(uint64_t v) {
  return static_cast<uint32_t>(std::min<uint64_t>(v, std::numeric_limits<uint32_t>::max()));
}

void ShiftPosition(const WindowPlace& place, TextPosition* p) {
  // A position on the window's first line continues the line the window starts in.
  if (p->line == 1) p->column = Clamp32(p->column + (place.base - place.line_begin));
  p->line = Clamp32(place.line + p->line - 1);
  p->offset += place.base;
}

// Fills buffer[have, want) from `stream`; returns the new fill, less than `want` only at the
// stream's end.
Result<size_t> Fill(ByteStream& stream, char* buffer, size_t have, size_t want) {
  while (have < want) {
    Result<size_t> n = stream.Read(buffer + have, want - have);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    have += *n;
  }
  return have;
}

// Counts the bytes read through it.
class CountingStream : public ByteStream {
 public:
  explicit CountingStream(ByteStream& inner) : inner_(inner) {}
  Result<size_t> Read(char* buffer, size_t n) override {
    Result<size_t> got = inner_.Read(buffer, n);
    if (got.ok()) count_ += *got;
    return got;
  }
  uint64_t expected_size() const override { return inner_.expected_size(); }
  uint64_t count() const { return count_; }

 private:
  ByteStream& inner_;
  uint64_t count_ = 0;
};

}  // namespace

void WindowPlace::Shift(Finding* f) const {
  ShiftPosition(*this, &f->start);
  ShiftPosition(*this, &f->end);
}

Result<StreamScan> ScanStream(Scanner& scanner, ByteStream& raw,
                              const StreamScanOptions& options, const WindowHook& hook) {
  CountingStream stream(raw);
  const size_t overlap = std::max<size_t>(options.overlap, 2);
  const size_t window = std::max(options.window, 4 * overlap);
  const size_t margin = overlap / 2;
  StreamScan out;
  // The first bytes decide binary or text, and the encoding (text_encoding.h).
  std::string head(kBinarySniffBytes, '\0');
  Result<size_t> head_size = Fill(stream, head.data(), 0, head.size());
  if (!head_size.ok()) return head_size.status().WithContext("reading at byte 0");
  head.resize(*head_size);
  if (options.skip_binary && LooksBinary(head)) {
    out.binary = true;
    return out;
  }
  std::unique_ptr<ByteStream> text = ScannableStream(stream, std::move(head));
  std::unique_ptr<char[]> buffer(new char[window]);
  WindowPlace place;
  size_t have = 0;
  bool first = true;
  while (true) {
    Result<size_t> filled = Fill(*text, buffer.get(), have, window);
    if (!filled.ok()) return filled.status().WithContext("reading at byte " +
                                                         std::to_string(place.base + have));
    have = *filled;
    const bool last = have < window;
    const std::string_view bytes(buffer.get(), have);
    Result<std::vector<Finding>> found = scanner.Scan(bytes);
    if (!found.ok()) return found.status();
    out.undecoded_bytes += scanner.undecoded_bytes();
    // This window reports the findings that start between the previous window's cut and its
    // own: each then has at least `margin` bytes of input on either side within the window.
    const uint64_t from = first ? 0 : margin;
    const uint64_t to = last ? have : have - margin;
    std::vector<Finding> mine;
    for (Finding& f : *found) {
      if (f.start.offset >= from && f.start.offset < to) mine.push_back(std::move(f));
    }
    if (hook) hook(bytes, place, &mine);
    for (Finding& f : mine) {
      place.Shift(&f);
      out.findings.push_back(std::move(f));
    }
    if (last) {
      out.bytes = stream.count();
      break;
    }
    // The next window starts `overlap` bytes before this one's end: count the lines it skips.
    const size_t advance = have - overlap;
    const char* const p = buffer.get();
    place.line += static_cast<uint64_t>(std::count(p, p + advance, '\n'));
    if (const void* nl = memrchr(p, '\n', advance)) {
      place.line_begin = place.base + (static_cast<const char*>(nl) - p) + 1;
    }
    place.base += advance;
    std::memmove(buffer.get(), buffer.get() + advance, overlap);
    have = overlap;
    first = false;
  }
  return out;
}

}  // namespace magpie::scanner
