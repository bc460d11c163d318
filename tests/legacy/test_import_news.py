"""News pages of other sites and shapes, through the real command into the
real database."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
VARIANTS = sorted(FIXTURES.glob("n[ae][vw]*_*.txt"))


def test_every_news_variant_imports_with_its_kind_date_and_contacts(tmp_path):
    assert len(VARIANTS) == 6
    report = tmp_path / "report.json"

    call_command(
        "import_legacy",
        *map(str, VARIANTS),
        "--report",
        str(report),
        stdout=StringIO(),
        stderr=StringIO(),
    )

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["created"] == 6
    assert data["summary"]["warnings"] == 2
    ferias = Article.objects.get(slug__startswith="ferias-de-empleo")
    assert ferias.kind == Article.Kind.PRESS_RELEASE
    assert ferias.language == "es"
    assert ferias.dateline == "Arequipa"
    assert timezone.localtime(ferias.published_at).date() == datetime.date(2019, 8, 12)
    (contact,) = ferias.contacts.all()
    assert (contact.name, contact.extension, contact.email) == (
        "Lucía Rojas",
        "125",
        "lrojas@iom.int",
    )
    # Issue 17: no office is made from a contact's signature; it is suggested.
    assert contact.office is None
    assert not contact.is_public  # hidden until staff review it
    (entry,) = [e for e in data["files"] if "nav_es_country_site" in e["source"]]
    assert entry["suggestions"][0].startswith("office (not created, not on the site)")

    spanish = Article.objects.get(title__startswith="Capacitación en estadísticas")
    english = Article.objects.get(title="Census Training for Border Officials")
    assert timezone.localtime(spanish.published_at).date() == datetime.date(2016, 5, 3)
    assert timezone.localtime(english.published_at).date() == datetime.date(2016, 3, 5)

    undated = Article.objects.get(title__startswith="Informe anual")
    assert undated.published_at is None
    (entry,) = [e for e in data["files"] if e["source"].endswith("without_day.txt")]
    assert entry["kind"] == "news"
    assert entry["warnings"] == [
        "date without a day, not used: Julio de 2016",
        "date not found: “Informe anual sobre la trata de personas en la región”",
    ]
