"""magpie's labelled evaluation corpus generator, split by purpose; tools/gen_corpus.py is the entry point.

rand: the shared random source and value helpers; keys and keyfiles: key material; kinds: token
makers per secret kind; negatives: hard-negative values; text and registry: templates and labels;
render_*: the corpus files by type (templates.py lists them in order); verify and cli: checks and
the command line.
"""
