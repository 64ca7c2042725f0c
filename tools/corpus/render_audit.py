"""Issue 12's outside audit: forms a held-out set written apart from the rules found missing.

Passwords with `$` before a capital (`vaDp$MfcL…`), or opening with `*` or `%` in an unquoted
value; Authorization headers in a JavaScript template literal, an nginx proxy header and a
Java request property; JWT HMAC secrets handed to the library as literals; Oracle thin URLs
with `$`, ODBC braced `Pwd={…}`, a Laravel APP_KEY in phpunit.xml, a Markdown table with a
password column and a UUID npm token under the old entropy floor. Hard negatives of the
same shapes (variables, printf and Windows directives, lookups) sit beside them.
"""

import base64
import math
from collections import Counter

from .rand import ALNUM, B64URL, DIG, LO, UP, R, hexs, rbytes, rs, uuid4
from .registry import S, corpus_file
from .text import T


def dollar_pw():
    """A password with `$` before a capital that goes on in lower case, as generators make them."""
    return rs(ALNUM, 5) + "$" + R.choice(UP) + rs(LO, 2) + rs(ALNUM, 5) + R.choice("#!") + rs(DIG, 2)


def lead_pw(lead):
    """A password opening with `lead` (`*` or `%`) and a digit or symbol after it."""
    return lead + rs(DIG, 2) + R.choice("%#!") + rs(ALNUM, 10)


@corpus_file("ops/mysql/reporting-client.cnf.b64")
def _():
    secret = dollar_pw()
    cnf = f"[client]\nuser=svc_report\npassword={secret}\nhost=reporting-db.internal\n"
    return S("shape-base64-file-dollar", base64.b64encode(cnf.encode()).decode(),
             decoded=secret) + "\n"


@corpus_file("services/mailer/src/main/resources/mail.properties")
def _():
    return T('''
        mail.smtp.host=smtp.internal
        mail.smtp.user=alerts
        mail.smtp.password = %%pw%%
        mail.smtp.from=${MAIL_FROM}
        ''', pw=S("shape-assign-properties-star", lead_pw("*")))


@corpus_file("legacy/billing/conf/billing.ini")
def _():
    return T('''
        [database]
        server = billing-sql01
        user = billing_app
        password = %%pw%%   ; rotated by ops
        [export]
        ; the path comes from the environment on Windows hosts
        api_password = %BILLING_API_PW%
        api_key = %-24s
        ''', pw=S("shape-assign-ini-percent", lead_pw("%")))


@corpus_file("services/reports/.env.defaults.sh")
def _():
    return T('''
        # defaults for local runs; production values come from the vault agent
        export REPORTS_DB_PASS="${REPORTS_DB_PASS:-}"
        export REPORTS_DB_PASS_FALLBACK=$REPORTS_DB_PASS_PROD
        export REPORTS_SMTP_PASSWORD=%%pw%%
        ''', pw=S("shape-assign-shell-dollar", dollar_pw()))


@corpus_file("web/storefront/src/api/client.js")
def _():
    return T('''
        const BASE = 'https://api.storefront.internal/v2';

        export async function listOrders(page) {
          const res = await fetch(`${BASE}/orders?page=${page}`, {
            headers: { Authorization: `Bearer %%tok%%` },
          });
          return res.json();
        }

        export async function me(session) {
          return fetch(`${BASE}/me`, { headers: { Authorization: `Bearer ${session.token}` } });
        }
        ''', tok=S("shape-auth-bearer-template", rs(B64URL, 43)))


@corpus_file("deploy/nginx/conf.d/partner-api.conf")
def _():
    return T('''
        location /partner/ {
            proxy_pass https://partner.example.net/;
            proxy_set_header Authorization "Bearer %%tok%%";
        }
        location /internal/ {
            proxy_set_header Authorization "Bearer $http_x_internal_token";
        }
        ''', tok=S("shape-auth-nginx-bearer", rs(B64URL, 48)))


@corpus_file("android/app/src/main/java/com/acme/shop/net/LegacyClient.java")
def _():
    return T('''
        package com.acme.shop.net;

        final class LegacyClient {
          void authorize(java.net.HttpURLConnection conn) {
            conn.setRequestProperty("Authorization", "Bearer %%tok%%");
          }
          void authorize(java.net.HttpURLConnection conn, String token) {
            conn.setRequestProperty("Authorization", "Bearer " + token);
          }
        }
        ''', tok=S("shape-auth-java-bearer", hexs(64)))


@corpus_file("tools/release/publish-notes.sh")
def _():
    return T('''
        #!/bin/sh
        set -eu
        curl -fsS -H 'Authorization: token %%tok%%' \\
          -d @notes.json https://git.internal.example.net/api/v3/repos/acme/shop/releases
        ''', tok=S("shape-auth-token-hex", hexs(40)))


@corpus_file("services/auth/src/tokens.js")
def _():
    return T('''
        const jwt = require('jsonwebtoken');

        function issue(user) {
          return jwt.sign({ sub: user.id }, '%%sec%%', { expiresIn: '1h' });
        }

        function issueFromEnv(user) {
          return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
        }

        module.exports = { issue, issueFromEnv };
        ''', sec=S("jwt-signing-secret-js", rs(ALNUM, 32)))


@corpus_file("services/gateway/internal/auth/keys.go")
def _():
    return T('''
        package auth

        import "os"

        var jwtKey = []byte("%%sec%%")

        var jwtKeyFromEnv = []byte(os.Getenv("JWT_KEY"))
        ''', sec=S("jwt-signing-secret-go", rs(ALNUM, 32)))


@corpus_file("services/reports/conf/oracle.properties")
def _():
    return T('''
        db.url=jdbc:oracle:thin:reports/%%pw%%@//ora-reports.internal:1521/RPT
        db.pool.max=8
        ''', pw=S("oracle-jdbc-dollar", dollar_pw()))


@corpus_file("etl/Warehouse/Connections.cs")
def _():
    return T('''
        namespace Acme.Etl;

        static class Connections
        {
            public const string Warehouse =
                "Driver={PostgreSQL Unicode};Server=dw.internal;Port=5432;Database=dw;Uid=etl;Pwd={%%pw%%};";
            public const string Local = "Driver={PostgreSQL Unicode};Server=localhost;Uid=etl;Pwd={${ETL_PWD}};";
        }
        ''', pw=S("odbc-braced-password", rs(ALNUM, 6) + "!" + rs(ALNUM, 6) + "@" + rs(DIG, 2)))


@corpus_file("apps/storefront-php/phpunit.xml")
def _():
    key = base64.b64encode(rbytes(32)).decode()
    return T('''
        <?xml version="1.0" encoding="UTF-8"?>
        <phpunit bootstrap="vendor/autoload.php" colors="true">
          <php>
            <env name="APP_ENV" value="testing"/>
            <env name="APP_KEY" value="base64:%%key%%"/>
            <env name="DB_CONNECTION" value="sqlite"/>
          </php>
        </phpunit>
        ''', key=S("laravel-app-key-phpunit", key))


@corpus_file("docs/runbooks/shared-accounts.md")
def _():
    return T('''
        # Shared accounts (staging)

        Rotate these after every offboarding.

        | service | user | password |
        |---|---|---|
        | grafana | admin | %%pw%% |

        | Variable | Secret |
        |---|---|
        | GITHUB_TOKEN | `secrets.GITHUB_TOKEN` |
        ''', pw=S("shape-assign-md-column", rs(ALNUM, 7) + R.choice("!*#") + rs(ALNUM, 7)))


def low_entropy_uuid():
    """A random UUID from the low tail of entropy (under 3.5 bits, about 4% of them)."""
    while True:
        u = uuid4()
        counts = Counter(u)
        if -sum(c / len(u) * math.log2(c / len(u)) for c in counts.values()) < 3.5:
            return u


@corpus_file("web/admin/.yarnrc.yml")
def _():
    return T('''
        nodeLinker: node-modules
        npmScopes:
          acme:
            npmRegistryServer: "https://npm.internal.example.net"
            npmAuthToken: "%%tok%%"
        ''', tok=S("yarnrc-npm-auth-token-uuid", low_entropy_uuid()))
