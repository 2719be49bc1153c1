"""Mutation testing (mutmut 3) of the modules where a bug hurts most, scored per module.

    .venv/bin/python scripts/mutation_report.py run              # every module
    .venv/bin/python scripts/mutation_report.py run threads client  # some groups only
    .venv/bin/python scripts/mutation_report.py report           # scores of what has run so far

``make mutate`` runs the first form. mutmut copies the apps into ``mutants/``
and runs the fast (non-browser) tests there against each mutant; its
configuration is ``[tool.mutmut]`` in pyproject.toml. Results accumulate in
``mutants/``, so an interrupted run resumes where it stopped; delete the
folder to start again. ``MUTMUT_JOBS`` (default 2) caps parallel children on
a shared machine. A module scores killed / (killed + survived + timeout);
mutants no test reaches count as survivors.
"""

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [str(ROOT / ".venv" / "bin" / "mutmut")]
TARGET = 85.0

# group -> modules, in the order `run` takes them (cheapest first).
GROUPS = {
    "threads": ["comments.visibility", "comments.threads"],
    "client": ["core.client", "comments.spam"],
    "cache": ["comments.cache"],
    "tips": ["tips.codenames", "tips.crypto", "tips.uploads"],
    "routing": ["blog.templatetags.bilingual_tags", "blog.bilingual"],
    "translations": ["translations.segments", "translations.files", "translations.sync"],
}
KILLED = {"killed", "caught by type check"}
COUNTED = KILLED | {"survived", "timeout", "no tests", "suspicious", "segfault"}
RESULT_LINE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+)$")


def module_of(mutant_name):
    """``comments.threads.x_insert__mutmut_3`` and ``a.b.xǁClassǁmethod__mutmut_1`` -> their module."""
    parts = mutant_name.split(".")
    for index, part in enumerate(parts):
        if part.startswith(("x_", "xǁ")):
            return ".".join(parts[:index])
    return ".".join(parts[:-1])


def results():
    """``{mutant name: status}`` for every mutant mutmut has generated."""
    output = subprocess.run(  # noqa: S603 - the project's own mutmut
        [*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in output.splitlines():
        match = RESULT_LINE.match(line)
        if match:
            found[match["name"]] = match["status"].strip()
    return found


def scores(found, modules):
    by_module = defaultdict(Counter)
    survivors = defaultdict(list)
    for name, status in found.items():
        module = module_of(name)
        if module in modules:
            by_module[module][status] += 1
            if status in COUNTED - KILLED:
                survivors[module].append(f"{name} ({status})")
    rows = []
    for module in modules:
        counts = by_module[module]
        checked = sum(counts[status] for status in COUNTED)
        killed = sum(counts[status] for status in KILLED)
        rows.append(
            {
                "module": module,
                "killed": killed,
                "checked": checked,
                "not_checked": counts["not checked"],
                "score": 100.0 * killed / checked if checked else None,
                "survivors": sorted(survivors[module]),
            }
        )
    return rows


def print_report(rows, show_survivors=True):
    print(f"{'module':40} {'killed':>7} {'checked':>8} {'pending':>8} {'score':>7}")
    for row in rows:
        score = f"{row['score']:.1f}%" if row["score"] is not None else "-"
        mark = "" if row["score"] is None or row["score"] >= TARGET else "  < target"
        print(f"{row['module']:40} {row['killed']:>7} {row['checked']:>8} {row['not_checked']:>8} {score:>7}{mark}")
    if show_survivors:
        for row in rows:
            if row["survivors"]:
                print(f"\nSurvivors in {row['module']} (`.venv/bin/mutmut show NAME` prints each diff):")
                for survivor in row["survivors"]:
                    print(f"  {survivor}")


def run(groups):
    """One mutmut run over the groups' modules: the clean and forced-fail runs are paid once."""
    jobs = os.environ.get("MUTMUT_JOBS", "2")
    patterns = [f"{module}.*" for group in groups for module in GROUPS[group]]
    print(f"== mutmut run {' '.join(patterns)}", flush=True)
    subprocess.run([*MUTMUT, "run", "--max-children", jobs, *patterns], cwd=ROOT, check=False)  # noqa: S603


def main(argv):
    command, names = (argv[0], argv[1:]) if argv else ("report", [])
    unknown = [name for name in names if name not in GROUPS]
    if command not in ("run", "report") or unknown:
        sys.exit(f"usage: mutation_report.py run|report [{' '.join(GROUPS)}]")
    groups = names or list(GROUPS)
    if command == "run":
        run(groups)
    modules = [module for group in groups for module in GROUPS[group]]
    rows = scores(results(), modules)
    print_report(rows)
    below = [row["module"] for row in rows if row["score"] is not None and row["score"] < TARGET]
    return 1 if below and command == "run" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
