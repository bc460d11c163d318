"""Freshness: who reviewed an office, a contact, a programme or a key figure
and when; what is overdue or due soon on the dashboard; "Last updated" on the
public pages; an article's dated correction note."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from contacts.models import Contact, KeyFigure, Office
from iomsite.content.freshness import add_months
from programmes.models import Programme

from ..factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 15), 6) == date(2027, 2, 15)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_default_intervals():
    assert ContactFactory().review_interval == 6
    assert KeyFigureFactory().review_interval == 6
    assert OfficeFactory().review_interval == 12
    assert ProgrammeFactory().review_interval == 12


@pytest.mark.parametrize(
    "model, factory, months",
    [
        (Contact, ContactFactory, 6),
        (KeyFigure, KeyFigureFactory, 6),
        (Office, OfficeFactory, 12),
        (Programme, ProgrammeFactory, 12),
    ],
)
def test_the_action_records_who_reviewed_and_when(
    admin_client, admin_user, model, factory, months
):
    obj, other = factory(), factory()
    options = model._meta
    response = admin_client.post(
        reverse(f"admin:{options.app_label}_{options.model_name}_changelist"),
        {"action": "mark_reviewed", ACTION_CHECKBOX_NAME: [obj.pk]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "1 item was marked as reviewed."
    ]
    obj.refresh_from_db()
    other.refresh_from_db()
    assert obj.reviewed_by == admin_user
    assert timezone.now() - obj.reviewed_at < timedelta(minutes=1)
    assert obj.review_due == add_months(timezone.localdate(), months)
    assert other.reviewed_at is None and other.review_due is None


def test_the_dashboard_lists_what_is_overdue_or_due_soon(admin_client):
    now = timezone.now()
    never = ContactFactory(name="Never reviewed")
    with time_machine.travel(now - timedelta(days=170)):
        soon = ContactFactory(name="Due soon", reviewed_at=timezone.now())
    with time_machine.travel(now - timedelta(days=200)):
        late = ContactFactory(name="Overdue", reviewed_at=timezone.now())
    ContactFactory(name="Fresh", reviewed_at=now)

    response = admin_client.get(reverse("needs-attention"))
    rows = {
        str(label): (overdue, due)
        for label, overdue, due in response.context["freshness"]
    }
    overdue, due = rows["contacts"]
    assert (overdue.count, due.count) == (2, 1)
    listed = admin_client.get(overdue.url).context["cl"].result_list
    assert {contact.pk for contact in listed} == {never.pk, late.pk}
    listed = admin_client.get(due.url).context["cl"].result_list
    assert [contact.pk for contact in listed] == [soon.pk]
    assert "Reviews due" in response.text


def test_public_pages_show_last_updated(client):
    office = OfficeFactory(is_public=True)
    reviewed = timezone.now() + timedelta(days=3)
    Office.objects.filter(pk=office.pk).update(reviewed_at=reviewed)
    page = BeautifulSoup(client.get(office.get_absolute_url()).text, "html.parser")
    stamp = page.select_one(".last-updated time")
    assert stamp["datetime"] == timezone.localdate(reviewed).isoformat()

    programme = ProgrammeFactory(is_published=True)
    page = BeautifulSoup(client.get(programme.get_absolute_url()).text, "html.parser")
    stamp = page.select_one(".last-updated time")
    assert stamp["datetime"] == timezone.localdate(programme.updated).isoformat()


def test_an_article_shows_its_dated_correction_note(client):
    article = ArticleFactory(correction="The shelter holds 200 people, not 2,000.")
    assert article.corrected_at is not None
    page = BeautifulSoup(client.get(article.get_absolute_url()).text, "html.parser")
    note = page.select_one("aside.correction")
    assert note.p.get_text() == "The shelter holds 200 people, not 2,000."
    assert note.time["datetime"] == (
        timezone.localdate(article.corrected_at).isoformat()
    )
    # The note comes right after the body.
    assert note.find_previous_sibling("div")["class"] == ["article-body"]

    article.correction = ""
    article.save()
    assert article.corrected_at is None
    page = BeautifulSoup(client.get(article.get_absolute_url()).text, "html.parser")
    assert page.select_one("aside.correction") is None
