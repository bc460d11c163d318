"""Navigation headers, type labels and contact headings."""

import pytest

from iomsite.legacy.navigation import contact_heading, navigation_end, type_label


def test_a_spanish_country_site_header_and_breadcrumb_are_navigation():
    texts = [
        "Saltar al contenido principal",
        "OIM Perú",
        "Inicio",
        "Quiénes somos",
        "Noticias",
        "Contacto",
        "Inicio > Noticias > Comunicados",
        "Ferias de empleo para migrantes",
        "Arequipa, 12 de agosto de 2019.- La OIM organizó ferias de empleo.",
    ]
    assert navigation_end(texts) == 7


def test_a_breadcrumb_from_the_home_page_is_navigation_whatever_its_steps():
    texts = ["Home / News / Governments agree on return guidelines", "A title"]
    assert navigation_end(texts) == 1


def test_a_page_without_a_header_keeps_its_short_title():
    texts = ["Census Training", "03/05/2016", "Forty officials completed a course."]
    assert navigation_end(texts) == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Comunicado", "press_release"),
        ("Comunicado de prensa", "press_release"),
        ("Press Release", "press_release"),
        ("Nota de prensa:", "press_release"),
        ("Noticia", "news"),
        ("News", "news"),
        ("Historia", "feature"),
        ("Declaración", "statement"),
        ("Comunicado de prensa conjunto con el Ministerio de Trabajo", None),
        ("Press releases about labour migration", None),
    ],
)
def test_type_labels(text, kind):
    assert type_label(text) == kind


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Para más información, contactar a:", ""),
        ("Para mayor información por favor contactar a: Ana Pérez", "Ana Pérez"),
        ("Para más información sobre el curso, comuníquese con:", ""),
        ("Contacto de prensa:", ""),
        ("For further information please contact", ""),
        ("For more information, please contact: Mark Ellison", "Mark Ellison"),
        ("For further information, contact:", ""),
        ("Media contact:", ""),
        ("For more information on the course, visit our website.", None),
    ],
)
def test_contact_headings_in_both_languages(text, rest):
    assert contact_heading(text) == rest
