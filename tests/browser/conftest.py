"""A real Chromium (Debian's /usr/bin/chromium, never a browser downloaded by
Playwright) driving the site served by pytest-django's ``live_server``.

Each test starts from a freshly migrated database (``live_server`` needs a
transactional database, and the serialized rollback brings back what the data
migrations made, such as the staff roles and the programmes) plus the demo
content of ``make run``.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

from .pages import load_demo_content


class OneRequestAtATime(WSGIServer):
    """The live server, answering one request at a time. On SQLite its
    threads share the test's in-memory connection, and a page and its
    favicon asked at once failed with "bad parameter or other API misuse";
    without threads Django closes each connection after its answer, so the
    browser never waits on a kept-alive one."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATime

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SOURCE = Path(settings.BASE_DIR, "node_modules", "axe-core", "axe.min.js")

VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def skip_unless_installed(path, install):
    """Skip when a tool is missing; on CI, which installs it (.ci/run), fail:
    a skip there would hide a broken install."""
    if path.exists():
        return
    message = f"{path} is missing: {install}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    skip_unless_installed(CHROMIUM, "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop marked as running in this
    # thread. Django then takes the test's code for async code: it refuses
    # database queries as "async unsafe" (they are synchronous all the same),
    # and it hands out new database connections, without the test database's
    # serialized content or the live server's shared in-memory SQLite
    # connection. Keep the connections the test started with.
    unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    originals = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in originals.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if unsafe is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = unsafe


@pytest.fixture
def site(live_server, django_db_serialized_rollback):
    """The live server's address, with the demo content loaded."""
    # Other tests flushed the database and made content types anew: forget
    # the ids the cache still holds from them.
    ContentType.objects.clear_cache()
    load_demo_content()
    # The admin's "View on site" links go to the current Site's domain, which
    # a deployment sets in the admin ("Sites").
    current = Site.objects.get_current()
    current.domain = urlsplit(live_server.url).netloc
    current.save()
    return live_server.url


@pytest.fixture(params=["desktop"])
def viewport(request):
    """The viewport name; override with ``@pytest.mark.parametrize("viewport",
    ["desktop", "phone"], indirect=True)``."""
    return request.param


@pytest.fixture
def context(browser, site, viewport):
    context = browser.new_context(base_url=site, **VIEWPORTS[viewport])
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def console_errors():
    """Errors the pages log (a script that fails, a CSP violation…)."""
    return []


@pytest.fixture
def page(context, console_errors):
    page = context.new_page()

    def record(message):
        # The admin's pages have no icon link: the browser asks for
        # /favicon.ico, which must answer (iomsite.views.FaviconView).
        if message.type == "error":
            console_errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", record)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    return page


@pytest.fixture(scope="session")
def axe_source():
    skip_unless_installed(AXE_SOURCE, "run `npm ci`")
    return AXE_SOURCE.read_text(encoding="utf-8")


def run_axe(page, axe_source, tags):
    """The axe-core violations of the page as it is now.

    axe is evaluated through the DevTools protocol (``page.evaluate``), which
    the page's Content-Security-Policy does not apply to; ``add_script_tag``
    would be refused by ``script-src 'self'``.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map((node) => ({
                    target: node.target.join(" "),
                    html: node.html,
                    summary: node.failureSummary,
                })),
            }));
        }""",
        tags,
    )


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            lines.extend(
                f"      {line}" for line in (node["summary"] or "").splitlines()
            )
    return "\n".join(lines)
