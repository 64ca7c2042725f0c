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

# The generator lives in the package tools/corpus/ (one module per purpose; corpus/__init__.py maps
# them); this file keeps the command line where the tests and docs call it.
from corpus.cli import main

if __name__ == "__main__":
    main(__doc__)
