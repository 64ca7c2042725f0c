#!/usr/bin/env python3
"""Generates magpie's labelled evaluation corpus.

Writes tests/corpus/labelled/** (realistic files with planted fake secrets and hard negatives)
and tests/corpus/labels.jsonl (one line per planted secret). The output is deterministic: every
file draws from its own random.Random seeded with SEED and its path, so editing one template
never changes another file. All secrets are random values made here; none is a real credential.
Private keys, certificates, PGP and PuTTY blocks are computed in pure Python (deterministic RSA,
P-256 and Ed25519), so no tool or network is needed; `--verify` checks them with openssl,
ssh-keygen and gpg when those are installed.

Usage: tools/gen_corpus.py [--out tests/corpus] [--verify]
"""

import argparse
import base64
import hashlib
import hmac
import json
import math
import os
import random
import re
import shutil
import string
import struct
import subprocess
import sys
import tempfile
import textwrap
import urllib.parse
import uuid as uuidlib
import zlib

SEED = "magpie-corpus-v1"

# The file being generated draws from R; begin_file() reseeds it from the path.
R = random.Random(SEED)

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
LOALNUM = LO + DIG
UPALNUM = UP + DIG
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
B62 = DIG + UP + LO  # GitHub/npm checksum alphabet: 0-9A-Za-z
BASE32AWS = UP + "234567"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def hexs(n):
    return rs(HEXL, n)


def uuid4():
    return str(uuidlib.UUID(bytes=rbytes(16), version=4))


def b64(b):
    return base64.b64encode(b).decode()


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def password(n=None, symbols="!%^*-_=+.~"):
    """A random password with upper, lower, digit and (if allowed) a symbol."""
    n = n or R.randint(14, 24)
    while True:
        s = rs(ALNUM + symbols * 2, n)
        if (any(c in UP for c in s) and any(c in LO for c in s) and any(c in DIG for c in s)
                and (not symbols or any(c in symbols for c in s)) and s[0] not in "-=+."):
            return s


# ---------------------------------------------------------------------------------------------
# DER, RSA, P-256, Ed25519, OpenSSH, OpenPGP, PuTTY, X.509 — just enough to emit valid blocks.

_SMALL_PRIMES = [p for p in range(3, 3000) if all(p % q for q in range(2, int(p ** 0.5) + 1))]


def _probable_prime(n, rounds=20):
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        x = pow(R.randrange(2, n - 2), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits):
    while True:
        c = R.getrandbits(bits) | (3 << (bits - 2)) | 1
        if _probable_prime(c):
            return c


class RsaKey:
    def __init__(self, bits=2048):
        e = 65537
        while True:
            p, q = _prime(bits // 2), _prime(bits // 2)
            if p == q or math.gcd(e, (p - 1) * (q - 1)) != 1 or (p * q).bit_length() != bits:
                continue
            if p < q:
                p, q = q, p
            break
        self.n, self.e, self.p, self.q = p * q, e, p, q
        self.d = pow(e, -1, (p - 1) * (q - 1))
        self.dp, self.dq = self.d % (p - 1), self.d % (q - 1)
        self.qinv = pow(q, -1, p)


def _der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + _der_len(len(content)) + content


def d_int(x):
    return tlv(0x02, x.to_bytes(max(1, (x.bit_length() + 8) // 8), "big"))


def d_seq(*items):
    return tlv(0x30, b"".join(items))


def d_oct(b):
    return tlv(0x04, b)


def d_bits(b):
    return tlv(0x03, b"\x00" + b)


D_NULL = b"\x05\x00"


def d_oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    out = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        enc = [p & 0x7F]
        p >>= 7
        while p:
            enc.append(0x80 | (p & 0x7F))
            p >>= 7
        out += bytes(reversed(enc))
    return tlv(0x06, out)


OID_RSA = "1.2.840.113549.1.1.1"


def pem(label, der, width=64):
    body = b64(der)
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def rsa_pkcs1(k):
    return d_seq(d_int(0), d_int(k.n), d_int(k.e), d_int(k.d), d_int(k.p), d_int(k.q),
                 d_int(k.dp), d_int(k.dq), d_int(k.qinv))


def rsa_pkcs8(k):
    return d_seq(d_int(0), d_seq(d_oid(OID_RSA), D_NULL), d_oct(rsa_pkcs1(k)))


def rsa_spki(k):
    return d_seq(d_seq(d_oid(OID_RSA), D_NULL), d_bits(d_seq(d_int(k.n), d_int(k.e))))


# P-256
_P = 2 ** 256 - 2 ** 224 + 2 ** 192 + 2 ** 96 - 1
_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
      0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)


def _ec_add(P, Q):
    if P is None:
        return Q
    if Q is None:
        return P
    if P[0] == Q[0] and (P[1] + Q[1]) % _P == 0:
        return None
    if P == Q:
        lam = (3 * P[0] * P[0] - 3) * pow(2 * P[1], -1, _P) % _P
    else:
        lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, _P) % _P
    x = (lam * lam - P[0] - Q[0]) % _P
    return x, (lam * (P[0] - x) - P[1]) % _P


def _ec_mul(k, P):
    acc = None
    while k:
        if k & 1:
            acc = _ec_add(acc, P)
        P = _ec_add(P, P)
        k >>= 1
    return acc


def ec_p256_sec1():
    k = R.randrange(1, _N)
    x, y = _ec_mul(k, _G)
    pub = b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")
    return d_seq(d_int(1), d_oct(k.to_bytes(32, "big")), tlv(0xA0, d_oid("1.2.840.10045.3.1.7")),
                 tlv(0xA1, d_bits(pub)))


# Ed25519 public key from seed (RFC 8032).
_EQ = 2 ** 255 - 19
_ED = -121665 * pow(121666, -1, _EQ) % _EQ
_EB = (15112221349535400772501151409588531511454012693041857206046113283949847762202,
       46316835694926478169428394003475163141307993866256225615783033603165251855960)


def _ed_add(P, Q):
    x1, y1 = P
    x2, y2 = Q
    t = _ED * x1 * x2 * y1 * y2
    return ((x1 * y2 + x2 * y1) * pow(1 + t, -1, _EQ) % _EQ,
            (y1 * y2 + x1 * x2) * pow(1 - t, -1, _EQ) % _EQ)


def ed25519_public(seed):
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    acc, P = (0, 1), _EB
    while a:
        if a & 1:
            acc = _ed_add(acc, P)
        P = _ed_add(P, P)
        a >>= 1
    x, y = acc
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def sshstr(b):
    if isinstance(b, str):
        b = b.encode()
    return struct.pack(">I", len(b)) + b


def mpint(x):
    return sshstr(x.to_bytes((x.bit_length() + 8) // 8, "big") if x else b"")


def ssh_rsa_pub_blob(k):
    return sshstr("ssh-rsa") + mpint(k.e) + mpint(k.n)


def _openssh_wrap(keytype, pub_blob, fields, comment):
    check = struct.pack(">I", R.getrandbits(32))
    priv = check + check + sshstr(keytype) + fields + sshstr(comment)
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = (b"openssh-key-v1\0" + sshstr("none") + sshstr("none") + sshstr(b"")
            + struct.pack(">I", 1) + sshstr(pub_blob) + sshstr(priv))
    return pem("OPENSSH PRIVATE KEY", blob, width=70)


def openssh_ed25519(comment):
    seed = rbytes(32)
    pub = ed25519_public(seed)
    blob = sshstr("ssh-ed25519") + sshstr(pub)
    key = _openssh_wrap("ssh-ed25519", blob, sshstr(pub) + sshstr(seed + pub), comment)
    return key, "ssh-ed25519 " + b64(blob) + " " + comment


def openssh_rsa(k, comment):
    fields = mpint(k.n) + mpint(k.e) + mpint(k.d) + mpint(k.qinv) + mpint(k.p) + mpint(k.q)
    return _openssh_wrap("ssh-rsa", ssh_rsa_pub_blob(k), fields, comment)


def ssh_rsa_public_line(k, comment):
    return "ssh-rsa " + b64(ssh_rsa_pub_blob(k)) + " " + comment


def _crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def _pgp_mpi(x):
    return struct.pack(">H", x.bit_length()) + x.to_bytes((x.bit_length() + 7) // 8, "big")


def _pgp_packet(tag, body):
    n = len(body)
    if n < 192:
        ln = bytes([n])
    elif n < 8384:
        ln = bytes([((n - 192) >> 8) + 192, (n - 192) & 0xFF])
    else:
        ln = b"\xFF" + struct.pack(">I", n)
    return bytes([0xC0 | tag]) + ln + body


def pgp_block(k, uid, secret, created=1700000000):
    pub = b"\x04" + struct.pack(">I", created) + b"\x01" + _pgp_mpi(k.n) + _pgp_mpi(k.e)
    if secret:
        p, q = sorted((k.p, k.q))
        sec = _pgp_mpi(k.d) + _pgp_mpi(p) + _pgp_mpi(q) + _pgp_mpi(pow(p, -1, q))
        body = _pgp_packet(5, pub + b"\x00" + sec + struct.pack(">H", sum(sec) % 65536))
        label = "PGP PRIVATE KEY BLOCK"
    else:
        body = _pgp_packet(6, pub)
        label = "PGP PUBLIC KEY BLOCK"
    body += _pgp_packet(13, uid.encode())
    enc = b64(body)
    lines = [enc[i:i + 64] for i in range(0, len(enc), 64)]
    crc = b64(_crc24(body).to_bytes(3, "big"))
    return (f"-----BEGIN {label}-----\n\n" + "\n".join(lines) + f"\n={crc}\n-----END {label}-----\n")


def putty_ppk(k, comment):
    pub = ssh_rsa_pub_blob(k)
    priv = mpint(k.d) + mpint(k.p) + mpint(k.q) + mpint(k.qinv)
    mac_data = sshstr("ssh-rsa") + sshstr("none") + sshstr(comment) + sshstr(pub) + sshstr(priv)
    mac = hmac.new(b"", mac_data, hashlib.sha256).hexdigest()

    def lines(b):
        s = b64(b)
        return [s[i:i + 64] for i in range(0, len(s), 64)]

    pl, sl = lines(pub), lines(priv)
    return ("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n" f"Comment: {comment}\n"
            f"Public-Lines: {len(pl)}\n" + "\n".join(pl) + f"\nPrivate-Lines: {len(sl)}\n"
            + "\n".join(sl) + f"\nPrivate-MAC: {mac}\n")


def x509_self_signed(k, cn, serial):
    alg = d_seq(d_oid("1.2.840.113549.1.1.11"), D_NULL)
    name = d_seq(tlv(0x31, d_seq(d_oid("2.5.4.3"), tlv(0x0C, cn.encode()))))
    validity = d_seq(tlv(0x17, b"240115093000Z"), tlv(0x17, b"340112093000Z"))
    tbs = d_seq(tlv(0xA0, d_int(2)), d_int(serial), alg, name, validity, name, rsa_spki(k))
    info = d_seq(d_seq(d_oid("2.16.840.1.101.3.4.2.1"), D_NULL), d_oct(hashlib.sha256(tbs).digest()))
    size = (k.n.bit_length() + 7) // 8
    em = b"\x00\x01" + b"\xff" * (size - 3 - len(info)) + b"\x00" + info
    sig = pow(int.from_bytes(em, "big"), k.d, k.n).to_bytes(size, "big")
    return pem("CERTIFICATE", d_seq(tbs, alg, d_bits(sig)))


def png_bytes(w, h):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    base = [R.randrange(256) for _ in range(3)]
    raw = b"".join(b"\x00" + bytes((base[c] + x * 7 + y * 3 + R.randrange(4)) % 256
                                   for x in range(w) for c in range(3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jwt(payload, header=None):
    header = header or {"alg": "HS256", "typ": "JWT"}
    h = b64url(json.dumps(header, separators=(",", ":")).encode())
    p = b64url(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(rbytes(32), f"{h}.{p}".encode(), hashlib.sha256).digest()
    return f"{h}.{p}.{b64url(sig)}"


# ---------------------------------------------------------------------------------------------
# Token formats, from each provider's documented shape (prefix, length, alphabet, checksum).

def b62_checksum(body):
    num, out = zlib.crc32(body.encode()), ""
    while num:
        num, r = divmod(num, 62)
        out = B62[r] + out
    return out.rjust(6, "0")


def checksummed(prefix):
    """GitHub / npm style: 30 random base62 chars + base62 CRC32 of them (6 chars)."""
    body = rs(ALNUM, 30)
    return prefix + body + b62_checksum(body)


def _pypi_token():
    ident = json.dumps({"version": 1, "permissions": "user"}).encode()
    caveat = json.dumps({"version": 1, "permissions": {"projects": ["acme-sdk"]}}).encode()
    mac = (b"\x02" + b"\x01\x08pypi.org" + b"\x02" + bytes([len(ident)]) + ident + b"\x00"
           + b"\x02\x24" + uuid4().encode() + b"\x00" + b"\x02" + bytes([len(caveat)]) + caveat
           + b"\x00\x00" + b"\x06\x20" + rbytes(32))
    return "pypi-" + b64url(mac)


def _discord_bot():
    uid = str(R.randrange(10 ** 17, 10 ** 18 * 2))
    return b64url(uid.encode()) + "." + rs(B64URL, 6) + "." + rs(B64URL, 38)


def _sentry_org():
    claims = {"iat": R.randrange(1700000000, 1730000000), "url": "https://sentry.io",
              "region_url": "https://us.sentry.io", "org": "acme"}
    return "sntrys_" + b64url(json.dumps(claims, separators=(",", ":")).encode()) + "_" + rs(ALNUM, 43)


def _onepassword():
    claims = {"signInAddress": "acme.1password.com", "userAuth": {"method": "SRPg-4096",
              "alg": "PBES2g-HS256", "iterations": 650000, "salt": b64url(rbytes(16))},
              "email": f"{rs(LO, 12)}@1passwordserviceaccounts.com", "srpX": hexs(64),
              "muk": {"alg": "A256GCM", "ext": True, "k": b64url(rbytes(32)), "key_ops": ["encrypt", "decrypt"],
                      "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rs(UPALNUM, 6) + "-" + rs(UPALNUM, 6),
              "throttleSecret": {"seed": hexs(64), "uuid": rs(UPALNUM, 26)}, "deviceUuid": rs(LOALNUM, 26)}
    return "ops_" + b64url(json.dumps(claims, separators=(",", ":")).encode())


def _grafana_cloud():
    claims = {"o": str(R.randrange(100000, 999999)), "n": "stack-" + str(R.randrange(100000, 999999)) + "-hm-write",
              "k": rs(ALNUM, 24), "m": {"r": "prod-us-east-0"}}
    return "glc_" + b64url(json.dumps(claims, separators=(",", ":")).encode())


def _mapbox():
    claims = {"u": "acme-maps", "a": rs(LOALNUM, 25)}
    return "sk." + b64url(json.dumps(claims, separators=(",", ":")).encode()) + "." + rs(B64URL, 22)


def _twitter_bearer():
    return ("A" * 22 + rs(ALNUM, 8) + "A" * 8 + rs(ALNUM, 20) + "%2B" + rs(ALNUM, 16) + "%3D"
            + rs(ALNUM, 50))


def _openai(prefix, n=74):
    return prefix + rs(B64URL, n) + "T3BlbkFJ" + rs(B64URL, n)


TOKENS = {
    # cloud
    "aws-access-key-id": lambda: "AKIA" + rs(BASE32AWS, 16),
    "aws-temporary-access-key-id": lambda: "ASIA" + rs(BASE32AWS, 16),
    "aws-secret-access-key": lambda: rs(B64, 40),
    "aws-session-token": lambda: "IQoJb3JpZ2luX2VjE" + rs(B64, 380) + "==",
    "gcp-api-key": lambda: "AIza" + rs(B64URL, 35),
    "gcp-oauth-client-secret": lambda: "GOCSPX-" + rs(B64URL, 28),
    "gcp-oauth-access-token": lambda: "ya29." + rs(B64URL, 150),
    "gcp-oauth-refresh-token": lambda: "1//0" + rs(B64URL, 99),
    "fcm-server-key": lambda: "AAAA" + rs(B64URL, 7) + ":APA91b" + rs(B64URL, 134),
    "azure-storage-account-key": lambda: b64(rbytes(64)),
    "azure-cosmosdb-key": lambda: b64(rbytes(64)),
    "azure-service-bus-key": lambda: b64(rbytes(32)),
    "azure-sas-signature": lambda: b64(rbytes(32)),
    "azure-ad-client-secret": lambda: rs(ALNUM, 3) + R.choice(DIG) + "Q~" + rs(ALNUM + "_~.-", 34),
    "azure-devops-pat": lambda: rs(LO + "234567", 52),
    "digitalocean-pat": lambda: "dop_v1_" + hexs(64),
    "digitalocean-oauth-token": lambda: "doo_v1_" + hexs(64),
    "alibaba-access-key-id": lambda: "LTAI" + rs(ALNUM, 20),
    "alibaba-access-key-secret": lambda: rs(ALNUM, 30),
    "ibm-cloud-api-key": lambda: rs(B64URL, 44),
    "heroku-api-key": lambda: "HRKU-AA" + rs(B64URL, 58),
    "heroku-api-key-legacy": uuid4,
    "cloudflare-api-token": lambda: rs(B64URL, 40),
    "cloudflare-global-api-key": lambda: hexs(37),
    "cloudflare-origin-ca-key": lambda: "v1.0-" + hexs(24) + "-" + hexs(146),
    "flyio-token": lambda: "fo1_" + rs(B64URL, 43),
    "linode-token": lambda: hexs(64),
    # source hosting, CI
    "github-pat-classic": lambda: checksummed("ghp_"),
    "github-oauth-token": lambda: checksummed("gho_"),
    "github-user-to-server-token": lambda: checksummed("ghu_"),
    "github-server-to-server-token": lambda: checksummed("ghs_"),
    "github-refresh-token": lambda: checksummed("ghr_"),
    "github-fine-grained-pat": lambda: "github_pat_" + "11" + rs(UPALNUM, 20) + "_" + rs(ALNUM, 59),
    "gitlab-pat": lambda: "glpat-" + rs(B64URL, 20),
    "gitlab-pipeline-trigger-token": lambda: "glptt-" + hexs(40),
    "gitlab-deploy-token": lambda: "gldt-" + rs(B64URL, 20),
    "gitlab-runner-token": lambda: "glrt-" + rs(B64URL, 20),
    "gitlab-runner-registration-token": lambda: "GR1348941" + rs(B64URL, 20),
    "gitlab-feed-token": lambda: "glft-" + rs(B64URL, 20),
    "gitlab-oauth-app-secret": lambda: "gloas-" + hexs(64),
    "gitlab-agent-token": lambda: "glagent-" + rs(B64URL, 50),
    "bitbucket-app-password": lambda: "ATBB" + rs(ALNUM, 24) + rs(HEXU, 8),
    "atlassian-api-token": lambda: "ATATT3xFfGF0" + rs(B64URL, 171) + "=" + rs(HEXU, 8),
    "circleci-pat": lambda: "CCIPAT_" + rs(ALNUM, 22) + "_" + hexs(40),
    "travis-ci-token": lambda: rs(ALNUM, 22),
    "buildkite-token": lambda: "bkua_" + hexs(40),
    "sonarqube-token": lambda: "squ_" + hexs(40),
    "sonarqube-project-token": lambda: "sqp_" + hexs(40),
    # package registries
    "npm-token": lambda: checksummed("npm_"),
    "pypi-token": _pypi_token,
    "rubygems-api-key": lambda: "rubygems_" + hexs(48),
    "nuget-api-key": lambda: "oy2" + rs(LOALNUM, 43),
    "dockerhub-pat": lambda: "dckr_pat_" + rs(B64URL, 27),
    "crates-io-token": lambda: "cio" + rs(ALNUM, 32),
    "artifactory-api-key": lambda: "AKCp8" + rs(ALNUM, 68),
    "artifactory-reference-token": lambda: "cmVmdGtuOjAxOj" + rs(ALNUM, 50),
    "clojars-token": lambda: "CLOJARS_" + rs(LOALNUM, 60),
    # chat, mail
    "slack-bot-token": lambda: f"xoxb-{rs(DIG, 11)}-{rs(DIG, 13)}-{rs(ALNUM, 24)}",
    "slack-user-token": lambda: f"xoxp-{rs(DIG, 11)}-{rs(DIG, 11)}-{rs(DIG, 13)}-{hexs(32)}",
    "slack-app-token": lambda: f"xapp-1-A{rs(UPALNUM, 10)}-{rs(DIG, 13)}-{hexs(64)}",
    "slack-webhook": lambda: f"https://hooks.slack.com/services/T{rs(UPALNUM, 8)}/B{rs(UPALNUM, 10)}/{rs(ALNUM, 24)}",
    "discord-bot-token": _discord_bot,
    "discord-webhook": lambda: f"https://discord.com/api/webhooks/{rs(DIG, 19)}/{rs(B64URL, 68)}",
    "telegram-bot-token": lambda: f"{R.randrange(10 ** 9, 8 * 10 ** 9)}:AA{rs(B64URL, 33)}",
    "teams-webhook": lambda: (f"https://acme.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/"
                              f"{hexs(32)}/{uuid4()}"),
    "twilio-api-key": lambda: "SK" + hexs(32),
    "twilio-auth-token": lambda: hexs(32),
    "sendgrid-api-key": lambda: "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43),
    "mailgun-api-key": lambda: "key-" + hexs(32),
    "mailgun-private-key": lambda: f"{hexs(32)}-{hexs(8)}-{hexs(8)}",
    "mailchimp-api-key": lambda: hexs(32) + "-us" + str(R.randrange(1, 21)),
    "postmark-server-token": uuid4,
    "brevo-api-key": lambda: "xkeysib-" + hexs(64) + "-" + rs(ALNUM, 16),
    # payments
    "stripe-secret-key": lambda: "sk_live_51" + rs(ALNUM, 97),
    "stripe-restricted-key": lambda: "rk_live_51" + rs(ALNUM, 97),
    "stripe-webhook-secret": lambda: "whsec_" + rs(ALNUM, 32),
    "square-access-token": lambda: "EAAA" + rs(B64URL, 60),
    "square-oauth-secret": lambda: "sq0csp-" + rs(B64URL, 43),
    "braintree-access-token": lambda: f"access_token$production${rs(LOALNUM, 16)}${hexs(32)}",
    "paypal-client-secret": lambda: "E" + rs(B64URL, 79),
    "shopify-access-token": lambda: "shpat_" + hexs(32),
    "shopify-shared-secret": lambda: "shpss_" + hexs(32),
    "shopify-custom-app-token": lambda: "shpca_" + hexs(32),
    "shopify-private-app-token": lambda: "shppa_" + hexs(32),
    "flutterwave-secret-key": lambda: "FLWSECK-" + hexs(32) + "-X",
    # AI
    "openai-project-key": lambda: _openai("sk-proj-"),
    "openai-legacy-key": lambda: "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20),
    "openai-service-account-key": lambda: _openai("sk-svcacct-"),
    "anthropic-api-key": lambda: "sk-ant-api03-" + rs(B64URL, 93) + "AA",
    "anthropic-admin-key": lambda: "sk-ant-admin01-" + rs(B64URL, 93) + "AA",
    "huggingface-token": lambda: "hf_" + rs(UP + LO, 34),
    "cohere-api-key": lambda: rs(ALNUM, 40),
    "groq-api-key": lambda: "gsk_" + rs(ALNUM, 52),
    "mistral-api-key": lambda: rs(ALNUM, 32),
    "replicate-api-token": lambda: "r8_" + rs(ALNUM, 37),
    "perplexity-api-key": lambda: "pplx-" + rs(ALNUM, 48),
    "xai-api-key": lambda: "xai-" + rs(ALNUM, 80),
    "deepseek-api-key": lambda: "sk-" + hexs(32),
    "langsmith-api-key": lambda: "lsv2_pt_" + hexs(32) + "_" + hexs(10),
    "pinecone-api-key": lambda: "pcsk_" + rs(ALNUM, 6) + "_" + rs(ALNUM, 63),
    "wandb-api-key": lambda: hexs(40),
    # observability, SaaS
    "datadog-api-key": lambda: hexs(32),
    "datadog-app-key": lambda: hexs(40),
    "newrelic-user-key": lambda: "NRAK-" + rs(UPALNUM, 27),
    "newrelic-license-key": lambda: hexs(36) + "NRAL",
    "newrelic-insert-key": lambda: "NRII-" + rs(B64URL, 32),
    "sentry-org-token": _sentry_org,
    "sentry-user-token": lambda: "sntryu_" + hexs(64),
    "pagerduty-api-key": lambda: rs(ALNUM + "_+-", 20),
    "notion-integration-token": lambda: "secret_" + rs(ALNUM, 43),
    "notion-api-token": lambda: "ntn_" + rs(DIG, 11) + rs(ALNUM, 35),
    "linear-api-key": lambda: "lin_api_" + rs(ALNUM, 40),
    "okta-api-token": lambda: "00" + rs(B64URL, 40),
    "auth0-client-secret": lambda: rs(B64URL, 64),
    "vault-service-token": lambda: "hvs.CAESI" + rs(B64URL, 86),
    "vault-batch-token": lambda: "hvb.AAAAAQ" + rs(B64URL, 128),
    "terraform-cloud-token": lambda: rs(ALNUM, 14) + ".atlasv1." + rs(ALNUM, 67),
    "doppler-service-token": lambda: "dp.st.prd." + rs(ALNUM, 40),
    "doppler-personal-token": lambda: "dp.pt." + rs(ALNUM, 43),
    "onepassword-service-account-token": _onepassword,
    "grafana-cloud-token": _grafana_cloud,
    "grafana-service-account-token": lambda: "glsa_" + rs(ALNUM, 32) + "_" + hexs(8),
    "postman-api-key": lambda: "PMAK-" + hexs(24) + "-" + hexs(34),
    "figma-pat": lambda: "figd_" + rs(B64URL, 40),
    "airtable-pat": lambda: "pat" + rs(ALNUM, 14) + "." + hexs(64),
    "asana-pat": lambda: f"2/{rs(DIG, 16)}/{rs(DIG, 16)}:{hexs(32)}",
    "contentful-pat": lambda: "CFPAT-" + rs(B64URL, 43),
    "dynatrace-token": lambda: "dt0c01." + rs(UPALNUM, 24) + "." + rs(UPALNUM, 64),
    "age-secret-key": lambda: "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
    "mapbox-secret-token": _mapbox,
    "algolia-admin-key": lambda: hexs(32),
    "hubspot-pat": lambda: "pat-na1-" + uuid4(),
    "typeform-pat": lambda: "tfp_" + rs(B64URL, 44) + "_" + rs(B64URL, 14),
    "planetscale-token": lambda: "pscale_tkn_" + rs(B64URL, 43),
    "planetscale-password": lambda: "pscale_pw_" + rs(B64URL, 43),
    "supabase-pat": lambda: "sbp_" + hexs(40),
    "netlify-pat": lambda: "nfp_" + rs(ALNUM, 36),
    "render-api-key": lambda: "rnd_" + rs(ALNUM, 32),
    "databricks-token": lambda: "dapi" + hexs(32),
    "prefect-api-key": lambda: "pnu_" + rs(ALNUM, 36),
    "pulumi-access-token": lambda: "pul-" + hexs(40),
    "readme-api-key": lambda: "rdme_" + rs(LOALNUM, 70),
    "shippo-api-token": lambda: "shippo_live_" + hexs(40),
    "easypost-api-key": lambda: "EZAK" + rs(ALNUM, 54),
    "launchdarkly-api-key": lambda: "api-" + uuid4(),
    "facebook-access-token": lambda: "EAAG" + rs(ALNUM, 150),
    "twitter-bearer-token": _twitter_bearer,
    "dropbox-token": lambda: "sl." + rs(B64URL, 136),
}


# ---------------------------------------------------------------------------------------------
# File builder and labels.

FILES = {}  # relative path -> str content
LABELS = []
_TEMPLATES = []  # (path, function)
_PENDING = []


def corpus_file(path):
    def register(fn):
        _TEMPLATES.append((path, fn))
        return fn
    return register


def S(kind, value=None, decoded=None, anchor=None):
    """Plants a secret: records a label for it and returns the value to write.

    value: the exact text in the file (default: a fresh token of `kind`).
    decoded: the plaintext when the file holds it encoded (base64, percent, JSON-escaped).
    anchor: text whose line is the label's line (default: the secret's own first line).
    """
    if value is None:
        value = TOKENS[kind]()
    _PENDING.append({"kind": kind, "secret": value, "decoded": decoded, "anchor": anchor})
    return value


def T(text, **kw):
    """Dedents `text` and replaces %%name%% with kw[name]."""
    text = textwrap.dedent(text).lstrip("\n")

    def sub(m):
        return str(kw[m.group(1)])
    out = re.sub(r"%%([A-Za-z0-9_]+)%%", sub, text)
    return out


def indent(text, n):
    pad = " " * n
    return "\n".join((pad + line) if line else line for line in text.rstrip("\n").split("\n"))


def _line_of(content, needle):
    idx = content.find(needle)
    if idx < 0:
        raise ValueError(f"label text not in file: {needle[:60]!r}")
    if content.find(needle, idx + 1) >= 0:
        raise ValueError(f"label text occurs twice in file: {needle[:60]!r}")
    return content.count("\n", 0, idx) + 1


def build_all():
    global R
    for path, fn in _TEMPLATES:
        R = random.Random(f"{SEED}:{path}")
        _PENDING.clear()
        content = fn()
        if path in FILES:
            raise ValueError(f"duplicate path {path}")
        FILES[path] = content
        for p in _PENDING:
            line = _line_of(content, p["anchor"] or p["secret"])
            if p["anchor"]:
                _line_of(content, p["secret"])  # must be present too
            label = {"path": path, "line": line, "secret": p["secret"], "kind": p["kind"]}
            if p["decoded"] is not None:
                label["decoded"] = p["decoded"]
            LABELS.append(label)


# Hard negatives that must never be reported.
AWS_EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
JWT_IO_EXAMPLE = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Ikpva"
                  "G4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")


def sha1():
    return hexs(40)


def sha256():
    return hexs(64)


def sri(alg="sha512", n=64):
    return f"{alg}-" + b64(rbytes(n))


def png_data_uri(w=12, h=12):
    return "data:image/png;base64," + b64(png_bytes(w, h))


def semver():
    return f"{R.randrange(0, 6)}.{R.randrange(0, 30)}.{R.randrange(0, 20)}"


def pem_private(kind, comment="deploy@build-01"):
    """Returns (pem text, label kind) for a freshly generated private key."""
    if kind == "private-key-rsa-pkcs1":
        return pem("RSA PRIVATE KEY", rsa_pkcs1(RsaKey(2048)))
    if kind == "private-key-pkcs8":
        return pem("PRIVATE KEY", rsa_pkcs8(RsaKey(2048)))
    if kind == "private-key-ec":
        return pem("EC PRIVATE KEY", ec_p256_sec1())
    if kind == "private-key-openssh":
        return openssh_ed25519(comment)[0]
    if kind == "private-key-openssh-rsa":
        return openssh_rsa(RsaKey(2048), comment)
    raise KeyError(kind)


def PK(kind, comment="deploy@build-01"):
    """Plants a PEM private key; the label is the whole block (its line: the BEGIN line)."""
    return S(kind, pem_private(kind, comment).rstrip("\n"))


# =============================================================================================
# Templates. Paths read like a handful of real repositories merged under one root.
# ---------------------------------------------------------------------------------------------
# Python

@corpus_file("billing/billing/settings.py")
def _():
    return T('''
        """Django settings for the billing service."""
        import os
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent

        # SECURITY WARNING: keep the secret key used in production secret!
        SECRET_KEY = "%%dj%%"

        DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
        ALLOWED_HOSTS = ["billing.internal", "localhost"]

        INSTALLED_APPS = [
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "rest_framework",
            "billing.invoices",
        ]

        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "billing",
                "USER": "billing_app",
                "PASSWORD": "%%dbpw%%",
                "HOST": os.environ.get("DB_HOST", "127.0.0.1"),
                "PORT": 5432,
            },
            "replica": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "billing",
                "USER": "billing_ro",
                "PASSWORD": os.environ["REPLICA_DB_PASSWORD"],
                "HOST": "replica.internal",
            },
        }

        AUTH_PASSWORD_VALIDATORS = [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
             "OPTIONS": {"min_length": 12}},
        ]
        PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

        STRIPE_PUBLISHABLE_KEY = "pk_live_%%pk%%"
        STRIPE_SECRET_KEY = "%%sk%%"
        STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "%%wh%%")

        CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                              "LOCATION": "redis://cache.internal:6379/1"}}
        SESSION_COOKIE_AGE = 60 * 60 * 8
        CSRF_TRUSTED_ORIGINS = ["https://billing.acme.dev"]
        ''', dj=S("django-secret-key", "django-insecure-" + rs(LO + DIG + "!@#%^&*(-_=+)", 50).replace('"', "")),
        dbpw=S("generic-password", password()), pk=rs(ALNUM, 99),
        sk=S("stripe-secret-key"), wh=S("stripe-webhook-secret"))


@corpus_file("billing/billing/payments/square_client.py")
def _():
    return T('''
        import logging
        import uuid

        from square.client import Client

        log = logging.getLogger(__name__)

        # TODO(ops): move to the secret store before launch
        SQUARE_ACCESS_TOKEN = '%%tok%%'
        SQUARE_APP_ID = "sq0idp-%%appid%%"
        SQUARE_APP_SECRET = '%%sec%%'
        LOCATION_ID = "L%%loc%%"


        def client():
            return Client(access_token=SQUARE_ACCESS_TOKEN, environment="production")


        def charge(amount_cents: int, source_id: str, customer_id: str) -> dict:
            body = {
                "source_id": source_id,
                "idempotency_key": str(uuid.uuid4()),
                "amount_money": {"amount": amount_cents, "currency": "USD"},
                "customer_id": customer_id,
                "location_id": LOCATION_ID,
            }
            result = client().payments.create_payment(body)
            if result.is_error():
                log.error("square payment failed: %s", result.errors)
                raise RuntimeError("payment failed")
            return result.body["payment"]
        ''', tok=S("square-access-token"), appid=rs(B64URL, 22), sec=S("square-oauth-secret"),
        loc=rs(UPALNUM, 12))


@corpus_file("ml/train.py")
def _():
    return T('''
        #!/usr/bin/env python3
        """Fine-tune the ranking model and push it to the hub."""
        import argparse
        import os

        import openai
        import torch
        import wandb
        from huggingface_hub import HfApi
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        openai.api_key = "%%oa%%"
        HF_TOKEN = "%%hf%%"
        os.environ.setdefault("WANDB_API_KEY", "%%wb%%")

        BASE_MODEL = "distilbert-base-uncased"
        REVISION = "%%rev%%"  # pinned commit of the base model


        def parse_args():
            p = argparse.ArgumentParser()
            p.add_argument("--epochs", type=int, default=3)
            p.add_argument("--lr", type=float, default=5e-5)
            p.add_argument("--push", action="store_true")
            return p.parse_args()


        def main():
            args = parse_args()
            wandb.init(project="ranker", config=vars(args))
            tok = AutoTokenizer.from_pretrained(BASE_MODEL, revision=REVISION)
            model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=2)
            opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
            for epoch in range(args.epochs):
                loss = torch.tensor(0.0)
                wandb.log({"epoch": epoch, "loss": loss.item()})
            if args.push:
                HfApi(token=HF_TOKEN).upload_folder(folder_path="out", repo_id="acme/ranker")


        if __name__ == "__main__":
            main()
        ''', oa=S("openai-project-key"), hf=S("huggingface-token"), wb=S("wandb-api-key"), rev=sha1())


@corpus_file("scripts/deploy_lambda.py")
def _():
    return T('''
        import io
        import zipfile

        import boto3

        # Deploy user for the ci account (rotated 2024-03)
        session = boto3.Session(
            aws_access_key_id="%%kid%%",
            aws_secret_access_key="%%sec%%",
            region_name="eu-west-1",
        )


        def package(src_dir):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(f"{src_dir}/handler.py", "handler.py")
            return buf.getvalue()


        def deploy(name, src_dir):
            lam = session.client("lambda")
            lam.update_function_code(FunctionName=name, ZipFile=package(src_dir), Publish=True)
            print(f"deployed {name} (arn:aws:lambda:eu-west-1:%%acct%%:function:{name})")


        if __name__ == "__main__":
            deploy("thumbnailer", "lambdas/thumbnailer")
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"), acct=rs(DIG, 12))


@corpus_file("scripts/s3_sync.py")
def _():
    return T('''
        """Sync a local folder to S3.

        Credentials come from the usual AWS chain (env, ~/.aws/credentials, instance role).
        For local testing with moto you can use the documentation keys:

            export AWS_ACCESS_KEY_ID=%%exid%%
            export AWS_SECRET_ACCESS_KEY=%%exsec%%
        """
        import hashlib
        import os
        import sys

        import boto3

        BUCKET = os.environ.get("SYNC_BUCKET", "acme-artifacts")


        def md5(path):
            h = hashlib.md5()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            return h.hexdigest()


        def main(root):
            s3 = boto3.client(
                "s3",
                aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"),
                aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"),
            )
            for dirpath, _, names in os.walk(root):
                for name in names:
                    path = os.path.join(dirpath, name)
                    key = os.path.relpath(path, root)
                    etag = md5(path)
                    try:
                        head = s3.head_object(Bucket=BUCKET, Key=key)
                        if head["ETag"].strip('"') == etag:
                            continue
                    except s3.exceptions.ClientError:
                        pass
                    s3.upload_file(path, BUCKET, key)
                    print("uploaded", key, etag)


        if __name__ == "__main__":
            main(sys.argv[1])
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET)


@corpus_file("app/integrations/slack_notify.py")
def _():
    return T('''
        import json
        import urllib.request

        WEBHOOK_URL = "%%hook%%"
        BOT_TOKEN = "%%bot%%"
        DEFAULT_CHANNEL = "C0%%chan%%"


        def post_webhook(text: str) -> None:
            req = urllib.request.Request(
                WEBHOOK_URL,
                data=json.dumps({"text": text}).encode(),
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(req, timeout=5)


        def post_message(text: str, channel: str = DEFAULT_CHANNEL) -> dict:
            req = urllib.request.Request(
                "https://slack.com/api/chat.postMessage",
                data=json.dumps({"channel": channel, "text": text}).encode(),
                headers={"Authorization": f"Bearer {BOT_TOKEN}",
                         "Content-Type": "application/json; charset=utf-8"},
            )
            with urllib.request.urlopen(req, timeout=5) as resp:
                return json.load(resp)
        ''', hook=S("slack-webhook"), bot=S("slack-bot-token"), chan=rs(UPALNUM, 9))


@corpus_file("app/integrations/github_app.py")
def _():
    return T('''
        """Authenticates as the acme-release GitHub App."""
        import time

        import jwt
        import requests

        APP_ID = %%appid%%
        INSTALLATION_ID = %%inst%%

        PRIVATE_KEY = """\\
        %%key%%
        """


        def app_jwt() -> str:
            now = int(time.time())
            return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": APP_ID}, PRIVATE_KEY,
                              algorithm="RS256")


        def installation_token() -> str:
            r = requests.post(
                f"https://api.github.com/app/installations/{INSTALLATION_ID}/access_tokens",
                headers={"Authorization": f"Bearer {app_jwt()}",
                         "Accept": "application/vnd.github+json"},
                timeout=10,
            )
            r.raise_for_status()
            return r.json()["token"]  # ghs_... valid for one hour
        ''', appid=R.randrange(100000, 999999), inst=R.randrange(10 ** 7, 10 ** 8),
        key=PK("private-key-rsa-pkcs1"))


@corpus_file("app/db.py")
def _():
    raw = password(18, symbols="@:/#%")
    enc = urllib.parse.quote(raw, safe="")
    return T('''
        from sqlalchemy import create_engine
        from sqlalchemy.orm import sessionmaker

        # The password contains reserved characters, hence the percent-encoding.
        DATABASE_URL = "postgresql+psycopg2://orders:%%pw%%@orders-db.internal:5432/orders"

        engine = create_engine(DATABASE_URL, pool_size=10, max_overflow=5, pool_pre_ping=True)
        SessionLocal = sessionmaker(bind=engine, autoflush=False)


        def get_session():
            session = SessionLocal()
            try:
                yield session
            finally:
                session.close()
        ''', pw=S("postgres-url-password-percent-encoded", enc, decoded=raw))


@corpus_file("app/tests/test_auth.py")
def _():
    return T('''
        import pytest

        from app.auth import hash_password, verify_password, issue_token, decode_token

        TEST_PASSWORD = "correct horse battery staple"
        FAKE_API_KEY = "test-api-key-not-real"
        DUMMY_SECRET = "dummy-signing-secret-for-tests"


        @pytest.fixture
        def user(db):
            return db.create_user(email="alice@example.com", password=hash_password(TEST_PASSWORD))


        def test_verify_password_accepts_right_password(user):
            assert verify_password(TEST_PASSWORD, user.password_hash)


        def test_verify_password_rejects_wrong_password(user):
            assert not verify_password("wrong-password", user.password_hash)


        def test_token_round_trip(monkeypatch):
            monkeypatch.setenv("JWT_SECRET", DUMMY_SECRET)
            token = issue_token(sub="user-42")
            assert decode_token(token)["sub"] == "user-42"


        def test_rejects_example_token():
            # The jwt.io example token: signed with a different key.
            example = "%%jwtio%%"
            with pytest.raises(ValueError):
                decode_token(example)


        def test_api_key_header(client):
            resp = client.get("/v1/me", headers={"X-API-Key": FAKE_API_KEY})
            assert resp.status_code == 401
        ''', jwtio=JWT_IO_EXAMPLE)


@corpus_file("app/auth.py")
def _():
    return T('''
        import datetime as dt
        import os

        import jwt
        from argon2 import PasswordHasher

        _ph = PasswordHasher()
        JWT_SECRET = os.environ.get("JWT_SECRET")
        JWT_ALGORITHM = "HS256"
        TOKEN_TTL = dt.timedelta(hours=1)
        PASSWORD_RESET_TOKEN_BYTES = 32


        def hash_password(password: str) -> str:
            return _ph.hash(password)


        def verify_password(password: str, password_hash: str) -> bool:
            try:
                return _ph.verify(password_hash, password)
            except Exception:
                return False


        def issue_token(sub: str) -> str:
            if not JWT_SECRET:
                raise RuntimeError("JWT_SECRET is not set")
            now = dt.datetime.now(dt.timezone.utc)
            return jwt.encode({"sub": sub, "iat": now, "exp": now + TOKEN_TTL}, JWT_SECRET,
                              algorithm=JWT_ALGORITHM)


        def decode_token(token: str) -> dict:
            try:
                return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM])
            except jwt.PyJWTError as e:
                raise ValueError("invalid token") from e
        ''')


@corpus_file("app/integrations/notion_sync.py")
def _():
    return T('''
        from notion_client import Client

        # legacy integration (workspace: Acme Docs)
        notion_legacy = Client(auth="%%legacy%%")
        notion = Client(auth="%%new%%")
        DATABASE_ID = "%%db%%"


        def pages_updated_since(ts):
            return notion.databases.query(
                database_id=DATABASE_ID,
                filter={"timestamp": "last_edited_time", "last_edited_time": {"after": ts}},
            )["results"]
        ''', legacy=S("notion-integration-token"), new=S("notion-api-token"), db=hexs(32))


@corpus_file("scripts/jira_weekly_report.py")
def _():
    user = "release-bot@acme.dev"
    return T('''
        import base64
        import datetime

        import requests

        JIRA = "https://acme.atlassian.net"
        AUTH = ("%%user%%", "%%tok%%")


        def issues_closed_last_week(project):
            since = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
            jql = f'project = {project} AND status = Done AND resolved >= "{since}"'
            r = requests.get(f"{JIRA}/rest/api/3/search", params={"jql": jql, "maxResults": 200},
                             auth=AUTH, timeout=30)
            r.raise_for_status()
            return r.json()["issues"]


        if __name__ == "__main__":
            for issue in issues_closed_last_week("PLAT"):
                print(issue["key"], issue["fields"]["summary"])
        ''', user=user, tok=S("atlassian-api-token"))


@corpus_file("ai/providers.py")
def _():
    return T('''
        """Thin wrappers over the LLM providers we benchmark."""
        import os
        from dataclasses import dataclass


        @dataclass(frozen=True)
        class Provider:
            name: str
            base_url: str
            api_key: str
            model: str


        PROVIDERS = [
            Provider("groq", "https://api.groq.com/openai/v1", "%%groq%%", "llama-3.1-70b-versatile"),
            Provider("replicate", "https://api.replicate.com/v1", "%%rep%%", "meta/llama-3-70b"),
            Provider("perplexity", "https://api.perplexity.ai", "%%pplx%%", "sonar-medium-online"),
            Provider("xai", "https://api.x.ai/v1", "%%xai%%", "grok-beta"),
            Provider("openai", "https://api.openai.com/v1", os.environ.get("OPENAI_API_KEY", ""), "gpt-4o"),
            Provider("together", "https://api.together.xyz/v1", os.environ["TOGETHER_API_KEY"], "mixtral"),
        ]

        COHERE_API_KEY = "%%cohere%%"
        MISTRAL_API_KEY = "%%mistral%%"
        DEEPSEEK_API_KEY = "%%ds%%"


        def by_name(name: str) -> Provider:
            for p in PROVIDERS:
                if p.name == name:
                    return p
            raise KeyError(name)
        ''', groq=S("groq-api-key"), rep=S("replicate-api-token"), pplx=S("perplexity-api-key"),
        xai=S("xai-api-key"), cohere=S("cohere-api-key"), mistral=S("mistral-api-key"),
        ds=S("deepseek-api-key"))


@corpus_file("ai/rag/index.py")
def _():
    return T('''
        import os

        from langsmith import Client as LangSmith
        from pinecone import Pinecone

        os.environ["LANGCHAIN_TRACING_V2"] = "true"
        os.environ["LANGCHAIN_API_KEY"] = "%%ls%%"

        pc = Pinecone(api_key="%%pc%%")
        index = pc.Index("docs-v2")
        EMBEDDING_DIM = 1536


        def upsert(chunks):
            index.upsert(vectors=[(c.id, c.embedding, {"source": c.source}) for c in chunks])
        ''', ls=S("langsmith-api-key"), pc=S("pinecone-api-key"))


@corpus_file("bots/discord_bot.py")
def _():
    return T('''
        import discord
        from discord.ext import commands

        TOKEN = "%%tok%%"
        ALERTS_WEBHOOK = "%%hook%%"
        GUILD_ID = %%guild%%

        intents = discord.Intents.default()
        intents.message_content = True
        bot = commands.Bot(command_prefix="!", intents=intents)


        @bot.command()
        async def status(ctx):
            await ctx.send("all systems nominal")


        bot.run(TOKEN)
        ''', tok=S("discord-bot-token"), hook=S("discord-webhook"), guild=rs(DIG, 18))


@corpus_file("bots/telegram_alerts.py")
def _():
    return T('''
        import requests

        BOT = "%%tok%%"
        CHAT_ID = -100%%chat%%


        def alert(text):
            requests.post(f"https://api.telegram.org/bot{BOT}/sendMessage",
                          json={"chat_id": CHAT_ID, "text": text, "parse_mode": "HTML"}, timeout=5)
        ''', tok=S("telegram-bot-token"), chat=rs(DIG, 10))


@corpus_file("bots/twitter_poster.py")
def _():
    return T('''
        import tweepy

        client = tweepy.Client(
            bearer_token="%%bearer%%",
            consumer_key="%%ck%%",
            consumer_secret="%%cs%%",
        )


        def post(text):
            return client.create_tweet(text=text)
        ''', bearer=S("twitter-bearer-token"), ck=S("twitter-consumer-key", rs(ALNUM, 25)),
        cs=S("twitter-consumer-secret", rs(ALNUM, 50)))


@corpus_file("tools/dropbox_backup.py")
def _():
    return T('''
        import dropbox

        dbx = dropbox.Dropbox(oauth2_access_token="%%tok%%")


        def upload(path, data):
            dbx.files_upload(data, path, mode=dropbox.files.WriteMode.overwrite)
        ''', tok=S("dropbox-token"))


@corpus_file("tools/secrets_loader.py")
def _():
    return T('''
        """Loads runtime secrets from AWS Secrets Manager / GCP Secret Manager / Vault."""
        import json
        import os

        import boto3
        import hvac
        from google.cloud import secretmanager


        def aws_secret(secret_id="prod/orders/db"):
            sm = boto3.client("secretsmanager", region_name="eu-west-1")
            return json.loads(sm.get_secret_value(SecretId=secret_id)["SecretString"])


        def gcp_secret(name="projects/acme-prod/secrets/stripe-api-key/versions/latest"):
            client = secretmanager.SecretManagerServiceClient()
            return client.access_secret_version(name=name).payload.data.decode()


        def vault_secret(path="secret/data/orders"):
            client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
            return client.secrets.kv.v2.read_secret_version(path=path)["data"]["data"]


        api_key = os.environ["PAYMENTS_API_KEY"]
        db_password = aws_secret()["password"]
        stripe_key = gcp_secret()
        token = os.getenv("GITHUB_TOKEN", "")
        password = os.environ.get("SMTP_PASSWORD") or None
        secret = vault_secret()["client_secret"]
        ''')


# ---------------------------------------------------------------------------------------------
# JavaScript / TypeScript

@corpus_file("web/src/firebase.ts")
def _():
    return T('''
        import { initializeApp } from "firebase/app";
        import { getAuth } from "firebase/auth";
        import { getFirestore } from "firebase/firestore";

        const firebaseConfig = {
          apiKey: "%%key%%",
          authDomain: "acme-web-prod.firebaseapp.com",
          projectId: "acme-web-prod",
          storageBucket: "acme-web-prod.appspot.com",
          messagingSenderId: "%%sender%%",
          appId: "1:%%sender%%:web:%%appid%%",
          measurementId: "G-%%mid%%",
        };

        export const app = initializeApp(firebaseConfig);
        export const auth = getAuth(app);
        export const db = getFirestore(app);
        ''', key=S("gcp-api-key"), sender=rs(DIG, 12), appid=hexs(22), mid=rs(UPALNUM, 10))


@corpus_file("web/src/api/maps.js")
def _():
    return T('''
        import mapboxgl from "mapbox-gl";
        import algoliasearch from "algoliasearch";

        // public token, safe in the bundle
        mapboxgl.accessToken = "pk.%%pk%%";

        // FIXME: the admin key must not ship to browsers; used by the reindex script only
        const ALGOLIA_APP_ID = "%%app%%";
        const ALGOLIA_ADMIN_KEY = "%%admin%%";
        const MAPBOX_UPLOAD_TOKEN = '%%sk%%';

        export const search = algoliasearch(ALGOLIA_APP_ID, ALGOLIA_ADMIN_KEY);

        export function uploadTileset(file) {
          return fetch(`https://api.mapbox.com/uploads/v1/acme-maps?access_token=${MAPBOX_UPLOAD_TOKEN}`, {
            method: "POST",
            body: file,
          });
        }
        ''', pk=b64url(json.dumps({"u": "acme-maps", "a": rs(LOALNUM, 25)}).encode()) + "." + rs(B64URL, 22),
        app=rs(UPALNUM, 10), admin=S("algolia-admin-key"), sk=S("mapbox-secret-token"))


@corpus_file("server/index.js")
def _():
    return T('''
        'use strict';

        const express = require('express');
        const session = require('express-session');
        const jwt = require('jsonwebtoken');

        const app = express();
        const PORT = process.env.PORT || 3000;
        const JWT_SECRET = process.env.JWT_SECRET || '%%fallback%%';
        const SESSION_SECRET = process.env.SESSION_SECRET;

        app.use(express.json({ limit: '1mb' }));
        app.use(session({ secret: SESSION_SECRET, resave: false, saveUninitialized: false }));

        app.post('/login', async (req, res) => {
          const { username, password } = req.body;
          const user = await req.app.locals.users.verify(username, password);
          if (!user) return res.status(401).json({ error: 'invalid credentials' });
          const token = jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET, { expiresIn: '1h' });
          res.json({ token });
        });

        app.get('/healthz', (_req, res) => res.send('ok'));

        app.listen(PORT, () => console.log(`listening on ${PORT}`));
        ''', fallback=S("generic-secret", rs(ALNUM, 32)))


@corpus_file("server/mailer.ts")
def _():
    return T('''
        import sgMail from "@sendgrid/mail";
        import formData from "form-data";
        import Mailgun from "mailgun.js";

        sgMail.setApiKey("%%sg%%");

        const mailgun = new Mailgun(formData);
        const mg = mailgun.client({ username: "api", key: "%%mg%%", url: "https://api.eu.mailgun.net" });

        export interface Mail {
          to: string;
          subject: string;
          html: string;
        }

        export async function send(mail: Mail): Promise<void> {
          try {
            await sgMail.send({ from: "no-reply@acme.dev", ...mail });
          } catch (err) {
            // fall back to mailgun
            await mg.messages.create("mg.acme.dev", { from: "no-reply@acme.dev", ...mail });
          }
        }
        ''', sg=S("sendgrid-api-key"), mg=S("mailgun-api-key"))


@corpus_file("server/llm.mjs")
def _():
    return T('''
        import Anthropic from "@anthropic-ai/sdk";
        import OpenAI from "openai";

        const anthropic = new Anthropic({
          apiKey: "%%ant%%",
        });
        const openai = new OpenAI({ apiKey: `%%oa%%` });

        export async function summarize(text) {
          const msg = await anthropic.messages.create({
            model: "claude-3-5-sonnet-20241022",
            max_tokens: 512,
            messages: [{ role: "user", content: `Summarize:\\n\\n${text}` }],
          });
          return msg.content[0].text;
        }

        export async function embed(text) {
          const r = await openai.embeddings.create({ model: "text-embedding-3-small", input: text });
          return r.data[0].embedding;
        }
        ''', ant=S("anthropic-api-key"), oa=S("openai-service-account-key"))


@corpus_file("scripts/seed-db.js")
def _():
    pw = password(20, symbols="")
    return T('''
        #!/usr/bin/env node
        // Seeds the staging cluster with fixture data.
        const { MongoClient } = require("mongodb");
        const fixtures = require("./fixtures/users.json");

        const uri = "mongodb+srv://seeder:%%pw%%@staging-cluster.x7k2p.mongodb.net/app?retryWrites=true&w=majority";

        async function main() {
          const client = new MongoClient(uri);
          await client.connect();
          const users = client.db("app").collection("users");
          await users.deleteMany({});
          await users.insertMany(fixtures);
          console.log(`seeded ${fixtures.length} users`);
          await client.close();
        }

        main().catch((e) => {
          console.error(e);
          process.exit(1);
        });
        ''', pw=S("mongodb-url-password", pw))


@corpus_file("scripts/fixtures/users.json")
def _():
    users = []
    for i in range(6):
        name = R.choice(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]) + str(i)
        users.append({"_id": hexs(24), "email": f"{name}@example.com", "name": name.title(),
                      "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$" + b64(rbytes(16)).rstrip("=") + "$"
                      + b64(rbytes(32)).rstrip("="),
                      "api_key_id": uuid4(), "avatar": png_data_uri(6, 6) if i % 3 == 0 else None,
                      "created_at": f"2024-0{1 + i}-1{i}T10:0{i}:00Z"})
    return json.dumps(users, indent=2) + "\n"


@corpus_file("web/dist/assets/index-4f9c2a1b.js")
def _():
    # A minified bundle: long lines, short names, hashes, base64 fonts, no secrets.
    parts = []
    for i in range(40):
        a, b, c = rs(LO, 1), rs(LO + UP, 2), rs(LO, 1)
        parts.append(f'function {b}{i}({a},{c}){{return {a}&&{a}.__esModule?{a}:{{default:{a},key:"{hexs(8)}"}}}}')
        parts.append(f'var {b}{i}x=Object.defineProperty,{c}{i}=(t,e,n)=>e in t?{b}{i}x(t,e,{{enumerable:!0,value:n}}):t[e]=n;')
        if i % 7 == 0:
            parts.append(f'const F{i}="data:font/woff2;base64,{b64(rbytes(180))}";')
        if i % 5 == 0:
            parts.append(f'{b}{i}.chunk="{hexs(20)}",{b}{i}.v="{semver()}",{b}{i}.id="{uuid4()}";')
        if i % 9 == 0:
            parts.append(f'var C{i}="{rs(ALNUM + "+/", 64)}".split("").map(function(t){{return t.charCodeAt(0)}});')
    text = "".join(parts)
    lines = [text[i:i + 4000] for i in range(0, len(text), 4000)]
    return "!function(){\"use strict\";" + "\n".join(lines) + "}();\n//# sourceMappingURL=index-4f9c2a1b.js.map\n"


@corpus_file("web/src/config/env.ts")
def _():
    return T('''
        // Typed access to environment variables. Never hard-code values here.
        import { z } from "zod";

        const schema = z.object({
          NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
          DATABASE_URL: z.string().url(),
          STRIPE_SECRET_KEY: z.string().startsWith("sk_"),
          GITHUB_TOKEN: z.string().optional(),
          SESSION_SECRET: z.string().min(32),
          OPENAI_API_KEY: z.string().optional(),
        });

        export const env = schema.parse({
          NODE_ENV: process.env.NODE_ENV,
          DATABASE_URL: process.env.DATABASE_URL,
          STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
          GITHUB_TOKEN: process.env.GITHUB_TOKEN,
          SESSION_SECRET: process.env["SESSION_SECRET"],
          OPENAI_API_KEY: import.meta.env.VITE_OPENAI_API_KEY,
        });

        export const apiKeyHeader = "X-API-Key";
        export const tokenStorageKey = "acme.auth.token";
        export const passwordMinLength = 12;
        ''')


@corpus_file("server/okta.js")
def _():
    return T('''
        const okta = require("@okta/okta-sdk-nodejs");

        const client = new okta.Client({
          orgUrl: "https://acme.okta.com/",
          token: "%%tok%%", // SSWS api token for the provisioning service
        });

        async function deactivate(userId) {
          const user = await client.userApi.getUser({ userId });
          await client.userApi.deactivateUser({ userId: user.id });
        }

        module.exports = { deactivate };
        ''', tok=S("okta-api-token"))


@corpus_file("server/auth0.config.js")
def _():
    return T('''
        module.exports = {
          domain: "acme.eu.auth0.com",
          clientId: "%%cid%%",
          clientSecret: "%%sec%%",
          audience: "https://api.acme.dev",
          scope: "openid profile email offline_access",
        };
        ''', cid=rs(ALNUM, 32), sec=S("auth0-client-secret"))


@corpus_file("web/src/components/Avatar.tsx")
def _():
    return T('''
        import React from "react";

        const FALLBACK =
          "%%img%%";

        export interface AvatarProps {
          src?: string;
          size?: number;
          alt: string;
        }

        export function Avatar({ src, size = 32, alt }: AvatarProps) {
          return (
            <img
              className="rounded-full border border-slate-200"
              src={src ?? FALLBACK}
              width={size}
              height={size}
              alt={alt}
              data-testid="avatar-%%id%%"
            />
          );
        }
        ''', img=png_data_uri(16, 16), id=hexs(7))


@corpus_file("server/hubspot-sync.ts")
def _():
    return T('''
        import { Client } from "@hubspot/api-client";

        const hubspot = new Client({ accessToken: "%%tok%%" });

        export async function upsertContact(email: string, props: Record<string, string>) {
          const search = await hubspot.crm.contacts.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: "email", operator: "EQ", value: email }] }],
            limit: 1,
          } as any);
          if (search.results.length) {
            return hubspot.crm.contacts.basicApi.update(search.results[0].id, { properties: props });
          }
          return hubspot.crm.contacts.basicApi.create({ properties: { email, ...props } } as any);
        }
        ''', tok=S("hubspot-pat"))


@corpus_file("server/payments/paypal.ts")
def _():
    return T('''
        const PAYPAL_API = "https://api-m.paypal.com";
        const CLIENT_ID = "A%%cid%%";
        const CLIENT_SECRET = "%%sec%%";

        export async function accessToken(): Promise<string> {
          const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
          const r = await fetch(`${PAYPAL_API}/v1/oauth2/token`, {
            method: "POST",
            headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
            body: "grant_type=client_credentials",
          });
          return (await r.json()).access_token;
        }
        ''', cid=rs(B64URL, 79), sec=S("paypal-client-secret"))


@corpus_file("web/src/analytics.js")
def _():
    return T('''
        // Segment write keys and Sentry DSNs are public by design; nothing secret in this file.
        import * as Sentry from "@sentry/browser";

        const SEGMENT_WRITE_KEY = process.env.SEGMENT_WRITE_KEY;
        const BUILD_SHA = "%%sha%%";
        const RELEASE = "web@%%ver%%+%%short%%";

        Sentry.init({
          dsn: process.env.SENTRY_DSN,
          release: RELEASE,
          tracesSampleRate: 0.1,
        });

        export function track(event, props = {}) {
          window.analytics?.track(event, { ...props, build: BUILD_SHA });
        }

        export const FEATURE_FLAGS = {
          "new-checkout": "%%ff1%%",
          "dark-mode": "%%ff2%%",
        };
        ''', sha=sha1(), ver=semver(), short=hexs(7), ff1=uuid4(), ff2=uuid4())


# ---------------------------------------------------------------------------------------------
# Go

@corpus_file("services/notify/cmd/notify/main.go")
def _():
    return T('''
        package main

        import (
        	"context"
        	"log"
        	"net/http"
        	"os"
        	"time"

        	"github.com/stripe/stripe-go/v76"
        	"github.com/twilio/twilio-go"
        	openapi "github.com/twilio/twilio-go/rest/api/v2010"
        )

        const (
        	twilioAccountSID = "AC%%sid%%"
        	twilioAPIKey     = "%%key%%"
        	twilioAPISecret  = "%%apisec%%"
        	stripeKey        = "%%rk%%"
        	shutdownTimeout  = 10 * time.Second
        )

        var twilioAuthToken = "%%auth%%"

        func main() {
        	stripe.Key = stripeKey
        	tw := twilio.NewRestClientWithParams(twilio.ClientParams{
        		Username:   twilioAPIKey,
        		Password:   twilioAPISecret,
        		AccountSid: twilioAccountSID,
        	})
        	_ = twilioAuthToken

        	mux := http.NewServeMux()
        	mux.HandleFunc("/sms", func(w http.ResponseWriter, r *http.Request) {
        		params := &openapi.CreateMessageParams{}
        		params.SetTo(r.FormValue("to"))
        		params.SetFrom(os.Getenv("TWILIO_FROM"))
        		params.SetBody(r.FormValue("body"))
        		if _, err := tw.Api.CreateMessage(params); err != nil {
        			http.Error(w, err.Error(), http.StatusBadGateway)
        			return
        		}
        		w.WriteHeader(http.StatusAccepted)
        	})
        	srv := &http.Server{Addr: ":8080", Handler: mux}
        	go func() { log.Fatal(srv.ListenAndServe()) }()
        	<-context.Background().Done()
        }
        ''', sid=hexs(32), key=S("twilio-api-key"), apisec=S("twilio-api-secret", rs(ALNUM, 32)),
        rk=S("stripe-restricted-key"), auth=S("twilio-auth-token"))


@corpus_file("services/notify/internal/store/postgres.go")
def _():
    return T('''
        package store

        import (
        	"database/sql"
        	"fmt"

        	_ "github.com/lib/pq"
        )

        // DefaultDSN is used by the integration environment.
        const DefaultDSN = "host=pg.integration.internal port=5432 user=notify password=%%pw%% dbname=notify sslmode=require"

        type Store struct{ db *sql.DB }

        func Open(dsn string) (*Store, error) {
        	if dsn == "" {
        		dsn = DefaultDSN
        	}
        	db, err := sql.Open("postgres", dsn)
        	if err != nil {
        		return nil, fmt.Errorf("open: %w", err)
        	}
        	db.SetMaxOpenConns(20)
        	return &Store{db: db}, nil
        }

        func (s *Store) Close() error { return s.db.Close() }
        ''', pw=S("postgres-dsn-password", password(20, symbols="")))


@corpus_file("services/notify/internal/auth/jwt.go")
def _():
    return T('''
        package auth

        import (
        	"errors"
        	"time"

        	"github.com/golang-jwt/jwt/v5"
        )

        var signingKey = []byte("%%key%%")

        var ErrExpired = errors.New("token expired")

        type Claims struct {
        	TenantID string `json:"tid"`
        	jwt.RegisteredClaims
        }

        func Issue(sub, tenant string, ttl time.Duration) (string, error) {
        	c := Claims{TenantID: tenant, RegisteredClaims: jwt.RegisteredClaims{
        		Subject:   sub,
        		ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
        	}}
        	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(signingKey)
        }
        ''', key=S("generic-secret", rs(ALNUM + "-_", 44)))


@corpus_file("services/notify/internal/auth/jwt_test.go")
def _():
    return T('''
        package auth

        import (
        	"testing"
        	"time"
        )

        const testSecret = "test-secret"
        const fakeTenant = "00000000-0000-0000-0000-000000000000"

        func TestIssueRoundTrip(t *testing.T) {
        	signingKey = []byte(testSecret)
        	tok, err := Issue("user-1", fakeTenant, time.Minute)
        	if err != nil {
        		t.Fatal(err)
        	}
        	if len(tok) < 20 {
        		t.Fatalf("token too short: %q", tok)
        	}
        }

        func TestExampleTokenRejected(t *testing.T) {
        	// from https://jwt.io
        	example := "%%jwtio%%"
        	if _, err := Parse(example); err == nil {
        		t.Fatal("expected error")
        	}
        }
        ''', jwtio=JWT_IO_EXAMPLE)


@corpus_file("services/notify/go.sum")
def _():
    mods = ["github.com/golang-jwt/jwt/v5", "github.com/lib/pq", "github.com/stripe/stripe-go/v76",
            "github.com/twilio/twilio-go", "github.com/golang/mock", "github.com/pkg/errors",
            "golang.org/x/net", "golang.org/x/sys", "golang.org/x/text", "google.golang.org/protobuf",
            "github.com/stretchr/testify", "github.com/davecgh/go-spew", "github.com/pmezard/go-difflib",
            "gopkg.in/yaml.v3", "github.com/beorn7/perks", "github.com/prometheus/client_golang"]
    out = []
    for m in mods:
        for _ in range(R.randrange(1, 3)):
            v = f"v{semver()}" if R.random() < 0.7 else f"v0.0.0-2023{R.randrange(10, 12)}{R.randrange(10, 28)}{rs(DIG, 6)}-{hexs(12)}"
            out.append(f"{m} {v} h1:{b64(rbytes(32))}")
            out.append(f"{m} {v}/go.mod h1:{b64(rbytes(32))}")
    return "\n".join(out) + "\n"


@corpus_file("services/notify/internal/telegram/bot.go")
def _():
    return T('''
        package telegram

        import (
        	"bytes"
        	"encoding/json"
        	"fmt"
        	"net/http"
        )

        // botToken for @acme_ops_bot
        const botToken = "%%tok%%"

        func Send(chatID int64, text string) error {
        	body, _ := json.Marshal(map[string]any{"chat_id": chatID, "text": text})
        	url := fmt.Sprintf("https://api.telegram.org/bot%s/sendMessage", botToken)
        	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
        	if err != nil {
        		return err
        	}
        	defer resp.Body.Close()
        	if resp.StatusCode != http.StatusOK {
        		return fmt.Errorf("telegram: %s", resp.Status)
        	}
        	return nil
        }
        ''', tok=S("telegram-bot-token"))


@corpus_file("services/notify/internal/crypto/vectors_test.go")
def _():
    vecs = "\n".join(f'\t{{"{hexs(64)}", "{hexs(24)}", "{hexs(32)}", "{hexs(64)}"}},' for _ in range(8))
    return T('''
        package crypto

        import (
        	"encoding/hex"
        	"testing"
        )

        // AES-256-GCM test vectors (key, nonce, plaintext, ciphertext||tag).
        var gcmVectors = []struct{ key, nonce, plaintext, sealed string }{
        %%vecs%%
        }

        func mustHex(s string) []byte {
        	b, err := hex.DecodeString(s)
        	if err != nil {
        		panic(err)
        	}
        	return b
        }

        func TestVectorsDecode(t *testing.T) {
        	for _, v := range gcmVectors {
        		if len(mustHex(v.key)) != 32 {
        			t.Fatal("bad key length")
        		}
        	}
        }
        ''', vecs=vecs)


# ---------------------------------------------------------------------------------------------
# Java / Kotlin / JVM configs

@corpus_file("inventory/src/main/resources/application.properties")
def _():
    return T('''
        spring.application.name=inventory
        server.port=8080
        spring.datasource.url=jdbc:postgresql://inventory-db.prod.internal:5432/inventory?ssl=true&sslmode=verify-full
        spring.datasource.username=inventory
        spring.datasource.password=%%db%%
        spring.datasource.hikari.maximum-pool-size=20
        spring.jpa.hibernate.ddl-auto=validate

        spring.mail.host=smtp.sendgrid.net
        spring.mail.port=587
        spring.mail.username=apikey
        spring.mail.password=%%sg%%

        management.endpoints.web.exposure.include=health,info,prometheus
        inventory.cache.ttl=PT10M
        inventory.feature.bulk-import=true
        ''', db=S("generic-password", password(22, symbols="!_-")), sg=S("sendgrid-api-key"))


@corpus_file("inventory/src/main/resources/application-prod.yml")
def _():
    return T('''
        spring:
          datasource:
            url: jdbc:postgresql://${DB_HOST:localhost}:5432/inventory
            username: ${DB_USER}
            password: ${DB_PASSWORD}
          security:
            oauth2:
              client:
                registration:
                  okta:
                    client-id: ${OKTA_CLIENT_ID}
                    client-secret: ${OKTA_CLIENT_SECRET}
        inventory:
          s3:
            access-key: ${AWS_ACCESS_KEY_ID:}
            secret-key: ${AWS_SECRET_ACCESS_KEY:}
          api-token: ${vault:secret/inventory#api-token}
        logging:
          level:
            root: INFO
        ''')


@corpus_file("inventory/src/main/java/com/acme/inventory/config/StorageConfig.java")
def _():
    key = S("azure-storage-account-key")
    return T('''
        package com.acme.inventory.config;

        import com.azure.storage.blob.BlobServiceClient;
        import com.azure.storage.blob.BlobServiceClientBuilder;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        public class StorageConfig {

            private static final String CONNECTION_STRING =
                "DefaultEndpointsProtocol=https;AccountName=acmeinventory;AccountKey=%%key%%;EndpointSuffix=core.windows.net";

            private static final String API_KEY = "%%api%%";

            @Bean
            public BlobServiceClient blobServiceClient() {
                return new BlobServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
            }

            public static String apiKey() {
                return API_KEY;
            }
        }
        ''', key=key, api=S("generic-api-key", rs(ALNUM, 40)))


@corpus_file("inventory/src/main/java/com/acme/inventory/payments/BraintreeGateway.java")
def _():
    return T('''
        package com.acme.inventory.payments;

        import com.braintreegateway.BraintreeGateway;

        public final class Gateways {
            private Gateways() {}

            // Access-token auth (no merchant id / public / private key triple needed)
            public static BraintreeGateway production() {
                return new BraintreeGateway("%%tok%%");
            }

            public static BraintreeGateway sandbox() {
                return new BraintreeGateway(System.getenv("BRAINTREE_SANDBOX_TOKEN"));
            }
        }
        ''', tok=S("braintree-access-token"))


@corpus_file("inventory/src/main/java/com/acme/inventory/util/Hashes.java")
def _():
    return T('''
        package com.acme.inventory.util;

        import java.nio.charset.StandardCharsets;
        import java.security.MessageDigest;
        import java.security.NoSuchAlgorithmException;
        import java.util.HexFormat;
        import java.util.UUID;

        public final class Hashes {
            /** SHA-256 of the empty string. */
            public static final String EMPTY_SHA256 =
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            public static final String SCHEMA_FINGERPRINT = "%%fp%%";
            public static final UUID NAMESPACE = UUID.fromString("%%ns%%");
            private static final String PASSWORD_FIELD = "password";
            private static final String TOKEN_HEADER = "X-Auth-Token";

            private Hashes() {}

            public static String sha256(String s) {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        ''', fp=sha256(), ns=uuid4())


@corpus_file("inventory/gradle.properties")
def _():
    return T('''
        org.gradle.jvmargs=-Xmx2g -Dfile.encoding=UTF-8
        org.gradle.parallel=true
        kotlin.code.style=official
        artifactory_contextUrl=https://acme.jfrog.io/artifactory
        artifactory_user=ci-publisher
        artifactory_password=%%af%%
        systemProp.sonar.host.url=https://sonar.acme.dev
        systemProp.sonar.token=%%sq%%
        version=%%ver%%
        ''', af=S("artifactory-api-key"), sq=S("sonarqube-token"), ver=semver())


@corpus_file("inventory/gradle/wrapper/gradle-wrapper.properties")
def _():
    return T('''
        distributionBase=GRADLE_USER_HOME
        distributionPath=wrapper/dists
        distributionSha256Sum=%%sum%%
        distributionUrl=https\\://services.gradle.org/distributions/gradle-8.7-bin.zip
        networkTimeout=10000
        validateDistributionUrl=true
        zipStoreBase=GRADLE_USER_HOME
        zipStorePath=wrapper/dists
        ''', sum=sha256())


@corpus_file("inventory/src/main/resources/kafka-client.properties")
def _():
    return T('''
        bootstrap.servers=pkc-%%c%%.eu-west-1.aws.confluent.cloud:9092
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%%user%%" password="%%pw%%";
        client.dns.lookup=use_all_dns_ips
        session.timeout.ms=45000
        acks=all
        ssl.truststore.location=/etc/kafka/truststore.jks
        ssl.truststore.password=${TRUSTSTORE_PASSWORD}
        ''', c=rs(LOALNUM, 5), user=rs(UPALNUM, 16), pw=S("confluent-api-secret", rs(B64URL, 64)))


@corpus_file("inventory/src/main/resources/db/changelog/V7__add_api_clients.sql")
def _():
    rows = "\n".join(f"  ('{uuid4()}', '{n}', '{sha256()}', now())," for n in
                     ("warehouse-scanner", "erp-bridge", "reporting", "mobile-app"))
    return T('''
        -- API clients authenticate with a key whose SHA-256 is stored here, never the key itself.
        CREATE TABLE api_clients (
          id UUID PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          key_sha256 CHAR(64) NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        INSERT INTO api_clients (id, name, key_sha256, created_at) VALUES
        %%rows%%
          ('%%u%%', 'ci', '%%h%%', now());

        -- read-only role used by the reporting service
        CREATE ROLE reporting_ro WITH LOGIN PASSWORD '%%pw%%';
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;
        ''', rows=rows, u=uuid4(), h=sha256(), pw=S("sql-role-password", password(18, symbols="")))


# ---------------------------------------------------------------------------------------------
# C#

@corpus_file("portal/Portal.Api/appsettings.json")
def _():
    pw = password(20, symbols="!*-_")
    return T('''
        {
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning"
            }
          },
          "AllowedHosts": "*",
          "ConnectionStrings": {
            "DefaultConnection": "Server=tcp:acme-portal.database.windows.net,1433;Initial Catalog=portal;Persist Security Info=False;User ID=portal_app;Password=%%pw%%;MultipleActiveResultSets=False;Encrypt=True;Connection Timeout=30;",
            "Cosmos": "AccountEndpoint=https://acme-portal.documents.azure.com:443/;AccountKey=%%cosmos%%;",
            "ServiceBus": "Endpoint=sb://acme-portal.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%%sb%%"
          },
          "AzureAd": {
            "Instance": "https://login.microsoftonline.com/",
            "TenantId": "%%tenant%%",
            "ClientId": "%%client%%",
            "ClientSecret": "%%cs%%"
          },
          "ApplicationInsights": {
            "ConnectionString": "InstrumentationKey=%%ikey%%;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
          }
        }
        ''', pw=S("mssql-connection-string-password", pw), cosmos=S("azure-cosmosdb-key"),
        sb=S("azure-service-bus-key"), tenant=uuid4(), client=uuid4(), cs=S("azure-ad-client-secret"),
        ikey=uuid4())


@corpus_file("portal/Portal.Api/appsettings.Development.json")
def _():
    return T('''
        {
          "ConnectionStrings": {
            "DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=portal_dev;Trusted_Connection=True;MultipleActiveResultSets=true"
          },
          "AzureAd": {
            "ClientSecret": "<client-secret-from-user-secrets>"
          },
          "Stripe": {
            "SecretKey": "sk_test_your_key_here",
            "WebhookSecret": "whsec_..."
          },
          "Jwt": {
            "Key": "${JWT_KEY}",
            "Issuer": "https://localhost:5001"
          }
        }
        ''')


@corpus_file("portal/Portal.Api/Services/BlobService.cs")
def _():
    sig = TOKENS["azure-sas-signature"]()
    enc = urllib.parse.quote(sig, safe="")
    return T('''
        using Azure.Storage.Blobs;

        namespace Portal.Api.Services;

        public sealed class BlobService
        {
            // SAS for the exports container, expires 2026-01-01
            private const string ExportsSasUrl =
                "https://acmeportal.blob.core.windows.net/exports?sp=racwdl&st=2024-01-01T00:00:00Z&se=2026-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=%%sig%%";

            private readonly BlobContainerClient _container = new(new Uri(ExportsSasUrl));

            public async Task<Uri> UploadAsync(string name, Stream content, CancellationToken ct)
            {
                var blob = _container.GetBlobClient(name);
                await blob.UploadAsync(content, overwrite: true, ct);
                return blob.Uri;
            }
        }
        ''', sig=S("azure-sas-signature", enc, decoded=sig))


@corpus_file("portal/NuGet.config")
def _():
    return T('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
            <add key="acme" value="https://pkgs.dev.azure.com/acme/_packaging/acme/nuget/v3/index.json" />
          </packageSources>
          <packageSourceCredentials>
            <acme>
              <add key="Username" value="ci" />
              <add key="ClearTextPassword" value="%%pat%%" />
            </acme>
          </packageSourceCredentials>
          <apikeys>
            <add key="https://www.nuget.org" value="%%nuget%%" />
          </apikeys>
        </configuration>
        ''', pat=S("azure-devops-pat"), nuget=S("nuget-api-key"))


@corpus_file("portal/Portal.Api/Controllers/HealthController.cs")
def _():
    return T('''
        using Microsoft.AspNetCore.Mvc;

        namespace Portal.Api.Controllers;

        [ApiController]
        [Route("[controller]")]
        public class HealthController : ControllerBase
        {
            private readonly IConfiguration _config;
            private const string ApiKeyHeaderName = "X-Api-Key";
            private static readonly Guid BuildId = Guid.Parse("%%g%%");

            public HealthController(IConfiguration config) => _config = config;

            [HttpGet]
            public IActionResult Get()
            {
                var secret = _config["Portal:HealthSecret"];
                var password = Environment.GetEnvironmentVariable("PORTAL_DB_PASSWORD");
                return Ok(new { status = "ok", build = BuildId, commit = "%%sha%%", hasSecret = secret != null && password != null });
            }
        }
        ''', g=uuid4(), sha=sha1())


# ---------------------------------------------------------------------------------------------
# Ruby

@corpus_file("shop/config/initializers/stripe.rb")
def _():
    return T('''
        # frozen_string_literal: true

        Rails.configuration.stripe = {
          publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", nil),
          secret_key: ENV["STRIPE_SECRET_KEY"] || "%%sk%%"
        }

        Stripe.api_key = Rails.configuration.stripe[:secret_key]
        Stripe.api_version = "2024-06-20"
        Stripe.max_network_retries = 2
        ''', sk=S("stripe-secret-key"))


@corpus_file("shop/config/secrets.yml")
def _():
    return T('''
        # Be sure to restart your server when you modify this file.
        development:
          secret_key_base: %%dev%%

        test:
          secret_key_base: %%test%%

        production:
          secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>
          shopify_api_secret: %%shpss%%
        ''', dev=S("rails-secret-key-base", hexs(128)), test=S("rails-secret-key-base", hexs(128)),
        shpss=S("shopify-shared-secret"))


@corpus_file("shop/config/database.yml")
def _():
    return T('''
        default: &default
          adapter: postgresql
          encoding: unicode
          pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>

        development:
          <<: *default
          database: shop_development
          username: shop
          password: shop

        test:
          <<: *default
          database: shop_test
          password: password

        production:
          <<: *default
          database: shop_production
          username: shop
          password: <%= ENV["SHOP_DATABASE_PASSWORD"] %>
          url: <%= ENV["DATABASE_URL"] %>
        ''')


@corpus_file("shop/Gemfile.lock")
def _():
    gems = ["actioncable", "actionmailer", "actionpack", "activerecord", "activesupport", "bcrypt",
            "bootsnap", "concurrent-ruby", "devise", "nokogiri", "pg", "puma", "rack", "rails",
            "redis", "sidekiq", "stripe", "shopify_api", "zeitwerk"]
    specs = "\n".join(f"    {g} ({semver()})" for g in gems)
    sums = "\n".join(f"  {g} ({semver()}) sha256={sha256()}" for g in gems[:10])
    return ("GEM\n  remote: https://rubygems.org/\n  specs:\n" + specs +
            "\n\nPLATFORMS\n  x86_64-linux\n\nDEPENDENCIES\n  rails (~> 7.1)\n  stripe\n\nCHECKSUMS\n"
            + sums + "\n\nBUNDLED WITH\n   2.5.11\n")


@corpus_file("shop/lib/tasks/release.rake")
def _():
    return T('''
        namespace :release do
          desc "Build and push the shop-sdk gem"
          task :gem do
            ENV["GEM_HOST_API_KEY"] ||= "%%key%%"
            sh "gem build shop-sdk.gemspec"
            sh "gem push shop-sdk-#{ShopSdk::VERSION}.gem"
          end

          desc "Notify PagerDuty of the deploy"
          task :notify do
            require "net/http"
            uri = URI("https://api.pagerduty.com/change_events")
            req = Net::HTTP::Post.new(uri, "Authorization" => "Token token=%%pd%%",
                                           "Content-Type" => "application/json")
            req.body = { routing_key: ENV["PD_ROUTING_KEY"], payload: { summary: "shop deploy" } }.to_json
            Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }
          end
        end
        ''', key=S("rubygems-api-key"), pd=S("pagerduty-api-key"))


@corpus_file("shop/app/models/user.rb")
def _():
    return T('''
        class User < ApplicationRecord
          has_secure_password
          has_many :orders, dependent: :destroy

          PASSWORD_FORMAT = /\\A(?=.*\\d)(?=.*[a-z])(?=.*[A-Z]).{12,}\\z/
          API_TOKEN_LENGTH = 32

          validates :email, presence: true, uniqueness: { case_sensitive: false }
          validates :password, format: { with: PASSWORD_FORMAT }, if: :password_digest_changed?

          before_create :generate_api_token

          def self.authenticate(email, password)
            find_by(email: email.downcase)&.authenticate(password)
          end

          private

          def generate_api_token
            self.api_token = SecureRandom.urlsafe_base64(API_TOKEN_LENGTH)
          end
        end
        ''')


@corpus_file("shop/spec/fixtures/users.yml")
def _():
    return T('''
        alice:
          email: alice@example.com
          password_digest: <%= BCrypt::Password.create("password123") %>
          api_token: test_token_alice
        bob:
          email: bob@example.com
          password_digest: "$2a$12$%%bc%%"
          api_token: fake-api-token-bob
        ''', bc=rs(ALNUM + "./", 53))


# ---------------------------------------------------------------------------------------------
# PHP

@corpus_file("cms/.env")
def _():
    return T('''
        APP_NAME=AcmeCMS
        APP_ENV=production
        APP_KEY=base64:%%appkey%%
        APP_DEBUG=false
        APP_URL=https://cms.acme.dev

        LOG_CHANNEL=stack

        DB_CONNECTION=mysql
        DB_HOST=cms-db.internal
        DB_PORT=3306
        DB_DATABASE=cms
        DB_USERNAME=cms
        DB_PASSWORD=%%db%%

        REDIS_HOST=127.0.0.1
        REDIS_PASSWORD=null
        REDIS_PORT=6379

        MAIL_MAILER=smtp
        MAIL_HOST=smtp.mailgun.org
        MAIL_PORT=587
        MAIL_USERNAME=postmaster@mg.acme.dev
        MAIL_PASSWORD=%%mail%%

        PUSHER_APP_ID=%%pid%%
        PUSHER_APP_KEY=%%pkey%%
        PUSHER_APP_SECRET=%%psec%%
        PUSHER_APP_CLUSTER=eu

        AWS_ACCESS_KEY_ID=%%awsid%%
        AWS_SECRET_ACCESS_KEY=%%awssec%%
        AWS_DEFAULT_REGION=eu-central-1
        AWS_BUCKET=acme-cms-media
        ''', appkey=S("laravel-app-key", b64(rbytes(32))), db=S("generic-password", password(16, symbols="")),
        mail=S("mailgun-private-key"), pid=rs(DIG, 7), pkey=hexs(20),
        psec=S("pusher-app-secret", hexs(20)), awsid=S("aws-access-key-id"), awssec=S("aws-secret-access-key"))


@corpus_file("cms/.env.example")
def _():
    return T('''
        APP_NAME=AcmeCMS
        APP_ENV=local
        APP_KEY=
        APP_DEBUG=true
        APP_URL=http://localhost

        DB_CONNECTION=mysql
        DB_HOST=127.0.0.1
        DB_PORT=3306
        DB_DATABASE=cms
        DB_USERNAME=root
        DB_PASSWORD=

        MAIL_PASSWORD=your-mailgun-password
        PUSHER_APP_SECRET=xxxxxxxxxxxxxxxxxxxx
        AWS_ACCESS_KEY_ID=%%exid%%
        AWS_SECRET_ACCESS_KEY=%%exsec%%
        STRIPE_SECRET=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
        GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
        OPENAI_API_KEY=<your-openai-api-key>
        SLACK_BOT_TOKEN=xoxb-your-bot-token
        SENTRY_AUTH_TOKEN=changeme
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET)


@corpus_file("cms/config/services.php")
def _():
    return T('''
        <?php

        return [
            'mailgun' => [
                'domain' => env('MAILGUN_DOMAIN'),
                'secret' => env('MAILGUN_SECRET'),
                'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
            ],

            'postmark' => [
                'token' => env('POSTMARK_TOKEN'),
            ],

            'ses' => [
                'key' => env('AWS_ACCESS_KEY_ID'),
                'secret' => env('AWS_SECRET_ACCESS_KEY'),
                'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),
            ],

            'mailchimp' => [
                'key' => '%%mc%%',
                'list_id' => '%%list%%',
            ],

            'flutterwave' => [
                'public_key' => 'FLWPUBK-%%pub%%-X',
                'secret_key' => '%%flw%%',
            ],
        ];
        ''', mc=S("mailchimp-api-key"), list=hexs(10), pub=hexs(32), flw=S("flutterwave-secret-key"))


@corpus_file("cms/wp-config.php")
def _():
    def salt():
        return rs(ALNUM + "!#$%&()*+,-./:;<=>?@[]^_`{|}~", 64)
    return T('''
        <?php
        /** The base configuration for WordPress */

        define( 'DB_NAME', 'wp_blog' );
        define( 'DB_USER', 'wp_blog' );
        define( 'DB_PASSWORD', '%%pw%%' );
        define( 'DB_HOST', 'blog-db.internal' );
        define( 'DB_CHARSET', 'utf8mb4' );
        define( 'DB_COLLATE', '' );

        /**#@+
         * Authentication unique keys and salts.
         */
        define( 'AUTH_KEY',         '%%s1%%' );
        define( 'SECURE_AUTH_KEY',  '%%s2%%' );
        define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
        define( 'NONCE_KEY',        'put your unique phrase here' );
        /**#@-*/

        $table_prefix = 'wp_';
        define( 'WP_DEBUG', false );

        if ( ! defined( 'ABSPATH' ) ) {
            define( 'ABSPATH', __DIR__ . '/' );
        }
        require_once ABSPATH . 'wp-settings.php';
        ''', pw=S("generic-password", password(18, symbols="!^*")), s1=S("wordpress-auth-salt", salt()),
        s2=S("wordpress-auth-salt", salt()))


@corpus_file("cms/composer.lock")
def _():
    pkgs = []
    for name in ["guzzlehttp/guzzle", "laravel/framework", "monolog/monolog", "symfony/console",
                 "nesbot/carbon", "league/flysystem", "stripe/stripe-php"]:
        ref = sha1()
        pkgs.append({"name": name, "version": "v" + semver(),
                     "source": {"type": "git", "url": f"https://github.com/{name}.git", "reference": ref},
                     "dist": {"type": "zip", "url": f"https://api.github.com/repos/{name}/zipball/{ref}",
                              "reference": ref, "shasum": ""},
                     "require": {"php": "^8.1"}, "type": "library", "license": ["MIT"]})
    return json.dumps({"_readme": ["This file locks the dependencies of your project to a known state"],
                       "content-hash": hexs(32), "packages": pkgs, "packages-dev": [],
                       "aliases": [], "minimum-stability": "stable", "plugin-api-version": "2.6.0"},
                      indent=4) + "\n"


# ---------------------------------------------------------------------------------------------
# Shell

@corpus_file("ops/backup-db.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        # Nightly logical backup of the orders database to S3.
        set -euo pipefail

        export AWS_ACCESS_KEY_ID=%%kid%%
        export AWS_SECRET_ACCESS_KEY='%%sec%%'
        export AWS_DEFAULT_REGION=eu-west-1

        STAMP=$(date -u +%Y%m%dT%H%M%SZ)
        OUT="/var/backups/orders-${STAMP}.sql.gz"

        mysqldump --single-transaction -h orders-db.internal -u backup -p'%%pw%%' orders | gzip > "$OUT"
        sha256sum "$OUT" > "$OUT.sha256"
        aws s3 cp "$OUT" "s3://acme-backups/orders/${STAMP}.sql.gz"

        curl -fsS -X POST -H "Authorization: Bearer %%hc%%" \\
          "https://healthchecks.acme.dev/api/v1/checks/%%check%%/pings"
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"),
        pw=S("generic-password", password(16, symbols="")), hc=S("bearer-token", rs(ALNUM, 32)), check=uuid4())


@corpus_file("ci/publish.sh")
def _():
    return T('''
        #!/bin/sh
        set -e

        cat > ~/.npmrc <<EOF
        //registry.npmjs.org/:_authToken=%%npm%%
        always-auth=true
        EOF

        echo "%%docker%%" | docker login -u acmebot --password-stdin
        docker push acme/api:"${GIT_SHA:-latest}"

        npm publish --access public
        ''', npm=S("npm-token"), docker=S("dockerhub-pat"))


@corpus_file("ci/bootstrap.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        # Pulls every secret at runtime; nothing is stored in the repository.
        set -euo pipefail

        : "${VAULT_ADDR:?VAULT_ADDR must be set}"
        export DB_PASSWORD="$(vault kv get -field=password secret/orders/db)"
        export STRIPE_SECRET_KEY="$(aws secretsmanager get-secret-value --secret-id prod/stripe --query SecretString --output text)"
        export GITHUB_TOKEN="${GITHUB_TOKEN:-$(gh auth token)}"
        export API_KEY="$(gcloud secrets versions access latest --secret=orders-api-key)"
        export SENTRY_AUTH_TOKEN="$(op read op://ci/sentry/token)"

        TOKEN=${1:-}
        if [ -z "$TOKEN" ]; then
          echo "usage: $0 <token>" >&2
          exit 64
        fi
        curl -fsS -H "Authorization: Bearer $TOKEN" https://api.acme.dev/v1/ping
        curl -fsS -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com/user
        echo "sha256: %%h%%"
        ''', h=sha256())


@corpus_file("ops/gitlab-runner-register.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail

        gitlab-runner register \\
          --non-interactive \\
          --url "https://gitlab.acme.dev/" \\
          --registration-token "%%reg%%" \\
          --executor docker \\
          --docker-image alpine:3.19 \\
          --description "docker-runner-$(hostname)" \\
          --tag-list "docker,linux"

        # newer runners authenticate with a runner token instead
        gitlab-runner register --non-interactive --url https://gitlab.acme.dev --token %%glrt%% --executor shell
        ''', reg=S("gitlab-runner-registration-token"), glrt=S("gitlab-runner-token"))


@corpus_file("ops/rotate-keys.ps1")
def _():
    return T('''
        # Rotates the storage keys and posts to the ops channel.
        param([string]$ResourceGroup = "rg-portal-prod")

        $webhook = "%%teams%%"
        $account = "acmeportal"

        $keys = az storage account keys renew --resource-group $ResourceGroup --account-name $account --key primary | ConvertFrom-Json
        $body = @{ text = "Rotated primary key of $account at $(Get-Date -Format o)" } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri $webhook -Body $body -ContentType "application/json"
        ''', teams=S("teams-webhook")).replace("\n", "\r\n")  # Windows line endings


@corpus_file("ops/cloudflare-purge.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        ZONE_ID="%%zone%%"
        CF_API_TOKEN="%%tok%%"
        # legacy global key, still used by the DNS exporter
        CF_API_KEY=%%glob%%
        CF_EMAIL=ops@acme.dev

        curl -sS -X POST "https://api.cloudflare.com/client/v4/zones/${ZONE_ID}/purge_cache" \\
          -H "Authorization: Bearer ${CF_API_TOKEN}" \\
          -H "Content-Type: application/json" \\
          --data '{"purge_everything":true}'
        ''', zone=hexs(32), tok=S("cloudflare-api-token"), glob=S("cloudflare-global-api-key"))


@corpus_file("ops/deploy-heroku.sh")
def _():
    return T('''
        #!/usr/bin/env bash
        set -euo pipefail
        export HEROKU_API_KEY=%%new%%
        # old key kept for the staging pipeline until it is migrated
        HEROKU_API_KEY_STAGING="%%old%%"
        heroku container:push web -a acme-api
        heroku container:release web -a acme-api
        ''', new=S("heroku-api-key"), old=S("heroku-api-key-legacy"))


@corpus_file("ops/api-smoke-test.sh")
def _():
    user, pw = "smoke", password(16, symbols="")
    basic = b64(f"{user}:{pw}".encode())
    return T('''
        #!/usr/bin/env bash
        set -eu
        BASE=${BASE:-https://api.acme.dev}

        curl -fsS "$BASE/healthz"
        curl -fsS -H "Authorization: Basic %%basic%%" "$BASE/v1/admin/stats"
        curl -fsS "$BASE/v1/export?format=csv&api_key=%%qkey%%" -o /tmp/export.csv
        curl -fsS -u "deploy:%%upw%%" "$BASE/v1/deploys" | jq '.[0]'
        ''', basic=S("basic-auth-header", basic, decoded=f"{user}:{pw}"),
        qkey=S("url-query-api-key", rs(ALNUM, 32)), upw=S("curl-user-password", password(18, symbols="")))


# ---------------------------------------------------------------------------------------------
# dotenv

@corpus_file(".env")
def _():
    return T('''
        # local overrides — DO NOT COMMIT (oops)
        NODE_ENV=development
        PORT=3000
        DATABASE_URL=postgres://app:%%pg%%@localhost:5432/app_dev
        REDIS_URL=redis://:%%redis%%@cache.internal:6379/0
        OPENAI_API_KEY=%%oa%%
        ANTHROPIC_API_KEY="%%ant%%"
        GITHUB_TOKEN=%%gh%%
        GITLAB_TOKEN='%%gl%%'
        SENTRY_DSN=https://%%dsnk%%@o%%org%%.ingest.sentry.io/%%proj%%
        LINEAR_API_KEY=%%lin%%
        FIGMA_TOKEN=%%fig%%
        FEATURE_FLAGS=new-checkout,dark-mode
        LOG_LEVEL=debug
        ''', pg=S("postgres-url-password", password(16, symbols="")),
        redis=S("redis-url-password", password(24, symbols="")), oa=S("openai-legacy-key"),
        ant=S("anthropic-api-key"), gh=S("github-pat-classic"), gl=S("gitlab-pat"), dsnk=hexs(32),
        org=rs(DIG, 6), proj=rs(DIG, 7), lin=S("linear-api-key"), fig=S("figma-pat"))


@corpus_file("deploy/.env.production")
def _():
    return T('''
        DATABASE_URL="mysql://shop:%%my%%@shop-db.prod.internal:3306/shop"
        AMQP_URL=amqps://orders:%%amqp%%@rabbit.prod.internal:5671/orders
        SENTRY_AUTH_TOKEN=%%sentry%%
        SENTRY_USER_TOKEN=%%sentryu%%
        DD_API_KEY=%%dd%%
        DD_APP_KEY=%%ddapp%%
        NEW_RELIC_LICENSE_KEY=%%nrl%%
        NEW_RELIC_API_KEY=%%nrak%%
        SHOPIFY_ACCESS_TOKEN=%%shpat%%
        SHOPIFY_API_SECRET=%%shpss%%
        OP_SERVICE_ACCOUNT_TOKEN=%%op%%
        DOPPLER_TOKEN=%%dp%%
        ''', my=S("mysql-url-password", password(18, symbols="")),
        amqp=S("amqp-url-password", password(20, symbols="")), sentry=S("sentry-org-token"),
        sentryu=S("sentry-user-token"), dd=S("datadog-api-key"), ddapp=S("datadog-app-key"),
        nrl=S("newrelic-license-key"), nrak=S("newrelic-user-key"), shpat=S("shopify-access-token"),
        shpss=S("shopify-shared-secret"), op=S("onepassword-service-account-token"),
        dp=S("doppler-service-token"))


@corpus_file("web/.env.local")
def _():
    svc = jwt({"iss": "supabase", "ref": rs(LO, 20), "role": "service_role", "iat": 1718000000, "exp": 2033576000})
    return T('''
        NEXT_PUBLIC_SUPABASE_URL=https://%%ref%%.supabase.co
        SUPABASE_SERVICE_ROLE_KEY=%%svc%%
        SUPABASE_ACCESS_TOKEN=%%sbp%%
        PLANETSCALE_TOKEN=%%ps%%
        PLANETSCALE_DB_PASSWORD=%%pspw%%
        NETLIFY_AUTH_TOKEN=%%nf%%
        RENDER_API_KEY=%%rnd%%
        NEXT_PUBLIC_APP_VERSION=%%ver%%
        ''', ref=rs(LO, 20), svc=S("jwt", svc), sbp=S("supabase-pat"),
        ps=S("planetscale-token"), pspw=S("planetscale-password"), nf=S("netlify-pat"), rnd=S("render-api-key"),
        ver=semver())


@corpus_file("shopify-app/.env")
def _():
    return T('''
        SHOPIFY_API_SECRET=%%sec%%
        SHOPIFY_APP_TOKEN=%%shpca%%
        SHOPIFY_PRIVATE_APP_PASSWORD=%%shppa%%
        SCOPES=write_products,read_orders
        HOST=https://shop-app.acme.dev
        ''', sec=S("shopify-shared-secret"), shpca=S("shopify-custom-app-token"),
        shppa=S("shopify-private-app-token"))


@corpus_file("ml/.env.sample")
def _():
    return T('''
        # Copy to .env and fill in.
        OPENAI_API_KEY=sk-...
        ANTHROPIC_API_KEY=sk-ant-xxxxxxxx
        HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        WANDB_API_KEY=<wandb key>
        PINECONE_API_KEY=${PINECONE_API_KEY}
        DATABASE_URL=postgres://user:password@localhost:5432/ml
        REDIS_URL=redis://localhost:6379
        S3_BUCKET=acme-ml-datasets
        ''')


# ---------------------------------------------------------------------------------------------
# Kubernetes, Helm, Ansible

@corpus_file("k8s/orders/secret.yaml")
def _():
    dbpw = password(20, symbols="")
    gh = TOKENS["github-pat-classic"]()
    stripe = TOKENS["stripe-secret-key"]()
    url = f"postgresql://orders:{dbpw}@orders-db:5432/orders"
    return T('''
        apiVersion: v1
        kind: Secret
        metadata:
          name: orders-secrets
          namespace: orders
          labels:
            app.kubernetes.io/name: orders
        type: Opaque
        data:
          DB_USER: %%user%%
          DB_PASSWORD: %%pw%%
          DATABASE_URL: %%url%%
          GITHUB_TOKEN: %%gh%%
          STRIPE_SECRET_KEY: %%stripe%%
        stringData:
          SMTP_PASSWORD: "%%smtp%%"
          LOG_LEVEL: info
        ''', user=b64(b"orders"),
        pw=S("k8s-secret-base64-password", b64(dbpw.encode()), decoded=dbpw),
        url=S("k8s-secret-base64-db-url", b64(url.encode()), decoded=url),
        gh=S("k8s-secret-base64-github-pat", b64(gh.encode()), decoded=gh),
        stripe=S("k8s-secret-base64-stripe-key", b64(stripe.encode()), decoded=stripe),
        smtp=S("generic-password", password(18, symbols="")))


@corpus_file("k8s/ingress/tls-secret.yaml")
def _():
    key = pem_private("private-key-pkcs8")
    crt = x509_self_signed(RsaKey(2048), "shop.acme.dev", R.randrange(1, 2 ** 63))
    return T('''
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-tls
          namespace: ingress
        type: kubernetes.io/tls
        data:
          tls.crt: %%crt%%
          tls.key: %%key%%
        ''', crt=b64(crt.encode()), key=S("k8s-secret-base64-private-key", b64(key.encode()), decoded=key))


@corpus_file("k8s/orders/deployment.yaml")
def _():
    return T('''
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: orders
          annotations:
            checksum/config: %%cs%%
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: orders
          template:
            metadata:
              labels:
                app: orders
            spec:
              serviceAccountName: orders
              containers:
                - name: orders
                  image: ghcr.io/acme/orders@sha256:%%digest%%
                  ports:
                    - containerPort: 8080
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: orders-secrets
                          key: DB_PASSWORD
                    - name: STRIPE_SECRET_KEY
                      valueFrom:
                        secretKeyRef:
                          name: orders-secrets
                          key: STRIPE_SECRET_KEY
                    - name: API_TOKEN
                      value: "$(ORDERS_API_TOKEN)"
                    - name: OTEL_EXPORTER_OTLP_HEADERS
                      value: "x-honeycomb-team=${HONEYCOMB_API_KEY}"
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: 8080
        ''', cs=sha256(), digest=sha256())


@corpus_file("k8s/orders/configmap.yaml")
def _():
    return T('''
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: orders-config
          namespace: orders
        data:
          APP_ENV: production
          PAYMENTS_BASE_URL: https://payments.internal/v2
          PASSWORD_RESET_TTL: "3600"
          TOKEN_ISSUER: https://auth.acme.dev
          JWKS_URL: https://auth.acme.dev/.well-known/jwks.json
          TRACE_ID_HEADER: x-request-id
          BUILD_COMMIT: %%sha%%
          TENANT_ID: %%tenant%%
          ca.crt: |
        %%ca%%
        ''', sha=sha1(), tenant=uuid4(),
        ca=indent(x509_self_signed(RsaKey(2048), "Acme Internal CA", R.randrange(1, 2 ** 63)), 4))


@corpus_file("k8s/sealed/orders-sealed.yaml")
def _():
    return T('''
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: orders-secrets
          namespace: orders
        spec:
          encryptedData:
            DB_PASSWORD: %%a%%
            STRIPE_SECRET_KEY: %%b%%
          template:
            metadata:
              name: orders-secrets
        ''', a=b64(rbytes(300)), b=b64(rbytes(320)))


@corpus_file("k8s/external-secrets/orders.yaml")
def _():
    return T('''
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: orders
        spec:
          refreshInterval: 1h
          secretStoreRef:
            name: aws-secrets-manager
            kind: ClusterSecretStore
          target:
            name: orders-secrets
          data:
            - secretKey: DB_PASSWORD
              remoteRef:
                key: prod/orders/db
                property: password
            - secretKey: STRIPE_SECRET_KEY
              remoteRef:
                key: prod/orders/stripe
                property: secret_key
        ''')


@corpus_file("helm/platform/values-prod.yaml")
def _():
    return T('''
        global:
          imageRegistry: ghcr.io/acme
          imagePullSecrets:
            - name: ghcr-pull

        postgresql:
          auth:
            username: platform
            password: "%%pg%%"
            postgresPassword: %%pgadmin%%
            database: platform

        grafana:
          adminUser: admin
          adminPassword: %%graf%%
          env:
            GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: "{{ .Values.oauth.clientSecret }}"

        redis:
          auth:
            enabled: true
            existingSecret: redis-auth

        ingress:
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt-prod
        ''', pg=S("generic-password", password(22, symbols="")),
        pgadmin=S("generic-password", password(22, symbols="")), graf=S("generic-password", password(16, symbols="")))


@corpus_file("ansible/group_vars/all.yml")
def _():
    vault = "\n".join("          " + hexs(80) for _ in range(6))
    return T('''
        ---
        ntp_servers:
          - 0.pool.ntp.org
          - 1.pool.ntp.org
        mysql_root_password: "%%root%%"
        app_db_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
        %%vault%%
        deploy_user: deploy
        deploy_ssh_pubkey: "%%pub%%"
        node_exporter_version: %%ver%%
        ''', root=S("generic-password", password(20, symbols="")), vault=vault,
        pub=ssh_rsa_public_line(RsaKey(2048), "deploy@acme"), ver=semver())


@corpus_file("ansible/roles/monitoring/defaults/main.yml")
def _():
    return T('''
        ---
        datadog_api_key: "%%dd%%"
        datadog_site: datadoghq.eu
        newrelic_insert_key: %%nrii%%
        dynatrace_api_token: %%dt%%
        grafana_cloud_token: %%glc%%
        grafana_sa_token: %%glsa%%
        monitoring_interval: 30
        ''', dd=S("datadog-api-key"), nrii=S("newrelic-insert-key"), dt=S("dynatrace-token"),
        glc=S("grafana-cloud-token"), glsa=S("grafana-service-account-token"))


@corpus_file("config/sops/secrets.enc.yaml")
def _():
    def enc(n):
        return f"ENC[AES256_GCM,data:{b64(rbytes(n))},iv:{b64(rbytes(32))},tag:{b64(rbytes(16))},type:str]"
    return T('''
        db_password: %%a%%
        api_key: %%b%%
        sops:
            kms:
                - arn: arn:aws:kms:eu-west-1:%%acct%%:key/%%kid%%
                  created_at: "2024-05-01T10:00:00Z"
                  enc: %%kenc%%
                  aws_profile: ""
            lastmodified: "2024-05-01T10:00:02Z"
            mac: %%mac%%
            unencrypted_suffix: _unencrypted
            version: 3.8.1
        ''', a=enc(24), b=enc(40), acct=rs(DIG, 12), kid=uuid4(), kenc=b64(rbytes(180)), mac=enc(32))


# ---------------------------------------------------------------------------------------------
# CI

@corpus_file(".github/workflows/ci.yml")
def _():
    return T('''
        name: ci
        on:
          push:
            branches: [main]
          pull_request:

        permissions:
          contents: read

        jobs:
          test:
            runs-on: ubuntu-latest
            env:
              DATABASE_URL: postgres://postgres:postgres@localhost:5432/test
              NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
            services:
              postgres:
                image: postgres:16
                env:
                  POSTGRES_PASSWORD: postgres
                ports: ["5432:5432"]
            steps:
              - uses: actions/checkout@%%sha1%% # v4.1.7
              - uses: actions/setup-node@%%sha2%% # v4.0.3
                with:
                  node-version: 20
                  cache: npm
              - run: npm ci
              - run: npm test
              - name: Upload coverage
                uses: codecov/codecov-action@%%sha3%%
                with:
                  token: ${{ secrets.CODECOV_TOKEN }}
        ''', sha1=sha1(), sha2=sha1(), sha3=sha1())


@corpus_file(".github/workflows/release.yml")
def _():
    return T('''
        name: release
        on:
          push:
            tags: ["v*"]

        jobs:
          publish:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-python@v5
                with:
                  python-version: "3.12"
              - run: pip install build twine && python -m build
              - name: Publish
                env:
                  TWINE_USERNAME: __token__
                  TWINE_PASSWORD: %%pypi%%
                run: twine upload dist/*
              - name: Announce
                run: |
                  curl -X POST -H 'Content-type: application/json' \\
                    --data '{"text":"released ${{ github.ref_name }}"}' \\
                    %%hook%%
              - name: Bump homebrew
                env:
                  HOMEBREW_GITHUB_API_TOKEN: %%fg%%
                run: brew bump-formula-pr --tag "${GITHUB_REF_NAME}" acme
        ''', pypi=S("pypi-token"), hook=S("slack-webhook"), fg=S("github-fine-grained-pat"))


@corpus_file(".gitlab-ci.yml")
def _():
    return T('''
        stages: [build, test, deploy]

        variables:
          DOCKER_DRIVER: overlay2
          GITLAB_API_TOKEN: "%%pat%%"

        build:
          stage: build
          image: docker:24
          services: [docker:24-dind]
          script:
            - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
            - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .
            - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"

        trigger-docs:
          stage: deploy
          script:
            - curl -X POST -F token=%%trig%% -F ref=main https://gitlab.acme.dev/api/v4/projects/42/trigger/pipeline
            - 'curl --header "PRIVATE-TOKEN: $GITLAB_API_TOKEN" https://gitlab.acme.dev/api/v4/projects/42/releases'
          only: [main]

        pages:
          stage: deploy
          script:
            - git clone https://gitlab+deploy-token-7:%%deploy%%@gitlab.acme.dev/acme/docs.git
            - echo "feed: https://gitlab.acme.dev/acme/app.atom?feed_token=%%feed%%"
        ''', pat=S("gitlab-pat"), trig=S("gitlab-pipeline-trigger-token"), deploy=S("gitlab-deploy-token"),
        feed=S("gitlab-feed-token"))


@corpus_file(".circleci/config.yml")
def _():
    return T('''
        version: 2.1
        orbs:
          node: circleci/node@5.2.0

        jobs:
          deploy:
            docker:
              - image: cimg/node:20.11
                auth:
                  username: acmebot
                  password: $DOCKERHUB_PASSWORD
            environment:
              CIRCLE_TOKEN: %%cci%%
              TRAVIS_TOKEN: %%travis%%
            steps:
              - checkout
              - run: npx netlify deploy --prod --auth $NETLIFY_AUTH_TOKEN

        workflows:
          main:
            jobs: [deploy]
        ''', cci=S("circleci-pat"), travis=S("travis-ci-token"))


@corpus_file(".buildkite/pipeline.yml")
def _():
    return T('''
        env:
          BUILDKITE_API_TOKEN: "%%bk%%"
          SONAR_TOKEN: %%sq%%
          DATABRICKS_TOKEN: %%db%%

        steps:
          - label: ":hammer: build"
            command: make build
          - label: ":rocket: deploy"
            command: ./ci/deploy.sh
            branches: main
            plugins:
              - docker-login#v2.1.0:
                  username: acmebot
                  password-env: DOCKER_LOGIN_PASSWORD
        ''', bk=S("buildkite-token"), sq=S("sonarqube-project-token"), db=S("databricks-token"))


@corpus_file("bitbucket-pipelines.yml")
def _():
    return T('''
        image: python:3.12

        pipelines:
          default:
            - step:
                name: Test
                caches: [pip]
                script:
                  - pip install -r requirements.txt
                  - pytest -q
          branches:
            main:
              - step:
                  name: Mirror
                  script:
                    - git push https://acme-ci:%%app%%@bitbucket.org/acme/mirror.git HEAD:main
                    - pipe: atlassian/aws-s3-deploy:1.1.0
                      variables:
                        AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID
                        AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY
        ''', app=S("bitbucket-app-password"))


# ---------------------------------------------------------------------------------------------
# Docker

@corpus_file("Dockerfile")
def _():
    pw = password(16, symbols="")
    return T('''
        # syntax=docker/dockerfile:1.7
        FROM node:20.11-alpine@sha256:%%d1%% AS build
        WORKDIR /app
        ENV NPM_TOKEN=%%npm%%
        RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
        COPY package*.json ./
        RUN npm ci
        COPY . .
        RUN npm run build

        FROM python:3.12-slim@sha256:%%d2%%
        ARG PIP_EXTRA_INDEX_URL=https://ci:%%pw%%@pypi.acme.dev/simple
        RUN pip install --no-cache-dir --extra-index-url "$PIP_EXTRA_INDEX_URL" acme-runtime==%%ver%%
        COPY --from=build /app/dist /srv/www
        USER 10001
        CMD ["python", "-m", "acme_runtime"]
        ''', d1=sha256(), d2=sha256(), npm=S("npm-token"), pw=S("url-password", pw), ver=semver())


@corpus_file("services/notify/Dockerfile")
def _():
    return T('''
        FROM golang:1.22@sha256:%%d1%% AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN --mount=type=cache,target=/go/pkg/mod go mod download
        COPY . .
        RUN --mount=type=secret,id=netrc,target=/root/.netrc CGO_ENABLED=0 go build -o /out/notify ./cmd/notify

        FROM gcr.io/distroless/static@sha256:%%d2%%
        ARG GITHUB_TOKEN
        ENV TWILIO_AUTH_TOKEN=""
        COPY --from=build /out/notify /notify
        ENTRYPOINT ["/notify"]
        ''', d1=sha256(), d2=sha256())


@corpus_file("docker-compose.yml")
def _():
    return T('''
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: app
              POSTGRES_PASSWORD: %%pg%%
              POSTGRES_DB: app
            volumes:
              - pgdata:/var/lib/postgresql/data
          rabbit:
            image: rabbitmq:3-management
            environment:
              - RABBITMQ_DEFAULT_USER=app
              - RABBITMQ_DEFAULT_PASS=%%rmq%%
          api:
            build: .
            depends_on: [db, rabbit]
            environment:
              DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app
              AMQP_URL: "amqp://app:%%rmq2%%@rabbit:5672/"
              MINIO_ROOT_PASSWORD: "%%minio%%"
        volumes:
          pgdata: {}
        ''', pg=S("generic-password", password(20, symbols="")), rmq=S("generic-password", password(20, symbols="")),
        rmq2=S("amqp-url-password", password(20, symbols="")), minio=S("generic-password", password(24, symbols="")))


@corpus_file("docker-compose.override.yml")
def _():
    return T('''
        services:
          db:
            environment:
              POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}
          api:
            environment:
              DEBUG: "1"
              SECRET_KEY: ${SECRET_KEY:?set SECRET_KEY}
              STRIPE_SECRET_KEY: sk_test_xxxxxxxxxxxxxxxxxxxx
              OPENAI_API_KEY: ${OPENAI_API_KEY}
            ports:
              - "8000:8000"
        ''')


@corpus_file(".docker/config.json")
def _():
    auth1 = "acmebot:" + TOKENS["dockerhub-pat"]()
    auth2 = "ci:" + password(20, symbols="")
    return json.dumps({
        "auths": {
            "https://index.docker.io/v1/": {"auth": S("docker-config-auth", b64(auth1.encode()), decoded=auth1)},
            "registry.acme.dev": {"auth": S("docker-config-auth", b64(auth2.encode()), decoded=auth2)},
            "ghcr.io": {},
        },
        "credsStore": "desktop",
        "currentContext": "default",
    }, indent="\t") + "\n"


# ---------------------------------------------------------------------------------------------
# Terraform / HCL

@corpus_file("infra/main.tf")
def _():
    return T('''
        terraform {
          required_version = ">= 1.6"
          required_providers {
            aws          = { source = "hashicorp/aws", version = "~> 5.0" }
            digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.34" }
            cloudflare   = { source = "cloudflare/cloudflare", version = "~> 4.0" }
          }
          backend "s3" {
            bucket = "acme-tf-state"
            key    = "prod/terraform.tfstate"
            region = "eu-west-1"
          }
        }

        provider "aws" {
          region     = "eu-west-1"
          access_key = "%%kid%%"
          secret_key = "%%sec%%"
        }

        provider "digitalocean" {
          token = "%%do%%"
        }

        provider "cloudflare" {
          api_token = var.cloudflare_api_token
        }

        resource "aws_db_instance" "orders" {
          identifier          = "orders"
          engine              = "postgres"
          instance_class      = "db.t4g.medium"
          username            = "orders"
          password            = "%%dbpw%%"
          skip_final_snapshot = true
        }

        resource "aws_iam_access_key" "ci" {
          user = aws_iam_user.ci.name
        }

        output "ci_secret" {
          value     = aws_iam_access_key.ci.secret
          sensitive = true
        }
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"), do=S("digitalocean-pat"),
        dbpw=S("generic-password", password(20, symbols="")))


@corpus_file("infra/variables.tf")
def _():
    return T('''
        variable "cloudflare_api_token" {
          description = "Cloudflare API token with Zone:Edit"
          type        = string
          sensitive   = true
        }

        variable "db_password" {
          type      = string
          sensitive = true
          default   = null
        }

        variable "datadog_api_key" {
          type        = string
          description = "Set via TF_VAR_datadog_api_key"
          sensitive   = true
        }

        variable "image_digest" {
          type    = string
          default = "sha256:%%d%%"
        }

        locals {
          db_password = coalesce(var.db_password, data.aws_secretsmanager_secret_version.db.secret_string)
          api_key     = data.vault_generic_secret.api.data["key"]
        }
        ''', d=sha256())


@corpus_file("infra/prod.auto.tfvars")
def _():
    return T('''
        environment          = "prod"
        cloudflare_api_token = "%%cf%%"
        datadog_api_key      = "%%dd%%"
        datadog_app_key      = "%%ddapp%%"
        linode_token         = "%%linode%%"
        alicloud_access_key  = "%%ali%%"
        alicloud_secret_key  = "%%alisec%%"
        ibmcloud_api_key     = "%%ibm%%"
        origin_ca_key        = "%%origin%%"
        fly_api_token        = "%%fly%%"
        allowed_cidrs        = ["10.0.0.0/8", "192.168.0.0/16"]
        ''', cf=S("cloudflare-api-token"), dd=S("datadog-api-key"), ddapp=S("datadog-app-key"),
        linode=S("linode-token"), ali=S("alibaba-access-key-id"), alisec=S("alibaba-access-key-secret"),
        ibm=S("ibm-cloud-api-key"), origin=S("cloudflare-origin-ca-key"), fly=S("flyio-token"))


@corpus_file("infra/.terraform.lock.hcl")
def _():
    blocks = []
    for prov, ver in [("hashicorp/aws", "5.46.0"), ("digitalocean/digitalocean", "2.36.0"),
                      ("cloudflare/cloudflare", "4.30.0")]:
        hashes = "\n".join(f'    "zh:{sha256()}",' for _ in range(6))
        blocks.append(f'provider "registry.terraform.io/{prov}" {{\n  version     = "{ver}"\n'
                      f'  constraints = "~> {ver.rsplit(".", 1)[0]}"\n  hashes = [\n'
                      f'    "h1:{b64(rbytes(32))}",\n{hashes}\n  ]\n}}\n')
    return "# This file is maintained automatically by \"terraform init\".\n# Manual edits may be lost in future updates.\n\n" + "\n".join(blocks)


@corpus_file("infra/.terraformrc")
def _():
    return T('''
        plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"

        credentials "app.terraform.io" {
          token = "%%tfc%%"
        }
        ''', tfc=S("terraform-cloud-token"))


@corpus_file("infra/vault/agent.hcl")
def _():
    return T('''
        pid_file = "/var/run/vault-agent.pid"

        vault {
          address = "https://vault.acme.dev:8200"
        }

        auto_auth {
          method "token_file" {
            config = {
              token_file_path = "/etc/vault/token"
            }
          }
        }

        # bootstrap tokens, revoke after first run
        # root:  %%hvs%%
        # batch: %%hvb%%

        template {
          source      = "/etc/vault/templates/db.ctmpl"
          destination = "/etc/app/db.env"
        }
        ''', hvs=S("vault-service-token"), hvb=S("vault-batch-token"))


@corpus_file("infra/modules/ecs-service/main.tf")
def _():
    return T('''
        resource "aws_ecs_task_definition" "this" {
          family                   = var.name
          requires_compatibilities = ["FARGATE"]
          cpu                      = 512
          memory                   = 1024
          execution_role_arn       = aws_iam_role.exec.arn
          container_definitions = jsonencode([{
            name  = var.name
            image = "${var.image}@${var.image_digest}"
            secrets = [
              { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:%%acct%%:secret:prod/db-AbCdEf" },
              { name = "API_KEY", valueFrom = "arn:aws:ssm:eu-west-1:%%acct%%:parameter/prod/api_key" },
            ]
            environment = [
              { name = "PASSWORD_MIN_LENGTH", value = "12" },
              { name = "TOKEN_AUDIENCE", value = "https://api.acme.dev" },
            ]
          }])
        }
        ''', acct=rs(DIG, 12))


@corpus_file("infra/cloudformation/app.yaml")
def _():
    return T('''
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
        Resources:
          Database:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MasterUsername: app
              MasterUserPassword: !Ref DbPassword
          ApiSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              GenerateSecretString:
                SecretStringTemplate: '{"username": "api"}'
                GenerateStringKey: password
                PasswordLength: 32
          Worker:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  STRIPE_KEY: "{{resolve:secretsmanager:prod/stripe:SecretString:secret_key}}"
                  SLACK_TOKEN: "{{resolve:ssm-secure:/prod/slack/token:1}}"
        ''')


# ---------------------------------------------------------------------------------------------
# TOML / INI / properties / dotfiles

@corpus_file("pyproject.toml")
def _():
    return T('''
        [project]
        name = "acme-runtime"
        version = "%%ver%%"
        requires-python = ">=3.10"
        dependencies = ["httpx>=0.27", "pydantic>=2.6", "boto3>=1.34"]

        [project.optional-dependencies]
        dev = ["pytest>=8", "ruff>=0.4", "mypy>=1.10"]

        [tool.ruff]
        line-length = 100

        [tool.pytest.ini_options]
        addopts = "-q"
        env = ["API_KEY=test", "SECRET_KEY=unit-test-secret"]

        [[tool.poetry.source]]
        name = "acme"
        url = "https://pypi.acme.dev/simple"
        priority = "supplemental"
        ''', ver=semver())


@corpus_file("poetry.lock")
def _():
    out = ["# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.\n"]
    for name in ["anyio", "boto3", "botocore", "certifi", "h11", "httpcore", "httpx", "idna",
                 "pydantic", "pydantic-core", "sniffio", "typing-extensions", "urllib3"]:
        v = semver()
        out.append(f'[[package]]\nname = "{name}"\nversion = "{v}"\ndescription = ""\noptional = false\n'
                   f'python-versions = ">=3.8"\nfiles = [\n'
                   f'    {{file = "{name.replace("-", "_")}-{v}-py3-none-any.whl", hash = "sha256:{sha256()}"}},\n'
                   f'    {{file = "{name.replace("-", "_")}-{v}.tar.gz", hash = "sha256:{sha256()}"}},\n]\n')
    out.append(f'[metadata]\nlock-version = "2.0"\npython-versions = ">=3.10"\ncontent-hash = "{sha256()}"\n')
    return "\n".join(out)


@corpus_file("rust/Cargo.lock")
def _():
    out = ["# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 3\n"]
    for name in ["aho-corasick", "anyhow", "bytes", "clap", "hashbrown", "libc", "memchr", "regex",
                 "serde", "serde_json", "tokio", "tracing"]:
        out.append(f'[[package]]\nname = "{name}"\nversion = "{semver()}"\n'
                   f'source = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "{sha256()}"\n')
    out.append('[[package]]\nname = "acme-cli"\nversion = "0.1.0"\ndependencies = [\n "anyhow",\n "clap",\n]\n')
    return "\n".join(out)


@corpus_file("rust/.cargo/credentials.toml")
def _():
    return T('''
        [registry]
        token = "%%cio%%"

        [registries.acme]
        token = "Bearer %%art%%"
        ''', cio=S("crates-io-token"), art=S("artifactory-reference-token"))


@corpus_file("rust/src/config.rs")
def _():
    return T('''
        use std::env;

        /// Runtime configuration, read from the environment.
        #[derive(Debug, Clone)]
        pub struct Config {
            pub database_url: String,
            pub api_token: Option<String>,
            pub listen: String,
        }

        const DEFAULT_LISTEN: &str = "0.0.0.0:8080";
        const BUILD_ID: &str = "%%id%%";

        impl Config {
            pub fn from_env() -> anyhow::Result<Self> {
                Ok(Self {
                    database_url: env::var("DATABASE_URL")?,
                    api_token: env::var("API_TOKEN").ok(),
                    listen: env::var("LISTEN").unwrap_or_else(|_| DEFAULT_LISTEN.to_string()),
                })
            }
        }

        #[cfg(test)]
        mod tests {
            #[test]
            fn parses() {
                std::env::set_var("DATABASE_URL", "postgres://test:test@localhost/test");
                std::env::set_var("API_TOKEN", "dummy-token");
                assert!(super::Config::from_env().is_ok());
            }
        }
        ''', id=sha1())


@corpus_file("config/production.toml")
def _():
    return T('''
        [server]
        listen = "0.0.0.0:8443"
        tls_cert = "/etc/acme/tls/server.crt"
        tls_key = "/etc/acme/tls/server.key"

        [database]
        url = "postgres://reports:%%pw%%@reports-db.internal/reports?sslmode=require"
        max_connections = 32

        [smtp]
        host = "smtp.postmarkapp.com"
        username = "%%pm%%"
        password = "%%pm2%%"

        [integrations]
        asana_token = "%%asana%%"
        airtable_token = "%%air%%"
        contentful_token = "%%cf%%"
        ''', pw=S("postgres-url-password", password(20, symbols="")), pm=uuid4(),
        pm2=S("postmark-server-token"), asana=S("asana-pat"), air=S("airtable-pat"), cf=S("contentful-pat"))


@corpus_file("config/app.ini")
def _():
    return T('''
        [app]
        name = reports
        debug = false
        secret_key = %%sk%%

        [database]
        host = reports-db.internal
        port = 3306
        user = reports
        password = %%pw%%

        [ldap]
        url = ldaps://ldap.acme.dev:636
        bind_dn = cn=svc-reports,ou=services,dc=acme,dc=dev
        bind_password = %%ldap%%

        [cache]
        backend = redis
        url = redis://localhost:6379/2
        ''', sk=S("flask-secret-key", hexs(48)), pw=S("generic-password", password(18, symbols="")),
        ldap=S("ldap-bind-password", password(20, symbols="!*")))


@corpus_file("setup.cfg")
def _():
    return T('''
        [metadata]
        name = acme-runtime
        version = attr: acme_runtime.__version__

        [options]
        packages = find:
        python_requires = >=3.10

        [flake8]
        max-line-length = 100
        exclude = .git,__pycache__,build,dist

        [tool:pytest]
        testpaths = tests
        env =
            PASSWORD=test
            TOKEN=placeholder
        ''')


@corpus_file(".pypirc")
def _():
    return T('''
        [distutils]
        index-servers =
            pypi
            acme

        [pypi]
        username = __token__
        password = %%pypi%%

        [acme]
        repository = https://pypi.acme.dev/
        username = ci
        password = %%pw%%
        ''', pypi=S("pypi-token"), pw=S("generic-password", password(20, symbols="")))


@corpus_file("aws/credentials")
def _():
    return T('''
        [default]
        aws_access_key_id = %%kid%%
        aws_secret_access_key = %%sec%%

        [ci-temp]
        aws_access_key_id = %%tkid%%
        aws_secret_access_key = %%tsec%%
        aws_session_token = %%tok%%

        [example]
        aws_access_key_id = %%exid%%
        aws_secret_access_key = %%exsec%%
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"),
        tkid=S("aws-temporary-access-key-id"), tsec=S("aws-secret-access-key"), tok=S("aws-session-token"),
        exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET)


@corpus_file(".npmrc")
def _():
    return T('''
        registry=https://registry.npmjs.org/
        @acme:registry=https://npm.acme.dev/
        //registry.npmjs.org/:_authToken=%%npm%%
        //npm.acme.dev/:_auth=%%auth%%
        save-exact=true
        engine-strict=true
        ''', npm=S("npm-token"),
        auth=(lambda up: S("npmrc-auth-base64", b64(up.encode()), decoded=up))("ci:" + password(18, symbols="")))


@corpus_file("packages/ui/.npmrc")
def _():
    return T('''
        @acme:registry=https://npm.pkg.github.com
        //npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}
        //registry.npmjs.org/:_authToken=${NPM_TOKEN}
        ''')


@corpus_file(".netrc")
def _():
    return T('''
        machine api.heroku.com
          login ops@acme.dev
          password %%heroku%%
        machine git.heroku.com
          login ops@acme.dev
          password %%heroku2%%
        machine github.com login acme-bot password %%gh%%
        machine ftp.partner.example
          login acme
          password %%ftp%%
        ''', heroku=S("heroku-api-key"), heroku2=S("heroku-api-key"), gh=S("github-oauth-token"),
        ftp=S("netrc-password", password(16, symbols="")))


@corpus_file(".git-credentials")
def _():
    pw = password(16, symbols="@:/")
    enc = urllib.parse.quote(pw, safe="")
    return T('''
        https://acme-bot:%%gh%%@github.com
        https://oauth2:%%gl%%@gitlab.com
        https://jdoe:%%pw%%@git.acme.dev
        ''', gh=S("github-pat-classic"), gl=S("gitlab-pat"),
        pw=S("git-credentials-password-percent-encoded", enc, decoded=pw))


@corpus_file(".pgpass")
def _():
    return T('''
        # hostname:port:database:username:password
        orders-db.internal:5432:orders:orders:%%a%%
        reports-db.internal:5432:*:reports:%%b%%
        localhost:5432:*:postgres:postgres
        ''', a=S("pgpass-password", password(20, symbols="")), b=S("pgpass-password", password(20, symbols="")))


@corpus_file("sonar-project.properties")
def _():
    return T('''
        sonar.projectKey=acme_orders
        sonar.organization=acme
        sonar.sources=src
        sonar.tests=tests
        sonar.python.coverage.reportPaths=coverage.xml
        sonar.login=%%tok%%
        ''', tok=S("sonarqube-token"))


@corpus_file("android/local.properties")
def _():
    return T('''
        ## This file must *NOT* be checked into Version Control Systems,
        # as it contains information specific to your local configuration.
        sdk.dir=/Users/jdoe/Library/Android/sdk
        MAPS_API_KEY=%%key%%
        signing.storePassword=%%sp%%
        signing.keyPassword=%%kp%%
        ''', key=S("gcp-api-key"), sp=S("keystore-password", password(16, symbols="")),
        kp=S("keystore-password", password(16, symbols="")))


@corpus_file("android/app/google-services.json")
def _():
    return json.dumps({
        "project_info": {"project_number": rs(DIG, 12), "project_id": "acme-mobile",
                         "storage_bucket": "acme-mobile.appspot.com"},
        "client": [{"client_info": {"mobilesdk_app_id": f"1:{rs(DIG, 12)}:android:{hexs(16)}",
                                    "android_client_info": {"package_name": "dev.acme.mobile"}},
                    "oauth_client": [{"client_id": f"{rs(DIG, 12)}-{rs(LOALNUM, 32)}.apps.googleusercontent.com",
                                      "client_type": 3}],
                    "api_key": [{"current_key": S("gcp-api-key")}]}],
        "configuration_version": "1",
    }, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# Keys and certificates

@corpus_file("deploy/keys/id_ed25519")
def _():
    return PK("private-key-openssh", "deploy@acme-ci") + "\n"


@corpus_file("deploy/keys/id_ed25519.pub")
def _():
    return openssh_ed25519("deploy@acme-ci")[1] + "\n"


@corpus_file("deploy/keys/legacy_rsa")
def _():
    return PK("private-key-openssh-rsa", "jenkins@build-02") + "\n"


@corpus_file("deploy/keys/authorized_keys")
def _():
    lines = [ssh_rsa_public_line(RsaKey(2048), f"{u}@acme") for u in ("alice", "bob")]
    lines.append(openssh_ed25519("carol@laptop")[1])
    lines.append('from="10.0.0.0/8",no-pty ' + openssh_ed25519("backup@nas")[1])
    return "\n".join(lines) + "\n"


@corpus_file("deploy/keys/known_hosts")
def _():
    out = []
    for host in ("github.com", "gitlab.acme.dev", "10.0.4.12"):
        out.append(f"|1|{b64(rbytes(20))}|{b64(rbytes(20))} " + openssh_ed25519("")[1].strip())
        out.append(f"{host} " + openssh_ed25519("")[1].strip())
    return "\n".join(out) + "\n"


@corpus_file("certs/server.key")
def _():
    return PK("private-key-pkcs8") + "\n"


@corpus_file("certs/server.crt")
def _():
    k = RsaKey(2048)
    return x509_self_signed(k, "api.acme.dev", R.randrange(1, 2 ** 63)) + x509_self_signed(
        RsaKey(2048), "Acme Issuing CA", R.randrange(1, 2 ** 63))


@corpus_file("certs/ec-signing.pem")
def _():
    return T('''
        # Signing key for release manifests (P-256)
        %%key%%
        ''', key=PK("private-key-ec"))


@corpus_file("certs/public.pem")
def _():
    return pem("PUBLIC KEY", rsa_spki(RsaKey(2048)))


@corpus_file("keys/release-signing.asc")
def _():
    return S("pgp-private-key", pgp_block(RsaKey(2048), "Acme Release Signing <release@acme.dev>", True).rstrip("\n")) + "\n"


@corpus_file("keys/release-signing.pub.asc")
def _():
    return pgp_block(RsaKey(2048), "Acme Release Signing <release@acme.dev>", False)


@corpus_file("keys/windows-deploy.ppk")
def _():
    return S("putty-private-key", putty_ppk(RsaKey(2048), "rsa-key-20240312").rstrip("\n")) + "\n"


@corpus_file("keys/age/backup.key")
def _():
    return T('''
        # created: 2024-04-02T09:12:44Z
        # public key: age1%%pub%%
        %%key%%
        ''', pub=rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), key=S("age-secret-key"))


@corpus_file("config/gcp/service-account.json")
def _():
    key = pem_private("private-key-pkcs8")
    escaped = json.dumps(key)[1:-1]
    doc = {
        "type": "service_account",
        "project_id": "acme-data-prod",
        "private_key_id": hexs(40),
        "private_key": "@@KEY@@",
        "client_email": "etl-runner@acme-data-prod.iam.gserviceaccount.com",
        "client_id": rs(DIG, 21),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/etl-runner%40acme-data-prod.iam.gserviceaccount.com",
        "universe_domain": "googleapis.com",
    }
    text = json.dumps(doc, indent=2) + "\n"
    return text.replace("@@KEY@@", S("gcp-service-account-private-key", escaped, decoded=key))


@corpus_file("config/gcp/oauth-client.json")
def _():
    return json.dumps({"web": {
        "client_id": f"{rs(DIG, 12)}-{rs(LOALNUM, 32)}.apps.googleusercontent.com",
        "project_id": "acme-web-prod",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "client_secret": S("gcp-oauth-client-secret"),
        "redirect_uris": ["https://app.acme.dev/oauth/callback"],
    }}, indent=2) + "\n"


@corpus_file("config/gcp/adc-user.json")
def _():
    return json.dumps({
        "account": "",
        "client_id": f"{rs(DIG, 12)}-{rs(LOALNUM, 32)}.apps.googleusercontent.com",
        "client_secret": S("gcp-oauth-client-secret"),
        "quota_project_id": "acme-data-prod",
        "refresh_token": S("gcp-oauth-refresh-token"),
        "type": "authorized_user",
    }, indent=2) + "\n"


@corpus_file("mobile/push/fcm.json")
def _():
    return json.dumps({"fcm": {"server_key": S("fcm-server-key"), "sender_id": rs(DIG, 12)},
                       "debug_access_token": S("gcp-oauth-access-token")}, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------
# Lock files and manifests (hard negatives only)

@corpus_file("package.json")
def _():
    return json.dumps({
        "name": "@acme/web", "version": semver(), "private": True,
        "scripts": {"dev": "vite", "build": "tsc && vite build", "test": "vitest run",
                    "lint": "eslint . --max-warnings 0"},
        "dependencies": {"react": "^18.3.1", "react-dom": "^18.3.1", "zod": "^3.23.8",
                         "firebase": "^10.12.2", "mapbox-gl": "^3.4.0"},
        "devDependencies": {"typescript": "^5.4.5", "vite": "^5.2.12", "vitest": "^1.6.0"},
        "packageManager": "pnpm@9.1.4+sha512." + hexs(128),
    }, indent=2) + "\n"


@corpus_file("package-lock.json")
def _():
    pkgs = {"": {"name": "@acme/web", "version": "1.4.0", "dependencies": {"react": "^18.3.1"}}}
    for name in ["react", "react-dom", "loose-envify", "js-tokens", "scheduler", "zod", "vite",
                 "esbuild", "rollup", "postcss", "nanoid", "picocolors", "source-map-js", "typescript"]:
        v = semver()
        pkgs[f"node_modules/{name}"] = {"version": v,
                                        "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{v}.tgz",
                                        "integrity": sri(), "license": "MIT"}
        if R.random() < 0.3:
            pkgs[f"node_modules/{name}"]["dev"] = True
    return json.dumps({"name": "@acme/web", "version": "1.4.0", "lockfileVersion": 3, "requires": True,
                       "packages": pkgs}, indent=2) + "\n"


@corpus_file("yarn.lock")
def _():
    out = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n"]
    for name in ["@babel/code-frame", "@babel/helper-validator-identifier", "chalk", "debug", "ms",
                 "semver", "lodash", "uuid", "axios", "follow-redirects"]:
        v = semver()
        base = name.split("/")[-1]
        out.append(f'"{name}@^{v}":\n  version "{v}"\n'
                   f'  resolved "https://registry.yarnpkg.com/{name}/-/{base}-{v}.tgz#{sha1()}"\n'
                   f'  integrity {sri()}\n')
    return "\n".join(out)


@corpus_file("pnpm-lock.yaml")
def _():
    out = ["lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\npackages:\n"]
    for name in ["react", "scheduler", "zod", "vite", "esbuild", "nanoid", "postcss"]:
        v = semver()
        out.append(f"  {name}@{v}:\n    resolution: {{integrity: {sri()}}}\n    engines: {{node: '>=14.0.0'}}\n")
    return "\n".join(out)


@corpus_file("go.work.sum")
def _():
    return "\n".join(f"cloud.google.com/go/{m} v{semver()} h1:{b64(rbytes(32))}"
                     for m in ("storage", "pubsub", "secretmanager", "iam", "kms", "compute")) + "\n"


@corpus_file("requirements.txt")
def _():
    lines = []
    for name in ["boto3", "httpx", "pydantic", "sqlalchemy", "psycopg2-binary", "redis"]:
        lines.append(f"{name}=={semver()} \\\n    --hash=sha256:{sha256()} \\\n    --hash=sha256:{sha256()}")
    return "# generated by pip-compile --generate-hashes\n" + "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown docs

@corpus_file("README.md")
def _():
    return T('''
        # acme-platform

        Monorepo for the Acme shop: web front end, orders and billing services, infrastructure.

        ## Getting started

        ```bash
        cp .env.example .env
        # fill in the values below, then
        docker compose up -d
        ```

        | Variable | Example | Notes |
        |---|---|---|
        | `AWS_ACCESS_KEY_ID` | `%%exid%%` | from the AWS docs; use your own |
        | `AWS_SECRET_ACCESS_KEY` | `%%exsec%%` | |
        | `GITHUB_TOKEN` | `ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` | needs `repo` scope |
        | `STRIPE_SECRET_KEY` | `sk_live_...` | test mode: `sk_test_...` |
        | `OPENAI_API_KEY` | `<your-api-key>` | |
        | `DATABASE_URL` | `postgres://user:password@localhost:5432/app` | |

        Authenticate API calls with a bearer token:

        ```http
        GET /v1/orders HTTP/1.1
        Host: api.acme.dev
        Authorization: Bearer <token>
        ```

        A JWT looks like this (the example from jwt.io):

            %%jwtio%%

        ## Releases

        The latest release is v%%ver%% (commit `%%sha%%`). Checksums:

        ```
        %%h1%%  acme-linux-amd64.tar.gz
        %%h2%%  acme-darwin-arm64.tar.gz
        ```
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET, jwtio=JWT_IO_EXAMPLE, ver=semver(), sha=sha1(),
        h1=sha256(), h2=sha256())


@corpus_file("docs/runbooks/incident-2024-03-payments.md")
def _():
    return T('''
        # Incident 2024-03-14: payment webhooks failing

        **Status:** resolved · **Severity:** SEV-2 · **Owner:** @jdoe

        ## Timeline (UTC)

        - 09:12 alerts fire for `stripe_webhook_failures_total`
        - 09:20 on-call finds the signing secret was rotated but not deployed
        - 09:31 hotfix: set the new secret directly on the pods

          ```
          kubectl -n billing set env deploy/billing STRIPE_WEBHOOK_SECRET=%%wh%%
          ```

        - 09:40 webhooks recover; backlog drained by 10:05

        ## Debugging notes

        Reproduced locally with the Stripe CLI using a restricted key borrowed from the billing team:
        `stripe listen --api-key %%rk%% --forward-to localhost:8000/webhooks/stripe`

        Trace id of the first failure: `%%trace%%`.

        ## Follow-ups

        - [ ] rotate the key above (it was pasted into this doc)
        - [ ] move the secret to External Secrets
        ''', wh=S("stripe-webhook-secret"), rk=S("stripe-restricted-key"), trace=hexs(32))


@corpus_file("docs/api/authentication.md")
def _():
    return T('''
        # Authentication

        All requests need an API key in the `Authorization` header:

        ```sh
        curl https://api.acme.dev/v1/orders \\
          -H "Authorization: Bearer $ACME_API_KEY"
        ```

        Keys look like `acme_live_<32 characters>`; test keys start with `acme_test_`. Never commit
        them. Use a placeholder such as `acme_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` in docs.

        ## Postman

        Import the collection with the Postman API:

        ```sh
        curl -H "X-Api-Key: %%pmak%%" https://api.getpostman.com/collections
        ```

        ## Webhook signatures

        We sign each webhook with HMAC-SHA256; the header looks like
        `Acme-Signature: t=1717171717,v1=%%sig%%`.
        ''', pmak=S("postman-api-key"), sig=hexs(64))


@corpus_file("docs/setup/local-dev.md")
def _():
    return T('''
        # Local development

        1. Install the toolchain: `mise install`.
        2. Log in to the internal registry:

           ```
           npm config set //npm.acme.dev/:_authToken "${ACME_NPM_TOKEN}"
           ```

        3. Start the stack with `docker compose up`.

        ### Feature flags

        The LaunchDarkly SDK key is injected by the dev container. For scripts that manage flags use
        the API key of the `flags-bot` service account:

        ```
        LD_API_KEY=%%ld%%
        ```

        ### Typeform and Readme

        ```yaml
        typeform:
          token: %%tf%%
        readme:
          api_key: %%rdme%%
        ```

        Commit ids referenced here: `%%sha1%%`, `%%sha2%%`.
        ''', ld=S("launchdarkly-api-key"), tf=S("typeform-pat"), rdme=S("readme-api-key"), sha1=sha1(), sha2=sha1())


@corpus_file("CHANGELOG.md")
def _():
    out = ["# Changelog\n"]
    for i in range(12):
        out.append(f"## [{semver()}] - 2024-{(i % 12) + 1:02d}-{R.randrange(1, 28):02d}\n")
        for _ in range(R.randrange(2, 5)):
            what = R.choice(["Fix token refresh race", "Rotate signing keys on deploy",
                             "Add password strength meter", "Hash API keys at rest with SHA-256",
                             "Bump lodash to address CVE-2021-23337", "Support secret manager lookups"])
            out.append(f"- {what} ({hexs(7)}, #{R.randrange(100, 2000)})")
        out.append("")
    return "\n".join(out) + "\n"


@corpus_file("docs/adr/0007-secrets-management.md")
def _():
    return T('''
        # ADR 0007: Secrets management

        ## Context

        Secrets used to live in `.env` files and CI variables. Several leaked into the repository,
        e.g. a token of the form `xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx`
        (redacted example) in a shell script.

        ## Decision

        - Runtime secrets come from AWS Secrets Manager via External Secrets.
        - CI secrets come from OIDC federation; no long-lived `AKIA...` keys.
        - Local development uses `op run --env-file=.env.op` with references like
          `op://dev/stripe/secret_key`.
        - Pre-commit runs a secret scanner.

        ## Consequences

        Rotating a secret is a single `aws secretsmanager put-secret-value` call. The previous
        values (`PASSWORD=********`, `TOKEN=[REDACTED]`) have been revoked.
        ''')


@corpus_file("docs/integrations/slack-app.md")
def _():
    return T('''
        # Slack app "Acme Ops"

        Socket-mode app used by the on-call bot.

        | Setting | Value |
        |---|---|
        | App ID | A%%appid%% |
        | App-level token | `%%xapp%%` |
        | User token (admin) | `%%xoxp%%` |
        | Signing secret | stored in 1Password |

        Brevo (transactional mail) key for the digest job: `%%brevo%%`
        ''', appid=rs(UPALNUM, 10), xapp=S("slack-app-token"), xoxp=S("slack-user-token"), brevo=S("brevo-api-key"))


# ---------------------------------------------------------------------------------------------
# Jupyter notebooks

def notebook(cells):
    nb_cells = []
    for kind, src, outputs in cells:
        lines = src.split("\n")
        cell = {"cell_type": kind, "metadata": {}, "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]}
        if kind == "code":
            cell["execution_count"] = R.randrange(1, 40)
            cell["outputs"] = outputs or []
        nb_cells.append(cell)
    return json.dumps({"cells": nb_cells, "metadata": {"kernelspec": {"display_name": "Python 3",
                       "language": "python", "name": "python3"}, "language_info": {"name": "python",
                       "version": "3.11.7"}}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


@corpus_file("ml/notebooks/explore_embeddings.ipynb")
def _():
    oa, ant = S("openai-legacy-key"), S("anthropic-admin-key")
    img = {"output_type": "display_data", "metadata": {}, "data": {
        "image/png": b64(png_bytes(24, 16)), "text/plain": ["<Figure size 640x480 with 1 Axes>"]}}
    return notebook([
        ("markdown", "# Embedding exploration\nCompare embedding models on the support-ticket set.", None),
        ("code", f'import os\nimport openai\nopenai.api_key = "{oa}"\nos.environ["ANTHROPIC_ADMIN_KEY"] = "{ant}"', None),
        ("code", "import pandas as pd\ndf = pd.read_parquet('tickets.parquet')\ndf.head()",
         [{"output_type": "execute_result", "execution_count": 3, "metadata": {},
           "data": {"text/plain": [f"   id  ticket_uuid\n0   1  {uuid4()}\n1   2  {uuid4()}"]}}]),
        ("code", "import matplotlib.pyplot as plt\nplt.plot(df['score'])", [img]),
    ])


@corpus_file("ml/notebooks/eval_report.ipynb")
def _():
    img = {"output_type": "display_data", "metadata": {}, "data": {"image/png": b64(png_bytes(32, 20))}}
    return notebook([
        ("markdown", "## Evaluation\nResults of run `" + hexs(8) + "`.", None),
        ("code", "import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ['OPENAI_API_KEY'])\nRUN_ID = '" + uuid4() + "'", None),
        ("code", "scores.plot()", [img]),
        ("code", "print(hashlib.sha256(open('preds.jsonl','rb').read()).hexdigest())",
         [{"output_type": "stream", "name": "stdout", "text": [sha256() + "\n"]}]),
    ])


@corpus_file("data/notebooks/warehouse_etl.ipynb")
def _():
    pw = password(18, symbols="")
    return notebook([
        ("markdown", "# Nightly warehouse ETL (prototype)", None),
        ("code", f"import sqlalchemy as sa\nengine = sa.create_engine('snowflake://etl:{S('snowflake-url-password', pw)}@acme-xy12345/analytics/public?warehouse=etl_wh')", None),
        ("code", f"DATABRICKS_HOST = 'https://adb-{rs(DIG, 16)}.7.azuredatabricks.net'\nDATABRICKS_TOKEN = '{S('databricks-token')}'", None),
        ("code", f"from prefect import flow\nPREFECT_API_KEY = '{S('prefect-api-key')}'",
         [{"output_type": "stream", "name": "stdout", "text": ["flow run 'silver-otter' created\n"]}]),
    ])


# ---------------------------------------------------------------------------------------------
# More placements: recordings, logs, build files, other languages

@corpus_file("integrations/recordings/github_oauth_exchange.yaml")
def _():
    body = json.dumps({"access_token": S("github-user-to-server-token"), "expires_in": 28800,
                       "refresh_token": S("github-refresh-token"), "refresh_token_expires_in": 15811200,
                       "scope": "", "token_type": "bearer"})
    body2 = json.dumps({"token": S("github-server-to-server-token"), "expires_at": "2024-05-02T11:00:00Z",
                        "permissions": {"contents": "read", "metadata": "read"}})
    return T('''
        interactions:
        - request:
            body: client_id=Iv1.%%cid%%&code=%%code%%
            headers:
              Accept: [application/json]
            method: POST
            uri: https://github.com/login/oauth/access_token
          response:
            body: {string: '%%body%%'}
            headers:
              Content-Type: [application/json; charset=utf-8]
            status: {code: 200, message: OK}
        - request:
            method: POST
            uri: https://api.github.com/app/installations/%%inst%%/access_tokens
          response:
            body: {string: '%%body2%%'}
            status: {code: 201, message: Created}
        version: 1
        ''', cid=hexs(16), code=hexs(20), body=body, body2=body2, inst=rs(DIG, 8))


@corpus_file("logs/gateway-access.log")
def _():
    lines = []
    leak_at = {7: ("slack", None), 15: ("ya29", None)}
    for i in range(24):
        ip = f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(256)}"
        ts = f"02/May/2024:10:{i:02d}:{R.randrange(60):02d} +0000"
        rid = uuid4()
        if i == 7:
            path = f"/oauth/slack/callback?code={rs(DIG, 12)}.{rs(DIG, 13)}.{hexs(64)}&token={S('slack-bot-token')}"
        elif i == 15:
            path = f"/v1/import?source=gdrive&access_token={S('gcp-oauth-access-token')}"
        else:
            path = R.choice(["/v1/orders", "/v1/orders/" + uuid4(), "/healthz", "/v1/cart?session=" + hexs(24),
                             "/static/app." + hexs(8) + ".js"])
        lines.append(f'{ip} - - [{ts}] "GET {path} HTTP/1.1" {R.choice([200, 200, 204, 304, 404])} '
                     f'{R.randrange(100, 9000)} "-" "Mozilla/5.0" rid={rid} rt=0.0{R.randrange(10, 99)}')
    return "\n".join(lines) + "\n"


@corpus_file("Makefile")
def _():
    return T('''
        SHELL := /bin/bash
        VERSION ?= $(shell git describe --tags --always)
        PULUMI_ACCESS_TOKEN ?= %%pul%%
        DOPPLER_TOKEN := %%dp%%

        .PHONY: build test deploy

        build:
        	go build -ldflags "-X main.version=$(VERSION)" ./...

        test:
        	go test ./... -race -count=1

        deploy:
        	PULUMI_ACCESS_TOKEN=$(PULUMI_ACCESS_TOKEN) pulumi up --yes --stack prod
        	doppler run --token $(DOPPLER_TOKEN) -- ./scripts/migrate.sh
        ''', pul=S("pulumi-access-token"), dp=S("doppler-personal-token"))


@corpus_file("infra/pulumi/Pulumi.prod.yaml")
def _():
    return T('''
        encryptionsalt: v1:%%salt%%:v1:%%iv%%:%%ct%%
        config:
          aws:region: eu-west-1
          platform:dbPassword:
            secure: v1:%%s1%%:%%s2%%
          platform:githubToken:
            secure: v1:%%s3%%:%%s4%%
          platform:replicas: "3"
        ''', salt=b64(rbytes(8)), iv=b64(rbytes(12)), ct=b64(rbytes(32)), s1=b64(rbytes(12)),
        s2=b64(rbytes(40)), s3=b64(rbytes(12)), s4=b64(rbytes(56)))


@corpus_file("shipping/app/services/label_service.rb")
def _():
    return T('''
        require "shippo"
        require "easypost"

        class LabelService
          SHIPPO_TOKEN = "%%shippo%%".freeze

          def initialize
            Shippo::API.token = SHIPPO_TOKEN
            @easypost = EasyPost::Client.new(api_key: "%%ep%%")
          end

          def purchase(rate_id)
            Shippo::Transaction.create(rate: rate_id, label_file_type: "PDF", async: false)
          end

          def track(carrier, code)
            @easypost.tracker.create(tracking_code: code, carrier: carrier)
          end
        end
        ''', shippo=S("shippo-api-token"), ep=S("easypost-api-key"))


@corpus_file("marketing/fb_ads_report.py")
def _():
    return T('''
        from facebook_business.adobjects.adaccount import AdAccount
        from facebook_business.api import FacebookAdsApi

        ACCESS_TOKEN = (
            "%%fb%%"
        )
        AD_ACCOUNT = "act_%%acct%%"

        FacebookAdsApi.init(access_token=ACCESS_TOKEN, api_version="v19.0")

        def spend_last_7d():
            insights = AdAccount(AD_ACCOUNT).get_insights(fields=["spend", "impressions"],
                                                          params={"date_preset": "last_7d"})
            return [(i["spend"], i["impressions"]) for i in insights]
        ''', fb=S("facebook-access-token"), acct=rs(DIG, 15))


@corpus_file("clj/project.clj")
def _():
    return T('''
        (defproject acme/edn-tools "%%ver%%"
          :description "EDN helpers"
          :dependencies [[org.clojure/clojure "1.11.3"]]
          :deploy-repositories [["clojars" {:url "https://repo.clojars.org"
                                            :username "acme-ci"
                                            :password "%%tok%%"
                                            :sign-releases false}]]
          :profiles {:dev {:dependencies [[criterium "0.4.6"]]}})
        ''', ver=semver(), tok=S("clojars-token"))


@corpus_file("k8s/gitlab-agent/values.yaml")
def _():
    return T('''
        image:
          tag: v16.11.0
        config:
          kasAddress: wss://kas.gitlab.acme.dev
          token: %%agent%%
        oauth:
          applicationId: %%appid%%
          secret: %%gloas%%
        rbac:
          create: true
        ''', agent=S("gitlab-agent-token"), appid=hexs(64), gloas=S("gitlab-oauth-app-secret"))


@corpus_file("ops/doctl/config.yaml")
def _():
    return T('''
        access-token: %%doo%%
        context: default
        output: text
        auth-contexts:
          staging: %%dop%%
        ''', doo=S("digitalocean-oauth-token"), dop=S("digitalocean-pat"))


@corpus_file("api/requests.http")
def _():
    tok = jwt({"sub": str(R.randrange(10 ** 5, 10 ** 6)), "email": "ops@acme.dev", "roles": ["admin"],
               "iss": "https://auth.acme.dev", "aud": "api.acme.dev", "iat": 1714550000, "exp": 1893456000},
              {"alg": "RS256", "typ": "JWT", "kid": hexs(16)})
    return T('''
        @host = https://api.acme.dev
        @token = %%jwt%%

        ### list orders
        GET {{host}}/v1/orders?limit=20
        Authorization: Bearer {{token}}

        ### create order
        POST {{host}}/v1/orders
        Authorization: Bearer {{token}}
        Content-Type: application/json

        {"sku": "SKU-%%sku%%", "qty": 2, "idempotency_key": "%%idem%%"}
        ''', jwt=S("jwt", tok), sku=rs(UPALNUM, 6), idem=uuid4())


@corpus_file("api/postman/prod.postman_environment.json")
def _():
    tok = jwt({"sub": "svc-reporting", "scope": "orders:read reports:write", "iat": 1714550000,
               "exp": 1893456000, "jti": uuid4()})
    return json.dumps({"id": uuid4(), "name": "prod", "values": [
        {"key": "baseUrl", "value": "https://api.acme.dev", "type": "default", "enabled": True},
        {"key": "accessToken", "value": S("jwt", tok), "type": "secret", "enabled": True},
        {"key": "clientSecret", "value": S("generic-client-secret", rs(B64URL, 48)), "type": "secret", "enabled": True},
        {"key": "apiKey", "value": "{{vault:api-key}}", "type": "secret", "enabled": True},
    ], "_postman_variable_scope": "environment"}, indent="\t") + "\n"


@corpus_file("inventory/settings.xml")
def _():
    return T('''
        <?xml version="1.0" encoding="UTF-8"?>
        <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
          <servers>
            <server>
              <id>acme-releases</id>
              <username>deployer</username>
              <password>%%pw%%</password>
            </server>
            <server>
              <id>github</id>
              <username>acme-bot</username>
              <password>${env.GITHUB_TOKEN}</password>
            </server>
            <server>
              <id>ossrh</id>
              <username>acme</username>
              <password>{%%menc%%}</password>
            </server>
          </servers>
        </settings>
        ''', pw=S("generic-password", password(20, symbols="")), menc=b64(rbytes(32)))


@corpus_file("portal/Portal.Web/Web.config")
def _():
    return T('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <connectionStrings>
            <add name="Portal" connectionString="Data Source=sql01.acme.local;Initial Catalog=Portal;User ID=portal_web;Password=%%pw%%" providerName="System.Data.SqlClient" />
            <add name="Audit" connectionString="Driver={ODBC Driver 18 for SQL Server};Server=sql02.acme.local;Database=Audit;Uid=audit;Pwd=%%odbc%%;Encrypt=yes;" />
          </connectionStrings>
          <appSettings>
            <add key="webpages:Version" value="3.0.0.0" />
            <add key="SmtpPassword" value="%%smtp%%" />
            <add key="MachineKeyValidation" value="HMACSHA256" />
          </appSettings>
          <system.web>
            <compilation debug="false" targetFramework="4.8" />
            <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />
          </system.web>
        </configuration>
        ''', pw=S("mssql-connection-string-password", password(18, symbols="!*")),
        odbc=S("odbc-connection-string-password", password(18, symbols="")),
        smtp=S("generic-password", password(18, symbols=""))).replace("\n", "\r\n")


@corpus_file("Jenkinsfile")
def _():
    return T('''
        pipeline {
          agent { label 'linux' }
          environment {
            REGISTRY_CREDS = credentials('registry-creds')
            SONAR_TOKEN    = credentials('sonar-token')
            ARTIFACTORY_TOKEN = '%%art%%'
          }
          stages {
            stage('Build') {
              steps { sh './gradlew build' }
            }
            stage('Publish') {
              steps {
                withCredentials([string(credentialsId: 'gh-token', variable: 'GITHUB_TOKEN')]) {
                  sh 'curl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/repos/acme/inventory/releases'
                }
                sh 'curl -H "X-JFrog-Art-Api: ${ARTIFACTORY_TOKEN}" -T build/libs/inventory.jar https://acme.jfrog.io/artifactory/libs-release/'
              }
            }
          }
        }
        ''', art=S("artifactory-api-key"))


@corpus_file("firmware/src/config.h")
def _():
    return T('''
        #ifndef FIRMWARE_CONFIG_H_
        #define FIRMWARE_CONFIG_H_

        #include <stdint.h>

        #define WIFI_SSID "acme-iot"
        #define WIFI_PASSWORD "%%wifi%%"
        #define MQTT_HOST "mqtt.acme.dev"
        #define MQTT_PORT 8883
        #define MQTT_USER "sensor-fleet"

        static const char kMqttPassword[] = "%%mqtt%%";

        /* SHA-256 of the expected bootloader image. */
        static const uint8_t kBootloaderDigest[32] = {
            %%digest%%
        };

        #define FW_VERSION "%%ver%%"

        #endif  // FIRMWARE_CONFIG_H_
        ''', wifi=S("generic-password", password(16, symbols="")), mqtt=S("generic-password", password(24, symbols="")),
        digest=", ".join(f"0x{b:02x}" for b in rbytes(32)), ver=semver())


@corpus_file("mobile/ios/Acme/Config.swift")
def _():
    return T('''
        import Foundation

        enum Config {
            static let apiBaseURL = URL(string: "https://api.acme.dev")!
            static let revenueCatKey = "appl_%%rc%%"
            static let segmentWriteKey = ProcessInfo.processInfo.environment["SEGMENT_WRITE_KEY"] ?? ""
            // Server-side key; should not be in the app bundle
            static let intercomSecret = "%%ic%%"
            static let buildUUID = UUID(uuidString: "%%u%%")!
        }
        ''', rc=rs(ALNUM, 27), ic=S("generic-secret", hexs(40)), u=uuid4().upper())


@corpus_file("mobile/android/app/src/main/java/dev/acme/mobile/ApiClient.kt")
def _():
    return T('''
        package dev.acme.mobile

        import okhttp3.Interceptor
        import okhttp3.OkHttpClient

        object ApiClient {
            private const val API_KEY = "%%key%%"
            private const val USER_AGENT = "AcmeAndroid/%%ver%%"

            val http: OkHttpClient = OkHttpClient.Builder()
                .addInterceptor(Interceptor { chain ->
                    chain.proceed(
                        chain.request().newBuilder()
                            .header("X-Api-Key", API_KEY)
                            .header("User-Agent", USER_AGENT)
                            .build()
                    )
                })
                .build()

            fun passwordHint(): String = BuildConfig.PASSWORD_HINT
            val tokenKey = "auth_token"
        }
        ''', key=S("generic-api-key", rs(ALNUM, 36)), ver=semver())


# ---------------------------------------------------------------------------------------------
# Hard-negative-only files

@corpus_file("app/tests/fixtures/fake_credentials.py")
def _():
    return T('''
        """Obviously fake credentials for unit tests. None of these work anywhere."""

        FAKE_AWS_ACCESS_KEY_ID = "%%exid%%"
        FAKE_AWS_SECRET_ACCESS_KEY = "%%exsec%%"
        FAKE_GITHUB_TOKEN = "ghp_" + "x" * 36
        FAKE_SLACK_TOKEN = "xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"
        FAKE_STRIPE_KEY = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"
        FAKE_PASSWORD = "password"
        PLACEHOLDER_TOKEN = "<token>"
        TEMPLATE_SECRET = "${SECRET}"
        EMPTY_PASSWORD = ""
        DEFAULT_ADMIN_PASSWORD = "changeme"
        REDACTED = "********"
        TEST_UUID = "%%u%%"
        TEST_SHA = "%%sha%%"


        def make_config(**overrides):
            cfg = {
                "api_key": "your_api_key_here",
                "api_secret": "YOUR_API_SECRET",
                "password": "hunter2",
                "token": "dummy",
                "db_url": "postgres://user:pass@localhost/test",
                "webhook_secret": "whsec_test_secret",
            }
            cfg.update(overrides)
            return cfg
        ''', exid=AWS_EXAMPLE_ID, exsec=AWS_EXAMPLE_SECRET, u=uuid4(), sha=sha1())


@corpus_file("web/public/css/app.css")
def _():
    rules = []
    for i in range(30):
        c1, c2 = hexs(6), hexs(6)
        rules.append(f".c-{rs(LO, 5)}-{i} {{ color: #{c1}; background: linear-gradient(90deg, #{c2} 0%, #{hexs(6)}ff 100%); "
                     f"border-radius: {R.randrange(2, 12)}px; }}")
    font = b64(rbytes(600))
    return ("@font-face {\n  font-family: \"AcmeIcons\";\n  src: url(\"data:font/woff2;base64," + font + "\") format(\"woff2\");\n}\n"
            ":root {\n  --brand: #" + hexs(6) + ";\n  --accent: #" + hexs(6) + ";\n}\n"
            ".logo { background-image: url(\"" + png_data_uri(20, 20) + "\"); }\n" + "\n".join(rules) + "\n")


@corpus_file("web/public/index.html")
def _():
    return T('''
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="google-site-verification" content="%%gsv%%" />
            <title>Acme Shop</title>
            <link rel="stylesheet" href="/css/app.css?v=%%v%%" />
            <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js"
                    integrity="%%sri%%" crossorigin="anonymous"></script>
            <script type="module" crossorigin src="/assets/index-4f9c2a1b.js"></script>
          </head>
          <body>
            <form action="/login" method="post">
              <input type="hidden" name="csrf_token" value="{{ csrf_token }}" />
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" />
              <input name="api_key" placeholder="Paste your API key" />
            </form>
            <img alt="spinner" src="%%img%%" />
          </body>
        </html>
        ''', gsv=rs(B64URL, 43), v=hexs(8), sri=sri("sha384", 48), img=png_data_uri(10, 10))


@corpus_file("db/migrations/20240301120000_create_users.sql")
def _():
    users = "\n".join(f"  ('{uuid4()}', '{n}@example.com', '$2b$12${rs(ALNUM + './', 53)}', '{sha256()}')," for n in
                      ("alice", "bob", "carol", "dave"))
    return T('''
        CREATE EXTENSION IF NOT EXISTS pgcrypto;

        CREATE TABLE users (
          id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
          email CITEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          api_key_sha256 CHAR(64),
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE TABLE password_resets (
          token_hash BYTEA PRIMARY KEY,
          user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          expires_at TIMESTAMPTZ NOT NULL
        );

        -- seed users for staging (bcrypt hashes of random passwords)
        INSERT INTO users (id, email, password_hash, api_key_sha256) VALUES
        %%users%%
          ('%%u%%', 'erin@example.com', crypt('x', gen_salt('bf')), NULL);
        ''', users=users, u=uuid4())


@corpus_file("web/src/i18n/en.json")
def _():
    return json.dumps({"auth": {"password": "Password", "password_hint": "At least 12 characters",
                                "forgot_password": "Forgot your password?", "api_key": "API key",
                                "api_key_help": "Create an API key in Settings → Developers",
                                "token_expired": "Your session token expired. Please sign in again.",
                                "secret_label": "Client secret"},
                       "errors": {"invalid_token": "Invalid token", "wrong_password": "Wrong password"}},
                      indent=2, ensure_ascii=False) + "\n"


@corpus_file("api/openapi.yaml")
def _():
    return T('''
        openapi: 3.0.3
        info:
          title: Acme API
          version: %%ver%%
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
            apiKey:
              type: apiKey
              in: header
              name: X-Api-Key
          schemas:
            LoginRequest:
              type: object
              properties:
                email: {type: string, format: email, example: jane@example.com}
                password: {type: string, format: password, example: "********"}
            TokenResponse:
              type: object
              properties:
                access_token: {type: string, example: "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9..."}
                refresh_token: {type: string, example: "<refresh-token>"}
                expires_in: {type: integer, example: 3600}
            ApiKey:
              type: object
              properties:
                id: {type: string, format: uuid, example: %%u%%}
                prefix: {type: string, example: acme_live_}
                secret: {type: string, description: Only returned once, example: acme_live_XXXXXXXXXXXXXXXXXXXXXXXX}
        security:
          - bearerAuth: []
        paths: {}
        ''', ver=semver(), u=uuid4())


@corpus_file("web/public/img/logo.svg")
def _():
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="32">\n'
            f'  <path d="M{R.randrange(100)} {R.randrange(30)}L{R.randrange(100)} {R.randrange(30)}Z" fill="#{hexs(6)}"/>\n'
            f'  <image width="32" height="32" xlink:href="{png_data_uri(16, 16)}"/>\n</svg>\n')


@corpus_file(".devcontainer/devcontainer.json")
def _():
    return json.dumps({"name": "acme", "image": "mcr.microsoft.com/devcontainers/base:bookworm@sha256:" + sha256(),
                       "features": {"ghcr.io/devcontainers/features/node:1": {"version": "20"}},
                       "remoteEnv": {"GITHUB_TOKEN": "${localEnv:GITHUB_TOKEN}",
                                     "NPM_TOKEN": "${localEnv:NPM_TOKEN}"},
                       "postCreateCommand": "npm ci"}, indent=2) + "\n"


@corpus_file("src/crypto/test_vectors.c")
def _():
    vecs = []
    for i in range(6):
        vecs.append(f'  {{ /* vector {i} */\n    "{hexs(64)}",\n    "{hexs(64)}",\n    "{hexs(128)}" }},')
    return ("/* Ed25519 test vectors (secret seed, public key, signature) from the spec's test suite format. */\n"
            "#include \"crypto/ed25519.h\"\n\nstruct ed25519_vector { const char *seed_hex, *pub_hex, *sig_hex; };\n\n"
            "static const struct ed25519_vector kVectors[] = {\n" + "\n".join(vecs) + "\n};\n\n"
            f"static const char kMessageHash[] = \"{hexs(128)}\";\n"
            f"static const char kHmacKeyHex[] = \"{'0b' * 20}\";\n")


@corpus_file("docs/security/password-policy.md")
def _():
    return T('''
        # Password and token policy

        - Passwords: at least 12 characters, checked against the breached-password list.
        - Password hashes: Argon2id (`m=65536, t=3, p=4`), e.g.
          `$argon2id$v=19$m=65536,t=3,p=4$%%salt%%$%%hash%%`.
        - API tokens: 32 random bytes, shown once, stored as SHA-256 (`%%sha%%`).
        - Session secrets rotate every 90 days; the env var is `SESSION_SECRET`.
        - Never write `password = "..."` in code; use `os.environ["DB_PASSWORD"]` or the secret store.
        ''', salt=b64(rbytes(16)).rstrip("="), hash=b64(rbytes(32)).rstrip("="), sha=sha256())


@corpus_file("mkdocs.yml")
def _():
    return T('''
        site_name: Acme Platform
        repo_url: https://github.com/acme/platform
        edit_uri: edit/main/docs/
        theme:
          name: material
          palette:
            primary: indigo
        plugins:
          - search
          - git-revision-date-localized
        extra:
          analytics:
            provider: google
            property: G-%%mid%%
        ''', mid=rs(UPALNUM, 10))


@corpus_file("helm/platform/values.yaml")
def _():
    return T('''
        replicaCount: 2
        image:
          repository: ghcr.io/acme/platform
          tag: ""
          digest: sha256:%%d%%
        postgresql:
          auth:
            username: platform
            password: ""
            existingSecret: platform-db
            secretKeys:
              userPasswordKey: password
        secrets:
          apiKey: ""           # set with --set secrets.apiKey=...
          jwtSecret: "{{ randAlphaNum 32 }}"
        podAnnotations:
          checksum/secret: %%cs%%
        ''', d=sha256(), cs=sha256())


@corpus_file("scripts/gen_ids.py")
def _():
    return T('''
        """Stable identifiers used by fixtures and migrations."""
        import hashlib
        import uuid

        NAMESPACE = uuid.UUID("%%ns%%")
        KNOWN_IDS = {
            "warehouse-eu": "%%u1%%",
            "warehouse-us": "%%u2%%",
            "warehouse-apac": "%%u3%%",
        }
        SCHEMA_VERSION_SHA = "%%sha%%"
        BLOB = (
            "%%blob%%"
        )


        def stable_id(name: str) -> uuid.UUID:
            return uuid.uuid5(NAMESPACE, name)


        def fingerprint(data: bytes) -> str:
            return hashlib.sha256(data).hexdigest()
        ''', ns=uuid4(), u1=uuid4(), u2=uuid4(), u3=uuid4(), sha=sha256(), blob=b64(png_bytes(6, 6)))


# =============================================================================================

def verify_keys(root):
    """Checks every planted key with openssl / ssh-keygen / gpg where installed."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, label in enumerate(LABELS):
            kind, text = label["kind"], label.get("decoded") or label["secret"]
            if "PRIVATE KEY" not in text and "PuTTY" not in text:
                continue
            path = os.path.join(tmp, f"k{i}")
            with open(path, "w") as f:
                f.write(text.rstrip("\n") + "\n")
            os.chmod(path, 0o600)
            if "OPENSSH" in text:
                cmd = ["ssh-keygen", "-y", "-f", path]
            elif "PGP" in text:
                cmd = ["gpg", "--list-packets", path]
            elif "PuTTY" in text:
                continue  # puttygen is rarely installed; the MAC is computed as documented
            else:
                cmd = ["openssl", "pkey", "-in", path, "-noout", "-check"]
            if shutil.which(cmd[0]) is None:
                continue
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                problems.append(f"{label['path']}: {kind}: {r.stderr.strip()[:200]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "tests", "corpus"),
                    help="corpus root; writes <out>/labelled and <out>/labels.jsonl")
    ap.add_argument("--verify", action="store_true", help="check planted keys with openssl/ssh-keygen/gpg")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files on disk differ from what would be generated")
    args = ap.parse_args()

    build_all()
    LABELS.sort(key=lambda l: (l["path"], l["line"], l["secret"]))
    labels_text = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in LABELS)
    root = os.path.normpath(args.out)
    labelled = os.path.join(root, "labelled")

    if args.check:
        drift = []
        for rel, content in FILES.items():
            p = os.path.join(labelled, rel)
            if not os.path.exists(p) or open(p, encoding="utf-8", newline="").read() != content:
                drift.append(rel)
        on_disk = {os.path.relpath(os.path.join(d, n), labelled) for d, _, ns in os.walk(labelled) for n in ns}
        drift += sorted(on_disk - set(FILES))
        lp = os.path.join(root, "labels.jsonl")
        if not os.path.exists(lp) or open(lp, encoding="utf-8").read() != labels_text:
            drift.append("labels.jsonl")
        for d in drift:
            print("drift:", d)
        sys.exit(1 if drift else 0)

    if os.path.isdir(labelled):
        shutil.rmtree(labelled)
    for rel, content in FILES.items():
        p = os.path.join(labelled, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(content)
    with open(os.path.join(root, "labels.jsonl"), "w", encoding="utf-8") as f:
        f.write(labels_text)
    kinds = {l["kind"] for l in LABELS}
    print(f"wrote {len(FILES)} files, {len(LABELS)} labels, {len(kinds)} kinds, "
          f"{len({l['path'] for l in LABELS})} files with secrets -> {labelled}")
    if args.verify:
        problems = verify_keys(root)
        for p in problems:
            print("key check failed:", p)
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
