// A Source is what a scan reads: the files of a directory walk (and stdin), the distinct blobs
// of a git history, or the files of a staged change. Each yields a fixed list of items, each
// with its origin (report::Origin: provenance is data beside the bytes, never inside them),
// and loads any item's bytes on demand, from any thread. The driver (driver.h) hands indices
// out in order, loads and scans in parallel, and delivers results in index order, so output
// is the same whatever the thread count.
//
// To add a source: implement size() and Load(); fill prelude_ with what listing the items met
// (unreadable directories, submodules); override KeepReported when only part of an item is
// new (staged: added lines). See docs/architecture.md.
#ifndef MAGPIE_PIPELINE_SOURCE_H_
#define MAGPIE_PIPELINE_SOURCE_H_

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_stream.h"
#include "report/origin.h"
#include "report/reporter.h"
#include "scanner/finding.h"
#include "scanner/region_scan.h"

namespace magpie::pipeline {

// An item stored as a delta of another item (the delta-aware history scan, issue 13): what it
// copies from that base, and the base's scan when it has already been scanned.
struct DeltaHint {
  scanner::DeltaLayout layout;
  std::shared_ptr<const scanner::ScanRecord> base;  // null: the base was not scanned (yet)
};

// What the driver tells a source that records scans (Source::RecordsScans) about an item it
// scanned from its bytes.
struct ItemScan {
  // The item's scan, for the items stored as its deltas; null when it cannot serve as one
  // (decoded from UTF-16 or a BOM, or the decode budget ran out).
  std::shared_ptr<const scanner::ScanRecord> record;
  bool by_region = false;      // scanned by its changes (scanner/region_scan.h)
  uint64_t region_bytes = 0;   // then: the bytes the scanner read
  uint64_t bytes = 0;          // the item's size
  std::string whole_because;   // otherwise: why it was scanned whole (never empty then)
};

// One item's bytes, or why it is not scanned.
struct SourceItem {
  report::Origin origin;
  std::string_view bytes;              // valid while `owner` lives
  std::shared_ptr<const void> owner;   // keeps `bytes` alive (a file buffer, a libgit2 buffer)
  // Set instead of `bytes` for an item too large to hold (a file or blob above the scan
  // window): scanned window by window (scanner/stream_scan.h).
  std::shared_ptr<ByteStream> stream;
  // Set when the item is not scanned: a policy skip ("binary", "excluded") or an error
  // ("unreadable", "corrupt-object"), with `diagnostic` saying why when there is more to say.
  std::string skip_reason;
  std::optional<report::Diagnostic> diagnostic;
  // From a source that records scans: how the item is stored, if as a delta; else why not.
  std::optional<DeltaHint> delta;
  std::string delta_note;
  bool skipped() const { return !skip_reason.empty(); }
};

// What listing a source's items met before any was scanned.
struct Prelude {
  std::vector<report::Diagnostic> diagnostics;  // problems (and policy skips worth listing)
  std::map<std::string, uint64_t> skipped;      // policy skips by reason, counted only
  std::vector<std::string> notes;               // one line each, shown with --verbose only
};

// Thread safety: after construction, size(), Load(), KeepReported() and prelude() may be
// called from any number of threads.
class Source {
 public:
  static constexpr uint64_t kUnknownBytes = std::numeric_limits<uint64_t>::max();

  virtual ~Source() = default;

  virtual size_t size() const = 0;
  // Item `index` (0 <= index < size()). Never throws for a bad input: problems are values.
  virtual SourceItem Load(size_t index) const = 0;
  // Removes the findings of item `index` that are not new (default: keeps all).
  virtual void KeepReported(size_t index, std::vector<scanner::Finding>* findings) const {
    (void)index;
    (void)findings;
  }
  // The bytes all items hold, when known cheaply: a small total is scanned on the calling
  // thread, where starting workers would cost more than it saves.
  virtual uint64_t total_bytes() const { return kUnknownBytes; }
  // True when the source wants Scanned() after each item scanned from its bytes (its items
  // carry SourceItem::delta). Called from the parallel stage, so Scanned must be thread-safe.
  virtual bool RecordsScans() const { return false; }
  virtual void Scanned(size_t index, const ItemScan& scan) const {
    (void)index;
    (void)scan;
  }

  const Prelude& prelude() const { return prelude_; }

 protected:
  Prelude prelude_;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_SOURCE_H_
