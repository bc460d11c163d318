"""Fill a development or benchmark database with realistic fake content.

Everything made here is marked, so that it can be told from real content: the
``source`` of articles and offices starts with ``generated:``, contacts have
addresses at ``generated.example.org``. The command refuses to mix its output
with real content unless told ``--force``.
"""

import random
from datetime import timedelta
from html import escape

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from contacts.models import Contact, KeyFigure, Office
from iomsite.publishing.cache import bump_content_version
from programmes.models import Programme

from .office_texts import add_office_texts
from .pages import publish_demo_pages
from .vocabulary import (
    AUDIENCES,
    COUNTRIES,
    DAYS,
    FIRST_NAMES,
    GENERAL_TOPICS,
    HEADINGS,
    KEY_FIGURES,
    LAST_NAMES,
    REGIONAL_OFFICE_COUNTRY,
    ROLES,
    SENTENCES,
    TITLES,
    TOPICS,
)

GENERATED = "generated:"
GENERATED_EMAIL_DOMAIN = "generated.example.org"
BATCH_SIZE = 2000
YEARS_BACK = 20
SHARE_SPANISH = 0.55
SHARE_UNDATED = 0.03
SHARE_DRAFT = 0.04
SHARE_SCHEDULED = 0.01
CONTACTS_PER_OFFICE = 6


def generated_source(kind, key):
    return f"{GENERATED}{kind}:{key}"


def real_content():
    """How many articles, offices and contacts were not made by this command."""
    return {
        "articles": Article.objects.exclude(source__startswith=GENERATED).count(),
        "offices": Office.objects.exclude(source__startswith=GENERATED).count(),
        "contacts": Contact.objects.exclude(
            email__endswith=f"@{GENERATED_EMAIL_DOMAIN}"
        ).count(),
    }


def next_article_number():
    """One more than the number of the last generated article: numbers go up
    with each run, so a second run adds articles instead of clashing."""
    last = (
        Article.objects.filter(source__startswith=generated_source("article", ""))
        .order_by("-pk")
        .values_list("source", flat=True)
        .first()
    )
    return int(last.rpartition(":")[2]) + 1 if last else 0


def delete_generated():
    """Remove what this command made before, and nothing else."""
    _total, deleted = Article.objects.filter(source__startswith=GENERATED).delete()
    offices = Office.objects.filter(source__startswith=GENERATED)
    Contact.objects.filter(office__in=offices).delete()
    Contact.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").delete()
    # Country offices point at the regional one (PROTECT): delete them first.
    offices.exclude(kind=Office.Kind.REGIONAL).delete()
    offices.delete()
    return deleted.get(Article._meta.label, 0)


class ContentGenerator:
    """Makes offices, contacts and articles from one random stream, so that
    the same seed and the same starting number give the same content."""

    def __init__(self, seed, now=None):
        self.seed = seed
        self.now = now or timezone.now()
        self.programmes = list(Programme.objects.order_by("pk"))

    def offices(self):
        """The regional office and one office per country, made once."""
        existing = {
            office.source: office
            for office in Office.objects.filter(source__startswith=GENERATED)
        }
        rng = random.Random(f"{self.seed}:offices")
        taken_names = set(Office.objects.values_list("name", flat=True))
        offices = []
        for code, (name, _name_es, cities) in COUNTRIES.items():
            source = generated_source("office", code)
            if source in existing:
                offices.append(existing[source])
                continue
            office_name = f"IOM {name}"
            if office_name in taken_names:
                office_name = f"{office_name} (generated)"
            office = Office(
                name=office_name,
                slug=f"generated-{slugify(office_name)}",
                kind=Office.Kind.COUNTRY,
                country=code,
                city=cities[0],
                street_address=(
                    f"Avenida {rng.choice(LAST_NAMES)} {rng.randint(1, 3000)}"
                ),
                phones=f"+{rng.randint(50, 598)} {rng.randint(1, 9)} "
                f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                email=f"iom{code.lower()}@{GENERATED_EMAIL_DOMAIN}",
                introduction=f"IOM has worked in {name} since "
                f"{rng.randint(1960, 2010)}, with offices in "
                f"{', '.join(cities)}.",
                migration_context=f"<p>{escape(name)} is a country of origin, "
                "transit and destination of migrants.</p>",
                source=source,
            )
            office.save()
            self._add_figures(office, rng)
            offices.append(office)
        regional_source = generated_source("office", "regional")
        regional = existing.get(regional_source)
        if regional is None:
            regional_name = "IOM Regional Office for South America"
            if regional_name in taken_names:
                regional_name = f"{regional_name} (generated)"
            regional = Office.objects.create(
                name=regional_name,
                slug=f"generated-{slugify(regional_name)}",
                kind=Office.Kind.REGIONAL,
                country=REGIONAL_OFFICE_COUNTRY,
                city="Buenos Aires",
                phones="+54 11 4813 3330",
                email=f"regional@{GENERATED_EMAIL_DOMAIN}",
                introduction="The regional office supports the country offices of "
                "South America.",
                source=regional_source,
            )
            Office.objects.filter(pk__in=[office.pk for office in offices]).update(
                parent=regional
            )
        return [regional, *offices]

    def _add_figures(self, office, rng):
        KeyFigure.objects.bulk_create(
            KeyFigure(
                office=office,
                label=label,
                value=f"{rng.uniform(0.1, 5):.1f}",
                unit=unit,
                year=rng.randint(2015, 2024),
                source_name=source_name,
                order=order,
            )
            for order, (label, unit, source_name) in enumerate(KEY_FIGURES)
        )

    def contacts(self, offices):
        """Contacts of the generated offices; made once, with the offices."""
        existing = Contact.objects.filter(
            office__in=offices, email__endswith=f"@{GENERATED_EMAIL_DOMAIN}"
        )
        if existing.exists():
            return list(existing.order_by("pk"))
        rng = random.Random(f"{self.seed}:contacts")
        contacts = []
        for office in offices:
            for number in range(CONTACTS_PER_OFFICE):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                contacts.append(
                    Contact(
                        name=f"{first} {last}",
                        role=rng.choice(ROLES),
                        office=office,
                        phone=office.phones,
                        extension=str(rng.randint(100, 299)),
                        email=f"{slugify(first)}.{slugify(last)}.{office.pk}.{number}"
                        f"@{GENERATED_EMAIL_DOMAIN}",
                        languages=rng.choice(
                            [
                                "Spanish, English",
                                "Spanish",
                                "Portuguese, Spanish, English",
                            ]
                        ),
                        is_media_contact=number == 0,
                        is_public=number != CONTACTS_PER_OFFICE - 1,
                    )
                )
        contacts = Contact.objects.bulk_create(contacts)
        for programme in self.programmes:
            programme.offices.add(*rng.sample(offices, k=min(4, len(offices))))
            programme.focal_points.add(*rng.sample(contacts, k=2))
        return contacts

    def articles(self, count, start, offices, contacts):
        """Create ``count`` articles numbered from ``start``, in batches."""
        rng = random.Random(f"{self.seed}:articles:{start}")
        offices_by_country = {office.country.code: office for office in offices}
        media_contacts = {}
        for contact in contacts:
            if contact.is_media_contact and contact.is_public:
                media_contacts.setdefault(contact.office_id, contact)
        Through = {
            "programmes": Article.programmes.through,
            "offices": Article.offices.through,
            "contacts": Article.contacts.through,
        }
        languages = {"en": 0, "es": 0}
        for batch_start in range(start, start + count, BATCH_SIZE):
            batch_end = min(batch_start + BATCH_SIZE, start + count)
            batch, relations = [], []
            for number in range(batch_start, batch_end):
                article, programmes, countries = self._article(rng, number)
                languages[article.language] += 1
                office = offices_by_country.get(countries[0])
                contact = media_contacts.get(office.pk) if office else None
                batch.append(article)
                relations.append(
                    (
                        programmes,
                        [office] if office and rng.random() < 0.6 else [],
                        [contact] if contact and rng.random() < 0.3 else [],
                    )
                )
            created = Article.objects.bulk_create(batch)
            links = {name: [] for name in Through}
            for article, (programmes, article_offices, article_contacts) in zip(
                created, relations, strict=True
            ):
                links["programmes"] += [
                    Through["programmes"](article_id=article.pk, programme_id=p.pk)
                    for p in programmes
                ]
                links["offices"] += [
                    Through["offices"](article_id=article.pk, office_id=o.pk)
                    for o in article_offices
                ]
                links["contacts"] += [
                    Through["contacts"](article_id=article.pk, contact_id=c.pk)
                    for c in article_contacts
                ]
            for name, rows in links.items():
                Through[name].objects.bulk_create(rows, batch_size=BATCH_SIZE)
        return languages

    def _article(self, rng, number):
        language = "es" if rng.random() < SHARE_SPANISH else "en"
        programmes = (
            rng.sample(
                self.programmes, k=min(len(self.programmes), rng.choice([1, 1, 2]))
            )
            if self.programmes
            else []
        )
        topics = [
            topic
            for programme in programmes
            for topic in TOPICS.get(programme.slug, GENERAL_TOPICS)[language]
        ] or GENERAL_TOPICS[language]
        codes = rng.sample(list(COUNTRIES), k=rng.choice([1, 1, 1, 2]))
        name_en, name_es, cities = COUNTRIES[codes[0]]
        slots = {
            "country": name_es if language == "es" else name_en,
            "city": rng.choice(cities),
            "topic": rng.choice(topics),
            "audience": rng.choice(AUDIENCES[language]),
            "number": f"{rng.randint(2, 900) * 10:,}".replace(
                ",", "." if language == "es" else ","
            ),
            "day": rng.choice(DAYS[language]),
            "year": str(rng.randint(2005, 2030)),
        }
        title = rng.choice(TITLES[language]).format(**slots)
        title = title[0].upper() + title[1:]

        status, published_at, date_source = self._publication(rng)
        summary = self._sentence(rng, language, topics, cities, slots)
        return (
            Article(
                kind=rng.choices(list(Article.Kind.values), weights=[3, 10, 1, 2], k=1)[
                    0
                ],
                title=title,
                slug=f"{slugify(title)[:150]}-g{number}",
                status=status,
                published_at=published_at,
                date_source=date_source,
                dateline=slots["city"] if rng.random() < 0.7 else "",
                summary=summary,
                body=self._body(rng, language, topics, cities, slots),
                language=language,
                countries=codes,
                source=generated_source("article", number),
            ),
            programmes,
            codes,
        )

    def _publication(self, rng):
        draw = rng.random()
        if draw < SHARE_DRAFT:
            status = Article.Status.DRAFT
        else:
            status = Article.Status.PUBLISHED
        if draw > 1 - SHARE_UNDATED:
            return status, None, Article.DateSource.UNKNOWN
        if SHARE_DRAFT <= draw < SHARE_DRAFT + SHARE_SCHEDULED:
            return (
                status,
                self.now + timedelta(hours=rng.randint(1, 24 * 60)),
                Article.DateSource.STATED,
            )
        age = timedelta(seconds=rng.uniform(0, YEARS_BACK * 365.25 * 86400))
        return status, self.now - age, Article.DateSource.STATED

    def _sentence(self, rng, language, topics, cities, slots):
        sentence_slots = {
            **slots,
            "topic": rng.choice(topics),
            "city": rng.choice(cities),
            "number": str(rng.randint(2, 900) * 10),
            "year": str(rng.randint(2005, 2030)),
        }
        return rng.choice(SENTENCES[language]).format(**sentence_slots)

    def _body(self, rng, language, topics, cities, slots):
        parts = []
        for paragraph in range(rng.randint(3, 7)):
            if paragraph == 2 and rng.random() < 0.4:
                parts.append(f"<h2>{rng.choice(HEADINGS[language])}</h2>")
            sentences = " ".join(
                self._sentence(rng, language, topics, cities, slots)
                for _ in range(rng.randint(2, 5))
            )
            parts.append(f"<p>{escape(sentences)}</p>")
        if rng.random() < 0.2:
            items = "".join(
                f"<li>{escape(self._sentence(rng, language, topics, cities, slots))}"
                "</li>"
                for _ in range(3)
            )
            parts.append(f"<ul>{items}</ul>")
        return "\n".join(parts)


class RealContentFound(Exception):
    """The database holds content this generator did not make."""


def generate(*, articles, seed=0, clear=False, force=False):
    """Offices, contacts and ``articles`` articles, in one transaction; returns
    (articles made per language, offices, contacts, articles deleted first)."""
    real = real_content()
    if any(real.values()) and not force:
        raise RealContentFound(real)
    deleted = 0
    with transaction.atomic():
        if clear:
            deleted = delete_generated()
        generator = ContentGenerator(seed)
        offices = generator.offices()
        contacts = generator.contacts(offices)
        add_office_texts(offices, seed)
        start = next_article_number()
        languages = generator.articles(articles, start, offices, contacts)
        # Demo legal texts never go on a site with real content (--force).
        if not any(real.values()):
            publish_demo_pages()
        # bulk_create() sends no signal: make cached pages stale ourselves.
        bump_content_version()
    return languages, offices, contacts, deleted
