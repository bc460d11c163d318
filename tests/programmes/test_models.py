import pytest

from programmes.models import Programme
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_published_keeps_published_programmes_only():
    published = ProgrammeFactory()
    draft = ProgrammeFactory(is_published=False)

    programmes = Programme.objects.published()

    assert published in programmes
    assert draft not in programmes


def test_published_programmes_come_in_display_order():
    Programme.objects.all().delete()
    later = ProgrammeFactory(title="B", order=20)
    first = ProgrammeFactory(title="Z", order=10)
    same_order = ProgrammeFactory(title="A", order=20)

    assert list(Programme.objects.published()) == [first, same_order, later]


def test_body_is_cleaned_on_save():
    programme = ProgrammeFactory(
        body='<p onclick="x()">Hi</p><script>alert(1)</script>'
    )

    assert programme.body == "<p>Hi</p>"


def test_absolute_url():
    programme = ProgrammeFactory(slug="labour")

    assert programme.get_absolute_url() == "/programmes/labour/"
