// Standalone sanity checker for rules.yaml, used while writing the ruleset before
// `magpie rules check` existed. Not part of the CMake build.
//
//   g++ -std=c++20 -O1 tools/check_patterns.cc -o /tmp/check_patterns -lre2 -lhs -lyaml-cpp -lz
//   /tmp/check_patterns rules.yaml [FILE...]   (files: count Hyperscan hits per rule)
//
// For every rule: RE2 (Latin-1) and Hyperscan (block mode, no SOM) must both compile the
// pattern (a Hyperscan prefilter-mode fallback is reported); every example must give an RE2
// match whose secret group is non-empty and passes min_entropy and the validator, and must be
// hit by Hyperscan; no negative example may do so. All patterns are also compiled into one
// database, as the scanner does. The validators here are approximations of scanner/validators.cc.
#include <hs/hs.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

struct Rule {
  std::string id, pattern, validator;
  double min_entropy = -1;
  std::vector<std::string> examples, negatives;
};

double Entropy(const std::string& s) {
  if (s.empty()) return 0;
  int counts[256] = {};
  for (unsigned char c : s) counts[c]++;
  double h = 0;
  for (int n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / s.size();
    h -= p * std::log2(p);
  }
  return h;
}

const char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string Base62Crc(const std::string& s) {
  uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(s.data()), s.size());
  std::string out;
  do {
    out.insert(out.begin(), kBase62[crc % 62]);
    crc /= 62;
  } while (crc);
  while (out.size() < 6) out.insert(out.begin(), '0');
  return out;
}

bool ChecksumOk(const std::string& token) {
  size_t us = token.find('_');
  if (us == std::string::npos) return false;
  std::string body = token.substr(us + 1);
  if (body.size() != 36) return false;
  return Base62Crc(body.substr(0, 30)) == body.substr(30);
}

bool B64Decode(std::string s, std::string* out) {
  std::string clean;
  for (char c : s) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
    if (c == '=' || c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
    clean += c;
  }
  if (clean.size() % 4 == 1) return false;
  out->clear();
  uint32_t buf = 0;
  int bits = 0;
  for (char c : clean) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else return false;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((buf >> bits) & 0xff));
    }
  }
  return true;
}

bool JwtOk(const std::string& s) {
  size_t a = s.find('.'), b = s.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos) return false;
  std::string h, p;
  if (!B64Decode(s.substr(0, a), &h) || !B64Decode(s.substr(a + 1, b - a - 1), &p)) return false;
  return h.size() > 1 && h.front() == '{' && h.back() == '}' && p.size() > 1 &&
         p.front() == '{' && p.back() == '}' && h.find("\"alg\"") != std::string::npos;
}

bool PemOk(const std::string& s) {
  // Body: the lines between BEGIN and END that are not headers ("Key: value"). Keys pasted
  // into JSON strings carry "\n" escapes instead of line breaks.
  size_t b = s.find("-----", 5);
  size_t e = s.rfind("-----END");
  if (b == std::string::npos || e == std::string::npos || e <= b) return false;
  std::string body;
  std::string inner;
  for (size_t i = b + 5; i < e; ++i) {
    if (s[i] == '\\' && i + 1 < e && (s[i + 1] == 'n' || s[i + 1] == 'r')) {
      inner += '\n';
      ++i;
    } else {
      inner += s[i];
    }
  }
  bool headers = false;
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t nl = inner.find('\n', pos);
    if (nl == std::string::npos) nl = inner.size();
    std::string line = inner.substr(pos, nl - pos);
    if (line.find(':') == std::string::npos) {
      body += line;
    } else {
      headers = true;
    }
    pos = nl + 1;
  }
  std::string dec;
  if (!B64Decode(body, &dec) || dec.size() < 48) return false;
  if (headers) return true;
  if (s.find("OPENSSH PRIVATE KEY") != std::string::npos) return dec.rfind("openssh-key-v1", 0) == 0;
  return static_cast<unsigned char>(dec[0]) == 0x30;
}

bool PypiOk(const std::string& s) {
  std::string dec;
  if (s.rfind("pypi-", 0) != 0 || !B64Decode(s.substr(5), &dec)) return false;
  return dec.find("pypi.org") != std::string::npos;
}

bool Validate(const std::string& v, const std::string& secret) {
  if (v.empty()) return true;
  if (v == "github-checksum" || v == "npm-checksum") return ChecksumOk(secret);
  if (v == "jwt") return JwtOk(secret);
  if (v == "pem") return PemOk(secret);
  if (v == "pypi-macaroon") return PypiOk(secret);
  if (v == "base64-credentials") {
    std::string dec;
    return B64Decode(secret, &dec) && dec.find(':') != std::string::npos;
  }
  return false;
}

// Longest run of characters the pattern must match literally (crude, ignores alternation).
size_t LongestLiteral(const std::string& p) {
  size_t best = 0, run = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    auto quantified = [&](size_t j) {
      return j < p.size() && (p[j] == '?' || p[j] == '*' || p[j] == '{');
    };
    if (c == '\\' && i + 1 < p.size()) {
      char n = p[i + 1];
      bool lit = !std::isalnum(static_cast<unsigned char>(n));
      i++;
      if (lit && !quantified(i + 1)) {
        best = std::max(best, ++run);
      } else {
        run = 0;
      }
      continue;
    }
    if (c == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') j++;
      if (j < p.size() && p[j] == ']') j++;
      while (j < p.size() && p[j] != ']') j += (p[j] == '\\') ? 2 : 1;
      i = j;
      run = 0;
      continue;
    }
    if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      // (?: (?i) (?P<name>
      size_t j = p.find_first_of(":)>", i);
      i = j;
      run = 0;
      continue;
    }
    if (std::string("()|.^$+*?{}").find(c) != std::string::npos) {
      if (c == '{') i = p.find('}', i);
      run = 0;
      continue;
    }
    if (quantified(i + 1)) {
      run = 0;
      continue;
    }
    best = std::max(best, ++run);
  }
  return best;
}

int HsHit(const std::string& pattern, unsigned flags, const std::string& text, bool* compiled) {
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  *compiled = hs_compile(pattern.c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS;
  if (!*compiled) {
    hs_free_compile_error(err);
    return 0;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  int hits = 0;
  hs_scan(
      db, text.data(), text.size(), 0, scratch,
      [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) -> int {
        ++*static_cast<int*>(ctx);
        return 1;
      },
      &hits);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return hits;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s rules.yaml [FILE...]\n", argv[0]);
    return 2;
  }
  YAML::Node root = YAML::LoadFile(argv[1]);
  std::vector<Rule> rules;
  for (const auto& n : root["rules"]) {
    Rule r;
    r.id = n["id"].as<std::string>();
    r.pattern = n["pattern"].as<std::string>();
    if (n["validator"]) r.validator = n["validator"].as<std::string>();
    if (n["min_entropy"]) r.min_entropy = n["min_entropy"].as<double>();
    for (const auto& e : n["examples"]) r.examples.push_back(e.as<std::string>());
    for (const auto& e : n["negative_examples"]) r.negatives.push_back(e.as<std::string>());
    for (const char* k : {"name", "description", "severity", "confidence", "references"}) {
      if (!n[k]) std::printf("%s: missing %s\n", r.id.c_str(), k);
    }
    rules.push_back(std::move(r));
  }
  int failures = 0;
  std::set<std::string> ids;
  std::vector<std::string> prefiltered;
  for (const Rule& r : rules) {
    auto fail = [&](const std::string& msg) {
      ++failures;
      std::printf("FAIL %s: %s\n", r.id.c_str(), msg.c_str());
    };
    if (!ids.insert(r.id).second) fail("duplicate id");
    if (r.examples.size() < 2) fail("fewer than 2 examples");
    if (r.negatives.size() < 2) fail("fewer than 2 negative examples");
    if (LongestLiteral(r.pattern) < 3) fail("no literal of >= 3 chars");
    RE2::Options opt;
    opt.set_encoding(RE2::Options::EncodingLatin1);
    opt.set_log_errors(false);
    RE2 re(r.pattern, opt);
    if (!re.ok()) {
      fail("RE2: " + re.error());
      continue;
    }
    int group = 1;
    auto named = re.NamedCapturingGroups();
    if (named.count("secret")) group = named.at("secret");
    if (re.NumberOfCapturingGroups() < group) {
      fail("no capture group");
      continue;
    }
    if (re.NumberOfCapturingGroups() != 1 && !named.count("secret")) fail("more than one group");
    unsigned flags = 0;
    bool compiled = false;
    HsHit(r.pattern, flags, "", &compiled);
    if (!compiled) {
      flags = HS_FLAG_PREFILTER;
      HsHit(r.pattern, flags, "", &compiled);
      if (!compiled) {
        fail("Hyperscan refused the pattern even in prefilter mode");
        continue;
      }
      prefiltered.push_back(r.id);
    }
    // Does `text` produce a finding of this rule (by RE2)? Reports the secret.
    auto finds = [&](const std::string& text, std::string* why) {
      std::vector<re2::StringPiece> groups(group + 1);
      re2::StringPiece input(text);
      size_t pos = 0;
      while (pos <= text.size() &&
             re.Match(input, pos, text.size(), RE2::UNANCHORED, groups.data(), group + 1)) {
        std::string secret(groups[group].data() ? std::string(groups[group]) : "");
        if (secret.empty()) {
          *why = "empty secret";
        } else if (r.min_entropy >= 0 && Entropy(secret) < r.min_entropy) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "entropy %.2f < %.2f", Entropy(secret), r.min_entropy);
          *why = buf;
        } else if (!Validate(r.validator, secret)) {
          *why = "validator " + r.validator + " rejected '" + secret + "'";
        } else {
          *why = "secret '" + secret + "'";
          return true;
        }
        pos = groups[0].data() - text.data() + 1;  // retry from the next start position
      }
      return false;
    };
    for (size_t i = 0; i < r.examples.size(); ++i) {
      std::string why = "no RE2 match";
      if (!finds(r.examples[i], &why)) fail("example " + std::to_string(i + 1) + ": " + why);
      if (HsHit(r.pattern, flags, r.examples[i], &compiled) == 0)
        fail("example " + std::to_string(i + 1) + ": no Hyperscan hit");
    }
    for (size_t i = 0; i < r.negatives.size(); ++i) {
      std::string why;
      if (finds(r.negatives[i], &why)) fail("negative " + std::to_string(i + 1) + " found " + why);
    }
  }
  // The whole set in one database, as the scanner compiles it.
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids_v;
  std::set<std::string> pre(prefiltered.begin(), prefiltered.end());
  for (size_t i = 0; i < rules.size(); ++i) {
    exprs.push_back(rules[i].pattern.c_str());
    flags.push_back(pre.count(rules[i].id) ? HS_FLAG_PREFILTER : 0);
    ids_v.push_back(i);
  }
  auto t0 = std::chrono::steady_clock::now();
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids_v.data(), exprs.size(), HS_MODE_BLOCK,
                       nullptr, &db, &err) != HS_SUCCESS) {
    std::printf("FAIL whole database: %s (expression %d)\n", err->message, err->expression);
    hs_free_compile_error(err);
    db = nullptr;
    ++failures;
  } else {
    size_t size = 0;
    hs_database_size(db, &size);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("database: %zu rules, %zu bytes, compiled in %.2fs\n", rules.size(), size, secs);
  }
  // Optional: `check_patterns rules.yaml FILE...` also scans the files with the whole database
  // and prints the rules with the most Hyperscan hits (each hit costs an RE2 confirmation).
  if (argc > 2 && db != nullptr) {
    hs_scratch_t* scratch = nullptr;
    hs_alloc_scratch(db, &scratch);
    std::vector<long> hits(rules.size());
    size_t bytes = 0;
    auto t1 = std::chrono::steady_clock::now();
    for (int a = 2; a < argc; ++a) {
      std::FILE* f = std::fopen(argv[a], "rb");
      if (!f) continue;
      std::string data;
      char buf[1 << 16];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
      std::fclose(f);
      bytes += data.size();
      hs_scan(
          db, data.data(), data.size(), 0, scratch,
          [](unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) -> int {
            (*static_cast<std::vector<long>*>(ctx))[id]++;
            return 0;
          },
          &hits);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    std::printf("scanned %zu bytes in %.2fs (%.0f MB/s)\n", bytes, secs, bytes / secs / 1e6);
    std::vector<size_t> order(rules.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return hits[x] > hits[y]; });
    for (size_t i = 0; i < order.size() && i < 15 && hits[order[i]] > 0; ++i) {
      std::printf("hits %8ld  %s\n", hits[order[i]], rules[order[i]].id.c_str());
    }
    hs_free_scratch(scratch);
  }
  if (db != nullptr) hs_free_database(db);
  for (const auto& id : prefiltered) std::printf("prefilter mode: %s\n", id.c_str());
  std::printf("%zu rules, %d failures\n", rules.size(), failures);
  return failures ? 1 : 0;
}
