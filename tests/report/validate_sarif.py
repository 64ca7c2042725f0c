#!/usr/bin/python3
"""Validate a SARIF log against a JSON schema (the SARIF 2.1.0 schema in tests/data).

Usage: validate_sarif.py SCHEMA FILE
Exit status: 0 valid, 1 invalid (each error printed on stdout), 2 unreadable input or usage.
Uses Debian's python3-jsonschema; the validator class follows the schema's own $schema.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "<root>"
        print(f"{argv[2]}: {where}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
