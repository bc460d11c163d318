"""Staff never lose an edit: two editors saving the same article at once get
the conflict page, and what was typed survives a reload in the browser."""

from django.urls import reverse

from articles.models import Article

from ..factories import ArticleFactory
from .test_publishing import log_in, staff_member

VIEWPORT = {"width": 1280, "height": 800}


def draft():
    return ArticleFactory(
        title="Shelter opens",
        slug="shelter-opens",
        status=Article.Status.DRAFT,
        published_at=None,
        summary="The first summary.",
    )


def test_two_editors_at_once_get_the_conflict_page(browser, site, page, console_errors):
    article = draft()
    url = reverse("admin:articles_article_change", args=[article.pk])
    staff_member("ana", "Editor")
    staff_member("bruno", "Editor")
    log_in(page, "ana")
    other = browser.new_context(base_url=site, viewport=VIEWPORT)
    try:
        bruno = other.new_page()
        log_in(bruno, "bruno")
        page.goto(url)
        bruno.goto(url)

        page.get_by_label("Title:").fill("Shelter opens in Tumbes")
        page.get_by_role("button", name="Save", exact=True).first.click()
        page.wait_for_url("**/articles/article/")

        bruno.get_by_label("Summary:").fill("Bruno's summary.")
        bruno.get_by_role("button", name="Save", exact=True).first.click()
        conflict = bruno.get_by_role(
            "region", name="Someone else saved a newer version"
        )
        # The refused save answers with the form again: wait for it.
        conflict.wait_for(state="visible")
        title_row = conflict.get_by_role("row", name="Title")
        assert title_row.locator("td").all_text_contents() == [
            "Shelter opens in Tumbes",
            "Shelter opens",
        ]
        # Bruno's input is still in the form: he merges Ana's title in.
        assert bruno.get_by_label("Summary:").input_value() == "Bruno's summary."
        article.refresh_from_db()
        assert article.summary == "The first summary."

        bruno.get_by_label("Title:").fill("Shelter opens in Tumbes")
        bruno.get_by_role("button", name="Save", exact=True).first.click()
        bruno.wait_for_url("**/articles/article/")
        article.refresh_from_db()
        assert (article.title, article.summary) == (
            "Shelter opens in Tumbes",
            "Bruno's summary.",
        )
    finally:
        other.close()
    assert console_errors == []


def test_unsaved_input_is_offered_back_after_a_reload(page, console_errors):
    article = draft()
    url = reverse("admin:articles_article_change", args=[article.pk])
    user = staff_member("ana", "Editor")
    log_in(page, "ana")
    page.goto(url)
    banner = page.locator("#autosave")
    assert banner.is_hidden()

    page.get_by_label("Title:").fill("Shelter opens in Tumbes")
    page.get_by_label("Summary:").fill("Typed, never saved.")
    key = f"iomsite-autosave:{user.pk}:articles.article:{article.pk}"
    page.wait_for_function(f"() => localStorage.getItem({key!r}) !== null")

    # The connection drops; the editor comes back to the form.
    page.reload()
    assert page.get_by_label("Title:").input_value() == "Shelter opens"
    banner.wait_for(state="visible")
    page.get_by_role("button", name="Restore my unsaved changes").click()
    assert banner.is_hidden()
    assert page.get_by_label("Title:").input_value() == "Shelter opens in Tumbes"
    assert page.get_by_label("Summary:").input_value() == "Typed, never saved."

    page.get_by_role("button", name="Save and continue editing").first.click()
    page.wait_for_url(f"**{url}")
    article.refresh_from_db()
    assert article.summary == "Typed, never saved."
    # Saved: nothing is offered any more, and the entry is gone.
    assert banner.is_hidden()
    assert page.evaluate(f"() => localStorage.getItem({key!r})") is None
    assert console_errors == []


def test_discarding_forgets_the_input(page):
    article = draft()
    url = reverse("admin:articles_article_change", args=[article.pk])
    staff_member("ana", "Editor")
    log_in(page, "ana")
    page.goto(url)
    page.get_by_label("Summary:").fill("A passing thought.")
    page.wait_for_function("() => localStorage.length > 0")
    page.reload()
    page.locator("#autosave").wait_for(state="visible")
    page.get_by_role("button", name="Discard them").click()
    page.reload()
    assert page.locator("#autosave").is_hidden()
    assert page.get_by_label("Summary:").input_value() == "The first summary."
