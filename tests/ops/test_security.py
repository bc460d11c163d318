"""The site as an attacker meets it: deployment settings, headers and the
Content-Security-Policy on every page, login throttling, private details."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from iomsite.ops.security import client_ip_address

from ..factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

SECRET_KEY = "tests-only-9f8Kq2vL0xW7zR4mN1pB6cT3yH5jD8sG0aE2uI9oP7lQ4wZ"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_HTTPS": "1",
}


def manage(*arguments, **environment):
    """Run manage.py in a fresh process, with the given environment on top of
    this one's (less what tests set in it)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_of(names, **environment):
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}, "
        "default=str))"
    )
    result = manage("shell", "--no-imports", "-c", code, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# Deployment ------------------------------------------------------------------------


def test_check_deploy_passes_without_any_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert result.stderr == ""


def test_production_settings_come_from_the_environment():
    values = settings_of(
        [
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_PROXY_SSL_HEADER",
            "MAILERS",
            "DEFAULT_FROM_EMAIL",
            "SERVER_EMAIL",
            "ADMINS",
            "MEDIA_ROOT",
            "TRUSTED_PROXY_COUNT",
        ],
        **PRODUCTION,
        DJANGO_HSTS_PRELOAD="0",
        DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https",
        DJANGO_EMAIL_HOST="smtp.example.org",
        DJANGO_EMAIL_PORT="587",
        DJANGO_EMAIL_HOST_USER="web",
        DJANGO_EMAIL_HOST_PASSWORD="secret",
        DJANGO_EMAIL_USE_TLS="1",
        DJANGO_DEFAULT_FROM_EMAIL="IOM <web@example.org>",
        DJANGO_SERVER_EMAIL="errors@example.org",
        DJANGO_ADMINS="ana@example.org, luis@example.org",
        DJANGO_TRUSTED_PROXY_COUNT="1",
    )

    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "MAILERS": {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {
                    "host": "smtp.example.org",
                    "port": 587,
                    "username": "web",
                    "password": "secret",
                    "use_tls": True,
                    "use_ssl": False,
                    "timeout": 20,
                },
            }
        },
        "DEFAULT_FROM_EMAIL": "IOM <web@example.org>",
        "SERVER_EMAIL": "errors@example.org",
        "ADMINS": ["ana@example.org", "luis@example.org"],
        # Outside the code tree unless DJANGO_MEDIA_ROOT says otherwise.
        "MEDIA_ROOT": "/var/lib/iomsite/media",
        "TRUSTED_PROXY_COUNT": 1,
    }


def test_the_admin_path_comes_from_the_environment():
    code = "from django.urls import reverse; print(reverse('admin:login'))"

    moved = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_DEBUG="1",
        DJANGO_ADMIN_PATH="/staff-7f3a",
    )
    default = manage("shell", "--no-imports", "-c", code, DJANGO_DEBUG="1")

    assert moved.stdout.strip().splitlines()[-1] == "/staff-7f3a/login/"
    assert default.stdout.strip().splitlines()[-1] == "/admin/login/"


# Headers and the Content-Security-Policy --------------------------------------------

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'"
)
EXECUTABLE_SCRIPT_TYPES = {None, "", "text/javascript", "module", "importmap"}


@pytest.fixture
def public_pages(db):
    programme = ProgrammeFactory(image=make_image_file(), image_alt="A field")
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    contact = ContactFactory(office=office, photo=make_image_file())
    contact.photo_alt = "Ana"
    contact.save()
    programme.focal_points.add(contact)
    article = ArticleFactory(image=make_image_file(), image_alt="A boat")
    article.programmes.add(programme)
    article.contacts.add(contact)
    return [
        reverse("home"),
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("programmes:list"),
        programme.get_absolute_url(),
        reverse("contacts:list"),
        office.get_absolute_url(),
        "/no-such-page/",
    ]


@pytest.mark.django_db
def test_every_public_page_sends_the_security_headers(client, public_pages):
    for url in public_pages:
        response = client.get(url)
        assert response.status_code == (404 if "no-such" in url else 200), url
        assert response["Content-Security-Policy"] == POLICY, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


@pytest.mark.django_db
def test_no_public_page_has_what_the_policy_would_block(client, public_pages):
    for url in public_pages:
        page = BeautifulSoup(client.get(url).text, "html.parser")
        inline_scripts = [
            script
            for script in page.find_all("script", src=False)
            if script.get("type") in EXECUTABLE_SCRIPT_TYPES
        ]
        handlers = [
            (tag.name, attribute)
            for tag in page.find_all(True)
            for attribute in tag.attrs
            if attribute.lower().startswith("on")
        ]
        javascript_links = [
            tag["href"]
            for tag in page.find_all(href=True)
            if tag["href"].strip().lower().startswith("javascript:")
        ]
        assert inline_scripts == [], url
        assert handlers == [], url
        assert javascript_links == [], url
        assert page.find_all(style=True) == [], url
        assert page.find_all("style") == [], url
        loaded = [
            *(tag["src"] for tag in page.find_all(["script", "img"], src=True)),
            *(tag["srcset"] for tag in page.find_all("source", srcset=True)),
            *(
                tag["href"]
                for tag in page.find_all("link", href=True)
                if {"stylesheet", "icon", "preload"} & set(tag.get("rel", []))
            ),
        ]
        # Our own files, or data: images (img-src allows them).
        assert [src for src in loaded if not src.startswith(("/", "data:"))] == [], url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:articles_article_changelist",
        "admin:articles_article_add",
        "admin:contacts_office_add",
    ],
)
def test_admin_pages_mark_their_inline_code_with_the_nonce(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    page = BeautifulSoup(response.text, "html.parser")

    assert f"script-src 'self' 'nonce-{nonce}'" in policy
    inline = [
        tag
        for tag in page.find_all(["script", "style"], src=False)
        if tag.name == "style" or tag.get("type") in EXECUTABLE_SCRIPT_TYPES
    ]
    assert [tag for tag in inline if tag.get("nonce") != nonce] == []
    assert page.find_all(style=True) == []
    handlers = [
        attribute
        for tag in page.find_all(True)
        for attribute in tag.attrs
        if attribute.lower().startswith("on")
    ]
    assert handlers == []


# Login throttling ------------------------------------------------------------------

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "ana", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, address="203.0.113.5"):
    login_url = reverse("admin:login")
    return client.post(
        f"{login_url}?next=/admin/",
        {"username": "ana", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_good_password_logs_in_through_the_form(client, staff):
    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert logged_in(client)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_from_that_address(client, staff):
    for _attempt in range(4):
        wrong = log_in(client, "guess")
        assert wrong.status_code == 200
        assert wrong.context["form"].errors
    assert log_in(client, "guess").status_code == 429

    locked = log_in(client, PASSWORD)

    assert locked.status_code == 429
    assert "Try again in 30 minutes." in " ".join(locked.text.split())
    assert not logged_in(client)
    # The combination is locked, not the account everywhere.
    assert log_in(client, PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_after_thirty_minutes(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _attempt in range(5):
            log_in(client, "guess")
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert log_in(client, PASSWORD).status_code == 429
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert log_in(client, PASSWORD).status_code == 302
        assert logged_in(client)


@pytest.mark.django_db
def test_a_success_forgets_earlier_failures(client, staff):
    for _attempt in range(4):
        log_in(client, "guess")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, "guess")

    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.9", "10.0.0.1"),  # no proxy: the header is the client's lie
        (1, "198.51.100.9", "198.51.100.9"),
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),
        (2, "6.6.6.6, 198.51.100.9, 10.0.0.2", "198.51.100.9"),
        (2, "198.51.100.9", "10.0.0.1"),  # fewer entries than proxies
    ],
)
def test_client_ip_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )

    assert client_ip_address(request) == expected


# Private contact details ------------------------------------------------------------


@pytest.mark.django_db
def test_hidden_email_and_phones_stay_in_the_admin(client, admin_client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    private = ContactFactory(
        office=office,
        email="private@iom.int",
        phone="+51 1 111 1111",
        mobile="+51 999 111 111",
        show_email=False,
        show_phones=False,
    )
    shown = ContactFactory(office=office, email="shown@iom.int", phone="+51 1 222 2222")
    article = ArticleFactory()
    article.contacts.add(private, shown)

    for url in (
        reverse("contacts:list"),
        office.get_absolute_url(),
        article.get_absolute_url(),
    ):
        page = BeautifulSoup(client.get(url).text, "html.parser")
        hrefs = {link["href"] for link in page.find_all("a", href=True)}
        assert "mailto:shown@iom.int" in hrefs, url
        assert "tel:+5112222222" in {href.split(";")[0] for href in hrefs}, url
        text = page.get_text()
        for secret in ("private@iom.int", "+51 1 111 1111", "+51 999 111 111"):
            assert secret not in text, (url, secret)
            assert not [href for href in hrefs if secret.replace(" ", "") in href]

    change_page = admin_client.get(
        reverse("admin:contacts_contact_change", args=[private.pk])
    )
    form = change_page.context["adminform"].form
    assert (form.initial["email"], form.initial["phone"]) == (
        "private@iom.int",
        "+51 1 111 1111",
    )
