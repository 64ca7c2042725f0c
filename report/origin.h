// Where a finding's bytes came from. Plain data filled in by cli/ (from a file walk or from
// git/'s blob provenance), so that neither scanner/ nor git/ depends on the other.
#ifndef MAGPIE_REPORT_ORIGIN_H_
#define MAGPIE_REPORT_ORIGIN_H_

#include <cstdint>
#include <string>
#include <variant>

namespace magpie::report {

struct FileOrigin {
  std::string path;  // as given/walked, relative to the scan root when under it; "-" for stdin
};

struct GitOrigin {
  std::string path;          // path of the blob in `commit`
  std::string blob_id;       // hex object id
  std::string commit;        // hex id of the topologically earliest commit introducing the blob
  std::string author_name;
  std::string author_email;
  int64_t commit_time = 0;   // seconds since epoch (UTC)
  std::string message;       // first line of the commit message
  int other_occurrences = 0; // other (commit, path) pairs where the same blob appears
  bool present_at_head = false;
  bool staged = false;       // from `magpie staged`: path/line are in the index version
  // `magpie estate`: the repository as its line in the estate file names it ("" otherwise,
  // and then not written).
  std::string repository;
};

using Origin = std::variant<FileOrigin, GitOrigin>;

// The path to show for either origin.
const std::string& OriginPath(const Origin& origin);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_ORIGIN_H_
