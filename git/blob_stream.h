// A blob too large to hold, streamed: libgit2 inflates a whole object into memory, so a blob
// above the scan window is read through `git cat-file blob <id>` instead, whose output is
// inflated as it goes (git streams large blobs, and is told to map packs in small windows).
// Used by History::Read; private to git/.
//
// The child runs git with --git-dir set to the repository's and no shell; `git cat-file blob`
// applies no filters and runs no configured command. Its stderr is discarded: a failure is
// the exit status, reported when the stream ends (a short or failed read is an error, never a
// silent truncation).
// Thread safety: one thread at a time per stream.
#ifndef MAGPIE_GIT_BLOB_STREAM_H_
#define MAGPIE_GIT_BLOB_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>

#include "base/byte_stream.h"
#include "base/status.h"

namespace magpie::git::internal {

// Starts streaming blob `blob_hex` (announced as `size` bytes) of the repository at `git_dir`.
// Errors: the child cannot be started (kIoError; e.g. no `git` on PATH).
Result<std::unique_ptr<ByteStream>> OpenBlobStream(const std::string& git_dir,
                                                   const std::string& blob_hex, uint64_t size);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_BLOB_STREAM_H_
