"""Text templating for the corpus files: dedented templates with %%name%% slots, and indenting."""

import re
import textwrap


def T(text, **kw):
    """Dedents `text` and replaces %%name%% with kw[name]."""
    text = textwrap.dedent(text).lstrip("\n")

    def sub(m):
        return str(kw[m.group(1)])
    out = re.sub(r"%%([A-Za-z0-9_]+)%%", sub, text)
    return out


def indent(text, n):
    pad = " " * n
    return "\n".join((pad + line) if line else line for line in text.rstrip("\n").split("\n"))
