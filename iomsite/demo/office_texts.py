"""The generated offices' own texts about some of their programmes, in every
language of the site (``programmes.OfficeProgrammeText``)."""

import random
from html import escape

from django.conf import settings
from django.utils import translation

from programmes.models import OfficeProgrammeText, Programme

from .vocabulary import OFFICE_PROGRAMME_TEXTS

SHARE_WRITTEN = 0.5


def add_office_texts(offices, seed):
    """Texts about half of the programmes each office runs; made once,
    with the offices. Returns how many were made."""
    if OfficeProgrammeText.objects.filter(office__in=offices).exists():
        return 0
    rng = random.Random(f"{seed}:office-texts")
    count = 0
    for office in offices:
        for programme in Programme.objects.filter(offices=office).order_by("pk"):
            if rng.random() >= SHARE_WRITTEN:
                continue
            texts = {
                f"body_{code}": office_text(code, office, programme)
                for code, _name in settings.LANGUAGES
            }
            OfficeProgrammeText(office=office, programme=programme, **texts).save()
            count += 1
    return count


def office_text(language, office, programme):
    """Paragraphs in ``language`` (English where the vocabulary has none)."""
    sentences = OFFICE_PROGRAMME_TEXTS.get(
        language, OFFICE_PROGRAMME_TEXTS[settings.LANGUAGE_CODE]
    )
    with translation.override(language):
        slots = {
            "country": str(office.country.name),
            "city": office.city,
            "programme": programme.title,
        }
    first, *others = (sentence.format(**slots) for sentence in sentences)
    return f"<p>{escape(first)}</p>\n<p>{escape(' '.join(others))}</p>"
