"""Key material computed in pure Python: deterministic RSA, P-256 and Ed25519 keys, DER/PEM and X.509.

Just enough of each format to emit blocks that openssl accepts (see verify.py); all randomness
comes from rand.R.
"""

import hashlib
import math

from .rand import R, b64

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
