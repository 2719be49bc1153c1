"""Count the suite honestly: test functions and parametrised cases separately.

    .venv/bin/python scripts/test_counts.py            # the whole suite
    .venv/bin/python scripts/test_counts.py comments   # pytest arguments pass through

A test function collected once per parameter counts once as a function; its
cases are reported on their own line, next to the browser tests.
"""

import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def collect(args):
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    node_ids = [line for line in result.stdout.splitlines() if "::" in line and not line.startswith(" ")]
    if result.returncode not in (0, 5):
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(result.returncode)
    return node_ids


def counts(node_ids, browser_ids=()):
    cases_by_function = Counter(node_id.split("[", 1)[0] for node_id in node_ids)
    parametrised = Counter(node_id.split("[", 1)[0] for node_id in node_ids if "[" in node_id)
    return {
        "functions": len(cases_by_function),
        "collected": len(node_ids),
        "parametrised_functions": len(parametrised),
        "parametrised_cases": sum(parametrised.values()),
        "browser_functions": len({node_id.split("[", 1)[0] for node_id in browser_ids}),
    }


def main(args):
    node_ids = collect(args)
    browser_ids = collect([*args, "-m", "browser"])
    figures = counts(node_ids, browser_ids)
    plain = figures["functions"] - figures["parametrised_functions"]
    print(f"{figures['functions']} test functions ({figures['browser_functions']} of them browser tests)")
    print(
        f"  {plain} run once; {figures['parametrised_functions']} parametrised,"
        f" run as {figures['parametrised_cases']} cases"
    )
    print(f"{figures['collected']} collected test cases in all")


if __name__ == "__main__":
    main(sys.argv[1:])
