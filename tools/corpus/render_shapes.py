"""Issue 12's shapes: secrets in the forms real code writes them beyond `name = "value"`.

Kinds are named shape-<category>-<form> so that score.py can report recall per category:
base64 (base64 that stands alone), assign (assignment shapes), auth (tokens after an auth
scheme), key (private keys in containers). Hard negatives of the same shapes sit beside them.
"""

import base64
import json
import textwrap

from .keyfiles import pem_private
from .kinds import checksummed
from .rand import ALNUM, B64URL, DIG, HEXL, R, b64, hexs, password, rs, uuid4
from .registry import S, corpus_file
from .text import T, indent

SYM = "!*_~+-"


def pw(n=None):
    """A password that opens with a letter or digit (an unquoted `!x` or `*x` reads as code)."""
    while True:
        s = password(n, symbols=SYM)
        if s[0].isalnum():
            return s


def wrap76(text):
    enc = base64.b64encode(text.encode()).decode()
    return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76))


def planted_b64(kind, plaintext_fn, indent_by=0):
    """A base64 block (wrapped at 76) of plaintext_fn(secret); labels the block, decoded = secret."""
    secret = pw(20)
    block = wrap76(plaintext_fn(secret))
    if indent_by:
        block = indent(block, indent_by).lstrip(" ")
    return S(kind, block, decoded=secret)


# ---- base64 that stands alone ---------------------------------------------------------------

@corpus_file("ops/restore/orders-db.conf.b64")
def _():
    return planted_b64("shape-base64-file", lambda s: T('''
        # restored by ops/restore/run.sh
        [client]
        host = orders-db.internal
        user = orders_rw
        password = %%s%%
        ''', s=s)) + "\n"


@corpus_file("scripts/bootstrap-node.sh")
def _():
    block = planted_b64("shape-base64-heredoc",
                        lambda s: f"REGION=eu-west-1\nQUEUE_NAME=orders\nDB_PASSWORD={s}\n")
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail
        install -d -m 0700 /etc/orders
        base64 -d > /etc/orders/credentials.env <<'EOF'
        %%block%%
        EOF
        chmod 0600 /etc/orders/credentials.env
        systemctl restart orders-worker
        ''', block=block)


@corpus_file("deploy/helm/orders/values-prod.yaml")
def _():
    literal = planted_b64("shape-base64-yaml-block",
                          lambda s: json.dumps({"db": {"user": "orders", "password": s}}, indent=2),
                          indent_by=4)
    folded = planted_b64("shape-base64-yaml-block",
                         lambda s: f"smtp:\n  host: smtp.internal\n  username: mailer\n  password: {s}\n",
                         indent_by=4)
    return T('''
        replicaCount: 3
        image:
          repository: registry.internal/orders
          tag: "%%tag%%"
        bootstrap:
          config: |
            %%literal%%
          mailer: >-
            %%folded%%
        resources:
          limits: {cpu: 500m, memory: 512Mi}
        ''', tag=hexs(12), literal=literal, folded=folded)


@corpus_file("scripts/rotate-registry-token.sh")
def _():
    token = checksummed("ghp_")
    enc = b64(f"GITHUB_TOKEN={token}\n".encode())
    return T('''
        #!/bin/sh
        # one-off: restore the CI token until the vault sync is back
        echo "%%enc%%" | base64 --decode >> /etc/ci/env
        base64 -d <<< "%%enc2%%" > /tmp/npmrc
        ''', enc=S("shape-base64-echo", enc, decoded=token),
        enc2=S("shape-base64-echo", b64(f"//registry.npmjs.org/:_authToken={(t := rs(ALNUM, 36))}\n".encode()),
               decoded=t))


@corpus_file("assets/fixtures/avatar.b64")
def _():
    # Negative: base64 of binary (a PNG-like header and random bytes) is never decoded as text.
    raw = b"\x89PNG\r\n\x1a\n" + bytes(R.getrandbits(8) for _ in range(600))
    enc = base64.b64encode(raw).decode()
    return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\n"


@corpus_file("deploy/k8s/configmap-motd.yaml")
def _():
    # Negative: base64 of harmless text in a block scalar.
    text = "Welcome to the orders cluster.\nMaintenance window: Sundays 02:00-04:00 UTC.\nContact: #ops\n"
    return T('''
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: motd
        binaryData:
          motd.txt: |
            %%b%%
        ''', b=indent(wrap76(text), 4).lstrip(" "))


# ---- assignment shapes -------------------------------------------------------------------------

@corpus_file("services/billing/billing/settings_typed.py")
def _():
    return T('''
        import os
        from dataclasses import dataclass


        @dataclass
        class SmtpSettings:
            host: str = "smtp.internal"
            port: int = 587
            password: str = "%%a%%"


        DB_PASS = os.getenv("BILLING_DB_PASS", "%%b%%")
        os.environ.setdefault("LEDGER_API_TOKEN", "%%c%%")
        CACHE_TOKEN = os.environ.get("CACHE_TOKEN", "")
        HASH_ALGORITHM: str = "argon2id"
        ''', a=S("shape-assign-annotated", pw()), b=S("shape-assign-env-fallback", pw()),
        c=S("shape-assign-env-fallback", pw()))


@corpus_file("web/src/config/keys.ts")
def _():
    return T('''
        export const region: string = "eu-west-1";
        export const mapsApiKey: string = "%%a%%";
        export const serviceToken = process.env.SERVICE_TOKEN ?? "%%b%%";
        export const fallbackToken = process.env.FALLBACK_TOKEN ?? "";
        export const jwtAlgorithm: string = "HS512";
        ''', a=S("shape-assign-annotated", rs(ALNUM, 32)), b=S("shape-assign-env-fallback", pw()))


@corpus_file("cmd/reconciler/creds.go")
def _():
    return T('''
        package main

        var dbUser string = "reconciler"
        var dbPassword string = "%%a%%"

        func dsn() string { return dbUser + ":" + dbPassword + "@tcp(db:3306)/ledger" }
        ''', a=S("shape-assign-annotated", pw()))


@corpus_file("android/app/src/main/java/com/acme/shop/Secrets.kt")
def _():
    return T('''
        package com.acme.shop

        object Secrets {
            const val API_HOST: String = "api.acme-shop.io"
            val paymentSecretKey: String = "%%a%%"
        }
        ''', a=S("shape-assign-annotated", rs(ALNUM, 40)))


@corpus_file("ios/AcmeShop/Config.swift")
def _():
    return T('''
        import Foundation

        enum Config {
            static let baseURL = URL(string: "https://api.acme-shop.io")!
            static let clientSecret: String = "%%a%%"
        }
        ''', a=S("shape-assign-annotated", rs(B64URL, 43)))


@corpus_file("crates/ingest/src/auth.rs")
def _():
    return T('''
        pub const API_BASE: &str = "https://ingest.acme.io";
        pub const INGEST_TOKEN: &str = "%%a%%";
        pub static SIGNING_KEY: &'static str = "%%b%%";
        ''', a=S("shape-assign-annotated", hexs(40)), b=S("shape-assign-annotated", rs(B64URL, 32)))


@corpus_file("config/initializers/payment_defaults.rb")
def _():
    return T('''
        ENV["PAYMENT_GATEWAY_SECRET"] ||= "%%a%%"
        ENV["PAYMENT_GATEWAY_URL"] ||= "https://pay.internal"
        ''', a=S("shape-assign-env-fallback", pw()))


@corpus_file("native/agent/src/main.c")
def _():
    return T('''
        #include <stdlib.h>

        int main(void) {
          putenv("AGENT_TOKEN=%%a%%");
          setenv("AGENT_MODE", "daemon", 1);
          return run_agent();
        }
        ''', a=S("shape-assign-env-fallback", rs(ALNUM, 32)))


@corpus_file("jvm/ledger/src/main/java/com/acme/ledger/Db.java")
def _():
    return T('''
        package com.acme.ledger;

        final class Db {
          static String password() {
            return System.getenv().getOrDefault("LEDGER_DB_PASSWORD", "%%a%%");
          }
        }
        ''', a=S("shape-assign-env-fallback", pw()))


@corpus_file("docker/reporting.Dockerfile")
def _():
    return T('''
        FROM python:3.12-slim
        ARG NPM_TOKEN=%%a%%
        ENV REPORTING_DB_PASSWORD %%b%%
        ENV PYTHONUNBUFFERED 1
        COPY . /app
        ''', a=S("shape-assign-dockerfile", rs(ALNUM, 36)), b=S("shape-assign-dockerfile", pw()))


@corpus_file("php/legacy/config/app.php")
def _():
    return T('''
        <?php
        define('MAILER_API_SECRET', '%%a%%');
        define('MAILER_FROM', 'noreply@acme.io');
        $config['smtp_pass'] = '%%b%%';
        $config['smtp_user'] = 'mailer';
        ''', a=S("shape-assign-php", rs(ALNUM, 32)), b=S("shape-assign-php", pw()))


@corpus_file("infra/modules/reporting-db/main.tf")
def _():
    return T('''
        resource "aws_db_instance" "reporting" {
          identifier        = "reporting"
          engine            = "postgres"
          username          = "reporting"
          password          = "%%a%%"
          storage_encrypted = true
        }

        resource "kubernetes_secret" "bootstrap" {
          metadata { name = "bootstrap" }
          data = {
            "token" = <<-EOT
              %%b%%
            EOT
          }
        }
        ''', a=S("shape-assign-hcl", pw()), b=S("shape-assign-hcl", rs(ALNUM, 40)))


@corpus_file("docs/runbooks/staging-access.md")
def _():
    return T('''
        # Staging access

        | variable | value | notes |
        |---|---|---|
        | `REPORTING_DB_PASSWORD` | `%%a%%` | reporting db, read-only |
        | ADMIN_CONSOLE_TOKEN | %%b%% | ops only |
        | GRAFANA_PASSWORD | (in 1Password) | viewer |
        | `API_TOKEN` | `<token>` | from the console |
        ''', a=S("shape-assign-markdown-table", pw()), b=S("shape-assign-markdown-table", pw()))


@corpus_file("scripts/nightly-maintenance.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail
        ./bin/ledger-admin --host ledger.internal --password=%%a%% compact
        mysql -h reports-db -u report -p%%b%% -e "OPTIMIZE TABLE events"
        curl -fsS -u backup:%%c%% https://backups.internal/api/v1/trigger
        psql -h db -p 5432 -U app -c 'select 1'
        cygpath -u "C:/Program Files/tool"
        ''', a=S("shape-assign-cli-flag", pw()), b=S("shape-assign-cli-flag", rs(ALNUM, 16)),
        c=S("shape-assign-cli-flag", rs(ALNUM, 18)))


@corpus_file("dotnet/Orders.Api/Web.Release.config")
def _():
    return T('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="ApiKey" value="%%a%%" />
            <add key="Environment" value="Release" />
          </appSettings>
          <mail>
            <username>orders</username>
            <password>%%b%%</password>
          </mail>
        </configuration>
        ''', a=S("shape-assign-xml", rs(ALNUM, 32)), b=S("shape-assign-xml", pw()))


@corpus_file("jvm/ledger/src/main/resources/application-prod.properties")
def _():
    return T('''
        spring.datasource.url=jdbc:postgresql://ledger-db:5432/ledger
        spring.datasource.username=ledger
        spring.datasource.password=%%a%%
        ledger.signing.secret-key=%%b%%
        ''', a=S("shape-assign-properties", pw()), b=S("shape-assign-properties", rs(ALNUM, 40)))


@corpus_file("config/reporting.ini")
def _():
    return T('''
        [reporting]
        schedule = daily

        [warehouse]
        host = wh.internal
        password = %%a%%
        ''', a=S("shape-assign-ini", pw()))


@corpus_file("services/sync/sync/aws_clients.py")
def _():
    return T('''
        aws_secret = "%%a%%"
        SECRET_ACCESS_KEY = "%%b%%"
        ''', a=S("shape-assign-key-variant", rs(ALNUM + "/+", 40)),
        b=S("shape-assign-key-variant", rs(ALNUM + "/+", 40)))


@corpus_file("web/src/config/oauth.js")
def _():
    return T('''
        module.exports = {
          clientId: "%%cid%%",
          secretKey: "%%a%%",
        };
        ''', cid=rs(DIG, 12), a=S("shape-assign-key-variant", rs(ALNUM, 32)))


@corpus_file("deploy/compose/oauth-proxy.yaml")
def _():
    return T('''
        services:
          oauth-proxy:
            image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0
            command:
              - --provider=oidc
              - --client-id=orders-web
              - --client-secret=%%a%%
            environment:
              client-secret: %%b%%
        ''', a=S("shape-assign-cli-flag", rs(ALNUM, 32)), b=S("shape-assign-key-variant", rs(ALNUM, 32)))


# ---- tokens after an auth scheme ---------------------------------------------------------------

@corpus_file("scripts/api-smoke.sh")
def _():
    return T('''
        #!/bin/sh
        curl -fsS -H "Authorization: Bearer %%a%%" https://ledger.internal/v1/health
        curl -fsS -H "Authorization: token %%b%%" https://git.internal/api/v3/user
        curl -fsS -H 'Authorization: Bearer %%c%%' https://ledger.internal/v1/accounts
        curl -fsS -H "Authorization: Bearer $LEDGER_TOKEN" https://ledger.internal/v1/me
        curl -fsS -H "Authorization: Bearer <token>" https://ledger.internal/v1/me
        ''', a=S("shape-auth-bearer-hex", hexs(40)), b=S("shape-auth-token-hex", hexs(40)),
        c=S("shape-auth-bearer-base64url", rs(B64URL, 43)))


@corpus_file("api/http/ledger.http")
def _():
    cred = f"ledger-ci:{(p := pw())}"
    return T('''
        ### accounts
        GET https://ledger.internal/v1/accounts
        Authorization: Bearer %%a%%

        ### admin
        GET https://ledger.internal/v1/admin
        Authorization: Basic %%b%%
        ''', a=S("shape-auth-bearer-uuid", uuid4()),
        b=S("shape-auth-basic", b64(cred.encode()), decoded=cred))


# ---- keys in containers ------------------------------------------------------------------------

def pem_body(kind):
    return pem_private(kind).rstrip("\n")


@corpus_file("deploy/ansible/group_vars/edge.yml")
def _():
    key = pem_body("private-key-ec")
    block = indent(key, 4).lstrip(" ")
    return T('''
        edge_domain: edge.acme.io
        edge_tls_key: |
            %%k%%
        edge_tls_cert_path: /etc/ssl/edge.crt
        ''', k=S("shape-key-yaml-indented", block))


@corpus_file("php/legacy/config/jwt.php")
def _():
    key = pem_body("private-key-rsa-pkcs1").replace("\n", "\\n")
    return T('''
        <?php
        return [
            'algo' => 'RS256',
            'private_key' => "%%k%%",
        ];
        ''', k=S("shape-key-escaped-newlines", key))


@corpus_file("services/notify/.env.production")
def _():
    key = pem_body("private-key-pkcs8").replace("\n", "\\n")
    return T('''
        NOTIFY_ISSUER=notify@acme.io
        NOTIFY_PRIVATE_KEY="%%k%%"
        ''', k=S("shape-key-escaped-newlines", key))


@corpus_file("web/server/signing.js")
def _():
    lines = pem_body("private-key-pkcs8").split("\n")
    quoted = ['"' + line + '\\n"' for line in lines]
    joined = " +\n  ".join(quoted)
    first = quoted[0]
    return T('''
        // TODO(ops-123): move to the secret store
        const SIGNING_KEY =
          %%k%%;
        module.exports = { SIGNING_KEY };
        ''', k=S("shape-key-concatenated", joined, anchor=first))


@corpus_file("certs/legacy/ldap-client.key")
def _():
    key = pem_body("private-key-rsa-pkcs1")
    return S("shape-key-crlf", key.replace("\n", "\r\n")) + "\r\n"


@corpus_file("ml/notebooks/vendor_sync.ipynb")
def _():
    token = rs(ALNUM, 32)
    pw_ = pw()
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Vendor sync\n", "Pulls the vendor feed."]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import requests\n", f"VENDOR_API_KEY = \"{token}\"\n",
                    "resp = requests.get(URL, headers={\"X-Api-Key\": VENDOR_API_KEY})"]},
        {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
         "source": ["import psycopg2\n", f"conn = psycopg2.connect(host='wh', user='etl', password='{pw_}')\n"]},
    ]
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    text = json.dumps(nb, indent=1) + "\n"
    S("shape-key-notebook", token)
    S("shape-key-notebook", pw_)
    return text
