"""Starter pages, so that the footer's links lead somewhere from the first
deploy: "About us" and the accessibility statement, published; privacy and
terms of use as drafts, for the office to write (the legal texts are its own)."""

from django.db import migrations

PAGES = [
    {
        "slug": "about",
        "order": 10,
        "is_published": True,
        "title_en": "About us",
        "title_es": "Quiénes somos",
        "body_en": (
            "<p>The International Organization for Migration (IOM) is the UN "
            "Migration Agency. Its regional office in Buenos Aires supports the "
            "country offices of South America, governments and partners, so that "
            "migration is safe, orderly and regular and benefits migrants and "
            "societies alike.</p>"
        ),
        "body_es": (
            "<p>La Organización Internacional para las Migraciones (OIM) es el "
            "organismo de las Naciones Unidas para la migración. Su oficina "
            "regional en Buenos Aires acompaña a las oficinas de América del Sur, "
            "a los gobiernos y a sus socios para que la migración sea segura, "
            "ordenada y regular y beneficie a las personas migrantes y a las "
            "sociedades.</p>"
        ),
    },
    {
        "slug": "accessibility",
        "order": 20,
        "is_published": True,
        "title_en": "Accessibility statement",
        "title_es": "Declaración de accesibilidad",
        "body_en": (
            "<p>This website aims to meet the Web Content Accessibility Guidelines "
            "(WCAG) 2.2 at level AA. Every page type is checked automatically, in "
            "every language, at phone and desktop widths, before each release.</p>"
            "<p>If something on the site is hard to use, write to the regional "
            "office: we will answer and fix it.</p>"
        ),
        "body_es": (
            "<p>Este sitio busca cumplir las Pautas de Accesibilidad para el "
            "Contenido Web (WCAG) 2.2 en el nivel AA. Cada tipo de página se "
            "revisa automáticamente, en cada idioma, en anchos de teléfono y de "
            "escritorio, antes de cada versión.</p>"
            "<p>Si algo del sitio le resulta difícil de usar, escriba a la oficina "
            "regional: le responderemos y lo corregiremos.</p>"
        ),
    },
    {
        "slug": "privacy",
        "order": 30,
        "is_published": False,
        "title_en": "Privacy",
        "title_es": "Privacidad",
    },
    {
        "slug": "terms",
        "order": 40,
        "is_published": False,
        "title_en": "Terms of use",
        "title_es": "Condiciones de uso",
    },
]


def add_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for fields in PAGES:
        if not Page.objects.filter(slug=fields["slug"]).exists():
            Page.objects.create(title=fields["title_en"], **fields)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(add_pages, migrations.RunPython.noop)]
