#!/usr/bin/env python3
"""Counts the credential families rules.yaml covers (issue 12); docs/rules.md says how.

    tools/count_families.py                  # print the count and its parts
    tools/count_families.py --min 500        # exit 1 below 500
    tools/count_families.py --list           # one family a line, with the rules that find it

A family is one distinct credential type of one provider: GitHub's classic PAT and its
fine-grained PAT are two families; the live and test modes of one key are one. Every rule is a
family except
  - FORMAT rules, which find a container or a generic shape rather than a provider's credential
    (PEM private keys, JWTs, URLs and connection strings with a password, .netrc, HTTP headers);
  - FILE-KIND rules (`kind: path` or `dotenv`), which report a file that should not be committed
    (.env, a keystore, terraform.tfstate) rather than a credential of one provider;
  - VARIANT rules, which find another form of a credential some other rule already counts (a
    legacy or test-mode format, or the second half of a key pair such as an AWS secret key next
    to its key ID): they are counted with that family.
"""

import argparse
import os
import re
import sys

FORMAT_RULES = {
    "private-key-rsa", "private-key-pkcs8", "private-key-pkcs8-encrypted", "private-key-ec",
    "private-key-dsa", "private-key-openssh", "pgp-private-key-block", "putty-private-key", "jwt",
    "url-credentials", "postgres-connection-string", "mysql-connection-string",
    "mongodb-connection-string", "redis-connection-string", "amqp-connection-string",
    "database-url-credentials", "jdbc-password", "jdbc-oracle-thin-credentials",
    "odbc-connection-string-password", "connection-string-password-before-server",
    "netrc-password", "docker-config-auth", "npmrc-auth-token", "kubernetes-secret-stringdata",
    "python-secret-key-token", "ini-section-password", "http-basic-auth-header",
    "nuget-config-password", "curl-user-credentials", "sql-password", "wordpress-db-password",
    "postman-environment-secret", "http-bearer-token", "mysql-cli-password",
    "markdown-table-password-column",
    "maven-settings-password", "generic-secret", "jwt-signing-secret-literal",
    # issue 12's shape rules: a password or key in a file format, whoever issued it (audit13)
    "pgpass-password", "dockerfile-env-secret", "hcl-heredoc-secret", "private-key-concatenated",
    "cli-short-password-flag", "terraform-variable-default-secret",
}

# variant rule -> the rule whose family it belongs to
VARIANT_OF = {
    # test, sandbox and legacy forms of one credential
    "stripe-test-key": "stripe-secret-key",
    "flutterwave-test-secret-key": "flutterwave-secret-key",
    "braintree-sandbox-access-token": "braintree-access-token",
    "test-pypi-api-token": "pypi-api-token",
    "heroku-legacy-api-key": "heroku-api-key",
    "netlify-legacy-token": "netlify-access-token",
    "atlassian-legacy-api-token": "atlassian-api-token",
    "circleci-legacy-token": "circleci-token",
    "sentry-legacy-auth-token": "sentry-user-token",
    "vault-legacy-token": "vault-service-token",
    "airtable-legacy-api-key": "airtable-pat",
    "square-legacy-access-token": "square-access-token",
    "openai-legacy-key": "openai-project-key",
    "grafana-api-key": "grafana-service-account-token",
    # the two halves of one key pair
    "aws-secret-access-key": "aws-access-key-id",
    "alibaba-access-key-secret": "alibaba-access-key-id",
    "tencent-cloud-secret-key": "tencent-cloud-secret-id",
    "scaleway-secret-key": "scaleway-access-key",
    "exoscale-api-secret": "exoscale-api-key",
    "binance-api-key": "binance-api-secret",
    "gemini-exchange-api-key": "gemini-exchange-api-secret",
    "twitter-api-secret": "twitter-api-key",
    "woocommerce-consumer-key": "woocommerce-consumer-secret",
}


def rule_ids(path):
    """The ids of the content rules; `kind: path` and `kind: dotenv` rules (a file that should
    not be committed, whatever it holds) are file kinds, not credential families."""
    ids, file_kinds = [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"  - id: ([a-z0-9][a-z0-9-]*)\s*$", line)
            if m:
                ids.append(m.group(1))
            elif ids and re.match(r"    kind: (path|dotenv)\s*$", line):
                file_kinds.add(ids[-1])
    return [i for i in ids if i not in file_kinds], len(file_kinds)


def families(ids):
    """{family rule id: [rule ids]} for the rules in `ids`."""
    present = set(ids)
    out = {}
    for rid in ids:
        if rid in FORMAT_RULES:
            continue
        head = VARIANT_OF.get(rid, rid)
        if head not in present:  # a variant whose main rule is absent counts on its own
            head = rid
        out.setdefault(head, []).append(rid)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rules", nargs="?", default=os.path.join(here, "..", "rules.yaml"))
    ap.add_argument("--min", type=int)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    ids, n_file_kinds = rule_ids(args.rules)
    fams = families(ids)
    if args.list:
        for head in sorted(fams):
            print(head + ("" if fams[head] == [head] else "  (" + ", ".join(fams[head]) + ")"))
    fmt = sum(1 for r in ids if r in FORMAT_RULES)
    print("%d rules: %d file-kind rules, %d format rules, %d variants, %d credential families"
          % (len(ids) + n_file_kinds, n_file_kinds, fmt, len(ids) - fmt - len(fams), len(fams)))
    if args.min is not None and len(fams) < args.min:
        print("FAIL: %d families < %d" % (len(fams), args.min))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
