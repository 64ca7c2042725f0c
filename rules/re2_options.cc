#include "rules/re2_options.h"

namespace magpie::rules {

RE2::Options Re2Options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  options.set_longest_match(false);
  options.set_case_sensitive(true);
  options.set_dot_nl(false);
  options.set_max_mem(kRe2MaxMem);
  return options;
}

}  // namespace magpie::rules
