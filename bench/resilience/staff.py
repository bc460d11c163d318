"""A member of staff in the real admin, over HTTP: the login form with its CSRF
token, then the changelist's "publish" action."""

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 30


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """An answer to a POST is a redirect: report it instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


class AdminSession:
    def __init__(self, base_url, admin_path="/admin/"):
        self.base_url = base_url
        self.admin_path = admin_path
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirects,
        )
        self.token = None

    def request(self, path, data=None):
        """Status and body; a redirect is an answer like any other."""
        body = urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base_url + path, body, timeout=TIMEOUT) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def csrf_token(self, path):
        status, body = self.request(path)
        match = CSRF_RE.search(body)
        if status != 200 or not match:
            raise SystemExit(f"No CSRF token on {path} (status {status}).")
        return match[1].decode()

    def log_in(self, username, password):
        login = f"{self.admin_path}login/"
        token = self.csrf_token(f"{login}?next={self.admin_path}")
        status, _body = self.request(
            login,
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": self.admin_path,
            },
        )
        if status != 302:
            raise SystemExit(f"Logging in to the admin answered {status}, not 302.")
        # The token changes with the login: take the one of the changelist.
        self.token = self.csrf_token(self.changelist)

    @property
    def changelist(self):
        return f"{self.admin_path}articles/article/"

    def publish(self, pk):
        """The "publish" action on one article: True when it answered 302."""
        status, _body = self.request(
            self.changelist,
            {
                "csrfmiddlewaretoken": self.token,
                "action": "publish",
                "_selected_action": str(pk),
                "index": "0",
                "select_across": "0",
            },
        )
        return status == 302


class Publisher:
    """Publishes one draft every ``interval`` seconds in a thread, until the
    drafts run out or the block ends; ``published`` maps each draft's path to
    the time (perf_counter) its publish request returned."""

    def __init__(self, session, drafts, *, interval=1.0):
        self.session = session
        self.drafts = list(drafts)
        self.interval = interval
        self.published = {}
        self.failed = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        next_at = time.perf_counter()
        for pk, path in self.drafts:
            if self.stop.wait(max(0.0, next_at - time.perf_counter())):
                return
            next_at += self.interval
            try:
                done = self.session.publish(pk)
            except OSError:
                done = False
            if done:
                self.published[path] = time.perf_counter()
            else:
                self.failed.append(path)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()
