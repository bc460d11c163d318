"""Staff write news in the admin: a publisher drafts, previews and publishes
an article; an editor may draft but not publish."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image

from articles.admin import ArticleAdmin
from articles.models import Article

TITLE = "Mobile clinics reach migrants crossing the Andes"
SLUG = "mobile-clinics-reach-migrants-crossing-the-andes"
SUMMARY = "Health teams now meet people at three border crossings."
ALT = "A nurse checks a child in a mobile clinic"
PASSWORD = "a-long-password-for-tests"
REFUSED = str(ArticleAdmin.publish_refused_message)


def staff_member(username, role):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def png_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (0, 120, 90)).save(buffer, format="PNG")
    return {"name": "clinic.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def log_in(page, username):
    page.goto("/admin/")
    page.wait_for_url("**/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def choose_in_autocomplete(page, field, search, option):
    """Type into the admin's autocomplete (select2) widget of ``field`` and
    pick ``option`` among what the server suggests."""
    page.locator(f".field-{field} .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).click()
    selected = page.locator(f".field-{field} .select2-selection__choice")
    assert option in selected.all_text_contents()[-1]


def add_draft(page):
    page.get_by_role("rowheader", name="Articles").get_by_role("link").click()
    page.get_by_role("link", name="Add article").click()
    page.get_by_label("Title:").press_sequentially(TITLE)
    # The admin's JavaScript fills the slug in from the title.
    assert page.get_by_label("Slug:").input_value() == SLUG
    page.get_by_label("Summary:").fill(SUMMARY)
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Teams of IOM nurses and doctors travel with the clinics.")
    # The image and the relations are folded away until opened.
    page.locator("summary", has_text="Image").click()
    page.locator("#id_image").set_input_files(png_photo())
    page.get_by_label("Image alt text:").fill(ALT)
    page.locator("summary", has_text="Relations").click()
    choose_in_autocomplete(page, "programmes", "Counter", "Counter-trafficking")
    choose_in_autocomplete(page, "contacts", "Mariana", "Mariana Quispe")
    page.get_by_role("button", name="Save and continue editing").first.click()
    page.wait_for_url("**/change/")
    assert page.locator(".messagelist .success").count() == 1
    return Article.objects.get(slug=SLUG)


def public_titles(page):
    page.goto("/news/")
    return page.locator(".card-title").all_text_contents()


def test_publisher_drafts_previews_and_publishes_an_article(page, console_errors):
    staff_member("paula", "Publisher")
    log_in(page, "paula")

    article = add_draft(page)
    assert article.status == Article.Status.DRAFT
    assert [p.slug for p in article.programmes.all()] == ["counter-trafficking"]
    assert [c.name for c in article.contacts.all()] == ["Mariana Quispe"]
    assert article.image_alt == ALT
    assert "<p>Teams of IOM nurses and doctors travel with the clinics.</p>" in (
        article.body
    )

    page.get_by_role("link", name="View on site").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    banner = page.get_by_role("status").filter(has_text="Preview — not published")
    assert banner.is_visible()
    assert page.get_by_role("heading", level=1).text_content() == TITLE
    photo = page.get_by_role("img", name=ALT)
    assert photo.evaluate("(image) => image.complete && image.naturalWidth > 0")
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    assert TITLE not in public_titles(page)

    page.goto("/admin/articles/article/")
    page.get_by_role("row", name=TITLE).get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Publish the selected articles")
    page.get_by_role("button", name="Run", exact=True).click()
    assert page.locator(".messagelist .success").text_content() == (
        "1 article was published. 1 of them had no date and is dated now."
    )
    article.refresh_from_db()
    assert article.is_published

    titles = public_titles(page)
    assert titles[0] == TITLE
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("status").filter(has_text="Preview").count() == 0
    assert console_errors == []


def test_editor_cannot_publish(page):
    staff_member("eddie", "Editor")
    log_in(page, "eddie")
    article = add_draft(page)

    page.get_by_label("Status:").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).first.click()
    assert page.locator(".errornote").text_content().strip() == (
        "Please correct the error below."
    )
    assert page.locator(".field-status .errorlist").text_content() == REFUSED

    page.goto("/admin/articles/article/")
    page.get_by_role("row", name=TITLE).get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Publish the selected articles")
    page.get_by_role("button", name="Run", exact=True).click()
    assert page.locator(".messagelist .error").text_content() == REFUSED

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert TITLE not in public_titles(page)
