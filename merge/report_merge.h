// `magpie merge`: N reports of one scan split over machines (`magpie git --shard I/N`, `magpie
// estate --shard I/N`) → the report one machine would have written.
//
//   - Findings are deduplicated by fingerprint and location (the same finding from a rerun
//     shard appears once; two occurrences of one secret stay two, as in a one-machine report)
//     and sorted by (repository, path, commit time, commit, blob, offset, rule, fingerprint):
//     the order does not depend on the order of the inputs.
//   - History findings of `magpie git` shards hold only the shard's versions of a secret: the
//     partials of one (rule, secret, path) are folded into one finding, and paths,
//     present_elsewhere and present_at_head recomputed across paths by the secret's identity
//     (git.regroup, docs/history.md), which the merged report no longer carries.
//   - Diagnostics are kept, each once per shard that met it; the merge adds its own:
//     "bad-report" (an input that cannot be read, is not JSON, is not a magpie report, or is
//     of another kind of scan than the first that names one, summary.scan_kind: files_scanned
//     counts files or blobs; it is left out whole, never half-merged) and "incomplete-merge" (a shard missing or given
//     twice, shard counts or magpie versions that disagree). Both are errors: the merged scan
//     is incomplete (docs/exit-codes.md).
//   - The summary is recomputed: counts summed, findings and errors counted again, the elapsed
//     time the longest shard's.
//   - Fields magpie does not know (in a finding, a diagnostic, the summary or the document)
//     are carried through unchanged, so a newer report's additions survive.
//
// Formats: magpie's JSON (-f json) and SARIF (-f sarif), all inputs in one of them; the
// output is in the inputs' format.
//
// Usage:
//   std::vector<merge::ReportInput> inputs = {{"shard-0.json", bytes0}, ...};
//   merge::MergedReport merged = merge::MergeReports(inputs);
//   out << merged.document;  exit code from merged.summary (findings → 1, errors → 2)
#ifndef MAGPIE_MERGE_REPORT_MERGE_H_
#define MAGPIE_MERGE_REPORT_MERGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "report/reporter.h"

namespace magpie::merge {

struct ReportInput {
  std::string name;   // for diagnostics: the file as given
  std::string bytes;  // the whole report
  // Set instead of bytes when the file could not be read: becomes a "bad-report" diagnostic.
  std::string read_error;
};

struct MergeOptions {
  uint64_t max_report_bytes = uint64_t{1} << 30;  // a larger input is a bad-report
  int max_depth = 32;  // JSON nesting; magpie's reports nest 6 deep
};

enum class MergedFormat { kJson, kSarif };

struct MergedReport {
  MergedFormat format = MergedFormat::kJson;
  std::string document;  // the merged report, ending in a newline
  report::Summary summary;  // recomputed; summary.errors counts the merge's diagnostics too
  // What the merge itself found wrong (also in the document), to print on stderr.
  std::vector<report::Diagnostic> problems;
};

// Never throws on any input bytes. With no input at all, or none usable, the document is an
// empty JSON report holding the diagnostics.
MergedReport MergeReports(const std::vector<ReportInput>& inputs, const MergeOptions& options = {});

}  // namespace magpie::merge

#endif  // MAGPIE_MERGE_REPORT_MERGE_H_
