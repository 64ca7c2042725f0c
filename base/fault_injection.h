// Test seams for the I/O failures that are otherwise hard to provoke: a full disk, a failed
// fsync, a rename that is refused. magpie's tests often run as root, where permissions never
// fail, so every error path of the code that writes and reads back magpie's own files (the
// atomic write below, the rules cache) asks here before each step whether a test wants it to
// fail, and takes the same path as a real failure when it does.
//
// Usage (tests only):
//   {
//     fault::ScopedFault full(fault::Point::kTempWrite, ENOSPC);
//     CHECK(WriteFileAtomically(path, bytes).code() == StatusCode::kIoError);
//   }  // writes work again
//
// Cost when nothing is injected: one or two relaxed atomic loads per step.
// Thread safety: Injected() may be called from any thread; set faults from one test thread.
#ifndef MAGPIE_BASE_FAULT_INJECTION_H_
#define MAGPIE_BASE_FAULT_INJECTION_H_

#include <functional>
#include <string_view>

namespace magpie::fault {

enum class Point {
  kTempCreate,          // creating the temporary file of an atomic write
  kTempWrite,           // writing its bytes
  kTempSync,            // fsync of the temporary file
  kRename,              // renaming it over the destination
  kCacheMkdir,          // creating the cache directory
  kCacheOpenDirectory,  // opening the cache directory
  kCacheOpenEntry,      // opening a cache entry
  kCacheReadEntry,      // reading an opened cache entry
  kScanFileRead,        // pread/read of a file being scanned (scanner/file_reader.cc)
  kBlobStreamSpawn,     // starting the child that streams a large blob (git/blob_stream.cc)
  kForeignDatabase,     // a deserialized Hyperscan database refused on this CPU (issue 11)
  // The scan pipeline (issue 14). Subjects (InjectedFor) are paths.
  kWalkOpenDirectory,   // the file walk opening a directory (subject: its path)
  kWalkDescend,         // after a directory is listed, before each subdirectory is opened
  kScannerSetup,        // a worker creating its Scanner (throws, as a constructor would)
  kScanItem,            // a worker scanning an item (subject: its path; throws bad_alloc)
  kOutputStage,         // the ordered output stage taking an item (subject: its path; throws)
  kGitWorkerRepository,  // opening a history-walk worker's own repository handle
  kExclusiveCreate,     // creating a file of secrets (base/exclusive_file.h, issue 15)
  kExclusiveWrite,      // writing it
  kRefPresenceOpen,      // opening the repository to list branch and tag tips (issue 11)
  kStoreOpen,           // opening the scan store (store/scan_store.h, issue 13)
  kStoreWrite,          // committing what a scan recorded in it
  kStoreLoadClean,      // reading the clean items of a scan key (on the store's loader thread)
  kWalkCacheRead,       // reading the walk cache of the scan store (issue 13)
  kWalkResume,          // listing the commits new since the cached walk (git/walk_resume.h)
  kPackDeltaRead,       // reading a blob's delta for the delta-aware scan (git/pack_deltas.cc)
  kWalkCacheFold,       // folding a walk's delta rows into its packed cell (store/walk_cache.cc)
  kReachSplit,          // the delta-aware scan's rule split: a pattern's analysis, the
                        // everywhere database's compilation (region_scan.cc)
  kPackBlobRead,        // reading a blob's bytes from its pack (git/pack_blobs.cc, issue 13)
  kPresenceTreeRead,    // reading a tip's tree to say where a secret lives now (issue 11)
  kGateDatabase,        // compiling the keyword-gated rules' second database (scanner/gate.h)
  kTreePathsRead,       // reading the scan store's facts about tip trees (store/tree_paths.h)
  kTreePathsWrite,      // keeping what this run learned of them
  kCommitTableRead,     // reading the packs' commits before the walk (git/commit_table.h)
  kPackTreeRead,        // reading a tree from its pack for the walk's diffs (git/tree_reader.h)
  kPackInflaterAlloc,   // allocating a thread's pack decompressor (git/pack_reader.cc)
  kCount,
};

// The errno a test asked `point` to fail with; 0 (no failure) unless a ScopedFault is alive.
int Injected(Point point);
// For code standing in for a system call: true, with errno set, when `point` is to fail.
bool Triggered(Point point);

// For a step on a named thing (a directory, a file): the errno that a ScopedHook on `point`
// returns for `subject`, else Injected(point). The hook may also act (remove the directory
// between the walk's listing and its descent); it runs on the thread taking the step.
int InjectedFor(Point point, std::string_view subject);

// Makes `point` fail with `error` (an errno value) while it lives.
class ScopedFault {
 public:
  ScopedFault(Point point, int error);
  ~ScopedFault();
  ScopedFault(const ScopedFault&) = delete;
  ScopedFault& operator=(const ScopedFault&) = delete;

 private:
  Point point_;
};

// Calls `hook` (subject → errno, 0 to go on) at each InjectedFor(point, ...) while it lives.
// The hook must be safe to call from the threads that take the step.
class ScopedHook {
 public:
  using Hook = std::function<int(std::string_view subject)>;
  ScopedHook(Point point, Hook hook);
  ~ScopedHook();
  ScopedHook(const ScopedHook&) = delete;
  ScopedHook& operator=(const ScopedHook&) = delete;

 private:
  Point point_;
  Hook hook_;
};

}  // namespace magpie::fault

#endif  // MAGPIE_BASE_FAULT_INJECTION_H_
