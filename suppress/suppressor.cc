#include "suppress/suppressor.h"

#include <algorithm>
#include <random>
#include <string>
#include <utility>

#include "scanner/fingerprint.h"
#include "suppress/allow_markers.h"

namespace magpie::suppress {

void ApplyInlineAllows(std::string_view data, std::vector<scanner::Finding>* findings,
                       std::vector<SuppressedFinding>* suppressed, const MarkerContext& context) {
  size_t kept = 0;
  std::vector<std::string> warnings;
  MarkerContext local = context;
  local.warnings = context.warnings != nullptr ? &warnings : nullptr;
  for (size_t i = 0; i < findings->size(); ++i) {
    scanner::Finding& f = (*findings)[i];
    warnings.clear();
    const bool allowed = IsSuppressedInline(data, f, local);
    for (std::string& w : warnings) {
      w = "line " + std::to_string(f.start.line) + ": " + w;
      if (std::find(context.warnings->begin(), context.warnings->end(), w) ==
          context.warnings->end()) {
        context.warnings->push_back(std::move(w));
      }
    }
    if (allowed) {
      suppressed->push_back({std::move(f), std::string(kReasonInline)});
    } else {
      if (kept != i) (*findings)[kept] = std::move(f);
      ++kept;
    }
  }
  findings->resize(kept);
}

namespace {

// splitmix64's finaliser: every input bit changes about half of the output bits.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

uint64_t Suppressor::NewSeed() {
  std::random_device device;
  return (static_cast<uint64_t>(device()) << 32) ^ device();
}

size_t Suppressor::KeyHash::operator()(const Key& key) const noexcept {
  return static_cast<size_t>(Mix(key.high ^ seed) ^ Mix(key.low + seed + 0x9e3779b97f4a7c15ULL));
}

bool Suppressor::ParseKey(std::string_view fingerprint, Key* key) {
  if (fingerprint.size() != 32) return false;
  uint64_t words[2] = {0, 0};
  for (size_t i = 0; i < 32; ++i) {
    const char c = fingerprint[i];
    uint64_t digit;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint64_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint64_t>(c - 'a' + 10);
    } else {
      return false;  // upper case too: fingerprints match as the exact text
    }
    words[i / 16] = (words[i / 16] << 4) | digit;
  }
  key->high = words[0];
  key->low = words[1];
  return true;
}

uint8_t Suppressor::ReasonIndex(std::string_view reason) {
  for (size_t i = 0; i < reasons_.size(); ++i) {
    if (reasons_[i] == reason) return static_cast<uint8_t>(i);
  }
  reasons_.emplace_back(reason);  // three reasons exist; never near 256
  return static_cast<uint8_t>(reasons_.size() - 1);
}

void Suppressor::Add(std::string_view fingerprint, std::string_view reason) {
  const uint8_t index = ReasonIndex(reason);
  Key key;
  if (ParseKey(fingerprint, &key)) {
    by_key_.emplace(key, index);
  } else {
    others_.emplace(std::string(fingerprint), index);
  }
}

const std::string* Suppressor::ReasonFor(std::string_view fingerprint) const {
  Key key;
  if (ParseKey(fingerprint, &key)) {
    const auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &reasons_[it->second];
  }
  const auto it = others_.find(std::string(fingerprint));
  return it == others_.end() ? nullptr : &reasons_[it->second];
}

namespace {

report::ReportedFinding Fingerprinted(const report::Origin& origin, scanner::Finding finding) {
  report::ReportedFinding reported;
  reported.fingerprint =
      scanner::Fingerprint(finding.rule_id, report::OriginPath(origin), finding.secret);
  reported.finding = std::move(finding);
  reported.origin = origin;
  return reported;
}

}  // namespace

std::vector<FilteredFinding> Suppressor::Filter(const report::Origin& origin,
                                                std::vector<scanner::Finding> findings,
                                                std::vector<SuppressedFinding> inline_suppressed) {
  std::vector<FilteredFinding> out;
  out.reserve(findings.size() + inline_suppressed.size());
  for (SuppressedFinding& s : inline_suppressed) {
    ++counts_[s.reason];
    out.push_back({Fingerprinted(origin, std::move(s.finding)), std::move(s.reason)});
  }
  for (scanner::Finding& finding : findings) {
    FilteredFinding filtered{Fingerprinted(origin, std::move(finding)), ""};
    if (const std::string* reason = ReasonFor(filtered.finding.fingerprint)) {
      ++counts_[*reason];
      filtered.reason = *reason;
    }
    out.push_back(std::move(filtered));
  }
  return out;
}

}  // namespace magpie::suppress
