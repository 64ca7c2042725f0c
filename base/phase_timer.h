// Where a run's time goes, phase by phase, for profiling (issue 13): with MAGPIE_PHASE_TIMES
// set in the environment, each PhaseTimer prints "magpie: phase NAME: wall W s, cpu C s" on
// stderr when it goes out of scope (cpu: the whole process's, every thread). Unset, it costs
// one getenv per timer and prints nothing. Not a report: bench/ and people read it.
//
// Usage:
//   { PhaseTimer timer("walk cache load"); ...; }
#ifndef MAGPIE_BASE_PHASE_TIMER_H_
#define MAGPIE_BASE_PHASE_TIMER_H_

#include <time.h>

#include <cstdio>
#include <cstdlib>

namespace magpie {

class PhaseTimer {
 public:
  explicit PhaseTimer(const char* name)
      : name_(name), on_(std::getenv("MAGPIE_PHASE_TIMES") != nullptr) {
    if (on_) Now(&wall_, &cpu_);
  }
  ~PhaseTimer() {
    if (!on_) return;
    double wall = 0;
    double cpu = 0;
    Now(&wall, &cpu);
    std::fprintf(stderr, "magpie: phase %s: wall %.3f s, cpu %.3f s\n", name_, wall - wall_,
                 cpu - cpu_);
  }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  static void Now(double* wall, double* cpu) {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    *wall = static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    *cpu = static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }

  const char* name_;
  bool on_;
  double wall_ = 0;
  double cpu_ = 0;
};

}  // namespace magpie

#endif  // MAGPIE_BASE_PHASE_TIMER_H_
