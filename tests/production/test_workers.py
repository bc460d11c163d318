"""Two gunicorn workers are one site: a session opened on one is honoured by the
other, and wrong passwords given to either count towards one lockout.

Which worker answers a request is up to the kernel, so the tests choose it: a
sync worker reads one request at a time, and ``HeldWorker`` keeps one busy with
a request whose last line it has not sent. Every other request then goes to the
other worker. Holding the second worker before letting the first go switches
the site over to the first. The access log (JSON lines, with the worker's pid)
then shows that each phase was answered by the worker it was meant for."""

import http.client
import json
import re
import socket
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from .served import Gunicorn, manage

pytestmark = pytest.mark.django_db

USERNAME = "webmaster"
PASSWORD = "correct-horse-battery-9"
LOGIN = "/admin/login/"
# Long enough for an idle worker to take a connection that waits for it.
ACCEPTED = 0.5


class HeldWorker:
    """One worker busy with this connection until ``release()``."""

    def __init__(self, port, name):
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.connection.sendall(
            f"GET /healthz?held={name} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
        )
        time.sleep(ACCEPTED)

    def release(self):
        self.connection.sendall(b"Connection: close\r\n\r\n")
        answer = b""
        while chunk := self.connection.recv(65536):
            answer += chunk
        self.connection.close()
        assert answer.startswith(b"HTTP/1.1 200 ")


class Client:
    """Requests on a new connection each, with the cookies set so far."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, probe, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        separator = "&" if "?" in path else "?"
        connection.request(method, f"{path}{separator}probe={probe}", body, headers)
        response = connection.getresponse()
        content = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
        connection.close()
        return response.status, response.headers, content

    def csrf_token(self):
        status, _headers, page = self.request("GET", LOGIN, "form")
        assert status == 200
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    def log_in(self, token, password, probe):
        form = {
            "csrfmiddlewaretoken": token,
            "username": USERNAME,
            "password": password,
            "next": "/admin/",
        }
        return self.request("POST", LOGIN, probe, form)[0]

    def is_logged_in(self, probe):
        status, headers, page = self.request("GET", "/admin/", probe)
        if status == 302:
            assert headers["Location"].startswith(LOGIN)
            return False
        assert status == 200
        return 'id="logout-form"' in page


@pytest.fixture
def site(site_environment):
    """The site's environment, with a superuser, and JSON logs that name the
    worker answering each request. The processes write to the test database
    outside any test transaction, so what an earlier test left is removed
    first (on PostgreSQL it outlives the test)."""
    manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "from axes.models import AccessAttempt; "
        f"User.objects.filter(username={USERNAME!r}).delete(); "
        "AccessAttempt.objects.all().delete()",
        environment=site_environment,
    )
    manage(
        "createsuperuser",
        "--noinput",
        f"--username={USERNAME}",
        "--email=webmaster@example.org",
        environment={**site_environment, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
    )
    return {**site_environment, "DJANGO_LOG_FORMAT": "json", "WEB_CONCURRENCY": "2"}


def workers_by_probe(output):
    """``{probe: pid}`` from the access log, ``held=…`` ones included."""
    answered = {}
    for entry in map(json.loads, output.splitlines()):
        if entry["logger"] != "gunicorn.access":
            continue
        match = re.search(r'"[A-Z]+ \S*[?&](probe|held)=([\w-]+)', entry["message"])
        if match:
            answered[match[2]] = entry["pid"]
    return answered


def booted_workers(output):
    return {
        entry["pid"]
        for entry in map(json.loads, output.splitlines())
        if entry["message"].startswith("Booting worker")
    }


def test_a_session_is_honoured_by_both_workers(site):
    with Gunicorn(site) as server:
        client = Client(server.port)
        token = client.csrf_token()
        assert client.log_in(token, PASSWORD, "login") == 302
        assert "sessionid" in client.cookies

        first = HeldWorker(server.port, "first")
        on_second = [client.is_logged_in(f"second-{n}") for n in range(5)]
        second = HeldWorker(server.port, "second")
        first.release()
        on_first = [client.is_logged_in(f"first-{n}") for n in range(5)]
        second.release()

    assert on_second == [True] * 5
    assert on_first == [True] * 5
    answered = workers_by_probe(server.output)
    workers = booted_workers(server.output)
    assert len(workers) == 2
    held_first, held_second = answered["first"], answered["second"]
    assert {held_first, held_second} == workers
    assert {answered[f"second-{n}"] for n in range(5)} == {held_second}
    assert {answered[f"first-{n}"] for n in range(5)} == {held_first}


def test_wrong_passwords_on_both_workers_lock_the_login_on_both(site):
    site = {**site, "DJANGO_LOGIN_FAILURE_LIMIT": "3"}
    with Gunicorn(site) as server:
        client = Client(server.port)
        token = client.csrf_token()

        first = HeldWorker(server.port, "first")
        failures = [client.log_in(token, "wrong", f"wrong-{n}") for n in (1, 2)]
        second = HeldWorker(server.port, "second")
        first.release()
        # The third wrong password, on the other worker, reaches the limit.
        failures.append(client.log_in(token, "wrong", "wrong-3"))
        refused_first = client.log_in(token, PASSWORD, "right-1")
        first_again = HeldWorker(server.port, "first-again")
        second.release()
        refused_second = client.log_in(token, PASSWORD, "right-2")
        first_again.release()
        assert not client.is_logged_in("after")

    assert failures == [200, 200, 429]
    assert (refused_first, refused_second) == (429, 429)
    answered = workers_by_probe(server.output)
    one, other = answered["second"], answered["first"]
    assert one != other
    assert (answered["wrong-1"], answered["wrong-2"]) == (one, one)
    assert (answered["wrong-3"], answered["right-1"]) == (other, other)
    assert answered["first-again"] == other
    assert answered["right-2"] == one
