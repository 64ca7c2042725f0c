// Private to the scanner library: the Hyperscan stage's two linear searches as one pass over a
// buffer (issue 12): the gate's long U-runs (gate.h) and the base64 prefilter's anchored value
// runs (base64_prefilter.h).
//
// Both classify 64 bytes at a time into bit masks and find runs by shifted ANDs. Run apart,
// each loaded and classified every byte again, and each was ~2.3x a memchr of the buffer; one
// pass loads and classifies once (bench/README.md, "One pass for the gate and the prefilter").
// The classification has three code paths (portable, SSE2, AVX2 chosen at run time); all give
// the same results, and each search alone is this pass with the other left out.
//
// Thread safety: pure functions.
#ifndef MAGPIE_SCANNER_RUN_SEARCH_H_
#define MAGPIE_SCANNER_RUN_SEARCH_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "scanner/decoder.h"

namespace magpie::scanner::internal {

struct GateSet;

// The classification's code paths: all give the same results; kBest is AVX2 where the CPU has it
// (chosen at run time: the build targets baseline x86-64), else SSE2. For tests and the bench,
// which hold each path to the others; a path this build or CPU lacks runs the portable one.
enum class RunSearchPath { kBest, kPortable, kSse2, kAvx2 };
bool RunSearchPathAvailable(RunSearchPath path);
// The path that runs for `path`: kBest becomes the fastest this CPU has, a path this build or
// CPU lacks becomes kPortable.
RunSearchPath ResolveRunSearchPath(RunSearchPath path);

// One pass over `data`:
//  - when `gates` is not null, appends to `hits` what FindGatesByRuns(data, *gates) appends
//    (gate.h; every class of `gates` RunGateable), in increasing order;
//  - when `report` is not null, calls report(end, context) for every end FindBase64Prefilter
//    reports (base64_prefilter.h), in increasing order.
// The two kinds of output are not interleaved in any promised order.
void FindGatesAndBase64Prefilter(std::string_view data, const GateSet* gates,
                                 std::vector<size_t>* hits, PrefilterReport report,
                                 void* context, RunSearchPath path = RunSearchPath::kBest);

// Whether `finder`, a decoder's linear prefilter, is the one this pass runs (the base64 one):
// the scanner and the bench run every other apart, and must not run this one twice.
bool RidesRunSearch(PrefilterFinder finder);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_RUN_SEARCH_H_
