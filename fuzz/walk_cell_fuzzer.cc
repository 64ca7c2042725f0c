// The scan store's packed walk cell (store/walk_cache.h, issue 13): DecodeRows is given the
// bytes of an SQLite cell that anyone who can write the store controls. The first byte picks
// how many commits the commit list holds; the rest is the cell. Checks: no crash, no read
// outside either buffer, and what decodes is what the contract says: rows strictly sorted by
// blob id, every commit position inside the list and naming the id there, excluded 0 or 1,
// and encoding the rows again gives the same bytes back (one encoding per walk). The commit
// list reaches DecodeRows as the store reads it since schema version 4: joined from chunks
// (AppendCommitChunk), which takes whole ids only.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "store/walk_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = magpie::fuzz::AsView(data, size);
  if (input.empty()) return 0;
  const size_t commits = static_cast<uint8_t>(input[0]);
  // Commit ids that differ from one another: commit i is 20 bytes of value i.
  std::string commit_ids;
  for (size_t i = 0; i < commits; ++i) commit_ids.append(20, static_cast<char>(i));
  const std::string_view cell = input.substr(1);
  // Two chunks, as a walk and one delta after it leave the list.
  const std::string_view whole(commit_ids);
  const size_t split = (commits / 2) * 20;
  std::string joined;
  MAGPIE_FUZZ_CHECK(magpie::store::internal::AppendCommitChunk(whole.substr(0, split), &joined));
  MAGPIE_FUZZ_CHECK(magpie::store::internal::AppendCommitChunk(whole.substr(split), &joined));
  MAGPIE_FUZZ_CHECK(joined == commit_ids);
  std::string partial;
  MAGPIE_FUZZ_CHECK(commits == 0 ||
                    !magpie::store::internal::AppendCommitChunk(whole.substr(1), &partial));

  std::vector<magpie::WalkSnapshot::Blob> rows;
  if (!magpie::store::internal::DecodeRows(cell, joined, &rows)) return 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const magpie::WalkSnapshot::Blob& row = rows[i];
    MAGPIE_FUZZ_CHECK(i == 0 || rows[i - 1].blob_id < row.blob_id);
    MAGPIE_FUZZ_CHECK(row.commit_order < commits);
    MAGPIE_FUZZ_CHECK(std::memcmp(row.commit.data(), commit_ids.data() + row.commit_order * 20,
                                  20) == 0);
    MAGPIE_FUZZ_CHECK(row.path.size() < cell.size());
  }
  // Varints may be written longer than needed in hostile bytes, so only the canonical
  // encoding's round trip is exact.
  const std::string encoded = magpie::store::internal::EncodeRows(rows);
  std::vector<magpie::WalkSnapshot::Blob> again;
  MAGPIE_FUZZ_CHECK(magpie::store::internal::DecodeRows(encoded, commit_ids, &again));
  MAGPIE_FUZZ_CHECK(again.size() == rows.size());
  MAGPIE_FUZZ_CHECK(magpie::store::internal::EncodeRows(again) == encoded);
  MAGPIE_FUZZ_CHECK(encoded.size() <= cell.size());
  return 0;
}
