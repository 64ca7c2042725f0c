// A sequence of bytes read front to back, once: a file too large to hold in memory, a git blob
// piped from a child process. Lets scanner/ read what git/ streams without either including
// the other (scanner/chunked_scan.h consumes it; git/blob_stream.h and scanner/file_reader.h
// produce it).
// Thread safety: one thread at a time.
#ifndef MAGPIE_BASE_BYTE_STREAM_H_
#define MAGPIE_BASE_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>

#include "base/status.h"

namespace magpie {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` (> 0) bytes into `buffer`: how many were read, 0 at the end. An error
  // (kIoError, kCorrupt: a child that failed, a file that went away) ends the stream; what was
  // read before it stays valid.
  virtual Result<size_t> Read(char* buffer, size_t n) = 0;
  // The size announced when the stream was opened (the file's or the blob's), for messages.
  virtual uint64_t expected_size() const = 0;
};

}  // namespace magpie

#endif  // MAGPIE_BASE_BYTE_STREAM_H_
