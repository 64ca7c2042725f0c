#!/usr/bin/env python3
"""Generates tests/corpus/noise/: ordinary source files with no secrets, to measure false positives.

The files are written from templates and word lists here (nothing is copied from other projects)
and drawn from a seeded random.Random, one per file, so the output is deterministic. They hold what
real code holds and a careless scanner trips on: env-var and secret-manager lookups, test values
that are plainly fake, hashes, UUIDs, git SHAs, integrity digests, base64 images and fonts, long
hex test vectors, minified bundles, provider object ids (not credentials), colours, SQL, HTML.
Every finding magpie reports here is a false positive.

Usage: tools/gen_noise.py [--out tests/corpus/noise] [--count 300] [--check]
"""

import argparse
import base64
import json
import os
import random
import shutil
import string
import struct
import sys
import zlib

SEED = "magpie-noise-v1"
R = random.Random(SEED)

LO, UP, DIG = string.ascii_lowercase, string.ascii_uppercase, string.digits
ALNUM = LO + UP + DIG
HEX = "0123456789abcdef"

NOUNS = ["order", "invoice", "customer", "product", "shipment", "account", "session", "report",
         "metric", "user", "cart", "payment", "refund", "warehouse", "ticket", "comment", "project",
         "task", "schedule", "event", "device", "sensor", "reading", "tenant", "plan", "coupon",
         "address", "message", "thread", "channel", "document", "folder", "asset", "region", "quota"]
VERBS = ["get", "create", "update", "delete", "list", "sync", "load", "parse", "validate",
         "render", "compute", "fetch", "publish", "archive", "restore", "merge", "resolve", "apply"]
ADJ = ["pending", "active", "stale", "primary", "default", "cached", "remote", "local", "draft",
       "final", "nested", "batch", "daily", "partial", "legacy"]
FIELDS = ["id", "name", "created_at", "updated_at", "status", "amount", "currency", "email",
          "owner_id", "count", "title", "description", "priority", "region", "version", "tags"]
PROJECTS = ["atlas", "beacon", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "iris",
            "juniper", "kestrel", "lumen"]
# Configuration keys that name secrets: the values are always looked up, never written.
SECRET_ENV = ["DATABASE_URL", "DB_PASSWORD", "API_KEY", "API_TOKEN", "SECRET_KEY", "JWT_SECRET",
              "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASSWORD",
              "SLACK_WEBHOOK_URL", "OPENAI_API_KEY", "SESSION_SECRET", "REDIS_PASSWORD",
              "CLIENT_SECRET", "ENCRYPTION_KEY", "SENTRY_AUTH_TOKEN", "NPM_TOKEN"]
FAKE_VALUES = ["test", "secret", "password", "changeme", "dummy", "fake-token", "test-api-key",
               "not-a-real-secret", "xxxxxxxx", "<token>", "your-api-key", "placeholder", "example",
               "s3cr3t", "letmein", "foo", "bar", "hunter2", "test_secret_123", "REDACTED", "********"]


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def uuid4():
    b = bytearray(rbytes(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def sha1():
    return rs(HEX, 40)


def sha256():
    return rs(HEX, 64)


def b64(b):
    return base64.b64encode(b).decode()


def semver():
    return f"{R.randrange(0, 9)}.{R.randrange(0, 40)}.{R.randrange(0, 25)}"


def png_data(w, h):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    base = [R.randrange(256) for _ in range(3)]
    raw = b"".join(b"\x00" + bytes((base[c] + x * 5 + y * 9 + R.randrange(3)) % 256
                                   for x in range(w) for c in range(3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def png_uri():
    return "data:image/png;base64," + b64(png_data(R.randrange(6, 20), R.randrange(6, 20)))


def noun():
    return R.choice(NOUNS)


def camel(*words):
    return words[0] + "".join(w.title() for w in words[1:])


def pascal(*words):
    return "".join(w.title() for w in words)


def snake(*words):
    return "_".join(words)


def fake():
    return R.choice(FAKE_VALUES)


def object_id():
    """Provider object ids: identifiers, not credentials."""
    return R.choice(["cus_", "pi_", "ch_", "price_", "prod_", "sub_", "in_", "evt_"]) + rs(ALNUM, 14)


def sentence():
    words = [R.choice(NOUNS + VERBS + ADJ) for _ in range(R.randrange(5, 12))]
    return " ".join(words).capitalize() + "."


# ---------------------------------------------------------------------------------------------
# Generators. Each returns (relative path, content).

def gen_python_module(proj):
    n = noun()
    cls = pascal(R.choice(ADJ), n)
    lines = ['"""' + sentence() + '"""', "from __future__ import annotations", "",
             "import dataclasses", "import hashlib", "import logging", "import os", "import uuid",
             "from typing import Iterable, Optional", "", "log = logging.getLogger(__name__)", ""]
    env = R.sample(SECRET_ENV, 3)
    lines += [f'{e} = os.environ.get("{e}")' for e in env[:2]]
    lines += [f'{env[2].lower()} = os.environ["{env[2]}"]' if R.random() < 0.5
              else f'{env[2].lower()} = os.getenv("{env[2]}", "")']
    lines += [f"TIMEOUT_SECONDS = {R.choice([5, 10, 30, 60])}",
              f'BASE_URL = "https://{proj}.internal/api/v{R.randrange(1, 4)}"',
              f'NAMESPACE = uuid.UUID("{uuid4()}")', f'SCHEMA_SHA256 = "{sha256()}"',
              f'TOKEN_HEADER = "X-{pascal(proj)}-Token"', f"PASSWORD_MIN_LENGTH = {R.choice([8, 10, 12, 14])}", "", ""]
    lines += ["@dataclasses.dataclass", f"class {cls}:"]
    fields = R.sample(FIELDS, R.randrange(3, 7))
    for f in fields:
        lines.append(f"    {f}: {R.choice(['str', 'int', 'Optional[str]', 'float', 'bool'])}")
    lines.append("")
    for _ in range(R.randrange(2, 5)):
        v, o = R.choice(VERBS), noun()
        lines += [f"    def {snake(v, o)}(self, {o}_id: str) -> dict:",
                  f'        """{sentence()}"""',
                  f'        key = hashlib.sha256(f"{{self.id}}:{{{o}_id}}".encode()).hexdigest()',
                  f'        log.debug("{v} {o} %s", key[:12])',
                  f'        return {{"{o}_id": {o}_id, "key": key, "status": "{R.choice(ADJ)}"}}', ""]
    lines += ["", f"def {snake(R.choice(VERBS), n, 'batch')}(items: Iterable[{cls}]) -> list[str]:",
              "    out = []", "    for item in items:",
              "        if item is None:", "            continue", "        out.append(str(uuid.uuid5(NAMESPACE, str(item))))",
              "    return out", "", "",
              "def auth_headers(token: Optional[str] = None) -> dict:",
              f"    token = token or {env[0]}",
              "    if not token:",
              f'        raise RuntimeError("{env[0]} is not set")',
              '    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}', ""]
    return f"{proj}/{proj}/{snake(n, R.choice(['service', 'models', 'client', 'utils']))}.py", "\n".join(lines)


def gen_python_test(proj):
    n = noun()
    val = fake()
    lines = ["import hashlib", "import uuid", "", "import pytest", "",
             f"from {proj}.{n} import {pascal(n)}Client, hash_token", "",
             f'TEST_TOKEN = "{val}"', f'FAKE_PASSWORD = "{fake()}"', f'REQUEST_ID = "{uuid4()}"',
             f'KNOWN_DIGEST = "{sha256()}"', f'STRIPE_CUSTOMER = "{object_id()}"', "", "",
             "@pytest.fixture", "def client(monkeypatch):",
             f'    monkeypatch.setenv("{R.choice(SECRET_ENV)}", "{fake()}")',
             f'    return {pascal(n)}Client(base_url="http://localhost:8000", token=TEST_TOKEN)', ""]
    for i in range(R.randrange(3, 8)):
        v = R.choice(VERBS)
        lines += ["", f"def test_{v}_{n}_{i}(client):",
                  f'    result = client.{v}("{uuid4()}")',
                  f'    assert result["status"] in ("{R.choice(ADJ)}", "{R.choice(ADJ)}")',
                  f'    assert len(hash_token("{fake()}")) == 64']
    lines += ["", "", "def test_hash_is_stable():",
              '    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"', ""]
    return f"{proj}/tests/test_{n}_{R.randrange(100)}.py", "\n".join(lines)


def gen_settings_loader(proj):
    keys = R.sample(SECRET_ENV, 6)
    lines = ['"""Settings are read from the environment or the secret store; never hard-code them."""',
             "import json", "import os", "from functools import lru_cache", "",
             "import boto3", "", "", "@lru_cache", "def _secret(name: str) -> str:",
             '    client = boto3.client("secretsmanager")',
             '    return client.get_secret_value(SecretId=f"' + proj + '/{name}")["SecretString"]', "", "",
             "class Settings:"]
    for k in keys:
        how = R.choice([f'os.environ["{k}"]', f'os.environ.get("{k}", "")', f'_secret("{k.lower()}")',
                        f'os.getenv("{k}") or _secret("{k.lower()}")'])
        lines.append(f"    {k.lower()}: str = {how}")
    lines += [f'    debug: bool = os.getenv("DEBUG", "false") == "true"',
              f'    region: str = os.getenv("AWS_REGION", "eu-west-1")', ""]
    return f"{proj}/{proj}/settings.py", "\n".join(lines)


def gen_js_module(proj):
    n = noun()
    lines = [f'import {{ z }} from "zod";', f'import crypto from "node:crypto";', "",
             f'const API_BASE = process.env.{proj.upper()}_API_BASE ?? "https://api.{proj}.dev";',
             f"const TOKEN = process.env.{R.choice(SECRET_ENV)};",
             f'const CACHE_PREFIX = "{proj}:{n}:";', f'const BUILD = "{sha1()[:12]}";', "",
             f"export const {pascal(n)}Schema = z.object({{"]
    for f in R.sample(FIELDS, 5):
        lines.append(f"  {camel(*f.split('_'))}: z.{R.choice(['string()', 'number()', 'boolean()', 'string().uuid()'])},")
    lines += ["});", ""]
    for _ in range(R.randrange(2, 5)):
        v = R.choice(VERBS)
        lines += [f"export async function {camel(v, n)}(id, opts = {{}}) {{",
                  f"  const res = await fetch(`${{API_BASE}}/{n}s/${{encodeURIComponent(id)}}`, {{",
                  f'    method: "{R.choice(["GET", "POST", "PUT", "DELETE"])}",',
                  "    headers: { Authorization: `Bearer ${opts.token ?? TOKEN}`, \"X-Request-Id\": crypto.randomUUID() },",
                  "  });",
                  f'  if (!res.ok) throw new Error(`{v} {n} failed: ${{res.status}}`);',
                  f"  return {pascal(n)}Schema.parse(await res.json());", "}", ""]
    lines += ["export function cacheKey(id) {",
              '  return CACHE_PREFIX + crypto.createHash("sha256").update(String(id)).digest("hex");', "}", ""]
    return f"{proj}/src/{camel(n, R.choice(['api', 'service', 'store']))}.js", "\n".join(lines)


def gen_tsx(proj):
    n = noun()
    comp = pascal(R.choice(ADJ), n, "Card")
    fields = R.sample(FIELDS, 4)
    lines = ['import React, { useEffect, useState } from "react";', "",
             f"export interface {comp}Props {{"] + [f"  {camel(*f.split('_'))}: string;" for f in fields] + \
            ["  onSelect?: (id: string) => void;", "}", "",
             f'const PLACEHOLDER = "{png_uri()}";', "",
             f"export function {comp}(props: {comp}Props) {{",
             "  const [open, setOpen] = useState(false);",
             "  useEffect(() => {", f'    document.title = "{n} details";', "  }, []);",
             "  return (",
             f'    <div className="card card-{n}" style={{{{ borderColor: "#{rs(HEX, 6)}" }}}}>',
             '      <img src={PLACEHOLDER} alt="" width={24} height={24} />',
             f"      <h3>{{props.{camel(*fields[0].split('_'))}}}</h3>",
             f'      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />',
             "      <button onClick={() => setOpen(!open)}>{open ? \"Hide\" : \"Show\"}</button>",
             "    </div>", "  );", "}", ""]
    return f"{proj}/web/src/components/{comp}.tsx", "\n".join(lines)


def gen_minified(proj):
    parts = []
    for i in range(R.randrange(30, 80)):
        a, b = rs(LO, 1), rs(LO + UP, 2)
        parts.append(R.choice([
            f"function {b}{i}({a}){{return {a}&&{a}.__esModule?{a}:{{default:{a}}}}}",
            f"var {b}{i}=\"{rs(HEX, 8)}\",{a}{i}=[{','.join(str(R.randrange(999)) for _ in range(8))}];",
            f"{b}.exports={{id:\"{uuid4()}\",hash:\"{rs(HEX, 20)}\",v:\"{semver()}\"}};",
            f"const {b}{i}=({a},t)=>{a}.map(e=>e[t]).filter(Boolean).join(\"{R.choice([',', ' ', '|'])}\");",
            f"{a}.p=\"/static/js/\",{a}.u=e=>\"chunk-\"+e+\".\"+{{{R.randrange(100)}:\"{rs(HEX, 8)}\",{R.randrange(100, 200)}:\"{rs(HEX, 8)}\"}}[e]+\".js\";",
            f"var {b}{i}=\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\";",
            f"var {b}{i}=\"data:font/woff2;base64,{b64(rbytes(R.randrange(60, 240)))}\";",
        ]))
    text = "".join(parts)
    lines = [text[i:i + 3000] for i in range(0, len(text), 3000)]
    return f"{proj}/dist/{R.choice(['vendor', 'main', 'chunk'])}.{rs(HEX, 8)}.min.js", "\n".join(lines) + "\n"


def gen_go(proj):
    n = noun()
    typ = pascal(n)
    lines = [f"package {n}", "", "import (", '\t"context"', '\t"crypto/sha256"', '\t"encoding/hex"',
             '\t"errors"', '\t"fmt"', '\t"os"', '\t"time"', ")", "",
             f'const defaultTimeout = {R.randrange(1, 30)} * time.Second',
             f'const schemaVersion = "{semver()}"', "",
             f"var ErrNotFound = errors.New(\"{n}: not found\")", "",
             f"type {typ} struct {{"]
    for f in R.sample(FIELDS, 5):
        lines.append(f"\t{pascal(*f.split('_'))} {R.choice(['string', 'int64', 'time.Time', 'bool'])} `json:\"{f}\"`")
    lines += ["}", "", "type Config struct {", "\tDSN      string", "\tAPIToken string", "}", "",
              "func ConfigFromEnv() Config {",
              f'\treturn Config{{DSN: os.Getenv("DATABASE_URL"), APIToken: os.Getenv("{R.choice(SECRET_ENV)}")}}', "}", ""]
    for _ in range(R.randrange(2, 5)):
        v = pascal(R.choice(VERBS))
        lines += [f"func {v}{typ}(ctx context.Context, id string) (*{typ}, error) {{",
                  "\tctx, cancel := context.WithTimeout(ctx, defaultTimeout)", "\tdefer cancel()",
                  "\tsum := sha256.Sum256([]byte(id))",
                  '\tif hex.EncodeToString(sum[:]) == "" {', "\t\treturn nil, ErrNotFound", "\t}",
                  f'\treturn nil, fmt.Errorf("{v.lower()} %s: %w", id, ctx.Err())', "}", ""]
    return f"{proj}/internal/{n}/{n}.go", "\n".join(lines)


def gen_go_test_vectors(proj):
    vecs = "\n".join(f'\t{{"{rs(HEX, 64)}", "{rs(HEX, 32)}", "{rs(HEX, 64)}"}},' for _ in range(R.randrange(4, 12)))
    return (f"{proj}/internal/crypto/vectors_test.go",
            f"package crypto\n\nimport \"testing\"\n\n// Known-answer tests: key, input, expected output.\n"
            f"var kats = []struct{{ key, in, out string }}{{\n{vecs}\n}}\n\n"
            "func TestKATs(t *testing.T) {\n\tfor i, v := range kats {\n\t\tif len(v.key) != 64 {\n"
            "\t\t\tt.Fatalf(\"vector %d: bad key\", i)\n\t\t}\n\t}\n}\n")


def gen_java(proj):
    n = noun()
    cls = pascal(n, R.choice(["Service", "Repository", "Controller", "Mapper"]))
    lines = [f"package dev.{proj}.{n};", "", "import java.time.Instant;", "import java.util.List;",
             "import java.util.Optional;", "import java.util.UUID;",
             "import org.springframework.beans.factory.annotation.Value;",
             "import org.springframework.stereotype.Service;", "", "@Service", f"public class {cls} {{", "",
             f'    private static final UUID NAMESPACE = UUID.fromString("{uuid4()}");',
             f'    private static final String CACHE_PREFIX = "{n}:";',
             f'    private static final String PASSWORD_PARAM = "password";', "",
             f'    @Value("${{{proj}.api-key}}")', "    private String apiKey;", "",
             f'    @Value("${{{proj}.db.password:}}")', "    private String dbPassword;", ""]
    for _ in range(R.randrange(2, 5)):
        v = R.choice(VERBS)
        lines += [f"    public Optional<String> {camel(v, n)}(String id) {{",
                  "        if (id == null || id.isBlank()) {", "            return Optional.empty();", "        }",
                  f'        return Optional.of(CACHE_PREFIX + id + ":" + Instant.now().toEpochMilli());', "    }", ""]
    lines += ["}", ""]
    return f"{proj}/src/main/java/dev/{proj}/{n}/{cls}.java", "\n".join(lines)


def gen_rust(proj):
    n = noun()
    lines = ["use std::collections::HashMap;", "use std::env;", "", f"/// {sentence()}", "#[derive(Debug, Clone)]",
             f"pub struct {pascal(n)} {{"] + [f"    pub {f}: String," for f in R.sample(FIELDS, 4)] + \
            ["}", "", f'const DIGEST: &str = "{sha256()}";', f'const BUILD_ID: &str = "{uuid4()}";', "",
             f"pub fn token() -> Option<String> {{", f'    env::var("{R.choice(SECRET_ENV)}").ok()', "}", "",
             "pub fn index(items: &[String]) -> HashMap<&str, usize> {",
             "    items.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect()", "}", "",
             "#[cfg(test)]", "mod tests {", "    #[test]", "    fn digest_len() {",
             "        assert_eq!(super::DIGEST.len(), 64);", f'        let _pw = "{fake()}";', "    }", "}", ""]
    return f"{proj}/src/{n}.rs", "\n".join(lines)


def gen_c(proj):
    arr = ", ".join(f"0x{b:02x}" for b in rbytes(R.choice([16, 32, 64])))
    n = noun()
    return (f"{proj}/src/{n}_table.c",
            f"#include <stddef.h>\n#include <stdint.h>\n\n/* Precomputed table for {n} lookups. */\n"
            f"static const uint8_t k{pascal(n)}Table[] = {{\n    {arr}\n}};\n\n"
            f"static const char *kSelfTestDigest = \"{sha256()}\";\n\n"
            f"size_t {n}_lookup(uint8_t i) {{ return k{pascal(n)}Table[i % sizeof(k{pascal(n)}Table)]; }}\n")


def gen_ruby(proj):
    n = noun()
    return (f"{proj}/app/services/{n}_service.rb",
            f"class {pascal(n)}Service\n  API_TOKEN = ENV.fetch(\"{R.choice(SECRET_ENV)}\", nil)\n"
            f"  NAMESPACE = \"{uuid4()}\"\n\n  def initialize(client: HTTP)\n    @client = client\n  end\n\n"
            + "".join(f"  def {snake(R.choice(VERBS), n)}(id)\n    @client.auth(\"Bearer #{{API_TOKEN}}\")"
                      f".get(\"https://api.{proj}.dev/{n}s/#{{id}}\").parse\n  end\n\n" for _ in range(3))
            + "end\n")


def gen_php(proj):
    n = noun()
    return (f"{proj}/src/{pascal(n)}Repository.php",
            f"<?php\n\nnamespace {pascal(proj)}\\{pascal(n)};\n\nfinal class {pascal(n)}Repository\n{{\n"
            f"    private const TABLE = '{n}s';\n\n    public function __construct(private \\PDO $pdo) {{}}\n\n"
            f"    public static function fromEnv(): self\n    {{\n"
            f"        return new self(new \\PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASSWORD')));\n    }}\n\n"
            f"    public function find(string $id): ?array\n    {{\n"
            f"        $stmt = $this->pdo->prepare('SELECT * FROM ' . self::TABLE . ' WHERE id = ?');\n"
            f"        $stmt->execute([$id]);\n        return $stmt->fetch() ?: null;\n    }}\n}}\n")


def gen_sql(proj):
    n = noun()
    rows = ",\n".join(f"  ('{uuid4()}', '{R.choice(ADJ)}', '{sha256()}', {R.randrange(1000)})"
                      for _ in range(R.randrange(3, 10)))
    return (f"{proj}/db/migrations/{20230000000000 + R.randrange(10 ** 9)}_{n}s.sql",
            f"CREATE TABLE IF NOT EXISTS {n}s (\n  id UUID PRIMARY KEY,\n  status TEXT NOT NULL,\n"
            f"  checksum CHAR(64) NOT NULL,\n  weight INTEGER NOT NULL DEFAULT 0,\n"
            f"  created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n\nCREATE INDEX ON {n}s (status);\n\n"
            f"INSERT INTO {n}s (id, status, checksum, weight) VALUES\n{rows};\n")


def gen_css(proj):
    rules = [f".{R.choice(ADJ)}-{noun()} {{ color: #{rs(HEX, 6)}; background: rgba({R.randrange(256)}, "
             f"{R.randrange(256)}, {R.randrange(256)}, 0.{R.randrange(1, 9)}); margin: {R.randrange(16)}px; }}"
             for _ in range(R.randrange(10, 40))]
    if R.random() < 0.5:
        rules.append(f".icon {{ background-image: url(\"{png_uri()}\"); }}")
    return f"{proj}/web/styles/{noun()}.css", "\n".join(rules) + "\n"


def gen_html(proj):
    return (f"{proj}/web/templates/{noun()}.html",
            f"<!doctype html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>{pascal(proj)}</title>\n"
            f"  <link rel=\"stylesheet\" href=\"https://cdn.example.net/lib@{semver()}/dist/lib.min.css\" "
            f"integrity=\"sha384-{b64(rbytes(48))}\" crossorigin=\"anonymous\">\n</head>\n<body>\n"
            f"  <form method=\"post\" action=\"/login\">\n    <input type=\"hidden\" name=\"csrf\" value=\"{{{{ csrf_token }}}}\">\n"
            f"    <input type=\"password\" name=\"password\" placeholder=\"Password\">\n  </form>\n"
            f"  <img src=\"{png_uri()}\" alt=\"logo\">\n  <p data-build=\"{sha1()}\">{sentence()}</p>\n</body>\n</html>\n")


def gen_markdown(proj):
    lines = [f"# {pascal(proj)} {noun()} guide", "", sentence(), "", "## Configuration", "",
             "| Variable | Description |", "|---|---|"]
    for k in R.sample(SECRET_ENV, 4):
        lines.append(f"| `{k}` | {sentence()} Example: `{R.choice(['<' + k.lower() + '>', 'xxxxxxxx', '${' + k + '}', 'changeme'])}` |")
    lines += ["", "```bash", f"export {R.choice(SECRET_ENV)}=\"$(op read op://{proj}/api/credential)\"",
              f"curl -H \"Authorization: Bearer $TOKEN\" https://api.{proj}.dev/v1/{noun()}s", "```", "",
              f"Fixed in commit `{sha1()}` (release {semver()}).", ""]
    return f"{proj}/docs/{noun()}-{R.choice(['guide', 'notes', 'faq'])}.md", "\n".join(lines)


def gen_k8s(proj):
    n = noun()
    return (f"{proj}/deploy/{n}-deployment.yaml",
            f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {proj}-{n}\n  annotations:\n"
            f"    checksum/config: {sha256()}\nspec:\n  replicas: {R.randrange(1, 6)}\n  template:\n    spec:\n"
            f"      containers:\n        - name: {n}\n          image: ghcr.io/{proj}/{n}@sha256:{sha256()}\n"
            f"          env:\n" + "".join(
                f"            - name: {k}\n              valueFrom:\n                secretKeyRef:\n"
                f"                  name: {proj}-secrets\n                  key: {k.lower()}\n" for k in R.sample(SECRET_ENV, 3))
            + f"            - name: LOG_LEVEL\n              value: info\n")


def gen_workflow(proj):
    return (f"{proj}/.github/workflows/{R.choice(['ci', 'build', 'deploy', 'lint'])}.yml",
            f"name: ci\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: actions/checkout@{sha1()}\n      - uses: actions/setup-go@{sha1()}\n"
            f"        with:\n          go-version: '1.22'\n      - run: make test\n        env:\n"
            f"          API_TOKEN: ${{{{ secrets.API_TOKEN }}}}\n          NPM_TOKEN: ${{{{ secrets.NPM_TOKEN }}}}\n"
            f"          GITHUB_TOKEN: ${{{{ github.token }}}}\n")


def gen_json_fixture(proj):
    items = [{"id": uuid4(), "sku": rs(UP + DIG, 8), "status": R.choice(ADJ), "checksum": sha256(),
              "customer": object_id(), "etag": f'W/"{rs(HEX, 16)}"', "version": semver()}
             for _ in range(R.randrange(3, 12))]
    return f"{proj}/fixtures/{noun()}s.json", json.dumps(items, indent=2) + "\n"


def gen_package_lock(proj):
    pk = {}
    for name in R.sample(["react", "lodash", "axios", "chalk", "debug", "ms", "semver", "uuid", "yargs",
                          "commander", "express", "zod", "dayjs", "classnames"], 6):
        v = semver()
        pk[f"node_modules/{name}"] = {"version": v, "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{v}.tgz",
                                      "integrity": "sha512-" + b64(rbytes(64))}
    return f"{proj}/package-lock.json", json.dumps({"name": proj, "lockfileVersion": 3, "packages": pk}, indent=2) + "\n"


def gen_shell(proj):
    return (f"{proj}/scripts/{R.choice(VERBS)}-{noun()}.sh",
            "#!/usr/bin/env bash\nset -euo pipefail\n\n"
            f": \"${{{R.choice(SECRET_ENV)}:?must be set}}\"\n"
            f"TOKEN=\"${{TOKEN:-$(vault kv get -field=token secret/{proj}/ci)}}\"\n"
            f"IMAGE=\"ghcr.io/{proj}/app@sha256:{sha256()}\"\n\n"
            f"curl -fsS -H \"Authorization: Bearer ${{TOKEN}}\" https://api.{proj}.dev/v1/deploys \\\n"
            f"  -d \"{{\\\"image\\\": \\\"${{IMAGE}}\\\", \\\"sha\\\": \\\"$(git rev-parse HEAD)\\\"}}\"\n"
            f"echo \"deployed {semver()}\"\n")


def gen_dockerfile(proj):
    return (f"{proj}/Dockerfile",
            f"FROM python:3.12-slim@sha256:{sha256()}\nWORKDIR /app\nARG PIP_INDEX_URL\n"
            f"ENV PYTHONDONTWRITEBYTECODE=1\nCOPY requirements.txt .\n"
            f"RUN --mount=type=secret,id=pip_token pip install -r requirements.txt\nCOPY . .\n"
            f"USER 10001\nCMD [\"python\", \"-m\", \"{proj}\"]\n")


def gen_env_example(proj):
    return (f"{proj}/.env.example",
            "".join(f"{k}={R.choice(['', 'changeme', 'xxxxxxxx', '<' + k.lower() + '>', 'your-' + k.lower().replace('_', '-') + '-here'])}\n"
                    for k in R.sample(SECRET_ENV, 8)) + f"LOG_LEVEL=info\nPORT={R.randrange(3000, 9000)}\n")


def gen_terraform(proj):
    return (f"{proj}/infra/{noun()}.tf",
            f'variable "{snake(noun(), "password")}" {{\n  type      = string\n  sensitive = true\n}}\n\n'
            f'data "aws_secretsmanager_secret_version" "db" {{\n  secret_id = "{proj}/db"\n}}\n\n'
            f'resource "aws_s3_bucket" "{noun()}" {{\n  bucket = "{proj}-{noun()}-{rs(LO + DIG, 6)}"\n'
            f'  tags = {{\n    Commit = "{sha1()}"\n  }}\n}}\n')


def gen_csv(proj):
    rows = ["id,sha256,amount,currency,status"] + [
        f"{uuid4()},{sha256()},{R.randrange(100, 99999) / 100},{R.choice(['EUR', 'USD', 'GBP'])},{R.choice(ADJ)}"
        for _ in range(R.randrange(10, 40))]
    return f"{proj}/data/{noun()}s.csv", "\n".join(rows) + "\n"


def gen_graphql(proj):
    n = pascal(noun())
    return (f"{proj}/schema/{n.lower()}.graphql",
            f"type {n} {{\n  id: ID!\n  name: String!\n  createdAt: DateTime!\n}}\n\n"
            f"type Query {{\n  {n.lower()}(id: ID!): {n}\n}}\n\n"
            f"input LoginInput {{\n  email: String!\n  password: String!\n}}\n\n"
            f"type AuthPayload {{\n  token: String!\n  refreshToken: String!\n}}\n")


GENERATORS = [
    (gen_python_module, 30), (gen_python_test, 20), (gen_settings_loader, 8), (gen_js_module, 24),
    (gen_tsx, 16), (gen_minified, 8), (gen_go, 20), (gen_go_test_vectors, 6), (gen_java, 18),
    (gen_rust, 10), (gen_c, 8), (gen_ruby, 10), (gen_php, 10), (gen_sql, 12), (gen_css, 10),
    (gen_html, 10), (gen_markdown, 16), (gen_k8s, 10), (gen_workflow, 8), (gen_json_fixture, 12),
    (gen_package_lock, 6), (gen_shell, 10), (gen_dockerfile, 4), (gen_env_example, 6),
    (gen_terraform, 6), (gen_csv, 6), (gen_graphql, 4),
]


def build(count):
    global R
    files = {}
    pool = [g for g, w in GENERATORS for _ in range(w)]
    i = 0
    while len(files) < count:
        R = random.Random(f"{SEED}:{i}")
        gen = pool[i % len(pool)] if i < len(pool) else R.choice(pool)
        path, content = gen(R.choice(PROJECTS))
        i += 1
        if path in files:
            continue
        files[path] = content if content.endswith("\n") else content + "\n"
    return files


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(here, "..", "tests", "corpus", "noise"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--check", action="store_true", help="exit 1 if files on disk differ from the generated ones")
    args = ap.parse_args()
    files = build(args.count)
    out = os.path.normpath(args.out)
    if args.check:
        on_disk = {os.path.relpath(os.path.join(d, n), out) for d, _, ns in os.walk(out) for n in ns}
        drift = sorted(set(files) ^ on_disk)
        drift += [p for p in files if p in on_disk and open(os.path.join(out, p), encoding="utf-8").read() != files[p]]
        for d in drift:
            print("drift:", d)
        sys.exit(1 if drift else 0)
    if os.path.isdir(out):
        shutil.rmtree(out)
    for rel, content in files.items():
        p = os.path.join(out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(content)
    print(f"wrote {len(files)} files -> {out}")


if __name__ == "__main__":
    main()
