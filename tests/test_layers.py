"""The shape of the project package: its shared sub-packages import no app and
none of the wiring, so that content depends on infrastructure and never the
other way round (README, "The code")."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "iomsite"
SHARED_PACKAGES = [
    "api",
    "config",
    "content",
    "editorial",
    "ops",
    "publishing",
    "search",
    "templatetags",
]
# The importer's parser is shared too: only its writer (legacy/importing/)
# touches the database and the apps.
PARSER = PROJECT / "legacy"
# What joins the apps: the shared packages may not reach it either.
WIRING = [
    "iomsite.urls",
    "iomsite.urls_api",
    "iomsite.views",
    "iomsite.admin",
    "iomsite.dashboard",
    "iomsite.sitemaps",
    "iomsite.demo",
    "iomsite.management",
    "iomsite.legacy.importing",
]
MAX_ROOT_MODULES = 16


def local_apps():
    """The project's own apps: the folders beside iomsite/ with an apps.py."""
    return sorted(
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if path.parent.name != PROJECT.name
    )


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path):
    """Every module ``path`` imports, relative imports resolved."""
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            yield prefix
            for alias in node.names:
                yield f"{prefix}.{alias.name}"


def shared_modules():
    for name in SHARED_PACKAGES:
        yield from sorted((PROJECT / name).rglob("*.py"))
    for path in sorted(PARSER.rglob("*.py")):
        if "importing" not in path.relative_to(PARSER).parts:
            yield path


def forbidden(imported, apps):
    top = imported.partition(".")[0]
    if top in apps:
        return True
    return any(
        imported == wiring or imported.startswith(f"{wiring}.") for wiring in WIRING
    )


@pytest.mark.parametrize(
    "path", list(shared_modules()), ids=lambda path: str(path.relative_to(ROOT))
)
def test_shared_modules_import_no_app_and_no_wiring(path):
    apps = set(local_apps())
    offending = sorted(
        {name for name in imported_modules(path) if forbidden(name, apps)}
    )
    assert offending == []


def test_the_layer_check_sees_the_apps_and_relative_imports(tmp_path):
    assert {"articles", "contacts", "programmes"} <= set(local_apps())
    # The check itself: a relative import of the wiring is caught.
    attention = PROJECT / "templatetags" / "attention.py"
    names = set(imported_modules(attention))
    assert "iomsite.editorial.roles.can_see_dashboard" in names
    assert forbidden("iomsite.dashboard.can_see_dashboard", set())
    assert forbidden("articles.models.Article", {"articles"})
    assert not forbidden("iomsite.content.sanitize", {"articles"})


def test_the_project_package_root_holds_only_what_django_looks_for_and_wiring():
    modules = sorted(path.name for path in PROJECT.glob("*.py"))
    assert len(modules) <= MAX_ROOT_MODULES, modules
