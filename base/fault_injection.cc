#include "base/fault_injection.h"

#include <array>
#include <atomic>
#include <cerrno>

namespace magpie::fault {
namespace {

std::array<std::atomic<int>, static_cast<size_t>(Point::kCount)> injected{};

std::atomic<int>& Slot(Point point) { return injected[static_cast<size_t>(point)]; }

}  // namespace

int Injected(Point point) { return Slot(point).load(std::memory_order_relaxed); }

bool Triggered(Point point) {
  const int error = Injected(point);
  if (error != 0) errno = error;
  return error != 0;
}

ScopedFault::ScopedFault(Point point, int error) : point_(point) { Slot(point_).store(error); }

ScopedFault::~ScopedFault() { Slot(point_).store(0); }

}  // namespace magpie::fault
