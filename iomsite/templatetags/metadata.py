"""Page metadata: canonical links, OpenGraph values and schema.org JSON-LD."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

# OpenGraph wants language_TERRITORY; es_LA is Latin American Spanish there,
# and the site's Portuguese is Brazil's.
OPEN_GRAPH_LOCALES = {"en": "en_US", "es": "es_LA", "pt": "pt_BR"}
# As django.utils.html.json_script does: nothing in the data can close the
# <script> element or open a comment.
JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
SCHEMA_CONTEXT = "https://schema.org"


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The content is rendered (and so escaped) already; whitespace is
        # collapsed so that it reads well inside an attribute.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}`` renders its content once into
    the variable ``name``, so that one block can fill a page's <title> and its
    og:title, or its meta description and og:description."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def canonical_url(context, language=None):
    """The absolute canonical address of the page.

    Without its query string, except the page number of an unfiltered list:
    a filtered list is a view of the list, not a page of its own. With
    ``language``, the address of the page in that language (an article's
    canonical page is the one in the article's own language).
    """
    request = context.get("request")
    if request is None:
        return ""
    path = translate_url(request.path, language) if language else request.path
    page = context.get("page_obj")
    # A FilterSet names its filters; elsewhere any parameter but the page may
    # change what is listed (a search query).
    filters = getattr(context.get("filter"), "filters", None)
    if filters is None:
        filters = set(request.GET) - {"page"}
    filtered = any(request.GET.get(name) for name in filters)
    if page is not None and page.number > 1 and not filtered:
        path = f"{path}?{urlencode({'page': page.number})}"
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def absolute_uri(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.filter
def og_locale(language):
    return OPEN_GRAPH_LOCALES.get(language, language)


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_LD_ESCAPES)),
    )


def site_organization(absolute):
    return {
        "@type": "GovernmentOrganization",
        "name": gettext("International Organization for Migration"),
        "alternateName": settings.SITE_NAME,
        "url": absolute(reverse("home")),
    }


def office_reference(office, absolute):
    reference = {"@type": "GovernmentOrganization", "name": office.name}
    if office.is_public:
        reference["url"] = absolute(office.get_absolute_url())
    return reference


def postal_address(office):
    address = {
        "streetAddress": office.street_address.strip(),
        "addressLocality": office.city,
        "addressCountry": office.country.code if office.country else "",
    }
    address = {key: value for key, value in address.items() if value}
    return {"@type": "PostalAddress", **address} if address else None


def person(contact, absolute, *, with_office=True):
    """A contact as a schema.org Person, with only the details shown on the
    site."""
    data = {
        "@type": "Person",
        "name": contact.name,
        "url": absolute(contact.get_absolute_url()),
    }
    if contact.role:
        data["jobTitle"] = contact.role
    if contact.show_email and contact.email:
        data["email"] = contact.email
    if contact.show_phones:
        phones = [
            f"{phone} ext. {contact.extension}" if contact.extension else phone
            for phone in contact.phone_list
        ]
        if contact.mobile:
            phones.append(contact.mobile)
        if phones:
            data["telephone"] = phones[0] if len(phones) == 1 else phones
    if contact.languages:
        data["knowsLanguage"] = [
            language.strip()
            for language in contact.languages.split(",")
            if language.strip()
        ]
    if with_office and contact.public_office:
        data["worksFor"] = office_reference(contact.public_office, absolute)
    return data


def article_data(article, absolute, *, url, programmes):
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": article.language,
        "dateModified": article.updated,
        "author": site_organization(absolute),
        "publisher": site_organization(absolute),
        "articleSection": str(article.get_kind_display()),
    }
    # An undated article gets no invented date.
    if article.published_at:
        data["datePublished"] = article.published_at
    if article.summary:
        data["description"] = article.summary
    if article.image:
        data["image"] = [absolute(article.image.url)]
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.countries:
        data["contentLocation"] = [
            {"@type": "Country", "name": str(country.name)}
            for country in article.countries
        ]
    if programmes:
        data["about"] = [
            {
                "@type": "Thing",
                "name": programme.title,
                "url": absolute(programme.get_absolute_url()),
            }
            for programme in programmes
        ]
    return data


def office_data(office, absolute, *, parent, contacts):
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "GovernmentOrganization",
        "name": office.name,
        "url": absolute(office.get_absolute_url()),
    }
    if office.introduction:
        data["description"] = " ".join(office.introduction.split())
    if address := postal_address(office):
        data["address"] = address
    if office.email:
        data["email"] = office.email
    phones = office.phone_list
    if phones:
        data["telephone"] = phones[0]
    contact_point = {"@type": "ContactPoint", "contactType": "general enquiries"}
    if office.email:
        contact_point["email"] = office.email
    if office.country:
        contact_point["areaServed"] = office.country.code
    points = [{**contact_point, "telephone": phone} for phone in phones]
    if not points and office.email:
        points = [contact_point]
    if points:
        data["contactPoint"] = points
    same_as = [
        url for url in (office.website, office.facebook, office.x_account) if url
    ]
    if same_as:
        data["sameAs"] = same_as
    if parent:
        data["parentOrganization"] = office_reference(parent, absolute)
    if contacts:
        data["employee"] = [
            person(contact, absolute, with_office=False) for contact in contacts
        ]
    return data


def _absolute(context):
    request = context["request"]
    return request.build_absolute_uri


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, programmes=()):
    """schema.org NewsArticle of ``article`` (``programmes``: the public ones)."""
    absolute = _absolute(context)
    url = canonical_url(context, language=article.language)
    return json_ld(article_data(article, absolute, url=url, programmes=programmes))


@register.simple_tag(takes_context=True)
def office_json_ld(context, office, parent=None, contacts=()):
    """schema.org GovernmentOrganization of ``office``, its contact points and
    the (public) ``contacts`` on its page."""
    absolute = _absolute(context)
    return json_ld(office_data(office, absolute, parent=parent, contacts=contacts))


@register.simple_tag(takes_context=True)
def people_json_ld(context, contacts):
    """schema.org Person of each contact listed on the page."""
    absolute = _absolute(context)
    people = [person(contact, absolute) for contact in contacts]
    if not people:
        return ""
    return json_ld({"@context": SCHEMA_CONTEXT, "@graph": people})
