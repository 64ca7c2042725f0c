#!/usr/bin/env python3
"""Generates tests/corpus/noise/: ordinary source files with no secrets, to measure false positives.

The files are written from templates and word lists here (nothing is copied from other projects)
and drawn from a seeded random.Random, one per file, so the output is deterministic. They hold what
real code holds and a careless scanner trips on: env-var and secret-manager lookups, test values
that are plainly fake, hashes, UUIDs, git SHAs, integrity digests, base64 images and fonts, long
hex test vectors, minified bundles, provider object ids (not credentials), colours, SQL, HTML.
Every finding magpie reports here is a false positive.

Usage: tools/gen_noise.py [--out tests/corpus/noise] [--count 300] [--check]
"""

# The generator lives in the package tools/noise/ (one module per purpose; noise/__init__.py maps
# them); this file keeps the command line where the tests and docs call it.
from noise.cli import main

if __name__ == "__main__":
    main(__doc__)
