"""The corpus registry: templates register a path (corpus_file), plant secrets (S, PK) and build_all()
renders every file and records one label per planted secret."""

from .keyfiles import pem_private
from .kinds import TOKENS
from .rand import R

FILES = {}  # relative path -> str content
LABELS = []
_TEMPLATES = []  # (path, function)
_PENDING = []


def corpus_file(path):
    def register(fn):
        _TEMPLATES.append((path, fn))
        return fn
    return register


def S(kind, value=None, decoded=None, anchor=None):
    """Plants a secret: records a label for it and returns the value to write.

    value: the exact text in the file (default: a fresh token of `kind`).
    decoded: the plaintext when the file holds it encoded (base64, percent, JSON-escaped).
    anchor: text whose line is the label's line (default: the secret's own first line).
    """
    if value is None:
        value = TOKENS[kind]()
    _PENDING.append({"kind": kind, "secret": value, "decoded": decoded, "anchor": anchor})
    return value


def PK(kind, comment="deploy@build-01"):
    """Plants a PEM private key; the label is the whole block (its line: the BEGIN line)."""
    return S(kind, pem_private(kind, comment).rstrip("\n"))


def _line_of(content, needle):
    idx = content.find(needle)
    if idx < 0:
        raise ValueError(f"label text not in file: {needle[:60]!r}")
    if content.find(needle, idx + 1) >= 0:
        raise ValueError(f"label text occurs twice in file: {needle[:60]!r}")
    return content.count("\n", 0, idx) + 1


def build_all():
    """Renders every registered template, each from R reseeded by its path, into FILES and LABELS."""
    for path, fn in _TEMPLATES:
        R.reseed(path)
        _PENDING.clear()
        content = fn()
        if path in FILES:
            raise ValueError(f"duplicate path {path}")
        FILES[path] = content
        for p in _PENDING:
            line = _line_of(content, p["anchor"] or p["secret"])
            if p["anchor"]:
                _line_of(content, p["secret"])  # must be present too
            label = {"path": path, "line": line, "secret": p["secret"], "kind": p["kind"]}
            if p["decoded"] is not None:
                label["decoded"] = p["decoded"]
            LABELS.append(label)
