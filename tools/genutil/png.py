"""Deterministic small RGB PNG images, drawn from a caller's random.Random."""

import struct
import zlib


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_gradient(rng, w, h, dx, dy, jitter):
    """A w x h gradient from a random base colour: pixel (x, y) shifts by x*dx + y*dy plus noise below jitter."""
    base = [rng.randrange(256) for _ in range(3)]
    raw = b"".join(b"\x00" + bytes((base[c] + x * dx + y * dy + rng.randrange(jitter)) % 256
                                   for x in range(w) for c in range(3)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))
