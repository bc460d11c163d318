"""An office's own text about a programme (programmes.OfficeProgrammeText)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from programmes.models import OfficeProgrammeText, Programme

from ..factories import OfficeFactory, OfficeProgrammeTextFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_one_text_per_office_and_programme():
    text = OfficeProgrammeTextFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeProgrammeText.objects.create(
            office=text.office, programme=text.programme, body="<p>Again.</p>"
        )

    # The same programme in another office, another programme in this one.
    OfficeProgrammeTextFactory(programme=text.programme)
    OfficeProgrammeTextFactory(office=text.office)
    assert OfficeProgrammeText.objects.count() == 3


def test_the_texts_are_cleaned_in_every_language():
    text = OfficeProgrammeTextFactory(
        body="<p>Shelters <script>x()</script>in Lima.</p>",
        body_es='<p onclick="x()">Albergues en\x1b Lima.</p>',
        body_pt='<p><a href="javascript:x()">Abrigos</a> em Lima.</p>',
    )

    text.refresh_from_db()
    assert text.body_en == "<p>Shelters in Lima.</p>"
    assert text.body_es == "<p>Albergues en Lima.</p>"
    assert text.body_pt == '<p><a rel="noopener noreferrer">Abrigos</a> em Lima.</p>'


def test_saved_in_spanish_the_english_text_stays_apart():
    text = OfficeProgrammeTextFactory(body="<p>English.</p>")

    with translation.override("es"):
        text = OfficeProgrammeText.objects.get(pk=text.pk)
        text.save()

    text.refresh_from_db()
    assert (text.body_en, text.body_es) == ("<p>English.</p>", None)


def test_a_text_needs_one_language_at_least():
    text = OfficeProgrammeTextFactory.build(
        office=OfficeFactory(), programme=ProgrammeFactory(), body=""
    )

    with pytest.raises(ValidationError) as raised:
        text.full_clean()
    assert list(raised.value.message_dict) == ["body"]

    text.body_pt = "<p>Só em português.</p>"
    text.full_clean()


def test_falls_back_to_the_english_text():
    text = OfficeProgrammeTextFactory(body="<p>English.</p>", body_es="<p>Español.</p>")

    with translation.override("es"):
        assert text.body == "<p>Español.</p>"
    with translation.override("pt"):
        assert text.body == "<p>English.</p>"


def test_str_and_address():
    office = OfficeFactory(name="IOM Bolivia", slug="iom-bolivia")
    programme = ProgrammeFactory(title="Border management", slug="borders")
    text = OfficeProgrammeTextFactory(office=office, programme=programme)

    assert str(text) == "IOM Bolivia: Border management"
    assert text.get_absolute_url() == "/contacts/iom-bolivia/#programme-borders"


def test_with_text_of_gives_each_programme_the_office_text(
    django_assert_num_queries,
):
    office = OfficeFactory()
    written, plain = ProgrammeFactory.create_batch(2)
    text = OfficeProgrammeTextFactory(office=office, programme=written)
    OfficeProgrammeTextFactory(programme=plain)  # another office's

    with django_assert_num_queries(2):
        programmes = list(
            Programme.objects.filter(pk__in=[written.pk, plain.pk]).with_text_of(office)
        )

    assert {p: p.texts_of_office for p in programmes} == {written: [text], plain: []}


def test_deleting_the_office_or_the_programme_deletes_its_texts():
    first, second = OfficeProgrammeTextFactory.create_batch(2)

    first.office.delete()
    second.programme.delete()

    assert not OfficeProgrammeText.objects.exists()
