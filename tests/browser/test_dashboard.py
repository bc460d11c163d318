"""Staff find what needs attention, and publish failing content only after
confirming."""

from django.utils import timezone

from articles.models import Article

from ..factories import ArticleFactory
from .test_publishing import log_in, public_titles, staff_member

TITLE = "Seasonal workers get guidance before travelling"
FAILING = (
    "<h2>Results</h2><h4>Detail</h4>"
    "<p>See the <a href='https://robuenosaires.iom.int/news/old'>old report</a>.</p>"
)


def test_a_publisher_follows_a_count_to_the_filtered_changelist(page, console_errors):
    ArticleFactory(title=TITLE, body=FAILING)
    ArticleFactory(title="A clean article", body="<h2>Fine</h2><p>Fine.</p>")
    staff_member("paula", "Publisher")
    log_in(page, "paula")

    page.get_by_role("link", name="Needs attention").click()
    page.wait_for_url("**/admin/needs-attention/")
    assert page.get_by_role("heading", name="Needs attention", level=1).is_visible()
    table = page.get_by_role("table").filter(has_text="Articles:")
    row = table.get_by_role("row", name="Links to the old site")
    count = row.get_by_role("link")
    failing = Article.objects.filter(content_problems__contains="old-host").count()
    assert count.text_content() == str(failing)
    count.click()

    page.wait_for_url("**/admin/articles/article/?content_check=old-host")
    titles = page.locator("#result_list tbody th").all_text_contents()
    assert TITLE in titles
    assert "A clean article" not in titles
    assert len(titles) == failing
    assert console_errors == []


def test_a_publisher_confirms_publishing_an_article_that_fails_a_check(
    page, console_errors
):
    article = ArticleFactory(
        title=TITLE, body=FAILING, status=Article.Status.DRAFT, published_at=None
    )
    staff_member("paula", "Publisher")
    log_in(page, "paula")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    checks = page.locator("fieldset", has_text="Content checks")
    assert "The heading “Detail” (h4) skips a level" in checks.text_content()

    page.get_by_label("Status:").select_option(label="Published")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).first.click()
    assert page.locator(".errornote").is_visible()
    confirm = page.get_by_label("Publish anyway")
    assert "A link goes to the old site" in checks.text_content()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    # What was chosen before the warning is still there.
    assert page.get_by_label("Status:").input_value() == Article.Status.PUBLISHED

    confirm.check()
    page.get_by_role("button", name="Save", exact=True).first.click()
    page.wait_for_url("**/admin/articles/article/")
    assert page.locator(".messagelist .success").count() == 1
    warnings = page.locator(".messagelist .warning").all_text_contents()
    assert len(warnings) == 2
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is None or article.published_at <= timezone.now()
    assert article.is_published
    assert TITLE in public_titles(page)
    assert console_errors == []
