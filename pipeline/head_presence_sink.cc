#include "pipeline/head_presence_sink.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <variant>

namespace magpie::pipeline {
namespace {

// (rule, secret) as one key. A sensitive file has no secret: the file itself is what lives
// on, so its key is (rule, path); else one .env at HEAD would mark every deleted one present.
std::string SecretKey(const scanner::Finding& f, const report::GitOrigin& origin) {
  if (f.sensitive_file) return f.rule_id + '\0' + '\1' + origin.path;
  return f.rule_id + '\0' + f.secret;
}

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
  const auto& git = std::get<report::GitOrigin>(item.origin);
  if (git.present_at_head) {
    for (const auto& f : item.findings) at_head_.insert(SecretKey(f, git));
    for (const auto& s : item.suppressed) at_head_.insert(SecretKey(s.finding, git));
  }
  held_.push_back(std::move(item));
}

void HeadPresenceSink::Flush() {
  std::sort(held_.begin(), held_.end(), HeldLess);
  for (ItemResult& item : held_) {
    auto& origin = std::get<report::GitOrigin>(item.origin);
    if (!origin.present_at_head) {
      for (const scanner::Finding& f : item.findings) {
        if (at_head_.count(SecretKey(f, origin)) > 0) origin.present_at_head = true;
      }
      for (const suppress::SuppressedFinding& s : item.suppressed) {
        if (at_head_.count(SecretKey(s.finding, origin)) > 0) origin.present_at_head = true;
      }
    }
    next_.Add(std::move(item));
  }
  held_.clear();
}

}  // namespace magpie::pipeline
