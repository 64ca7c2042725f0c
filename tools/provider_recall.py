#!/usr/bin/env python3
"""Held-out-style provider example set (issue 12): recall per credential family and category.

    tools/provider_recall.py path/to/magpie                    # generate, scan, print recall
    tools/provider_recall.py magpie --min-recall 0.85          # exit 1 below the target
    tools/provider_recall.py magpie --clean /tmp/git /tmp/curl # also: 0 family findings there
    tools/provider_recall.py --write DIR                       # only write the example files

For every family in tools/provider_families.py it makes fresh random tokens of the documented
shape (a different seed from the rules' own examples, never the same strings) and plants each in
a realistic file: a .env line, a shell export, nested JSON and YAML, Python, JavaScript, Go,
Terraform, a Dockerfile, a .properties file and an HTTP header. Files are written to a temporary
folder and scanned with `magpie scan --format json --show-secrets --no-repo-config`.

A planted token counts as found when a finding of the family's rule reports exactly that token
(`--any-rule`: a finding of any rule whose secret overlaps it). Prefix families are planted under
neutral key names (`token`, `api_key`); context families under key names that name the provider,
spelt the ways code spells them (UPPER_SNAKE, camelCase, dotted, nested under the provider).

With --clean, the given secret-free trees are scanned too and every finding of a family rule
there is a false positive: the run fails unless there are none.

Exit status: 0, 1 when a threshold is not met, 2 when magpie fails.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import provider_families as pf  # noqa: E402

SEED = 0x5EC12E7  # not the seed the rules' examples were made with


def expand(cls):
    out, i = [], 0
    while i < len(cls):
        if i + 2 < len(cls) and cls[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(cls[i]), ord(cls[i + 2]) + 1))
            i += 3
        else:
            out.append(cls[i])
            i += 1
    return out


def looks_like_documentation(tok):
    """Runs that magpie drops as documentation values (docs/rules.md); a real token has none."""
    if re.search(r"(.)\1{3}", tok):
        return True
    run = 1
    for a, b in zip(tok, tok[1:]):
        run = run + 1 if ord(b) == ord(a) + 1 else 1
        if run >= 5:
            return True
    return "EXAMPLE" in tok.upper()


def make_token(family, rng):
    if family.id == "openvpn-static-key":
        lines = ["".join(rng.choice("0123456789abcdef") for _ in range(32)) for _ in range(16)]
        return ("-----BEGIN OpenVPN Static key V1-----\n" + "\n".join(lines) +
                "\n-----END OpenVPN Static key V1-----")
    while True:
        out = []
        for part in family.parts:
            if part[0] == "L":
                out.append(part[1])
            elif part[0] == "A":
                out.append(rng.choice([o for o in part[1] if o] or [""]))
            else:
                _, cls, lo, hi = part
                chars = expand(cls)
                out.append("".join(rng.choice(chars) for _ in range(rng.randint(lo, hi))))
        tok = "".join(out)
        if not looks_like_documentation(tok.replace("-", "").replace("_", "")):
            return tok


def provider_word(family):
    """A plain provider name for nesting (`shodan:` / `"shodan": {`), from the key name."""
    first = re.split(r"[_.\-]", family.key)[0].lower()
    return first or "provider"


def key_variants(family):
    key = family.key
    if re.fullmatch(r"[A-Z0-9_]+", key):
        words = key.lower().split("_")
        return {
            "upper": key,
            "lower": key.lower(),
            "camel": words[0] + "".join(w.capitalize() for w in words[1:]),
            "dotted": ".".join(words),
            "inner": "_".join(words[1:]) or "api_key",
        }
    return {"upper": key, "lower": key.lower(), "camel": key, "dotted": key, "inner": key}


def contexts(family, tok):
    """(file name, text) for each context; the token appears exactly once in each."""
    if family.id == "openvpn-static-key":
        indented = tok.replace("\n", "\n    ")
        return [("client.key", tok + "\n"),
                ("vpn.yaml", "openvpn:\n  tls_auth: |\n    " + indented + "\n"),
                ("setup.sh", "cat > /etc/openvpn/ta.key <<'EOF'\n" + tok + "\nEOF\n")]
    if family.kind == "prefix":
        return [
            (".env", "APP_ENV=production\nSERVICE_TOKEN=%s\nLOG_LEVEL=info\n" % tok),
            ("deploy.sh", "#!/bin/sh\nexport API_TOKEN='%s'\n./run --prod\n" % tok),
            ("config.json", '{\n  "service": {\n    "endpoint": "https://api.internal",\n'
                            '    "credentials": {"token": "%s"}\n  }\n}\n' % tok),
            ("values.yaml", "integration:\n  enabled: true\n  apiKey: %s\n" % tok),
            ("client.py", "import requests\n\nsession = requests.Session()\n"
                          "session.headers[\"Authorization\"] = \"Bearer %s\"\n" % tok),
            ("client.js", "const client = createClient({\n  apiKey: '%s',\n  retries: 3,\n});\n"
                          % tok),
            ("main.go", "package main\n\nconst apiToken = \"%s\"\n" % tok),
            ("main.tf", "provider \"thing\" {\n  token = \"%s\"\n}\n" % tok),
            ("Dockerfile", "FROM alpine:3.19\nENV SERVICE_TOKEN=%s\nCMD [\"/app\"]\n" % tok),
            ("app.properties", "service.url=https://api.internal\nservice.token=%s\n" % tok),
        ]
    k = key_variants(family)
    prov = provider_word(family)
    if not re.fullmatch(r"[A-Z0-9_]+", family.key):  # a header or dotted key: use it as written
        return [
            ("call.sh", "curl -s https://api.internal/v1 \\\n  -H \"%s: %s\"\n" % (family.key, tok)),
            ("config.yaml", "%s: %s\n" % (family.key, tok)),
            ("settings.json", '{\n  "%s": "%s"\n}\n' % (family.key, tok)),
            ("app.properties", "%s=%s\n" % (family.key, tok)),
        ]
    return [
        (".env", "APP_ENV=production\n%s=%s\n" % (k["upper"], tok)),
        ("deploy.sh", "#!/bin/sh\nexport %s=\"%s\"\n" % (k["upper"], tok)),
        ("settings.json", '{\n  "%s": "%s",\n  "timeout": 30\n}\n' % (k["camel"], tok)),
        ("nested.json", '{\n  "%s": {\n    "%s": "%s"\n  }\n}\n' % (prov, k["inner"], tok)),
        ("config.yaml", "%s:\n  %s: %s\n  enabled: true\n" % (prov, k["inner"], tok)),
        ("settings.py", "import os\n\n%s = os.environ.get(\"%s\", \"%s\")\n"
                        % (k["upper"], k["upper"], tok)),
        ("client.js", "const %s = '%s';\n" % (k["camel"], tok)),
        ("main.go", "var %s = \"%s\"\n" % (k["camel"], tok)),
        ("vars.tf", "variable \"x\" {}\n%s = \"%s\"\n" % (k["lower"], tok)),
        ("Dockerfile", "FROM node:20\nENV %s=%s\n" % (k["upper"], tok)),
        ("app.properties", "%s=%s\n" % (k["dotted"], tok)),
    ]


def write_set(root):
    """Writes the example files under root; returns the planted labels."""
    rng = random.Random(SEED)
    labels = []
    for family in pf.FAMILIES:
        for i in range(len(contexts(family, "x"))):
            tok = make_token(family, rng)  # a fresh token in every file
            name, text = contexts(family, tok)[i]
            rel = os.path.join(family.category, family.id, "%02d" % i, name)
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as fh:
                fh.write(text)
            labels.append({"path": rel, "family": family.id, "category": family.category,
                           "token": tok, "kind": family.kind})
    return labels


def scan(magpie, root, extra=()):
    cmd = [os.path.abspath(magpie) if os.path.exists(magpie) else magpie, "scan", "--format",
           "json", "--show-secrets", "--no-repo-config", "--no-progress", *extra, "."]
    r = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr)
        sys.exit(2)
    return json.loads(r.stdout)["findings"]


def overlaps(a, b):
    return a and b and (a in b or b in a)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("magpie", nargs="?")
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--any-rule", action="store_true", help="count a finding of any rule")
    ap.add_argument("--clean", nargs="*", default=[], help="secret-free trees: 0 family findings")
    ap.add_argument("--write", metavar="DIR", help="write the example files to DIR and exit")
    ap.add_argument("--show-misses", type=int, default=15)
    ap.add_argument("--magpie-arg", action="append", default=[],
                    help="extra argument for magpie scan (e.g. --rules=FILE), repeatable")
    args = ap.parse_args()
    if args.write:
        labels = write_set(args.write)
        with open(os.path.join(args.write, "labels.json"), "w") as fh:
            json.dump(labels, fh, indent=1)
        print("wrote %d examples of %d families to %s" % (len(labels), len(pf.FAMILIES), args.write))
        return 0
    if not args.magpie:
        ap.error("magpie path required")
    with tempfile.TemporaryDirectory(prefix="magpie-provider-set-") as root:
        labels = write_set(root)
        findings = scan(args.magpie, root, args.magpie_arg)
    by_path = defaultdict(list)
    for f in findings:
        by_path[os.path.normpath(f["path"])].append(f)
    per_cat = defaultdict(lambda: [0, 0])
    per_kind = defaultdict(lambda: [0, 0])
    misses = []
    found_total = 0
    for lab in labels:
        hits = by_path.get(os.path.normpath(lab["path"]), [])
        if args.any_rule:
            ok = any(overlaps(f["secret"], lab["token"]) for f in hits)
        else:
            ok = any(f["rule"] == lab["family"] and f["secret"] == lab["token"] for f in hits)
        per_cat[lab["category"]][0] += ok
        per_cat[lab["category"]][1] += 1
        per_kind[lab["kind"]][0] += ok
        per_kind[lab["kind"]][1] += 1
        found_total += ok
        if not ok:
            misses.append((lab, [(f["rule"], f["secret"][:24]) for f in hits]))
    recall = found_total / len(labels)
    print("provider example set: %d families, %d examples" % (len(pf.FAMILIES), len(labels)))
    for cat in sorted(per_cat):
        got, n = per_cat[cat]
        print("  %-18s recall %.3f (%d/%d)" % (cat, got / n, got, n))
    for kind in sorted(per_kind):
        got, n = per_kind[kind]
        print("  %-18s recall %.3f (%d/%d)" % (kind + " families", got / n, got, n))
    print("recall %.3f%s" % (recall, " (any rule)" if args.any_rule else ""))
    for lab, hits in misses[: args.show_misses]:
        print("  miss %s %s %s" % (lab["family"], lab["path"], hits))
    status = 0
    if args.min_recall is not None and recall < args.min_recall:
        print("FAIL: recall %.3f < %.3f" % (recall, args.min_recall))
        status = 1
    ids = {f.id for f in pf.FAMILIES}
    for tree in args.clean:
        noise = [f for f in scan(args.magpie, tree, args.magpie_arg) if f["rule"] in ids]
        print("clean tree %s: %d family findings" % (tree, len(noise)))
        for f in noise[:20]:
            print("  %s %s:%s" % (f["rule"], f["path"], f["start_line"]))
        if noise:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
