"""Apps depend on each other in one direction only: no import cycle between two apps.

Read statically from the source (every import statement, inside functions too, so a cycle cannot
be hidden by importing late); tests and migrations are left out. An app that needs to reach one
that depends on it uses a registry instead (``core.regions``, ``core.orderings``,
``news.sitemaps.provides_sitemap``, ``news.panels.provide_editor_panel``).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(
    app
    for app in (entry.split(".")[0] for entry in settings.INSTALLED_APPS)
    if (ROOT / app / "apps.py").exists()
)


def _imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def app_imports() -> dict[str, dict[str, set[str]]]:
    """For each app, the other apps it imports, with the modules that import each."""
    graph: dict[str, dict[str, set[str]]] = {app: defaultdict(set) for app in APPS}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            for name in _imported(ast.parse(path.read_text(), filename=str(path))):
                other = name.split(".")[0]
                if other in APPS and other != app:
                    graph[app][other].add(".".join(parts))
    return graph


def cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """Every cycle of apps, each once, as the apps in order (the first app again at the end)."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def walk(path: list[str]) -> None:
        for other in sorted(graph.get(path[-1], {})):
            if other == path[0] and frozenset(path) not in seen:
                seen.add(frozenset(path))
                found.append([*path, other])
            elif other not in path and other > path[0]:
                walk([*path, other])

    for app in sorted(graph):
        walk([app])
    return found


def test_the_graph_sees_every_app_and_the_known_dependencies():
    graph = app_imports()
    assert {"core", "news", "quotes", "comments", "newsletter"} <= set(APPS)
    assert "news" in graph["quotes"]  # quotes reads articles through news
    assert "core" in graph["news"]


def test_no_import_cycle_between_apps():
    graph = app_imports()
    described = [
        " -> ".join(cycle)
        + ": "
        + "; ".join(f"{a}->{b} in {sorted(graph[a][b])}" for a, b in pairwise(cycle))
        for cycle in cycles(graph)
    ]
    assert described == []


def test_a_cycle_is_reported():
    graph = {"a": {"b": {"a.x"}}, "b": {"c": {"b.y"}, "d": {"b.w"}}, "c": {"a": {"c.z"}}, "d": {}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
