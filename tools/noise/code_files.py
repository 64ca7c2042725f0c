"""Noise generators for source files: Python, JavaScript/TypeScript, Go, Java, Rust, C, Ruby, PHP.

Each gen_* takes a project name and returns (relative path, content).
"""

from .rand import HEX, LO, R, UP, b64, png_uri, rbytes, rs, semver, sha1, sha256, uuid4
from .words import ADJ, FIELDS, SECRET_ENV, VERBS, camel, fake, noun, object_id, pascal, sentence, snake


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
