"""A private PostgreSQL cluster and a private Redis, on free ports, that the
bench may restart and stop: never the shared servers of the machine."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
START_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing_programs():
    """What the bench needs and this machine lacks (empty when all is there)."""
    missing = [str(PG_BIN / name) for name in ("initdb", "pg_ctl", "psql")]
    missing = [path for path in missing if not os.access(path, os.X_OK)]
    for name in ("redis-server", "redis-cli"):
        if not shutil.which(name):
            missing.append(name)
    if os.geteuid() == 0 and not shutil.which("runuser"):
        missing.append("runuser")
    return missing


def _as_postgres(command):
    """PostgreSQL refuses to run as root: as root, run as the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PrivatePostgres:
    """A cluster in ``directory``, listening on 127.0.0.1 only."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.log = self.directory / "postgres.log"
        self.port = free_port()

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *command, check=True):
        return subprocess.run(
            _as_postgres([str(PG_BIN / command[0]), *command[1:]]),
            check=check,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT * 2,
        )

    def start(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            # The postgres user must reach the directory through the tempdir.
            for parent in [self.directory, *self.directory.parents][:3]:
                parent.chmod(parent.stat().st_mode | 0o711)
            shutil.chown(self.directory, "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.directory}"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", str(START_TIMEOUT), "-o", options, "start",
        )  # fmt: skip
        return self

    def create_database(self, name):
        self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
            "-d", "postgres", "-v", "ON_ERROR_STOP=1",
            "-c", f'CREATE DATABASE "{name}"',
        )  # fmt: skip
        return self.url(name)

    def restart(self):
        """``pg_ctl restart -m fast``: open connections are cut. With a log
        file, or the new server would hold our pipes open."""
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
            "-t", str(START_TIMEOUT), "-m", "fast", "restart",
        )  # fmt: skip

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run(
                "pg_ctl", "-D", str(self.data), "-w", "-m", "fast", "stop", check=False
            )

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info):
        self.stop()


class PrivateRedis:
    """redis-server on 127.0.0.1 with no persistence: stopping it empties it."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def cli(self, *command):
        return subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), *command],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout

    def start(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while self.cli("ping").strip() != "PONG":
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"redis-server did not start on port {self.port}.")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def info(self, section="stats"):
        """INFO ``section`` as a dict of strings (empty when Redis is down)."""
        fields = {}
        for line in self.cli("info", section).splitlines():
            name, colon, value = line.strip().partition(":")
            if colon:
                fields[name] = value
        return fields

    def keyspace_hits(self):
        return int(self.info().get("keyspace_hits", 0))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
