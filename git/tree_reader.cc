#include "git/tree_reader.h"

#include <cstdio>
#include <cstring>
#include <utility>

#include "git/libgit2_util.h"
#include "git/pack_blobs.h"

namespace magpie::git::internal {
namespace {

constexpr size_t kMaxName = 0xffff;  // libgit2's filename_len is a uint16_t
// Per thread; a power of two (the slot is the id's first bytes, masked).
constexpr size_t kSlots = 4096;

size_t SlotOf(const git_oid& id) {
  size_t h;
  std::memcpy(&h, id.id, sizeof h);
  return h & (kSlots - 1);
}

// The mode at the front of `bytes` up to its space, as libgit2's strtol in base 8 reads
// canonical text; *length: its digits. False when it is not octal, over 16 bits, or (with
// `canonical`) not one of the modes git writes.
bool ParseMode(std::string_view bytes, bool canonical, uint16_t* mode, size_t* length) {
  uint32_t value = 0;
  size_t i = 0;
  for (; i < bytes.size() && bytes[i] != ' '; ++i) {
    const char c = bytes[i];
    if (c < '0' || c > '7' || i >= 6) return false;
    value = value * 8 + static_cast<uint32_t>(c - '0');
  }
  if (i == 0 || i == bytes.size() || value > 0xffff) return false;
  if (canonical) {
    const bool known = (i == 5 && value == 040000) ||
                       (i == 6 && (value == 0100644 || value == 0100755 || value == 0120000 ||
                                   value == 0160000));
    if (!known) return false;
  }
  *mode = static_cast<uint16_t>(value);
  *length = i;
  return true;
}

}  // namespace

EntryType TreeEntry::type() const {
  if ((mode & 0170000) == 0160000) return EntryType::kCommit;
  if ((mode & 0170000) == 0040000) return EntryType::kTree;
  return EntryType::kBlob;
}

bool ParseTree(std::string_view bytes, bool canonical, std::vector<TreeEntry>* entries) {
  entries->clear();
  if (bytes.size() > UINT32_MAX) return false;
  const char* const data = bytes.data();
  size_t at = 0;
  while (at < bytes.size()) {
    TreeEntry entry;
    size_t mode_len = 0;
    if (!ParseMode(bytes.substr(at), canonical, &entry.mode, &mode_len)) return false;
    const size_t name_at = at + mode_len + 1;
    // Names are short: a plain loop beats memchr's set-up here.
    size_t nul = name_at;
    while (nul < bytes.size() && data[nul] != '\0') ++nul;
    if (nul == bytes.size()) return false;
    const size_t name_len = nul - name_at;
    if (name_len == 0 || name_len > kMaxName) return false;
    if (bytes.size() - nul - 1 < GIT_OID_RAWSZ) return false;
    entry.name_at = static_cast<uint32_t>(name_at);
    entry.name_len = static_cast<uint16_t>(name_len);
    entries->push_back(entry);
    at = nul + 1 + GIT_OID_RAWSZ;
  }
  return true;
}

TreeReader::TreeReader(git_repository* repo, const PackBlobs* packs)
    : repo_(repo), packs_(packs), slots_(kSlots) {}

bool TreeReader::Read(const git_oid& id, Tree* out, int* error_code, std::string* message) {
  Slot& slot = slots_[SlotOf(id)];
  if (slot.tree != nullptr && git_oid_equal(&slot.id, &id)) {
    ++counts_.cached;
    *out = slot.tree;
    return true;
  }
  if (Tree tree = ReadFromPacks(id)) {
    ++counts_.from_packs;
    *out = std::move(tree);
  } else if (Tree fallback = ReadThroughLibgit2(id, error_code, message)) {
    ++counts_.from_libgit2;
    *out = std::move(fallback);
  } else {
    return false;
  }
  slot.id = id;
  slot.tree = *out;
  return true;
}

TreeReader::Tree TreeReader::ReadFromPacks(const git_oid& id) {
  if (packs_ == nullptr) return nullptr;
  ObjectId raw;
  std::memcpy(raw.data(), id.id, raw.size());
  Result<PackBlob> read = packs_->ReadTree(raw);
  if (!read.ok() || read->owner == nullptr) return nullptr;
  auto tree = std::make_shared<ParsedTree>();
  // Any error, and any tree libgit2 might read differently, is left to libgit2: it says what
  // is wrong in its own words, as before.
  if (!ParseTree(read->bytes, /*canonical=*/true, &tree->entries)) return nullptr;
  tree->bytes = read->bytes;
  tree->owner = std::move(read->owner);
  return tree;
}

TreeReader::Tree TreeReader::ReadThroughLibgit2(const git_oid& id, int* error_code,
                                                std::string* message) {
  git_tree* lookup = nullptr;
  const int rc = git_tree_lookup(&lookup, repo_, &id);
  if (rc != 0) {
    *error_code = rc;
    *message = LastError("cannot read tree " + OidHex(id));
    return nullptr;
  }
  TreePtr owned(lookup);
  // Written back in the raw form, the mode as libgit2's parsed value: the entries' types
  // then follow from it as git_tree_entry_type decides them.
  auto bytes = std::make_shared<std::string>();
  auto tree = std::make_shared<ParsedTree>();
  const size_t count = git_tree_entrycount(lookup);
  tree->entries.reserve(count);
  char mode[16];
  for (size_t i = 0; i < count; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(lookup, i);
    const uint16_t attr = static_cast<uint16_t>(git_tree_entry_filemode_raw(entry));
    const int n = std::snprintf(mode, sizeof mode, "%o ", static_cast<unsigned>(attr));
    bytes->append(mode, static_cast<size_t>(n));
    const char* name = git_tree_entry_name(entry);
    const size_t name_len = std::strlen(name);  // libgit2 bounds it at 65,535
    tree->entries.push_back({static_cast<uint32_t>(bytes->size()),
                             static_cast<uint16_t>(name_len), attr});
    bytes->append(name, name_len);
    bytes->push_back('\0');
    bytes->append(reinterpret_cast<const char*>(git_tree_entry_id(entry)->id), GIT_OID_RAWSZ);
  }
  tree->bytes = *bytes;
  tree->owner = std::move(bytes);
  return tree;
}

}  // namespace magpie::git::internal
