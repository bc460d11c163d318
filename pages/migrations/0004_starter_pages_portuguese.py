"""The starter pages in Portuguese, where nobody has written them yet: the
footer's "Sobre nós" and accessibility links then read Portuguese on /pt/."""

from django.db import migrations

PORTUGUESE = {
    "about": {
        "title_pt": "Quem somos",
        "body_pt": (
            "<p>A Organização Internacional para as Migrações (OIM) é a agência "
            "das Nações Unidas para as migrações. Seu escritório regional em "
            "Buenos Aires apoia os escritórios da América do Sul, os governos e "
            "os parceiros para que a migração seja segura, ordenada e regular e "
            "beneficie as pessoas migrantes e as sociedades.</p>"
        ),
    },
    "accessibility": {
        "title_pt": "Declaração de acessibilidade",
        "body_pt": (
            "<p>Este site busca cumprir as Diretrizes de Acessibilidade para "
            "Conteúdo Web (WCAG) 2.2 no nível AA. Cada tipo de página é "
            "verificado automaticamente, em cada idioma, em larguras de celular "
            "e de computador, antes de cada versão.</p>"
            "<p>Se algo no site for difícil de usar, escreva para o escritório "
            "regional: responderemos e faremos a correção.</p>"
        ),
    },
    "privacy": {"title_pt": "Privacidade"},
    "terms": {"title_pt": "Termos de uso"},
}


def add_portuguese(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for slug, fields in PORTUGUESE.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        empty = {name: text for name, text in fields.items() if not getattr(page, name)}
        if empty:
            Page.objects.filter(pk=page.pk).update(**empty)


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_portuguese")]

    operations = [migrations.RunPython(add_portuguese, migrations.RunPython.noop)]
