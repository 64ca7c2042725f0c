// The gate of split_probe (bench/README.md, "A second database behind a gate"; issue 12):
// which rules have one, and where it holds in a buffer. Bench code, not the scanner's.
#ifndef MAGPIE_BENCH_SPLIT_GATE_H_
#define MAGPIE_BENCH_SPLIT_GATE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::scanner::bench {

using ByteSet = std::array<bool, 256>;

// The value a gated pattern requires right after its assignment template.
struct Gate {
  ByteSet cls{};
  size_t min = 0;
  std::string text;  // "[CLASS]{N}", for the report
};

// The gates as one automaton: bit i of class_bits[c] says byte c is in distinct class i;
// done_at[r] holds the classes whose shortest required run is at most r.
struct GateSet {
  std::array<uint64_t, 256> class_bits{};
  std::vector<uint64_t> done_at;  // index: run length
};

// The gate of `pattern` (an RE2 pattern as written in rules.yaml), or nullopt when its
// assignment template is not on every path of every match.
std::optional<Gate> GateOf(const std::string& pattern);
// Null when a class holds a blank or a quote, or there are more than 64 distinct classes.
std::optional<GateSet> BuildGateSet(const std::vector<Gate>& gates);
// The operator positions after which a gate holds, in order: by visiting every operator byte.
void FindGates(std::string_view data, const GateSet& set, std::vector<size_t>* hits);
void FindGates(std::string_view data, const std::vector<Gate>& gates, std::vector<size_t>* hits);

// The run-anchored search: the same positions when every class lies in U = [A-Za-z0-9+/] and
// needs at least kMinRun bytes (the caller checks, InU), found from the starts of long U-runs.
inline constexpr size_t kMinRun = 14;
bool InU(unsigned char c);
void FindGatesByRuns(std::string_view data, const GateSet& set, std::vector<size_t>* hits);

}  // namespace magpie::scanner::bench

#endif  // MAGPIE_BENCH_SPLIT_GATE_H_
