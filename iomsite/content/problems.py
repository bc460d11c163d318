"""Checks of an HTML body before it goes public: plain functions over the
cleaned HTML (``iomsite.content.sanitize.clean_html``), with no database.

``check_body(html)`` returns the problems found, each with a code and a
message in the active language. The codes of a saved body are stored on the
object (``content_problems``, see ``stored_codes``) so that the dashboard
counts failing objects without parsing every body again.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# code: what the check finds, as a short label (filters and the dashboard).
CHECKS = {
    "heading-skip": _("Heading levels that skip"),
    "heading-empty": _("Empty headings"),
    "link-text": _("Links that say “click here” or show a bare address"),
    "old-host": _("Links to the old site"),
    "image-alt": _("Images without alt text"),
    "table-header": _("Tables without header cells"),
}

# Link texts that say nothing of where the link goes (compared lowercased,
# without surrounding punctuation).
VAGUE_LINK_TEXTS = {
    "click here",
    "click",
    "here",
    "this link",
    "link",
    "read more",
    "more",
    "aquí",
    "aqui",
    "clic aquí",
    "clic aqui",
    "click aquí",
    "haga clic aquí",
    "haz clic aquí",
    "pulse aquí",
    "pinche aquí",
    "este enlace",
    "enlace",
    "leer más",
    "más",
}
BARE_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str

    def __str__(self):
        return self.message


def legacy_hosts():
    """The old site's host names, from the ``LEGACY_HOSTS`` setting."""
    return [host.lower() for host in getattr(settings, "LEGACY_HOSTS", [])]


def check_body(html, *, old_hosts=None, outline_level=1):
    """The problems of ``html``, in the order found.

    ``outline_level`` is the level of the page heading the body sits under
    (the page's h1): its first heading should be one level below.
    ``old_hosts`` defaults to the ``LEGACY_HOSTS`` setting.
    """
    if not html:
        return []
    hosts = legacy_hosts() if old_hosts is None else old_hosts
    parser = _BodyParser([host.lower() for host in hosts], outline_level)
    parser.feed(html)
    parser.close()
    return parser.problems


def stored_codes(*bodies, **options):
    """The codes of the problems of ``bodies``, sorted, space-separated: the
    value of a ``content_problems`` field ("" when all pass)."""
    return codes_of(
        [(None, problem) for body in bodies for problem in check_body(body, **options)]
    )


def _normalised(text):
    return " ".join(text.split())


def _on_old_host(href, hosts):
    try:
        host = (urlsplit(href.strip()).hostname or "").lower()
    except ValueError:
        return False
    return any(host == old or host.endswith("." + old) for old in hosts)


class _BodyParser(HTMLParser):
    def __init__(self, hosts, outline_level):
        super().__init__(convert_charrefs=True)
        self.hosts = hosts
        self.level = outline_level
        self.problems = []
        self.heading = None  # [tag, level, text parts, has image]
        self.link = None  # [href, text parts]
        self.tables = []  # a header-cell flag per open table

    def add(self, code, message):
        self.problems.append(Problem(code, message))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in HEADINGS:
            self.heading = [tag, HEADINGS[tag], [], False]
        elif tag == "a":
            self.link = [attributes.get("href") or "", []]
            if _on_old_host(self.link[0], self.hosts):
                self.add(
                    "old-host",
                    gettext("A link goes to the old site: %(href)s")
                    % {"href": self.link[0]},
                )
        elif tag == "img":
            self.image(attributes)
        elif tag == "table":
            self.tables.append(False)
        elif tag == "th" and self.tables:
            self.tables[-1] = True

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.image(dict(attrs))
        else:
            self.handle_starttag(tag, attrs)

    def image(self, attributes):
        if self.heading is not None and (attributes.get("alt") or "").strip():
            self.heading[3] = True
        if not (attributes.get("alt") or "").strip():
            self.add(
                "image-alt",
                gettext("An image has no alt text: %(src)s")
                % {"src": attributes.get("src") or "?"},
            )

    def handle_data(self, data):
        if self.heading is not None:
            self.heading[2].append(data)
        if self.link is not None:
            self.link[1].append(data)

    def handle_endtag(self, tag):
        if tag in HEADINGS and self.heading is not None:
            self.end_heading()
        elif tag == "a" and self.link is not None:
            self.end_link()
        elif tag == "table" and self.tables:
            if not self.tables.pop():
                self.add(
                    "table-header",
                    gettext(
                        "A table has no header cells: mark its first row or column "
                        "as headers."
                    ),
                )

    def end_heading(self):
        _tag, level, parts, has_image = self.heading
        self.heading = None
        text = _normalised("".join(parts))
        if not text and not has_image:
            self.add(
                "heading-empty",
                gettext("An empty heading (h%(level)d): remove it or write it.")
                % {"level": level},
            )
        if level > self.level + 1:
            self.add(
                "heading-skip",
                gettext(
                    "The heading “%(text)s” (h%(level)d) skips a level: the one "
                    "before is h%(before)d."
                )
                % {"text": text, "level": level, "before": self.level},
            )
        self.level = level

    def end_link(self):
        href, parts = self.link
        self.link = None
        text = _normalised("".join(parts))
        bare = text.strip(" .,:;!?()«»“”\"'").lower()
        if bare in VAGUE_LINK_TEXTS:
            self.add(
                "link-text",
                gettext("A link says “%(text)s”: say where it goes instead (%(href)s).")
                % {"text": text, "href": href},
            )
        elif BARE_URL_RE.match(text):
            self.add(
                "link-text",
                gettext(
                    "A link shows a bare address (%(text)s): give it a text that "
                    "says where it goes."
                )
                % {"text": text},
            )

    def close(self):
        super().close()
        if self.heading is not None:
            self.end_heading()
        if self.link is not None:
            self.end_link()


def object_problems(obj):
    """[(field name, problem)] of the bodies an object lists in its
    ``checked_bodies``: (field name, outline level) pairs."""
    return [
        (name, problem)
        for name, level in obj.checked_bodies
        for problem in check_body(getattr(obj, name), outline_level=level)
    ]


def codes_of(problems):
    """The ``content_problems`` value of what ``object_problems()`` found."""
    return " ".join(sorted({problem.code for _name, problem in problems}))
