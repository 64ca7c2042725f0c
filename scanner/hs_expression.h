// Private to the scanner library: the expression Hyperscan compiles for a rule.
#ifndef MAGPIE_SCANNER_HS_EXPRESSION_H_
#define MAGPIE_SCANNER_HS_EXPRESSION_H_

#include <string>
#include <string_view>

namespace magpie::scanner::internal {

// The Hyperscan expression for a rule's RE2 `pattern`: the pattern with each word-boundary
// assertion (\b and \B outside character classes and \Q...\E quotes) replaced by an empty
// group `(?:)`, which always matches.
//
// Contract: Hyperscan only prefilters, RE2 confirms every candidate with the rule's own
// pattern (confirm.cc), so the expression may match more than the pattern, never less.
// Relaxing a zero-width assertion only drops a condition from every path of the pattern, so
// the result matches every (start, end) the pattern matches. An assertion followed by a
// quantifier (`\b?`, a rule no one writes) is kept: the quantifier would otherwise apply to
// the empty group, which Hyperscan may refuse. Example:
//   HyperscanExpression(R"((?:bitwarden|\bbw_client)x\b)") == "(?:bitwarden|(?:)bw_client)x(?:)"
//
// Why: vectorscan 5.4.9 (Debian 12) loses matches of some patterns with \b (e.g.
// `(?:bitwarden|\bbw_client)`) that start 64 or more bytes into the scanned block (issue 12);
// without the assertion it finds them.
//
std::string HyperscanExpression(std::string_view pattern);

// The version of HyperscanExpression's rewrite, part of the compiled-rules cache key
// (CompiledRules::CacheKey) in place of the rewritten text, which cost every start (`magpie
// staged` included) a rewrite of all ~600 patterns. Bump it with any change to what the
// rewrite outputs: the key changes, so every cached database and embedded entry compiled by
// the old rewrite is rejected. tests/scanner/hs_expression_test.cc pins the output of the
// rewrite for this version ("issue 11: ..."): it fails when the output changes and this tag
// does not.
inline constexpr int kHyperscanExpressionVersion = 1;

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_HS_EXPRESSION_H_
