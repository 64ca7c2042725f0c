"""Checks every planted key with openssl, ssh-keygen and gpg, where they are installed (--verify)."""

import os
import shutil
import subprocess
import tempfile


def verify_keys(labels):
    """Checks every planted key in labels with openssl / ssh-keygen / gpg where installed; returns the problems."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, label in enumerate(labels):
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
