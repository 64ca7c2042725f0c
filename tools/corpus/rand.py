"""Random values for the corpus: the shared source R, alphabets, strings, bytes, UUIDs, passwords."""

import base64
import string
import uuid as uuidlib

from genutil.rng import SeededRandom

SEED = "magpie-corpus-v1"

# Every module draws from R; registry.build_all() reseeds it (R.reseed(path)) for each file.
R = SeededRandom(SEED)

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
