"""The weight of each page type's first load, as a browser receives it.

    .venv/bin/python bench/weight.py

Sets the site up as bench/lighthouse.py does (DEBUG off, static files collected
and served compressed by WhiteNoise, the demo content) and fetches each page as
a browser does (``Accept-Encoding: gzip, br``), then every stylesheet and
script it links. Prints, per page, the bytes received for the HTML (and its
uncompressed size), the stylesheets and scripts, and the total (images apart),
against the baseline of the same HTML with Bootstrap's CSS and JavaScript
(what the pages linked before), also as served by WhiteNoise. The budget is
45 KB; tests/test_weight.py holds it.
"""

import shutil
import sys
import tempfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lighthouse import (  # noqa: E402
    environment,
    free_port,
    prepare,
    start_server,
)
from bench.screenshots import PAGES  # noqa: E402

BUDGET = 45 * 1024
BOOTSTRAP = ["bootstrap/css/bootstrap.min.css", "bootstrap/js/bootstrap.bundle.min.js"]
PAGES = {**PAGES, "programmes": "/programmes/", "search": "/search/?q=migration"}


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def fetch(url, encoding="gzip, br"):
    """(bytes received, the Content-Encoding)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers.get("Content-Encoding", "")


def main():
    workdir = Path(tempfile.mkdtemp(prefix="iomsite-weight-"))
    try:
        env = environment(workdir)
        print(f"Preparing the site in {workdir} …", flush=True)
        prepare(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with open(workdir / "server.log", "w") as log:
            server, _ = start_server(env, port, log, "django")
            try:
                rows = measure(base)
            finally:
                server.terminate()
                server.wait(timeout=10)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"{'page':<10} {'HTML raw':>9} {'HTML sent':>10} {'CSS+JS':>8} "
        f"{'total':>8} {'before':>8}  (bytes as sent; budget {BUDGET})"
    )
    over = False
    for name, raw, html, assets, before in rows:
        total = html + assets
        over |= total > BUDGET
        print(f"{name:<10} {raw:>9} {html:>10} {assets:>8} {total:>8} {before:>8}")
    return 1 if over else 0


def measure(base):
    bootstrap = sum(len(fetch(f"{base}/static/{path}")[0]) for path in BOOTSTRAP)
    rows = []
    for name, path in PAGES.items():
        sent, _ = fetch(base + path)
        raw, _ = fetch(base + path, encoding="identity")
        parser = Assets()
        parser.feed(raw.decode())
        assets = sum(len(fetch(base + url)[0]) for url in parser.urls)
        # Before: the HTML went out uncompressed, with Bootstrap's files.
        rows.append((name, len(raw), len(sent), assets, len(raw) + bootstrap))
    return rows


if __name__ == "__main__":
    sys.exit(main())
