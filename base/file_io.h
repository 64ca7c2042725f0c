// Whole-file reads and atomic writes, for the small files magpie reads and writes itself
// (.magpie.yaml, .magpieignore, baselines, .gitattributes). Not for scanned content: that goes
// through scanner/file_reader.h, which bounds sizes and detects binary files.
// Thread safety: plain functions; concurrent writers of one path each leave a whole file.
#ifndef MAGPIE_BASE_FILE_IO_H_
#define MAGPIE_BASE_FILE_IO_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace magpie {

// The bytes of `path`. Errors: kNotFound when it does not exist, kIoError otherwise; the
// message is the system's reason ("Permission denied"), for the caller to put in context.
Result<std::string> ReadWholeFile(const std::string& path);

// Replaces `path` with `bytes` through a temporary file in the same directory and a rename,
// so readers never see a half-written file. The message names the path that failed.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace magpie

#endif  // MAGPIE_BASE_FILE_IO_H_
