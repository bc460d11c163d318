"""The demo content, and the public page types that the browser, accessibility
and HTML checks visit (tests/browser/ and tests/test_html_validity.py)."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from articles.models import Article

from ..factories import make_image_file

DEMO_CONTENT = settings.BASE_DIR / "iomsite" / "demo" / "legacy"

# Demo objects the pages below are about (imported from DEMO_CONTENT).
FEATURED_ARTICLE = "border-officials-peru-trained-identify-victims-trafficking"
PROGRAMME = "counter-trafficking"
COUNTRY_OFFICE = "iom-peru"
REGIONAL_OFFICE = "iom-south-america"
IMAGE_ALT = "Border officials in a training room in Tumbes"
# The about pages the demo publishes, besides "About us".
ABOUT = ["accessibility", "privacy", "terms"]
# An old address marked as gone in the admin (a redirect with no new path).
RETIRED_ADDRESS = "/en/news/retired-story.html"
# The status of the pages below that do not answer 200.
STATUS = {"not-found": 404, "gone": 410, "gone-es": 410}


def load_demo_content():
    """What ``make run`` shows: the demo pages imported by ``import_legacy``
    and the about pages it publishes, plus a photo on the featured article
    (the demo pages have none) and a retired address. Returns the featured
    article."""
    # The demo pages are our own, their people invented: public at once.
    call_command("import_legacy", str(DEMO_CONTENT), contacts="public", verbosity=0)
    call_command("publish_demo_pages", verbosity=0)
    article = Article.objects.get(slug=FEATURED_ARTICLE)
    article.image = make_image_file(
        "border-post.jpg", size=(1200, 675), image_format="JPEG"
    )
    article.image_alt = IMAGE_ALT
    article.image_caption = "Officials practise interviews at the border post."
    article.image_credit = "IOM Peru"
    article.save()
    for path in retired_addresses():
        Redirect.objects.get_or_create(
            site=Site.objects.get_current(), old_path=path, defaults={"new_path": ""}
        )
    return article


def retired_addresses():
    """The retired address, unprefixed and under each language's prefix."""
    return [RETIRED_ADDRESS] + [
        f"/{code}{RETIRED_ADDRESS}"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def search_url():
    """The site search, or None while it does not exist."""
    try:
        return reverse("search")
    except NoReverseMatch:
        return None


def public_pages(language=None):
    """{name: path} of every public page type, filled with the demo content,
    in ``language`` (by default the default one)."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        return pages_in(language)


def pages_in(language):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    news = reverse("articles:list")
    pages = {
        "home": reverse("home"),
        "news": news,
        "news-filtered": f"{news}?programme={PROGRAMME}&country=PE",
        "news-invalid-filter": f"{news}?year=abc",
        "article": reverse("articles:detail", kwargs={"slug": FEATURED_ARTICLE}),
        "programmes": reverse("programmes:list"),
        "programme": reverse("programmes:detail", kwargs={"slug": PROGRAMME}),
        "contacts": reverse("contacts:list"),
        "office": reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE}),
        "regional-office": reverse("contacts:office", kwargs={"slug": REGIONAL_OFFICE}),
        "not-found": f"{news}no-such-article/",
        "gone": f"{prefix}{RETIRED_ADDRESS}",
        "api-docs": reverse("api-docs"),
        "about": reverse("pages:about"),
        **{slug: reverse("pages:detail", kwargs={"slug": slug}) for slug in ABOUT},
    }
    if search := search_url():
        pages["search"] = f"{search}?q=trafficking"
        pages["search-news"] = f"{search}?q=trafficking&type=news"
    return pages
