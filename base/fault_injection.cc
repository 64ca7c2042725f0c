#include "base/fault_injection.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <utility>

namespace magpie::fault {
namespace {

std::array<std::atomic<int>, static_cast<size_t>(Point::kCount)> injected{};

std::array<std::atomic<const ScopedHook::Hook*>, static_cast<size_t>(Point::kCount)> hooks{};

std::atomic<int>& Slot(Point point) { return injected[static_cast<size_t>(point)]; }

}  // namespace

int Injected(Point point) { return Slot(point).load(std::memory_order_relaxed); }

bool Triggered(Point point) {
  const int error = Injected(point);
  if (error != 0) errno = error;
  return error != 0;
}

int InjectedFor(Point point, std::string_view subject) {
  const ScopedHook::Hook* hook =
      hooks[static_cast<size_t>(point)].load(std::memory_order_acquire);
  if (hook != nullptr) {
    if (const int error = (*hook)(subject); error != 0) return error;
  }
  return Injected(point);
}

ScopedFault::ScopedFault(Point point, int error) : point_(point) { Slot(point_).store(error); }

ScopedFault::~ScopedFault() { Slot(point_).store(0); }

ScopedHook::ScopedHook(Point point, Hook hook) : point_(point), hook_(std::move(hook)) {
  hooks[static_cast<size_t>(point_)].store(&hook_, std::memory_order_release);
}

ScopedHook::~ScopedHook() {
  hooks[static_cast<size_t>(point_)].store(nullptr, std::memory_order_release);
}

}  // namespace magpie::fault
