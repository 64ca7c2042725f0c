// The review of `magpie triage BASELINE`: each finding of the baseline shown in turn (secret
// redacted, context, provenance), a key for the verdict, a typed reason:
//
//   r  real: stays in the baseline, marked "confirmed" with the reason
//   f  false positive: its fingerprint goes to the ignore file with the reason as a comment
//      (and the baseline marks it "false-positive")
//   s  skip: decide later (marked "skipped"; the review comes back to it last)
//   b/p  back   n  next without deciding   q  quit   ?  help
//
// Every verdict is written at once (ignore file, then baseline; each atomically), so quitting,
// a closed terminal or a killed process loses nothing decided; the next review resumes at the
// first finding without a verdict. A baseline whose false positives are missing from the
// ignore file (a run stopped between the two writes) gets them added at the start.
//
// Nothing shown holds a full secret: a secret that is not already in magpie's redacted form
// is redacted again, and the context line and commit message of a baseline written with
// --show-secrets are not shown at all. Every string from the baseline is terminal-escaped.
#ifndef MAGPIE_TRIAGE_REVIEW_H_
#define MAGPIE_TRIAGE_REVIEW_H_

#include <cstddef>
#include <string>

#include "base/status.h"
#include "suppress/triage_baseline.h"
#include "triage/console.h"

namespace magpie::triage {

struct ReviewOptions {
  std::string baseline_path;  // where verdicts are saved
  std::string ignore_path;    // the .magpieignore false positives go to
  std::string date;           // "YYYY-MM-DD", stamped on verdicts and ignore entries
};

struct ReviewTally {
  size_t confirmed = 0;
  size_t false_positives = 0;
  size_t skipped = 0;
  size_t undecided = 0;
  bool finished = false;  // every finding has a verdict and the review ran to the end
};

// Runs the review until the reviewer quits, the input ends or every finding has a verdict.
// Errors: a verdict that cannot be saved (the message is also shown); the review stops there.
Result<ReviewTally> Review(suppress::TriageBaseline& baseline, Console& console,
                           const ReviewOptions& options);

// The verdicts in `baseline`.
ReviewTally Tally(const suppress::TriageBaseline& baseline);

}  // namespace magpie::triage

#endif  // MAGPIE_TRIAGE_REVIEW_H_
