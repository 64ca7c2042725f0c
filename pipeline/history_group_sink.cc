#include "pipeline/head_presence_sink.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <variant>

namespace magpie::pipeline {
namespace {

// (rule, secret) as one key.
std::string SecretKey(const scanner::Finding& f) { return f.rule_id + '\0' + f.secret; }

bool HeldLess(const ItemResult& a, const ItemResult& b) {
  const auto& x = std::get<report::GitOrigin>(a.origin);
  const auto& y = std::get<report::GitOrigin>(b.origin);
  return std::tie(x.path, x.commit_time, x.commit, x.blob_id) <
         std::tie(y.path, y.commit_time, y.commit, y.blob_id);
}

}  // namespace

void HeadPresenceSink::Add(ItemResult item) {
  if ((item.findings.empty() && item.suppressed.empty()) ||
      !std::holds_alternative<report::GitOrigin>(item.origin)) {
    next_.Add(std::move(item));
    return;
  }
  if (std::get<report::GitOrigin>(item.origin).present_at_head) {
    for (const auto& f : item.findings) at_head_.insert(SecretKey(f));
    for (const auto& s : item.suppressed) at_head_.insert(SecretKey(s.finding));
  }
  held_.push_back(std::move(item));
}

void HeadPresenceSink::Flush() {
  std::sort(held_.begin(), held_.end(), HeldLess);
  for (ItemResult& item : held_) {
    auto& origin = std::get<report::GitOrigin>(item.origin);
    if (!origin.present_at_head) {
      for (const scanner::Finding& f : item.findings) {
        if (at_head_.count(SecretKey(f)) > 0) origin.present_at_head = true;
      }
      for (const suppress::SuppressedFinding& s : item.suppressed) {
        if (at_head_.count(SecretKey(s.finding)) > 0) origin.present_at_head = true;
      }
    }
    next_.Add(std::move(item));
  }
  held_.clear();
}

}  // namespace magpie::pipeline
