"""The noise corpus generator (secret-free source files), split by purpose; tools/gen_noise.py is the entry point.

rand: the shared random source and value helpers; words: word lists and naming helpers;
code_files and data_files: the generators per file type; build: the weighted draw; cli: the
command line.
"""
