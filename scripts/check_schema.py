"""Cross-checks the configuration JSON Schema with an independent validator (python-jsonschema):
the schema itself is valid draft 2020-12, every shipped example validates, and typical mistakes are refused.
Run by scripts/test; exits non-zero on the first failure."""
import json
import pathlib
import sys

import jsonschema
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs/schema/millrace.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = 0
valid = sorted((root / "examples").glob("*.yaml")) + sorted((root / "Tests/MillraceConfigurationTests/Fixtures/valid").glob("*.yaml"))
for path in valid:
    errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
    if errors:
        failures += 1
        print(f"FAIL {path.relative_to(root)} should validate: {errors[0].message}")
    else:
        print(f"ok   {path.relative_to(root)} validates")

# Mistakes the schema alone can see (the others need Millrace's cross-reference checks).
schema_visible = ["missing-enterprise", "unknown-data-type", "version-wrong-type", "unsupported-version",
                  "misspelled-key", "sites-not-a-list", "unknown-connection-type", "negative-deadband",
                  "port-out-of-range", "bad-asset-id", "bad-duration"]
for name in schema_visible:
    path = root / f"Tests/MillraceConfigurationTests/Fixtures/invalid/{name}.yaml"
    if validator.is_valid(yaml.safe_load(path.read_text())):
        failures += 1
        print(f"FAIL {path.relative_to(root)} should be refused by the schema")
    else:
        print(f"ok   {path.relative_to(root)} is refused")

print(f"schema check: {len(valid) + len(schema_visible) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
