"""Development that behaves: `make run` writes a .env that the settings read,
so `manage.py` works without exporting anything, and in DEBUG the page cache
is off (the development server would otherwise hide what an import changed)."""

import os
import subprocess
import sys

from django.conf import settings

from iomsite.config.cache import cache_settings

BASE = settings.BASE_DIR
SHOW = (
    "from django.conf import settings; "
    "print(settings.DEBUG, settings.SECRET_KEY, settings.CACHES['default']['BACKEND'])"
)


def bare_environment(**values):
    """The environment without any setting of ours, plus ``values``."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name not in ("REDIS_URL",)
    }
    environment.update(values)
    return environment


def run(arguments, environment):
    return subprocess.run(
        arguments,
        cwd=BASE,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_writes_a_dotenv_once(tmp_path):
    dotenv = tmp_path / ".env"
    make = ["make", "-s", f"DOTENV={dotenv}", f"PY={sys.executable}", str(dotenv)]
    done = run(make, bare_environment())
    assert done.returncode == 0, done.stderr
    lines = dotenv.read_text(encoding="utf-8").splitlines()
    assert "DJANGO_DEBUG=1" in lines
    [key] = [
        line.split("=", 1)[1] for line in lines if line.startswith("DJANGO_SECRET_KEY=")
    ]
    assert len(key) >= 50
    # Kept as it is on the next `make run`.
    before = dotenv.read_text(encoding="utf-8")
    assert run(make, bare_environment()).returncode == 0
    assert dotenv.read_text(encoding="utf-8") == before


def test_manage_py_reads_the_dotenv(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=from-the-dotenv\n")
    shell = [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW]

    done = run(shell, bare_environment(DJANGO_DOTENV=str(dotenv)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "True",
        "from-the-dotenv",
        "django.core.cache.backends.dummy.DummyCache",
    ]
    # The environment wins over the file.
    done = run(
        shell,
        bare_environment(DJANGO_DOTENV=str(dotenv), DJANGO_SECRET_KEY="from-env"),
    )
    assert done.stdout.split()[1] == "from-env"
    # Without one, production's rule stands: a secret key is required.
    done = run(shell, bare_environment(DJANGO_DOTENV=str(tmp_path / "none")))
    assert done.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in done.stderr


def test_the_page_cache_is_off_in_debug_unless_shared():
    assert cache_settings({}, debug=True)["default"]["BACKEND"].endswith("DummyCache")
    shared = cache_settings({"REDIS_URL": "redis://127.0.0.1:6379/0"}, debug=True)
    assert shared["default"]["BACKEND"].endswith("RedisCache")
    assert cache_settings({}, debug=False)["default"]["BACKEND"].endswith("LocMemCache")
    forced = cache_settings({"DJANGO_CACHE_BACKEND": "locmem"}, debug=True)
    assert forced["default"]["BACKEND"].endswith("LocMemCache")
