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
// Cost when nothing is injected: one relaxed atomic load per step.
// Thread safety: Injected() may be called from any thread; set faults from one test thread.
#ifndef MAGPIE_BASE_FAULT_INJECTION_H_
#define MAGPIE_BASE_FAULT_INJECTION_H_

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
  kGitWorkerRepository,  // opening a history-walk worker's own repository handle
  kCount,
};

// The errno a test asked `point` to fail with; 0 (no failure) unless a ScopedFault is alive.
int Injected(Point point);
// For code standing in for a system call: true, with errno set, when `point` is to fail.
bool Triggered(Point point);

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

}  // namespace magpie::fault

#endif  // MAGPIE_BASE_FAULT_INJECTION_H_
