"""An editor writes an office's own text about a programme in a row added to
the office's form, with the rich-text editor, and visitors read it."""

from django.urls import reverse

from contacts.models import Office
from programmes.models import OfficeProgrammeText

from .pages import COUNTRY_OFFICE
from .test_publishing import log_in, staff_member


def test_an_editor_adds_a_text_about_a_programme(site, page, console_errors):
    office = Office.objects.get(slug=COUNTRY_OFFICE)
    staff_member("eva", "Editor")
    log_in(page, "eva")
    page.goto(reverse("admin:contacts_office_change", args=[office.pk]))
    group = page.locator("#programme_texts-group")

    group.locator(".add-row a").click()
    row = group.locator(".inline-related.dynamic-programme_texts").last
    row.get_by_label("Programme:").select_option(label="Emergency Situations")
    row.locator(".ProseMirror[contenteditable=true]").first.click()
    page.keyboard.type("Shelters in Tumbes after the floods.")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_load_state()

    text = OfficeProgrammeText.objects.get(
        office=office, programme__slug="emergency-situations"
    )
    assert text.body_en == "<p>Shelters in Tumbes after the floods.</p>"
    assert (text.body_es, text.body_pt) in (("", ""), (None, None))
    page.goto(office.get_absolute_url())
    tile = page.locator("#programme-emergency-situations")
    assert tile.locator(".prose").inner_text() == "Shelters in Tumbes after the floods."
    assert console_errors == []
