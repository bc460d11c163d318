import pytest
from django.utils.http import urlencode

from contacts.models import Contact, KeyFigure, Office
from tests.factories import ContactFactory, KeyFigureFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def test_office_published_keeps_public_offices_only():
    public = OfficeFactory()
    hidden = OfficeFactory(is_public=False)

    published = Office.objects.published()

    assert public in published
    assert hidden not in published


def test_contact_published_keeps_public_contacts_only():
    public = ContactFactory()
    hidden = ContactFactory(is_public=False)

    assert list(Contact.objects.published()) == [public]
    assert hidden in Contact.objects.all()


def test_key_figure_complete_needs_a_label_and_a_source():
    office = OfficeFactory()
    complete = KeyFigureFactory(office=office)
    named_source_only = KeyFigureFactory(office=office, source_url="")
    linked_source_only = KeyFigureFactory(office=office, source_name="")
    no_label = KeyFigureFactory(office=office, label="")
    no_source = KeyFigureFactory(office=office, source_name="", source_url="")

    assert set(KeyFigure.objects.complete()) == {
        complete,
        named_source_only,
        linked_source_only,
    }
    assert set(KeyFigure.objects.needing_review()) == {no_label, no_source}
    assert not complete.needs_review
    assert no_label.needs_review
    assert no_source.needs_review


def test_office_and_contact_addresses():
    office = OfficeFactory(slug="iom-peru")
    contact = ContactFactory(office=office)

    assert office.get_absolute_url() == "/contacts/iom-peru/"
    query = urlencode({"q": contact.name})
    assert contact.get_absolute_url() == f"/contacts/?{query}#contact-{contact.pk}"


def test_phone_lists_split_on_commas_and_semicolons():
    office = OfficeFactory(phones="+51 1 221 7333; +51 1 221 7334, ")
    contact = ContactFactory(phone="+591 2 278 7000,+591 2 278 7001")

    assert office.phone_list == ["+51 1 221 7333", "+51 1 221 7334"]
    assert contact.phone_list == ["+591 2 278 7000", "+591 2 278 7001"]
