"""The admin site staff work in: named for the site, and its index in
sections ordered for the work rather than by Django application."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (section, its models as "app_label.model_name", in order). What no section
# lists goes to the last one.
SECTIONS = [
    ("content", _("Content"), ["articles.article", "programmes.programme"]),
    (
        "people",
        _("People and offices"),
        ["contacts.office", "contacts.contact", "contacts.keyfigure"],
    ),
    ("addresses", _("Old addresses"), ["redirects.redirect", "iomsite.legacyrecord"]),
    (
        "administration",
        _("Administration"),
        ["auth.user", "auth.group", "sites.site"],
    ),
]


class EditorialAdminConfig(AdminConfig):
    """django.contrib.admin (in INSTALLED_APPS) with the site below."""

    default_site = "iomsite.editorial.site.EditorialAdminSite"


class EditorialAdminSite(admin.AdminSite):
    site_header = _("IOM South America: site administration")
    site_title = _("IOM South America admin")
    index_title = _("Site administration")
    # The changelists need the width: the index lists the sections.
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        if app_label is not None:
            return app_list
        return sections(app_list, reverse("admin:index", current_app=self.name))


def sections(app_list, index_url):
    """The index's applications regrouped into SECTIONS (empty ones left out)."""
    by_label = {
        f"{app['app_label']}.{model['object_name'].lower()}": model
        for app in app_list
        for model in app["models"]
    }
    listed = {label for _key, _name, labels in SECTIONS for label in labels}
    grouped = []
    for key, name, labels in SECTIONS:
        models = [by_label[label] for label in labels if label in by_label]
        if key == "administration":
            models += [
                model for label, model in by_label.items() if label not in listed
            ]
        if models:
            grouped.append(
                {
                    "name": name,
                    "app_label": key,
                    "app_url": f"{index_url}#{key}",
                    "has_module_perms": True,
                    "models": models,
                }
            )
    return grouped
