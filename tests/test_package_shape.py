"""The package's shape (docs/architecture.md): no import circles, a few entry modules at the top,
no module over 600 lines, and code that cites only files in the repository."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "drafter"

MAX_TOP_MODULES = 12
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(module: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Every drafter module this one imports, at the top, in a function or for the type checker:
    a circle the type checker alone sees is still a circle a reader must untangle."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            # ``from pkg import submodule`` runs pkg/__init__ too, but the edge that matters is
            # to the submodule; ``from pkg import name`` is an edge to pkg.
            names = [n for n in submodules if n in modules] or [base]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                yield name


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    modules = _modules()
    graph = {m: set(_imported(m, p, modules)) for m, p in modules.items()}
    assert _circles(graph) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_questionnaires_first_screen_loads_none_of_the_later_steps() -> None:
    """``drafter new`` shows its first question without the typed model, the importer, the
    checks, the templates or the build: they load in the background (docs/architecture.md)."""
    code = (
        "import sys\n"
        "import drafter.cli\n"
        "from drafter.questionnaire import run_new, Questionnaire\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    later = {
        "pydantic",
        "jinja2",
        "docx",
        "drafter.answers.model",
        "drafter.importer",
        "drafter.checks",
        "drafter.build",
        "drafter.render.engine",
        "drafter.text.identity",
        "drafter.questionnaire.later",
    }
    assert loaded & later == set()
    assert "prompt_toolkit" in loaded  # what the first screen does need


def test_help_loads_only_what_it_prints() -> None:
    """``drafter --help`` builds the parser and prints: no pathlib, typing or drafter module
    beyond the parser's own (docs/architecture.md, start-up)."""
    code = (
        "import sys\n"
        "from drafter import cli\n"
        "try:\n"
        "    cli.main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "drafter" in done.stdout  # the help was printed
    loaded = set(done.stderr.split())
    assert {"pathlib", "typing"} & loaded == set()
    assert {m for m in loaded if m.startswith("drafter.")} <= {
        "drafter.cli",
        "drafter.argparse_zh",
        "drafter.errors",
        "drafter.io",
        "drafter.io.console",
        "drafter.io.streams",
        "drafter.render",
        "drafter.render.outlines",  # the --outline choices the help lists
    }


def test_a_few_entry_modules_at_the_top() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_no_module_over_the_limit() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_code_cites_only_files_in_the_repository() -> None:
    """A document the code cites is in the repository (docs/…), never a folder beside it."""
    outside = re.compile(r"\.\./shared|shared/docs|shared/tools")
    cited_doc = re.compile(r"(?<![\w/.-])((?:docs|seeds|tests|benchmarks)/[\w/.-]+\.md)")
    problems = []
    for folder in ("drafter", "tests", "benchmarks", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".j2") or path.name == Path(__file__).name:
                continue
            text = path.read_text(encoding="utf-8")
            if outside.search(text):
                problems.append(f"{path.relative_to(ROOT)}: cites a folder outside the repository")
            for doc in cited_doc.findall(text):
                if not (ROOT / doc).is_file():
                    problems.append(f"{path.relative_to(ROOT)}: cites {doc}, which is not here")
    assert problems == []
