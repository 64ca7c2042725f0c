// Random text for the tests that hold the SIMD searches' code paths to their references
// (gate_test.cc, base64_prefilter_test.cc): a quarter pieces that match (`piece`), a quarter
// any byte, the rest the bytes at the edges of the classification (`edges`).
#ifndef MAGPIE_TESTS_SCANNER_RANDOM_TEXT_H_
#define MAGPIE_TESTS_SCANNER_RANDOM_TEXT_H_

#include <random>
#include <string>
#include <string_view>

namespace magpie::testing {

template <typename Piece>
std::string RandomEdgeText(size_t length, std::string_view edges, std::mt19937& random,
                           const Piece& piece) {
  std::string text;
  while (text.size() < length) {
    switch (random() % 4) {
      case 0:
        text += piece();
        break;
      case 1:
        text.push_back(static_cast<char>(random() % 256));
        break;
      default:
        text.push_back(edges[random() % edges.size()]);
    }
  }
  text.resize(length);
  return text;
}

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_RANDOM_TEXT_H_
