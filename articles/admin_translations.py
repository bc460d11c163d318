"""The article admin's side of translation groups: the group's other
languages on the change form, and a link that starts each missing one."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Article


def translation_source(request):
    """The article named by ``?translation_from=``, or None."""
    value = request.GET.get("translation_from", "")
    if not value.isdigit():
        return None
    return Article.objects.filter(pk=value).first()


class TranslationGroupAdminMixin:
    def get_changeform_initial_data(self, request):
        """``?translation_from=<id>&language=<code>``: a copy of that article
        to translate into the language, marked "needs translation"."""
        initial = super().get_changeform_initial_data(request)
        source = translation_source(request)
        if source is None:
            return initial
        language = initial.get("language", "")
        return initial | {
            "title": source.title,
            "slug": f"{source.slug}-{language}"[:200],
            "kind": source.kind,
            "summary": source.summary,
            "body": source.body,
            "dateline": source.dateline,
            "translation_of": source.slug,
            "needs_translation": True,
            "status": Article.Status.DRAFT,
            "programmes": list(source.programmes.values_list("pk", flat=True)),
            "countries": [country.code for country in source.countries],
            "offices": list(source.offices.values_list("pk", flat=True)),
            "contacts": list(source.contacts.values_list("pk", flat=True)),
        }

    @admin.display(description=_("translations"))
    def translations(self, obj):
        """The group's article in each other language, or a link that starts
        it: a copy of this article marked "needs translation"."""
        if obj is None or obj.pk is None:
            return ""
        group = {}
        if obj.translation_group_id is not None:
            group = {
                other.language: other
                for other in Article.objects.filter(
                    translation_group_id=obj.translation_group_id
                ).exclude(pk=obj.pk)
            }
        items = []
        for code, name in Article.Language.choices:
            if code == obj.language:
                continue
            other = group.get(code)
            if other is not None:
                state = (
                    gettext("needs translation")
                    if other.needs_translation
                    else other.get_status_display()
                )
                items.append(
                    format_html(
                        '<li>{}: <a href="{}">{}</a> ({})</li>',
                        name,
                        reverse("admin:articles_article_change", args=[other.pk]),
                        other.title,
                        state,
                    )
                )
            else:
                url = reverse("admin:articles_article_add")
                items.append(
                    format_html(
                        '<li>{}: <a href="{}?{}">{}</a></li>',
                        name,
                        url,
                        urlencode({"translation_from": obj.pk, "language": code}),
                        gettext("Start the translation"),
                    )
                )
        return format_html("<ul>{}</ul>", mark_safe("".join(items)))
