"""Noise generators for data, config, docs and build files: SQL, CSS, HTML, Markdown, YAML,
JSON, lock files, shell, Dockerfile, .env examples, Terraform, CSV, GraphQL.

Each gen_* takes a project name and returns (relative path, content).
"""

import json

from .rand import DIG, HEX, LO, R, UP, b64, png_uri, rbytes, rs, semver, sha1, sha256, uuid4
from .words import ADJ, SECRET_ENV, VERBS, noun, object_id, pascal, sentence, snake


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
