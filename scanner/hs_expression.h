// Private to the scanner library: the expression Hyperscan compiles for a rule.
#ifndef MAGPIE_SCANNER_HS_EXPRESSION_H_
#define MAGPIE_SCANNER_HS_EXPRESSION_H_

#include <string>
#include <string_view>

#include "rules/rule_spec.h"

namespace magpie::scanner::internal {

// The Hyperscan expression for a rule's RE2 `pattern`. First, the pattern with each word-boundary
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
// Second, a multiline pattern that opens with a line's start and runs over the line's bytes
// before its first literal (`(?m)^[ \t]*\|[^\r\n]*\|...`) loses that line prefix: the
// expression is `(?m)` and what follows the first top-level run of `[^\r\n]*` (or `[^\n]*`,
// greedy or lazy), when no top-level alternation could bypass the run and a literal leads what
// is left (LinePrefixDropped). Every match [s, e) of the pattern holds a match [s', e) of what
// is left, so Hyperscan still reports every end the pattern has. Why: the prefix is unbounded,
// so Hyperscan runs it as an engine over every byte of the buffer; markdown-table-password-
// column's alone cost 16% of the main database (bench/README.md, issue 12). Example:
//   HyperscanExpression(R"((?m)^ *\|[^\r\n]*\|\bkey)") == R"((?m)\|(?:)key)"
// The match's start moves, its end does not: the database serves only to find ends, and
// anything that needs the width of the rule's matches (the gate's windows, the delta scan's
// reach) takes it from the pattern as well (compiled_rules.cc, region_scan.cc).
std::string HyperscanExpression(std::string_view pattern);

// The Hyperscan expression for a line-scoped rule (the generic detector, whose candidates the
// scanner confirms on the whole line of the reported end, scanner.cc): HyperscanExpression(pattern)
// with each counted repeat of a character class that cannot match '\n' (a positive class of
// printable bytes, ranges between them, \t (not as a range's start), \w, \d and escaped
// punctuation; or a negated class
// that names \s or \n) loosened: {0,n} -> *, {1,n} -> +, {m,n} -> {m,}; then, when such a
// class's {m,} (loosened or written so) is the last thing the pattern matches (nothing but
// closing parentheses after it), cut to {m}.
//
// Contract: for every match of the pattern ending at e, the expression has a match ending at
// some e' on e's line: loosening only adds matches, and the cut ends the match e - e' bytes
// earlier, inside a run of the class, which holds no '\n'. Confirmation on that line then finds
// the pattern's match. That is enough for the built-in detector only: the scanner takes one
// candidate per run of consecutive ends (scanner.cc), and its pattern never matches '\n', so
// a run never leaves its line. A pattern that can (a user's own under the detector's id) may
// have runs its bounds keep apart joined across lines by the loosening, and the later line has
// no candidate: compiled_rules.cc loosens the built-in pattern alone (issue 12). Example:
//   LineScopedHyperscanExpression(R"(key[ \t]{0,8}=[ \t]{0,8}([^\s"']{8,}))")
//     == R"(key[ \t]*=[ \t]*([^\s"']{8}))"
// Why: the generic detector's bounded repeats made it one large NFA that Hyperscan ran after
// each of ~6,000 key words per 16 MiB of source: 16% of the main database's time; loosened and
// cut, 11% (bench/README.md, issue 12). The cut also drops the report at every further byte of
// a value (one report a line is enough).
std::string LineScopedHyperscanExpression(std::string_view pattern);

// The expression Hyperscan compiles for the content rule `spec`, the one place that chooses it
// (CompiledRules, bench/stage_cost): HyperscanExpression of the rule's own `hyperscan`
// expression when it has one (rules/rule_spec.h), else of its pattern; the built-in generic
// detector's own pattern gets LineScopedHyperscanExpression. A user's pattern under the
// detector's id is not loosened: it may match '\n', and then the loosening can join two lines'
// runs of ends into one candidate (above, issue 12).
std::string RuleHyperscanExpression(const rules::RuleSpec& spec);

// Whether HyperscanExpression drops `pattern`'s line prefix (above).
bool LinePrefixDropped(std::string_view pattern);

// The version of HyperscanExpression's rewrite, part of the compiled-rules cache key
// (CompiledRules::CacheKey) in place of the rewritten text, which cost every start (`magpie
// staged` included) a rewrite of all ~600 patterns. Bump it with any change to what the
// rewrite outputs: the key changes, so every cached database and embedded entry compiled by
// the old rewrite is rejected. tests/scanner/hs_expression_test.cc pins the output of the
// rewrite for this version ("issue 11: ..."): it fails when the output changes and this tag
// does not.
inline constexpr int kHyperscanExpressionVersion = 3;

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_HS_EXPRESSION_H_
