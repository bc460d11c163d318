"""Links of an imported body that point to the old site, rewritten to the
new site's addresses.

A link points to the old site when it names one of ``LEGACY_HOSTS`` or, in a
saved page, when it is a path from the root (``/news/…``). Its old path is
looked up where the importer keeps old addresses: the ``Redirect`` rows
(``LegacyImporter.keep_old_address``) and the ``source`` of the articles and
offices. A link found is rewritten to the new address (its ``#fragment``
kept); one not found stays, made absolute on the old host so that it still
works while the old site does and the content checks flag it ("Links to the
old site"), and the report warns: "link to the old site not rewritten: URL".

The order problem: a page may link to one imported later in the same run.
Such links are first left as above; the run remembers the articles that
still have links to the old site, and at its end (``LegacyImporter.
import_files``) rewrites those whose target the run imported since, and their
import record with them, so the next import finds the body unchanged. The
files concerned are reported at the end of the run, with the warnings of the
links that are still not rewritten. A later run (in another order, or with
more pages) rewrites what it can in the same way, when the page is imported.
"""

import html
import re
from urllib.parse import urlsplit

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction

from articles.models import Article
from contacts.models import Office
from iomsite.models import LegacyRecord

_HREF_RE = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")')
WARNING = "link to the old site not rewritten: "


class BodyLinks:
    def __init__(self, *, dry_run, hosts):
        self.dry_run = dry_run
        self.hosts = hosts
        self.pending = {}  # id(result) -> [result, article pk, unresolved hrefs]
        self.sources = set()  # old paths of the articles this run imported

    # -- at import ----------------------------------------------------------

    def rewrite(self, body_html, warnings):
        """``body_html`` with its links to the old site rewritten; returns it
        with the links that stay (absolute) added to ``warnings``."""
        if "href" not in body_html:
            return body_html, []
        found = {}
        for match in _HREF_RE.finditer(body_html):
            old = self.old_address(match[2])
            if old is not None:
                found[match[2]] = old
        if not found:
            return body_html, []
        new_paths = self.new_paths({old[0] for old in found.values()})
        unresolved = []

        def replace(match):
            if match[2] not in found:
                return match[0]
            path, fragment, absolute = found[match[2]]
            if new_paths.get(path):
                href = new_paths[path] + (f"#{fragment}" if fragment else "")
            else:
                href = absolute
                unresolved.append(absolute)
            return f"{match[1]}{html.escape(href)}{match[3]}"

        body_html = _HREF_RE.sub(replace, body_html)
        unresolved = list(dict.fromkeys(unresolved))
        for href in unresolved:
            if f"{WARNING}{href}" not in warnings:
                warnings.append(f"{WARNING}{href}")
        return body_html, unresolved

    def old_address(self, href):
        """(old path, fragment, absolute address) of a link to the old site,
        or None. A link with a query string keeps its path as the key only
        when there is no query (``/node?page=2`` is not a page)."""
        href = html.unescape(href).strip()
        try:
            url = urlsplit(href)
        except ValueError:
            return None
        if url.scheme in ("http", "https"):
            host = (url.hostname or "").lower()
            if not any(host == old or host.endswith("." + old) for old in self.hosts):
                return None
            absolute = href
        elif url.scheme or url.netloc or not url.path.startswith("/"):
            return None
        else:
            absolute = f"https://{self.hosts[0]}{href}" if self.hosts else href
        path = url.path.rstrip("/") or "/"
        if url.query:
            path = f"{path}?{url.query}"  # matches nothing: reported
        return path, url.fragment, absolute

    def new_paths(self, old_paths):
        """{old path: new address} of the old paths the site knows."""
        if self.dry_run:
            return {path: path for path in old_paths if path in self.sources}
        both = {*old_paths, *(f"{path}/" for path in old_paths)}
        redirects = dict(
            Redirect.objects.filter(site=Site.objects.get_current(), old_path__in=both)
            .exclude(new_path="")
            .values_list("old_path", "new_path")
        )
        found = {}
        for path in old_paths:
            found[path] = redirects.get(path) or redirects.get(f"{path}/")
        missing = [path for path, new in found.items() if not new]
        if missing:
            for model in (Article, Office):
                for obj in model.objects.filter(source__in=missing).only(
                    "slug", "source"
                ):
                    found[obj.source] = obj.get_absolute_url()
        return {path: new for path, new in found.items() if new}

    def imported(self, article, result, unresolved):
        """Remember an article just written, and whether links are left."""
        self.sources.add(article.source.rstrip("/"))
        if unresolved:
            self.pending[id(result)] = [result, article.pk, unresolved]

    def forget(self, result):
        self.pending.pop(id(result), None)

    def is_pending(self, result):
        return id(result) in self.pending

    # -- at the end of the run -----------------------------------------------

    def finish(self):
        """Rewrite the links left pending whose targets were imported since;
        returns the results concerned, their warnings brought up to date."""
        results = []
        for result, pk, unresolved in self.pending.values():
            warnings = []
            if self.dry_run:
                body = "".join(f'<a href="{html.escape(h)}"></a>' for h in unresolved)
                self.rewrite(body, warnings)
            else:
                with transaction.atomic():
                    warnings = self.rewrite_stored(pk)
            kept = set(warnings)
            result.warnings = [
                w for w in result.warnings if not w.startswith(WARNING) or w in kept
            ]
            results.append(result)
        self.pending = {}
        return results

    def rewrite_stored(self, pk):
        article = Article.objects.filter(pk=pk).first()
        if article is None:  # its file's transaction was rolled back
            return []
        warnings = []
        body, _ = self.rewrite(article.body, warnings)
        if body != article.body:
            article.body = body
            article.save(update_fields=["body", "content_problems", "updated"])
            record = LegacyRecord.objects.filter(
                model=article._meta.label_lower, object_pk=article.pk
            ).first()
            if record is not None:
                record.values["body"] = article.body
                record.save(update_fields=["values"])
        return warnings
