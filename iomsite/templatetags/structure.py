"""Where a page sits in the site: breadcrumbs (with their BreadcrumbList
JSON-LD) and the home page's Organization and WebSite JSON-LD."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext

from .metadata import SCHEMA_CONTEXT, _absolute, json_ld, site_organization

register = template.Library()


@register.inclusion_tag("includes/_breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """``{% breadcrumbs _("News") news_url article.title %}``: labels and
    addresses in turn, from the home page (added here) down; the last label,
    without an address, is the page itself."""
    if len(trail) % 2 != 1:
        raise template.TemplateSyntaxError(
            "breadcrumbs takes label, url pairs and then the page's own label."
        )
    crumbs = [(gettext("Home"), reverse("home"))]
    crumbs += [(trail[i], trail[i + 1]) for i in range(0, len(trail) - 1, 2)]
    absolute = _absolute(context)
    items = [
        {"@type": "ListItem", "position": position, "name": str(label), "item": url}
        for position, (label, url) in enumerate(
            [(label, absolute(url)) for label, url in crumbs], start=1
        )
    ]
    items.append(
        {"@type": "ListItem", "position": len(items) + 1, "name": str(trail[-1])}
    )
    data = {"@context": SCHEMA_CONTEXT, "@type": "BreadcrumbList"}
    return {
        "crumbs": crumbs,
        "current": trail[-1],
        "json_ld": json_ld({**data, "itemListElement": items}),
    }


@register.simple_tag(takes_context=True)
def site_json_ld(context, office=None):
    """The organisation (with the regional ``office``'s contact details and
    social accounts) and the website with its search, for the home page."""
    absolute = _absolute(context)
    home = absolute(reverse("home"))
    organization = {
        **site_organization(absolute),
        "@id": f"{home}#organization",
        "logo": absolute(static("icons/icon-512.png")),
    }
    if office is not None:
        if office.email:
            organization["email"] = office.email
        if office.phone_list:
            organization["telephone"] = office.phone_list[0]
        same_as = [url for url in (office.facebook, office.x_account) if url]
        if same_as:
            organization["sameAs"] = same_as
    search = absolute(reverse("search"))
    website = {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "name": str(settings.SITE_NAME),
        "url": home,
        "inLanguage": context.get("LANGUAGE_CODE", ""),
        "publisher": {"@id": f"{home}#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }
    return json_ld({"@context": SCHEMA_CONTEXT, "@graph": [organization, website]})


@register.simple_tag
def osm_search_url(office):
    """OpenStreetMap's search for the office's address: a link, no map tiles
    (nothing loads from a third party until the visitor follows it)."""
    parts = [" ".join(office.street_address.split()), office.city]
    if office.country:
        parts.append(str(office.country.name))
    query = ", ".join(part for part in parts if part)
    return f"https://www.openstreetmap.org/search?{urlencode({'query': query})}"


@register.simple_tag(takes_context=True)
def pending_figures(context, office):
    """The office's key figures still awaiting review, for staff only (the
    public sees the complete ones)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_staff:
        return []
    return list(office.figures.needing_review())
