#!/usr/bin/env python3
"""Checks the routine JSON Schema: every shipped routine and good fixture passes it, every
bad fixture fails it, and rollcoach itself refuses the same bad fixtures."""
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml

root = pathlib.Path(sys.argv[1])
binary = sys.argv[2]
schema = json.loads((root / "schema" / "routine.schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

failures = []
good = sorted((root / "routines").glob("*.yaml")) + sorted((root / "tests/data/good").glob("*.yaml"))
bad = sorted((root / "tests/data/bad").glob("*.yaml"))
for path in good:
    text = path.read_text()
    if path.parent.name == "routines" and "yaml-language-server: $schema=" not in text.splitlines()[0]:
        failures.append(f"{path}: does not reference the schema on its first line")
    errors = list(validator.iter_errors(yaml.safe_load(text)))
    if errors:
        failures.append(f"{path}: rejected by the schema: {errors[0].message}")
for path in bad:
    if not list(validator.iter_errors(yaml.safe_load(path.read_text()))):
        failures.append(f"{path}: accepted by the schema")
    if subprocess.run([binary, "validate", str(path)], capture_output=True).returncode != 1:
        failures.append(f"{path}: accepted by rollcoach validate")

# The places a routine may name are the body model's own, and the one it adds for the neck.
body = yaml.safe_load((root / "assets" / "body.yaml").read_text())
places = list(body["anatomy"]) + ["neck-base"]
if schema["definitions"]["point"]["oneOf"][1]["properties"]["at"]["enum"] != places:
    failures.append(f"schema: the named places differ from assets/body.yaml's: {places}")

print(f"schema: {len(good)} good files accepted, {len(bad)} bad files rejected")
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
