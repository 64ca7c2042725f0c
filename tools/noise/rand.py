"""Random values for the noise files: the shared source R (reseeded per file by build.py), hex,
UUIDs, digests, versions, base64 and PNG data URIs."""

import base64
import string

from genutil.png import png_gradient
from genutil.rng import SeededRandom

SEED = "magpie-noise-v1"
R = SeededRandom(SEED)

LO, UP, DIG = string.ascii_lowercase, string.ascii_uppercase, string.digits
ALNUM = LO + UP + DIG
HEX = "0123456789abcdef"


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


def png_uri():
    png = png_gradient(R, R.randrange(6, 20), R.randrange(6, 20), 5, 9, 3)
    return "data:image/png;base64," + b64(png)
