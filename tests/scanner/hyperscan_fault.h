// Fault injection for hs_scan, shared by the scanner and pipeline tests: Hyperscan checks its
// database's header on every call (the first four bytes are its magic number: validDatabase in
// Hyperscan's src/database.h) and returns HS_INVALID for a damaged one, before reading anything
// else. The header is restored however the test ends.
#ifndef MAGPIE_TESTS_SCANNER_HYPERSCAN_FAULT_H_
#define MAGPIE_TESTS_SCANNER_HYPERSCAN_FAULT_H_

#include <cstdint>

#include "scanner/compiled_rules.h"
#include "scanner/compiled_rules_impl.h"

namespace magpie::testing {

class DamagedDatabaseHeader {
 public:
  explicit DamagedDatabaseHeader(const scanner::CompiledRules& compiled)
      : magic_(reinterpret_cast<uint32_t*>(scanner::internal::ImplOf(compiled).database)),
        saved_(*magic_) {
    *magic_ = ~saved_;
  }
  ~DamagedDatabaseHeader() { *magic_ = saved_; }
  DamagedDatabaseHeader(const DamagedDatabaseHeader&) = delete;
  DamagedDatabaseHeader& operator=(const DamagedDatabaseHeader&) = delete;

 private:
  uint32_t* magic_;
  uint32_t saved_;
};

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_HYPERSCAN_FAULT_H_
