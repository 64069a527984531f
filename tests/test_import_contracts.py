"""Which part of PiP Writer may import which (docs/architecture.md).

The model is pure Python: no Qt, and nothing from the layers built on it. The exporters and the
importer read and write the model and never reach into the app's windows. Every import in every
module is read from its source (including imports inside functions), resolved to a full module
name, and checked; a failure names the file, the line and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipwriter"

QT = ("PySide6", "shiboken6")
# layer -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "pipwriter.model": QT + ("pipwriter.ui", "pipwriter.export", "pipwriter.importer",
                             "pipwriter.imaging", "pipwriter.app", "pipwriter.cli",
                             "pipwriter.selftest"),
    "pipwriter.export": QT + ("pipwriter.ui", "pipwriter.importer", "pipwriter.app",
                              "pipwriter.cli"),
    "pipwriter.importer": QT + ("pipwriter.ui", "pipwriter.export", "pipwriter.app",
                                "pipwriter.cli"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, full module name) of every import in the file, relative ones resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from pipwriter import ui" names a module too
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return found


def violations(layer: str) -> list[str]:
    folder = ROOT / Path(*layer.split("."))
    bad = []
    for path in sorted(folder.rglob("*.py")):
        for line, target in imports_of(path):
            for banned in FORBIDDEN[layer]:
                if target == banned or target.startswith(banned + "."):
                    bad.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
                    break
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_keeps_its_contract(layer):
    assert not violations(layer), "\n".join(violations(layer))


def test_the_check_sees_a_broken_contract(tmp_path, monkeypatch):
    """The reader resolves relative imports and imports inside functions, so a model module
    reaching for the UI is named."""
    bad = PACKAGE / "model" / "rules" / "_contract_probe.py"
    bad.write_text("def f():\n    from ...ui import dialogs\n    import PySide6.QtCore\n",
                   encoding="utf-8")
    try:
        found = violations("pipwriter.model")
    finally:
        bad.unlink()
    assert "pipwriter/model/rules/_contract_probe.py:2 imports pipwriter.ui" in found
    assert "pipwriter/model/rules/_contract_probe.py:3 imports PySide6.QtCore" in found


def test_every_module_is_in_a_package_that_names_its_concept():
    """The model's modules live in its concept packages; only the two shared foundations
    (errors and checked JSON reading) sit at its top."""
    top = sorted(p.stem for p in (PACKAGE / "model").glob("*.py") if p.stem != "__init__")
    assert top == ["errors", "jsonread"]
    packages = sorted(p.name for p in (PACKAGE / "model").iterdir()
                      if (p / "__init__.py").exists())
    assert packages == ["article", "coauthoring", "interests", "language", "rules", "storage"]


def test_no_module_is_over_400_lines():
    """Small files named for what they hold (docs/architecture.md)."""
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
