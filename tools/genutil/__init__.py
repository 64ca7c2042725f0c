"""Helpers shared by both corpus generators (tools/corpus and tools/noise): rng, png and tree."""
