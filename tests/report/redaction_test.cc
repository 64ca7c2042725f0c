#include <catch2/catch.hpp>

#include <string>

#include "report/report_internal.h"
#include "report/reporter.h"
#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

using testing::Contains;
using testing::MakeFinding;

const char kEllipsis[] = "\xE2\x80\xA6";

TEST_CASE("Redact keeps at most four bytes and at most a quarter", "[report]") {
  CHECK(Redact("") == kEllipsis);
  CHECK(Redact("abc") == kEllipsis);
  CHECK(Redact("abcd") == std::string("a") + kEllipsis);
  CHECK(Redact("abcdefgh") == std::string("ab") + kEllipsis);
  CHECK(Redact("abcdefghijkl") == std::string("abc") + kEllipsis);
  CHECK(Redact("AKIAQYLPMN5HHHFPZAM2") == std::string("AKIA") + kEllipsis);
  CHECK(Redact(std::string(1000, 'x')) == std::string("xxxx") + kEllipsis);
}

TEST_CASE("Redact never cuts a UTF-8 sequence", "[report]") {
  // 'p' (1 byte), 'ä' (2), '€' (3): four bytes would end inside the '€'.
  CHECK(Redact(testing::kUnicodeSecret) == std::string("pä") + kEllipsis);
  // A secret of only 3-byte characters: 4 bytes -> back to 3.
  CHECK(Redact("€€€€€€") == std::string("€") + kEllipsis);
  // A lone continuation byte at the front cannot be kept whole: keep nothing.
  CHECK(Redact("\x80\x80\x80\x80\x80\x80\x80\x80") == kEllipsis);
}

TEST_CASE("SecretForOutput redacts unless show_secrets", "[report]") {
  ReportOptions options;
  CHECK(SecretForOutput("AKIAQYLPMN5HHHFPZAM2", options) == std::string("AKIA") + kEllipsis);
  options.show_secrets = true;
  CHECK(SecretForOutput("AKIAQYLPMN5HHHFPZAM2", options) == "AKIAQYLPMN5HHHFPZAM2");
}

TEST_CASE("Context line is redacted at the secret and wherever else it appears", "[report]") {
  const std::string secret = "AKIAQYLPMN5HHHFPZAM2";
  auto f = MakeFinding("r", "R", secret, "key=" + secret + " # copy: " + secret, 4, 1, 5, 4);
  const internal::OutputContext redacted = internal::ContextForOutput(f, ReportOptions{});
  CHECK(redacted.text == "key=AKIA… # copy: AKIA…");
  CHECK(redacted.text.substr(redacted.secret_begin,
                             redacted.secret_end - redacted.secret_begin) == "AKIA…");
  CHECK(redacted.secret_begin == 4);

  ReportOptions show;
  show.show_secrets = true;
  const internal::OutputContext shown = internal::ContextForOutput(f, show);
  CHECK(shown.text == f.context);
  CHECK(shown.secret_begin == 4);
  CHECK(shown.secret_end == 4 + secret.size());
}

TEST_CASE("Context redaction handles secrets that run past the line", "[report]") {
  // A PEM key: the line holds only its first part. Everything from the offset is hidden, and
  // the key is named by its armor header, never a run of dashes (issue 10).
  auto pem = MakeFinding("private-key", "Private key",
                         "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA",
                         "  -----BEGIN RSA PRIVATE KEY-----", 2, 4, 3, 50);
  CHECK(internal::ContextForOutput(pem, ReportOptions{}).text ==
        "  -----BEGIN RSA PRIVATE KEY----- …");

  // Offsets that do not point into the line: no crash, and the secret is still scrubbed.
  auto bad = MakeFinding("r", "R", "supersecretvalue", "x supersecretvalue", 400, 1, 1, 0);
  const auto out = internal::ContextForOutput(bad, ReportOptions{});
  CHECK(out.text == "x supe…");
  CHECK(out.secret_begin == std::string::npos);

  // Empty secret and empty context.
  auto empty = MakeFinding("r", "R", "", "", 0, 1, 1, 0);
  CHECK(internal::ContextForOutput(empty, ReportOptions{}).text.empty());
}

TEST_CASE("issue 10: every other secret on the line is hidden in a finding's context",
          "[report]") {
  // "a=AKIAQYLPMN5HHHFPZAM2 b=q8Vn2rLx7TfK9mWz": the first finding's context holds the second
  // secret too; the scanner lists both spans in context_secrets.
  const std::string line = "a=AKIAQYLPMN5HHHFPZAM2 b=q8Vn2rLx7TfK9mWz";
  auto aws = MakeFinding("aws-access-key-id", "AWS", "AKIAQYLPMN5HHHFPZAM2", line, 2, 1, 3, 2);
  aws.context_secrets = {{2, 22}, {25, 41}};
  const internal::OutputContext out = internal::ContextForOutput(aws, ReportOptions{});
  CHECK(out.text == std::string("a=AKIA") + kEllipsis + " b=q8Vn" + kEllipsis);
  CHECK(out.text.substr(out.secret_begin, out.secret_end - out.secret_begin) ==
        std::string("AKIA") + kEllipsis);
  // Overlapping and adjacent spans merge; nothing of either secret survives.
  auto nested = MakeFinding("aws-access-key-id", "AWS", "AKIAQYLPMN5HHHFPZAM2",
                            "p=\"AKIAQYLPMN5HHHFPZAM2x9Kq\"", 3, 1, 4, 3);
  nested.context_secrets = {{3, 23}, {3, 27}};
  const std::string text = internal::ContextForOutput(nested, ReportOptions{}).text;
  CHECK(text == std::string("p=\"AKIA") + kEllipsis + "\"");
  // With --show-secrets the line is printed as it is.
  ReportOptions show;
  show.show_secrets = true;
  CHECK(internal::ContextForOutput(aws, show).text == line);
}

TEST_CASE("issue 10: a multi-line key is named by its armor header, no body", "[report]") {
  CHECK(Redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END") ==
        std::string("-----BEGIN OPENSSH PRIVATE KEY----- ") + kEllipsis);
  CHECK(Redact("-----BEGIN PGP PRIVATE KEY BLOCK-----\r\n\r\nlQOYBF") ==
        std::string("-----BEGIN PGP PRIVATE KEY BLOCK----- ") + kEllipsis);
  CHECK(Redact("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n") ==
        std::string("PuTTY-User-Key-File-3: ssh-ed25519 ") + kEllipsis);
  // A first line that is not an armor header says nothing more than four bytes.
  CHECK(Redact("-----BEGIN secretsecret\nmore") == std::string("----") + kEllipsis);
  CHECK(Redact("hunter2hunter2\nsecond") == std::string("hunt") + kEllipsis);
}

TEST_CASE("Decoded findings hide the encoded span", "[report]") {
  const auto findings = testing::Findings();
  const scanner::Finding& github = findings[2].finding;
  REQUIRE(github.decoded == "base64");
  const std::string text = internal::ContextForOutput(github, ReportOptions{}).text;
  CHECK(text == "token: ghp_…");
  CHECK_FALSE(Contains(text, "Z2hw"));
}

TEST_CASE("ScrubSecret replaces every occurrence and terminates", "[report]") {
  ReportOptions options;
  CHECK(internal::ScrubSecret("a abcdefgh b abcdefgh", "abcdefgh", options) == "a ab… b ab…");
  // Redact("…") == "…": the loop must move past each replacement.
  CHECK(internal::ScrubSecret("……", kEllipsis, options) == "……");
  CHECK(internal::ScrubSecret("unchanged", "", options) == "unchanged");
  options.show_secrets = true;
  CHECK(internal::ScrubSecret("a abcdefgh", "abcdefgh", options) == "a abcdefgh");
}

TEST_CASE("FormatUtc writes ISO-8601 UTC", "[report]") {
  CHECK(internal::FormatUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(internal::FormatUtc(1700000000) == "2023-11-14T22:13:20Z");
}

TEST_CASE("ParseFormat knows the four formats", "[report]") {
  CHECK(ParseFormat("text") == Format::kText);
  CHECK(ParseFormat("json") == Format::kJson);
  CHECK(ParseFormat("jsonl") == Format::kJsonl);
  CHECK(ParseFormat("sarif") == Format::kSarif);
  CHECK_FALSE(ParseFormat("JSON").has_value());
  CHECK_FALSE(ParseFormat("").has_value());
  CHECK_FALSE(ParseFormat("xml").has_value());
}

TEST_CASE("OriginPath works for both origins", "[report]") {
  CHECK(OriginPath(FileOrigin{"a/b.txt"}) == "a/b.txt");
  GitOrigin git;
  git.path = "c/d.txt";
  CHECK(OriginPath(git) == "c/d.txt");
}

}  // namespace
}  // namespace magpie::report
