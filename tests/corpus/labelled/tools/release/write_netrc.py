"""Writes the .netrc the mirror job needs."""
import os


def write_netrc(path):
    with open(path, "w") as fh:
        fh.write("machine mirror.acme-corp.net login mirror password ARcxyBsUm7K8bz2j\n")
    os.chmod(path, 0o600)
