"""Hard negatives: well-known example credentials and random values (hashes, digests, images, versions)
that look like secrets but must never be reported."""

from genutil.png import png_gradient

from .rand import R, b64, hexs, rbytes

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


def png_bytes(w, h):
    return png_gradient(R, w, h, 7, 3, 4)
