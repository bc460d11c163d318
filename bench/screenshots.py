"""Screenshots of the home page, the news list, an article, an office and the
contacts, at a phone's width and a desktop's, into docs/screenshots/.

    .venv/bin/python bench/screenshots.py [--full-page]

The site is set up as bench/lighthouse.py sets it up (DEBUG off, static files
collected, the demo content of ``make run`` with photos on a few articles) and
photographed by Debian's Chromium (/usr/bin/chromium, or CHROME_PATH) through
Playwright. Run it again after a change of look: the README shows the files.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lighthouse import (  # noqa: E402
    FEATURED_ARTICLE,
    PHOTO_SCRIPT,
    environment,
    free_port,
    manage,
    prepare,
    start_server,
)

PROJECT = Path(__file__).resolve().parent.parent
OUTPUT = PROJECT / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "news": "/news/",
    "article": f"/news/{FEATURED_ARTICLE}/",
    "office": "/contacts/iom-peru/",
    "contacts": "/contacts/",
}
MORE_PHOTOS = [
    "chile-maps-communities-risk-displacement-drought",
    "families-return-home-ecuador-support-start-again",
]
VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}


def take(base_url, chrome, full_page):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chrome, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for viewport, options in VIEWPORTS.items():
                context = browser.new_context(**options)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base_url + path, wait_until="networkidle")
                    target = OUTPUT / f"{name}-{viewport}.png"
                    page.screenshot(path=target, full_page=full_page)
                    taken.append(target)
                context.close()
        finally:
            browser.close()
    return taken


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--full-page", action="store_true", help="the whole page, not one screen"
    )
    arguments = parser.parse_args(argv)
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not shutil.which(chrome):
        raise SystemExit(f"No Chromium at {chrome} (set CHROME_PATH).")
    workdir = Path(tempfile.mkdtemp(prefix="iomsite-screenshots-"))
    try:
        env = environment(workdir)
        print(f"Preparing the site in {workdir} …", flush=True)
        prepare(env)
        for slug in MORE_PHOTOS:
            manage(env, "shell", "-c", PHOTO_SCRIPT % {"slug": slug})
        port = free_port()
        with open(workdir / "server.log", "w") as log:
            server, _ = start_server(env, port, log, "django")
            try:
                taken = take(f"http://127.0.0.1:{port}", chrome, arguments.full_page)
            finally:
                server.terminate()
                server.wait(timeout=10)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for path in taken:
        print(path.relative_to(PROJECT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
