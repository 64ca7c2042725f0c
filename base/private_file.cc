#include "base/private_file.h"

#include <unistd.h>

#include <cstdio>

namespace magpie {

Status CheckOwnedPrivately(const struct stat& st, const std::string& what) {
  if (st.st_uid != ::geteuid()) {
    return Untrusted(what + " is owned by uid " + std::to_string(st.st_uid) +
                     ", not by this user (uid " + std::to_string(::geteuid()) + ")");
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Untrusted(what + " is writable by its group or others (mode " + mode + ")");
  }
  return Status::Ok();
}

}  // namespace magpie
