// The one test of whether a file or directory that magpie keeps its own data in (the rules
// cache, the scan store) can be trusted: whoever else could write it could steer the scan.
#ifndef MAGPIE_BASE_PRIVATE_FILE_H_
#define MAGPIE_BASE_PRIVATE_FILE_H_

#include <sys/stat.h>

#include <string>

#include "base/status.h"

namespace magpie {

// Whether `st`, the fstat of something opened without following links, is the effective
// user's alone: kUntrusted, naming `what`, when another user owns it or its group or others
// may write it.
Status CheckOwnedPrivately(const struct stat& st, const std::string& what);

}  // namespace magpie

#endif  // MAGPIE_BASE_PRIVATE_FILE_H_
