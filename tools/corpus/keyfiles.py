"""Private and public key files: OpenSSH, OpenPGP and PuTTY containers, and pem_private's choice of format."""

import hashlib
import hmac
import struct

from .keys import RsaKey, ec_p256_sec1, ed25519_public, pem, rsa_pkcs1, rsa_pkcs8
from .rand import R, b64, rbytes


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
