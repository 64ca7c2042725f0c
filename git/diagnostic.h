// Problems met while reading a repository that do not stop the scan: each one is reported
// to the caller and the walk goes on (a corrupt blob, a missing parent, a submodule entry).
#ifndef MAGPIE_GIT_DIAGNOSTIC_H_
#define MAGPIE_GIT_DIAGNOSTIC_H_

#include <functional>
#include <string>
#include <string_view>

namespace magpie::git {

enum class DiagnosticKind {
  kTooLarge,       // blob larger than max_blob_size: not read
  kBinary,         // the options' is_binary says the blob is binary
  kCorruptObject,  // object present but unreadable (bad zlib stream, bad delta, bad header)
  kMissingObject,  // object referenced but absent (and not explained by a shallow clone)
  kSubmodule,      // gitlink entry: the submodule's own history is not scanned
  kBadRef,         // a reference that cannot be resolved to an object
  kUnreadable,     // the repository could not be opened again for a worker thread (EMFILE)
};

// "too-large", "binary", "corrupt-object", "missing-object", "submodule", "bad-ref",
// "unreadable": the same
// words as report::Diagnostic::kind uses for files, so cli/ can pass them through.
std::string_view ToString(DiagnosticKind kind);

struct GitDiagnostic {
  DiagnosticKind kind = DiagnosticKind::kCorruptObject;
  std::string object;   // hex id of the object concerned ("" when none)
  std::string path;     // path of the blob or gitlink in its commit ("" when none)
  std::string message;  // one line, e.g. "object 3f2a…: inflate failed"; never blob content
};

// Called once per problem. May be called from several threads at once (see each function's
// contract); the callee synchronises.
using DiagnosticCallback = std::function<void(const GitDiagnostic&)>;

}  // namespace magpie::git

#endif  // MAGPIE_GIT_DIAGNOSTIC_H_
