"""Mutation testing (mutmut 3) of the modules where a bug hurts most, scored per module.

    .venv/bin/python scripts/mutation_report.py run              # every module
    .venv/bin/python scripts/mutation_report.py run threads client  # some groups only
    .venv/bin/python scripts/mutation_report.py run tips.crypto      # one module only
    .venv/bin/python scripts/mutation_report.py report           # scores of what has run so far
    .venv/bin/python scripts/mutation_report.py recheck tips     # the survivors again, after new tests

``make mutate`` runs the first form. mutmut copies the apps into ``mutants/``
and runs the fast (non-browser) tests there against each mutant; its
configuration is ``[tool.mutmut]`` in pyproject.toml. A run checks the
mutants with no result yet and the survivors, so an interrupted run resumes where it stopped
(mutmut itself re-runs every mutant a pattern names). Results are kept in
``mutation/`` (committed), one file per module, so runs on different
machines add up: mutmut keeps a result while its function's code is
unchanged and checks the function's mutants again once it changes. Delete
``mutants/`` and ``mutation/`` to start again. ``MUTMUT_JOBS`` (default
2) caps parallel children on a shared machine. ``MUTMUT_SAMPLE=N`` checks at
most N more mutants per module, picked at random (seed 1), for an estimate
when a full run would take hours. A module scores killed (timeouts included) / checked;
mutants no test reaches count as survivors. The adjusted score leaves out
the mutants MUTATION.md lists as equivalent (they change nothing a test
could observe), each with its reason.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVED = ROOT / "mutation"
MUTMUT = [str(ROOT / ".venv" / "bin" / "mutmut")]
TARGET = 85.0

# group -> modules, in the order `run` takes them (cheapest first).
GROUPS = {
    "threads": ["comments.visibility", "comments.threads"],
    "client": ["core.client", "comments.spam"],
    "cache": ["comments.cache"],
    "tips": ["tips.codenames", "tips.crypto", "tips.uploads"],
    "routing": ["core.templatetags.bilingual_tags", "core.bilingual"],
    "translations": [
        "translations.segments",
        "translations.richtext",
        "translations.files",
        "translations.status",
        "translations.actions",
    ],
}
MODULES = [module for modules in GROUPS.values() for module in modules]
# A mutant that makes the tests hang is detected, as mutmut's own score counts it.
KILLED = {"killed", "caught by type check", "timeout"}
COUNTED = KILLED | {"survived", "timeout", "no tests", "suspicious", "segfault"}
RESULT_LINE = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+)$")
EQUIVALENT_LINE = re.compile(r"^- `(?P<name>[^`]+__mutmut_\d+)`")


def documented_equivalents():
    """Mutants MUTATION.md lists, under "Equivalent mutants", as changing nothing observable."""
    path = ROOT / "MUTATION.md"
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8").split("## Equivalent mutants", 1)
    lines = text[1].split("\n## ", 1)[0].splitlines() if len(text) == 2 else []
    return {match["name"] for line in lines if (match := EQUIVALENT_LINE.match(line))}


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


def scores(found, modules, equivalents=frozenset()):
    by_module = defaultdict(Counter)
    survivors = defaultdict(list)
    explained = Counter()
    stale = defaultdict(list)
    for name, status in found.items():
        module = module_of(name)
        if module in modules:
            by_module[module][status] += 1
            if status in KILLED and name in equivalents:
                stale[module].append(name)
            if status in COUNTED - KILLED:
                if name in equivalents:
                    explained[module] += 1
                else:
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
                "equivalent": explained[module],
                "not_checked": counts["not checked"],
                "score": 100.0 * killed / checked if checked else None,
                "adjusted": 100.0 * killed / (checked - explained[module]) if checked > explained[module] else None,
                "survivors": sorted(survivors[module]),
                "stale": sorted(stale[module]),
            }
        )
    return rows


def percent(value):
    return f"{value:.1f}%" if value is not None else "-"


def print_report(rows, show_survivors=True):
    """Raw score: killed / checked. Adjusted: the documented equivalent mutants left out."""
    print(f"{'module':34} {'killed':>6} {'checked':>7} {'equiv.':>6} {'pending':>7} {'raw':>7} {'adjusted':>8}")
    for row in rows:
        mark = "" if row["adjusted"] is None or row["adjusted"] >= TARGET else "  < target"
        print(
            f"{row['module']:34} {row['killed']:>6} {row['checked']:>7} {row['equivalent']:>6} "
            f"{row['not_checked']:>7} {percent(row['score']):>7} {percent(row['adjusted']):>8}{mark}"
        )
    if show_survivors:
        for row in rows:
            if row["survivors"]:
                print(f"\nUnexplained survivors in {row['module']} (`.venv/bin/mutmut show NAME` prints each):")
                for survivor in row["survivors"]:
                    print(f"  {survivor}")
            if row["stale"]:
                # Editing a function renumbers its mutants: an entry that names a killed
                # mutant most likely describes another one now, which may be a survivor.
                print(f"\nListed in MUTATION.md as equivalent, but killed, in {row['module']} (renumbered?):")
                for name in row["stale"]:
                    print(f"  {name}")


def modules_named(names):
    """The modules of each group named, and each module named by itself, in order."""
    return [module for name in names for module in GROUPS.get(name, [name])]


def pending(found, modules, sample=None, statuses_wanted=("not checked",)):
    """Names of the mutants of ``modules`` whose status is one of ``statuses_wanted``.

    At most ``sample`` per module, at random.
    """
    by_module = defaultdict(list)
    for name, status in sorted(found.items()):
        if status in statuses_wanted and module_of(name) in modules:
            by_module[module_of(name)].append(name)
    chosen = []
    for module in modules:
        names = by_module[module]
        if sample is not None and len(names) > sample:
            names = sorted(random.Random(f"{module}:1").sample(names, sample))  # noqa: S311 - a sample, not a secret
        chosen.extend(names)
    return chosen


def refresh_copies():
    """Templates, catalogues and static files as they are now, in ``mutants/``.

    mutmut copies the apps once and afterwards refreshes only changed Python
    files, so a template or translation edited since would be tested stale.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    for name in [*config["source_paths"], *config.get("also_copy", [])]:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("*.py", "*.meta", "*.spans", "__pycache__")
            shutil.copytree(source, ROOT / "mutants" / name, dirs_exist_ok=True, ignore=ignore)


def mutated_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    return config["only_mutate"]


def save_results():
    """Each module's results (mutmut's ``.meta`` file) from ``mutants/`` into ``mutation/``."""
    for path in mutated_files():
        meta = ROOT / "mutants" / f"{path}.meta"
        if meta.exists():
            (SAVED / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(meta, SAVED / f"{path}.meta")


def generate():
    """Mutants for the code as it is now, in ``mutants/``, with the results that still hold.

    mutmut reads a module's ``.meta`` file when it mutates the module, and
    keeps each result whose function is unchanged. A new ``mutants/`` starts
    from the results saved in ``mutation/``. mutmut's own ``run`` would
    generate the mutants too, but only after the names to check are chosen.
    """
    if not (ROOT / "mutants").exists():
        for path in mutated_files():
            saved = SAVED / f"{path}.meta"
            if saved.exists():
                (ROOT / "mutants" / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(saved, ROOT / "mutants" / f"{path}.meta")
    steps = (
        "from mutmut.__main__ import create_mutants, store_lines_covered_by_tests\n"
        "from mutmut.mutation.trampoline import set_mutant_under_test\n"
        "from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths\n"
        "set_mutant_under_test('mutant_generation')\n"
        "copy_src_dir(); copy_also_copy_files(); setup_source_paths(); store_lines_covered_by_tests()\n"
        "create_mutants(2)\n"
    )
    (ROOT / "mutants").mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-c", steps], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def fresh_test_database(copies):
    """A newly migrated test database for the run, which mutmut's tests reuse (``--reuse-db``).

    A mutant stopped mid-test (a timeout) can leave the reused database
    emptied by a transactional test's flush, without the groups and pages the
    data migrations made; every later run would then fail its first test.
    Unless it is in memory, ``copies`` copies of it too, one for each
    mutant's run at a time (conftest.py's mutation_database hands them out);
    returns how many.
    """
    steps = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test.utils import setup_databases\n"
        "setup_databases(verbosity=0, interactive=False, keepdb=False)\n"
        "name = connection.settings_dict['NAME']\n"
        "in_memory = connection.vendor == 'sqlite' and connection.creation.is_in_memory_db(name)\n"
        f"copies = 0 if in_memory else {copies}\n"
        "for copy in range(copies):\n"
        "    connection.creation.clone_test_db(suffix=str(copy), verbosity=0, keepdb=False)\n"
        "print(copies)\n"
    )
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings["DJANGO_SETTINGS_MODULE"]}
    made = subprocess.run(  # noqa: S603
        [sys.executable, "-c", steps], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return int(made.stdout.split()[-1])


def run(modules, statuses_wanted=("not checked", "survived")):
    """One mutmut run over the modules' unchecked mutants and survivors, paying the clean runs once.

    mutmut keeps a survivor's result while its function is unchanged, though
    a test written since may kill it, so every run checks survivors again;
    ``recheck`` checks only them. A survivor MUTATION.md explains as
    equivalent is not run again: no test can kill it, and each costs a
    minute or more of the suite. (A changed function's mutants lose their
    results, so they are checked whatever the list says.)
    """
    jobs = os.environ.get("MUTMUT_JOBS", "2")
    refresh_copies()
    sample = int(os.environ["MUTMUT_SAMPLE"]) if os.environ.get("MUTMUT_SAMPLE") else None
    equivalents = documented_equivalents()
    found = {name: status for name, status in results().items() if not (status == "survived" and name in equivalents)}
    names = pending(found, modules, sample, statuses_wanted)
    if not names:
        print("== nothing left to check in " + " ".join(modules), flush=True)
        return
    print(f"== mutmut run: {len(names)} mutants of {' '.join(modules)}", flush=True)
    # On SQLite (no DATABASE_URL), the test database is a file, so that it can be copied.
    os.environ.setdefault("TEST_DATABASE_FILE", str(ROOT / "mutants" / "test-database.sqlite3"))
    copies = fresh_test_database(int(jobs) + 1)
    # See django_db_setup in conftest.py.
    env = {**os.environ, "MUTATION_TEST_DATABASE_READY": "1", "MUTATION_DATABASE_COPIES": str(copies)}
    try:
        subprocess.run([*MUTMUT, "run", "--max-children", jobs, *names], cwd=ROOT, env=env, check=False)  # noqa: S603
    finally:
        save_results()


def main(argv):
    command, names = (argv[0], argv[1:]) if argv else ("report", [])
    unknown = [name for name in names if name not in GROUPS and name not in MODULES]
    if command not in ("run", "recheck", "report") or unknown:
        sys.exit(f"usage: mutation_report.py run|recheck|report [{' '.join(GROUPS)} | MODULE ...]")
    modules = modules_named(names or list(GROUPS))
    generate()
    if command == "run":
        run(modules)
    elif command == "recheck":
        run(modules, statuses_wanted=("survived",))
    rows = scores(results(), modules, documented_equivalents())
    print_report(rows)
    below = [row["module"] for row in rows if row["adjusted"] is not None and row["adjusted"] < TARGET]
    return 1 if below and command == "run" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
