#!/usr/bin/env python3
"""Validates jxaudit output against a JSON Schema in schemas/.

usage: validate.py json|jsonl|sarif SCHEMA FILE
Exit 0 when valid; 1 with the first errors when not, or when python3-jsonschema
is missing (a missing validator must fail the test, never pass it).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: python3-jsonschema is not installed "
          "(tools/install-deps.sh installs it)", file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("json", "jsonl", "sarif"):
        print(__doc__, file=sys.stderr)
        return 1
    mode, schema_path, path = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if mode == "jsonl":
        # Each line against the line definition of the same schema.
        line_schema = {"$defs": schema["$defs"], "$ref": "#/$defs/line"}
        validator = cls(line_schema)
        docs = [json.loads(line) for line in text.splitlines()]
        if not docs:
            print(f"{path}: no lines", file=sys.stderr)
            return 1
    else:
        validator = cls(schema)
        docs = [json.loads(text)]
    bad = 0
    for n, doc in enumerate(docs, 1):
        for e in validator.iter_errors(doc):
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}:{n}: {where}: {e.message[:300]}", file=sys.stderr)
            bad += 1
            if bad >= 20:
                return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
