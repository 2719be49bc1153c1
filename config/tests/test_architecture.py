"""The shape of the house: which app may import which.

Every module's imports are read with ``ast`` (those inside functions too),
so an import that hides at call time counts like one at the top.
"""

import ast
import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("core", "home", "blog", "comments", "tips", "translations", "blogger", "demo")
PROJECT_PACKAGES = (*APPS, "config")


def project_modules():
    """(module name, path) for every Python file of the project, migrations aside."""
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def is_test(module):
    return ".tests" in module or module.endswith("conftest")


def imported_modules(module, path):
    """Yield (node, absolute module name) for each import in the file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module
            yield node, name
            # ``from . import security`` imports the module ``security``.
            for alias in node.names:
                yield node, f"{name}.{alias.name}"


def app_of(module):
    top = module.split(".")[0]
    return top if top in APPS else None


def app_graph():
    """{app: {imported app: [where]}} for the apps' own code (tests aside)."""
    graph = {app: {} for app in APPS}
    for module, path in project_modules():
        app = app_of(module)
        if app is None or is_test(module):
            continue
        for node, name in imported_modules(module, path):
            other = app_of(name)
            if other and other != app:
                graph[app].setdefault(other, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return graph


def module_graph():
    """{module: {imported project module}} for the apps' own code (tests aside)."""
    modules = dict(project_modules())
    graph = {}
    for module, path in modules.items():
        if app_of(module) is None or is_test(module):
            continue
        targets = set()
        for _node, name in imported_modules(module, path):
            # ``from .models import Tip`` names the module, not ``models.Tip``.
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module and app_of(name) and not is_test(name):
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph):
    """One cycle in a directed graph, as a list of nodes, or None."""
    visiting, done = [], set()

    def visit(node):
        if node in visiting:
            return [*visiting[visiting.index(node) :], node]
        if node in done:
            return None
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        cycle = visit(node)
        if cycle:
            return cycle
    return None


def test_core_imports_no_app():
    """core is what every app shares; it imports none of them."""
    assert app_graph()["core"] == {}


def test_no_import_cycle_between_apps():
    """Dependencies between apps point one way, at call time too."""
    graph = app_graph()
    cycle = find_cycle(graph)
    where = [graph[a][b] for a, b in itertools.pairwise(cycle)] if cycle else []
    assert cycle is None, f"{' -> '.join(cycle)}: {where}"


def test_no_import_cycle_between_modules():
    """No module imports one that imports it back, at call time either."""
    cycle = find_cycle(module_graph())
    assert cycle is None, " -> ".join(cycle)


def test_languages_are_the_settings_languages():
    """The language choices of models and forms are the site's languages, in order."""
    from core.bilingual import LanguageChoices, language_codes  # needs Django's settings

    assert list(LanguageChoices.values) == language_codes()


MODERATION_EVENT_MAKERS = {
    f"ModerationEvent.objects.{name}" for name in ("create", "bulk_create", "get_or_create", "update_or_create")
}


def test_moderation_events_are_made_in_one_place():
    """Only ModerationEvent.record builds moderation events, so every step is recorded alike."""
    makers = []
    for module, path in project_modules():
        if is_test(module) or module == "comments.models":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            target = ast.unparse(node.func)
            if target == "ModerationEvent" or target in MODERATION_EVENT_MAKERS:
                makers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert makers == []


def imports_inside_functions():
    for _module, path in project_modules():
        lines = path.read_text().splitlines()
        tree = ast.parse("\n".join(lines), filename=str(path))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield path.relative_to(ROOT), node.lineno, lines


def explained(lines, lineno):
    """True when a comment says why: on the import's line, or on a line just
    above it or above the imports it stands with (blank lines between
    groups of imports included)."""
    index = lineno - 1
    while index >= 0:
        line = lines[index].strip()
        if "#" in line:
            return True
        if index < lineno - 1 and line and not line.startswith(("from ", "import ")):
            return False
        index -= 1
    return False


def test_imports_inside_functions_say_why():
    """An import inside an app's function carries a comment saying why it
    cannot be at the top. Tests may import where they use a name."""
    silent = sorted(
        f"{path}:{lineno}"
        for path, lineno, lines in imports_inside_functions()
        if not explained(lines, lineno) and "tests" not in path.parts
    )
    assert silent == []


@pytest.mark.parametrize(
    "graph, cycle",
    [
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ],
)
def test_find_cycle(graph, cycle):
    """The cycle finder finds a circle of two or more and passes a straight line."""
    assert find_cycle(graph) == cycle


@pytest.mark.parametrize(
    "source, is_explained",
    [
        ("def f():\n    from a import b\n", False),
        ("def f():\n    from a import b  # a imports this module\n", True),
        ("def f():\n    # a imports this module\n    from a import b\n", True),
        ("def f():\n    # a imports this module\n    from a import b\n    import c\n", True),
        ("def f():\n    # a imports this module\n    x = 1\n    import c\n", False),
    ],
)
def test_a_comment_must_say_why(source, is_explained):
    """Only a comment on the import, or just above it and its neighbours, explains it."""
    lines = source.splitlines()
    lineno = len(lines)
    assert explained(lines, lineno) is is_explained


def test_function_imports_are_seen(tmp_path):
    """An import inside a function counts as an import of its module."""
    path = tmp_path / "example.py"
    path.write_text("def later():\n    from comments.counts import attach_comment_counts\n")
    assert [name for _node, name in imported_modules("blog.example", path)] == [
        "comments.counts",
        "comments.counts.attach_comment_counts",
    ]
