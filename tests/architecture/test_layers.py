"""Apps import only the layers below them (README, "How the code is laid out"), read from the source itself."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# app: the apps it may import. sortition is a library of its own and imports none of them.
SHARED = {"portal", "outbox", "search"}
ALLOWED = {
    "sortition": set(),
    "portal": set(),
    "outbox": {"portal"},
    "workshops": SHARED,
    "registrations": SHARED | {"workshops"},
    "comments": SHARED | {"workshops"},
    "draws": SHARED | {"workshops", "sortition"},
    "archive": SHARED | {"workshops"},
    "search": {"portal"},
    "accounts": SHARED | {"workshops", "registrations", "comments", "draws", "archive"},
    "home": SHARED | {"workshops", "registrations", "comments", "draws", "archive", "accounts"},
}


def imports_of(app):
    """(app imported, file:line, inside a function?) for each import of one of our apps, its own included."""
    found = []
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nested = {id(node) for fn in ast.walk(tree) if isinstance(fn, ast.FunctionDef) for node in ast.walk(fn)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in ALLOWED:
                    found.append((top, f"{path.relative_to(ROOT)}:{node.lineno}", id(node) in nested))
    return found


def test_every_app_imports_only_the_layers_below_it():
    wrong = [
        f"{where} imports {target}"
        for app in ALLOWED
        for target, where, _nested in imports_of(app)
        if target != app and target not in ALLOWED[app]
    ]
    assert wrong == []


def test_no_import_hides_in_a_function_to_dodge_a_loop():
    """Only an app's ``ready()`` imports inside a function: the models are loaded only then."""
    hidden = [where for app in ALLOWED for _target, where, nested in imports_of(app) if nested]
    assert [where for where in hidden if not where.split(":")[0].endswith("/apps.py")] == []


def test_the_check_sees_imports_that_break_the_rule(tmp_path, monkeypatch):
    """The check itself can fail: a content app importing a feature is caught."""
    fake = tmp_path / "workshops"
    fake.mkdir()
    (fake / "bad.py").write_text("from registrations.models import Registration\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert [target for target, _where, _nested in imports_of("workshops")] == ["registrations"]
