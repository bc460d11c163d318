"""Turn pages of the old IOM South America website into plain data.

The old site survives as text dumps (the visible text of each page, one block
per line) and as saved Drupal HTML. ``parse_page`` takes the raw bytes of one
such page and returns a ``LegacyPage``: one news item, a list of dated
statements, or a country office. Nothing here touches Django or the database,
so every rule can be tested on its own.

The parser works on *lines*. A text dump is split at line breaks; an HTML page
is first reduced to the lines of its main content (one per paragraph, list
item, heading or ``<br>``-separated line, each with its inline markup), so both
kinds of input go through the same rules: drop the navigation header, read the
title, dates and metadata lines, cut the contact block and the footers, and
rebuild paragraphs.
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import charset_normalizer
import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from dateutil import parser as date_parser

__all__ = [
    "PROGRAMMES",
    "LegacyArea",
    "LegacyArticle",
    "LegacyContact",
    "LegacyFigure",
    "LegacyOffice",
    "LegacyPage",
    "LegacyParseError",
    "clean_html",
    "decode_page",
    "legacy_news_path",
    "parse_page",
]


class LegacyParseError(ValueError):
    """The page cannot be read; the message is one line saying why."""


@dataclass(frozen=True)
class LegacyContact:
    name: str
    role: str = ""
    office_name: str = ""
    phones: tuple[str, ...] = ()
    mobile: str = ""
    extension: str = ""
    email: str = ""


@dataclass(frozen=True)
class LegacyArticle:
    title: str
    body_html: str
    kind: str
    language: str
    published_at: datetime.datetime | None
    date_source: str
    dateline: str = ""
    summary: str = ""
    countries: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    contacts: tuple[LegacyContact, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class LegacyFigure:
    value: str
    label: str = ""
    unit: str = ""
    year: int | None = None
    source_name: str = ""
    source_url: str = ""
    # True when the page does not say what the figure counts or where it comes
    # from; such a figure must not be shown until someone completes it.
    needs_review: bool = False


@dataclass(frozen=True)
class LegacyArea:
    name: str
    body_html: str


@dataclass(frozen=True)
class LegacyOffice:
    name: str
    country: str
    city: str = ""
    address: str = ""
    phones: tuple[str, ...] = ()
    email: str = ""
    website: str = ""
    facebook: str = ""
    twitter: str = ""
    introduction: str = ""
    migration_context_html: str = ""
    figures: tuple[LegacyFigure, ...] = ()
    areas: tuple[LegacyArea, ...] = ()
    contacts: tuple[LegacyContact, ...] = ()
    source: str = ""
    language: str = "en"


@dataclass(frozen=True)
class LegacyPage:
    kind: str
    articles: tuple[LegacyArticle, ...] = ()
    office: LegacyOffice | None = None


# Programme names as the site calls them (the areas of action of the old
# country-office pages). Each pattern matches English and Spanish wording.
PROGRAMMES: tuple[str, ...] = (
    "Counter-trafficking",
    "Labour Migration",
    "Voluntary Return and Reintegration",
    "Migration and Development",
    "Migrant Integration",
    "Migration and Climate Change",
    "Emergency Situations",
    "Policy and Research",
    "Resettlement Assistance",
)

# Each rule: the programme, literal stems that every wording of it contains (a
# cheap test that spares most regex searches), and the wordings themselves.
# Both are matched against lower-cased text.
_PROGRAMME_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (name, stems, re.compile(pattern))
    for name, stems, pattern in (
        (
            "Counter-trafficking",
            ("traffick", "trata de", "tráfico", "trafico", "smuggling"),
            r"\btraffick\w*|\btrata\s+de\s+(?:personas|seres\s+humanos|mujeres)|"
            r"\btr[aá]fico\s+(?:de\s+personas|il[ií]cito\s+de\s+migrantes)|"
            r"\bsmuggling\s+of\s+migrants|\bmigrant\s+smuggling",
        ),
        (
            "Labour Migration",
            (
                "labour",
                "labor",
                "worker",
                "recruitment",
                "laboral",
                "trabajador",
                "contrataci",
            ),
            r"\blabou?r\s+(?:migration|mobility)|\bmigrant\s+workers?\b|\bfair\s+"
            r"recruitment|\bmigraci[oó]n\s+laboral|\btrabajador(?:es|as)?\s+migrantes?"
            r"|\bmovilidad\s+laboral|\bcontrataci[oó]n\s+equitativa",
        ),
        (
            "Voluntary Return and Reintegration",
            ("voluntary return", "reintegra", "retorno"),
            r"\bvoluntary\s+return|\breintegration\b|\bretorno\s+(?:voluntario|"
            r"asistido)|\breintegraci[oó]n\b",
        ),
        (
            "Migration and Development",
            (
                "development",
                "remittance",
                "diaspora",
                "diáspora",
                "desarrollo",
                "remesa",
            ),
            r"\bmigration\s+and\s+development|\bremittances?\b|\bdiasporas?\b|"
            r"\bco-?development|\bmigraci[oó]n\s+y\s+desarrollo|\bremesas?\b|"
            r"\bdi[aá]sporas?\b|\bcodesarrollo",
        ),
        (
            "Migrant Integration",
            ("integration", "inclusion", "integraci", "inclusi"),
            r"\bmigrants?\s+integration|\bintegration\s+of\s+(?:the\s+)?(?:migrants|"
            r"immigrants|newcomers)|\b(?:social|socio-?economic)\s+(?:integration|"
            r"inclusion)|\bintegraci[oó]n\s+(?:de\s+(?:los\s+|las\s+)?)?(?:personas\s+)?"
            r"(?:migrantes|inmigrantes)|\binclusi[oó]n\s+(?:social|socioecon[oó]mica)",
        ),
        (
            "Migration and Climate Change",
            (
                "climat",
                "environmental",
                "disaster",
                "drought",
                "ambiente",
                "desastre",
                "sequ",
                "degradaci",
            ),
            r"\bclimate\b|\benvironmental\s+(?:migration|degradation)|\bnatural\s+"
            r"disasters?|\bdroughts?\b|\bcambio\s+clim[aá]tico|\bmedio\s*ambiente|"
            r"\bdesastres?\s+naturales?|\bsequ[ií]as?\b|\bdegradaci[oó]n\s+ambiental",
        ),
        (
            "Emergency Situations",
            ("emergenc", "humanitaria", "displaced", "desplazad"),
            r"\bemergenc(?:y|ies)\b|\bhumanitarian\s+(?:assistance|aid|response|"
            r"crisis|crises)|\binternally\s+displaced|\bemergencias?\b|\basistencia\s+"
            r"humanitaria|\bayuda\s+humanitaria|\bdesplazad[oa]s\s+internos?",
        ),
        (
            "Policy and Research",
            (
                "polic",
                "governance",
                "research",
                "polític",
                "politic",
                "gobernanza",
                "investigaci",
            ),
            r"\bmigration\s+polic(?:y|ies)|\bpublic\s+polic(?:y|ies)|\bmigration\s+"
            r"governance|\bresearch\b|\bpol[ií]ticas?\s+(?:migratorias?|p[uú]blicas?)"
            r"|\bgobernanza\s+migratoria|\binvestigaci[oó]n(?:es)?\b",
        ),
        (
            "Resettlement Assistance",
            ("resettle", "reasentamiento"),
            r"\bresettle\w*|\breasentamiento\w*",
        ),
    )
)

# Country names of the Americas and of the countries the pages commonly name
# beside them, in English and Spanish. Matched case-sensitively, as names.
_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "AR": ("Argentina",),
    "BO": ("Bolivia",),
    "BR": ("Brazil", "Brasil"),
    "CL": ("Chile",),
    "CO": ("Colombia",),
    "EC": ("Ecuador",),
    "GY": ("Guyana",),
    "PY": ("Paraguay",),
    "PE": ("Peru", "Perú"),
    "SR": ("Suriname", "Surinam"),
    "UY": ("Uruguay",),
    "VE": ("Venezuela",),
    "GF": ("French Guiana", "Guayana Francesa"),
    "BZ": ("Belize", "Belice"),
    "CR": ("Costa Rica",),
    "SV": ("El Salvador",),
    "GT": ("Guatemala",),
    "HN": ("Honduras",),
    "NI": ("Nicaragua",),
    "PA": ("Panama", "Panamá"),
    "MX": ("Mexico", "México"),
    "CU": ("Cuba",),
    "DO": ("Dominican Republic", "República Dominicana"),
    "HT": ("Haiti", "Haití"),
    "JM": ("Jamaica",),
    "TT": ("Trinidad and Tobago", "Trinidad y Tobago"),
    "BS": ("Bahamas",),
    "BB": ("Barbados",),
    "AG": ("Antigua and Barbuda", "Antigua y Barbuda"),
    "DM": ("Dominica",),
    "GD": ("Grenada",),
    "KN": ("Saint Kitts and Nevis", "San Cristóbal y Nieves"),
    "LC": ("Saint Lucia", "Santa Lucía"),
    "VC": ("Saint Vincent and the Grenadines", "San Vicente y las Granadinas"),
    "PR": ("Puerto Rico",),
    "US": (
        "United States of America",
        "United States",
        "USA",
        "U.S.A.",
        "U.S.",
        "US",
        "Estados Unidos de América",
        "Estados Unidos",
        "EE.UU.",
        "EE. UU.",
        "EEUU",
    ),
    "CA": ("Canada", "Canadá"),
    "ES": ("Spain", "España"),
    "IT": ("Italy", "Italia"),
    "PT": ("Portugal",),
    "FR": ("France", "Francia"),
    "DE": ("Germany", "Alemania"),
    "GB": ("United Kingdom", "Reino Unido", "UK"),
    "CH": ("Switzerland", "Suiza"),
    "BE": ("Belgium", "Bélgica"),
    "IE": ("Ireland", "Irlanda"),
    "NL": ("Netherlands", "Países Bajos", "Holanda"),
    "SE": ("Sweden", "Suecia"),
    "NO": ("Norway", "Noruega"),
    "AT": ("Austria",),
    "GR": ("Greece", "Grecia"),
    "JP": ("Japan", "Japón"),
    "CN": ("China",),
    "KR": ("South Korea", "Republic of Korea", "Corea del Sur"),
    "IN": ("India",),
    "AU": ("Australia",),
    "ZA": ("South Africa", "Sudáfrica"),
    "SN": ("Senegal",),
    "NG": ("Nigeria",),
    "GH": ("Ghana",),
    "CM": ("Cameroon", "Camerún"),
    "MA": ("Morocco", "Marruecos"),
    "EG": ("Egypt", "Egipto"),
    "LY": ("Libya", "Libia"),
    "SY": ("Syria", "Siria"),
    "LB": ("Lebanon", "Líbano"),
    "IQ": ("Iraq", "Irak"),
    "AF": ("Afghanistan", "Afganistán"),
    "PK": ("Pakistan", "Pakistán"),
    "BD": ("Bangladesh",),
    "NP": ("Nepal",),
    "LK": ("Sri Lanka",),
    "PH": ("Philippines", "Filipinas"),
    "ID": ("Indonesia",),
    "VN": ("Vietnam",),
    "UA": ("Ukraine", "Ucrania"),
    "RU": ("Russia", "Rusia"),
    "TR": ("Turkey", "Turquía"),
    "IL": ("Israel",),
}
_COUNTRY_CODES = {
    name: code for code, names in _COUNTRY_NAMES.items() for name in names
}
# Names only count as whole words: the boundaries are checked by hand because
# a leading look-behind would keep the regex engine from skipping ahead fast.
_COUNTRY_RE = re.compile(
    "|".join(re.escape(name) for name in sorted(_COUNTRY_CODES, key=len, reverse=True))
)


# -- text normalisation ------------------------------------------

_ODD_SPACES_RE = re.compile("[\u00a0\u2007\u2009\u200a\u202f\t]")
_INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad]")
_ACCENTED_RE = re.compile("[à-ÿ]")
_UNACCENTED = dict(
    zip("àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy", strict=True)
)
_MULTISPACE_RE = re.compile(r" {2,}")
_WHITESPACE_RE = re.compile(r"\s+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# What the old dumps left of a mailto link: "mailto:x@iom.int">x@iom.int
_MAILTO_JUNK_RE = re.compile(
    r"""["'<]*(?:a\s+href=["']?)?mailto:\s*([\w.+-]+@[\w.-]+\w)["']?\s*>?"""
    r"""\s*(?:\1(?![\w.-]))?(?:\s*</a>)?""",
    re.IGNORECASE,
)
_LINKABLE_RE = re.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,})"
)


def _fold(text: str) -> str:
    """Lower-case without the accents of Spanish, keeping the length."""
    text = text.lower()
    if text.isascii():
        return text
    return _ACCENTED_RE.sub(lambda match: _UNACCENTED.get(match[0], match[0]), text)


def _normalise_spaces(text: str) -> str:
    """Non-breaking and other odd spaces become plain spaces; zero-width
    characters, byte-order marks and soft hyphens go."""
    if text.isascii():
        return text.replace("\t", " ")
    return _INVISIBLE_RE.sub("", _ODD_SPACES_RE.sub(" ", text))


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"”’'»)]")[-1:] in (".", "!", "?", ":", "…")


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _text_to_inline_html(text: str) -> str:
    """Escape plain text and turn the addresses in it into links."""
    if "@" not in text and "http" not in text and "www." not in text:
        return _escape(text)
    pieces = []
    position = 0
    for match in _LINKABLE_RE.finditer(text):
        pieces.append(_escape(text[position : match.start()]))
        target = match.group()
        if match["email"]:
            href = "mailto:" + target
        elif target.startswith("www."):
            href = "https://" + target
        else:
            href = target
        pieces.append(f'<a href="{html.escape(href)}">{_escape(target)}</a>')
        position = match.end()
    pieces.append(_escape(text[position:]))
    return "".join(pieces)


# -- decoding ----------------------------------------------------

_WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_page(raw: bytes) -> str:
    """Decode a page's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else the Western 8-bit encoding charset-normalizer finds (Windows-1252 for
    the old site). Line endings become ``\\n``; the text is NFC-normalised."""
    if not raw or not raw.strip():
        raise LegacyParseError("empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        if b"\x00" in raw:
            raise LegacyParseError("binary file: it contains NUL bytes")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_8bit(raw)
    sample = text[:8192]
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 100):
        raise LegacyParseError("binary file: too many control characters for text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise LegacyParseError("empty file")
    return text


def _decode_8bit(raw: bytes) -> str:
    best = charset_normalizer.from_bytes(raw, cp_isolation=_WESTERN_ENCODINGS).best()
    if best is None:
        raise LegacyParseError("undecodable file: not text in a known encoding")
    if best.encoding in ("cp1252", "latin_1", "iso8859_15"):
        # These agree on letters; Windows-1252 also has the curly quotes and
        # dashes that Word put into the old pages.
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return str(best)


# -- dates -------------------------------------------------------


class _BilingualDates(date_parser.parserinfo):
    JUMP = [*date_parser.parserinfo.JUMP, "de", "del"]
    MONTHS = [
        ("Jan", "January", "ene", "enero"),
        ("Feb", "February", "febrero"),
        ("Mar", "March", "marzo"),
        ("Apr", "April", "abr", "abril"),
        ("May", "mayo"),
        ("Jun", "June", "junio"),
        ("Jul", "July", "julio"),
        ("Aug", "August", "ago", "agosto"),
        ("Sep", "Sept", "September", "septiembre", "setiembre", "set"),
        ("Oct", "October", "octubre"),
        ("Nov", "November", "noviembre"),
        ("Dec", "December", "dic", "diciembre"),
    ]
    WEEKDAYS = [
        ("Mon", "Monday", "lunes"),
        ("Tue", "Tuesday", "martes"),
        ("Wed", "Wednesday", "miércoles", "miercoles"),
        ("Thu", "Thursday", "jueves"),
        ("Fri", "Friday", "viernes"),
        ("Sat", "Saturday", "sábado", "sabado"),
        ("Sun", "Sunday", "domingo"),
    ]


_DATE_INFO = _BilingualDates()
_MONTH_NAMES = sorted(
    {name.lower() for names in _BilingualDates.MONTHS for name in names},
    key=len,
    reverse=True,
)
_WEEKDAY_NAMES = sorted(
    {name.lower() for names in _BilingualDates.WEEKDAYS for name in names},
    key=len,
    reverse=True,
)
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + r")\.?"
_WEEKDAY = "(?:" + "|".join(_WEEKDAY_NAMES) + r")\.?,?\s+"
_TIME = (
    r"(?:\s*(?:[-–,@]|\ba\s+las\b|\bat\b)?\s*(?P<time>\d{1,2}[:h]\d{2}"
    r"(?:\s*[ap]\.?\s?m\.?)?)(?:\s*(?:hs?|horas)\.?)?)?"
)
# A date only counts when it has a day, a month and a year: nothing is guessed.
_DATE_RE = re.compile(
    rf"(?:{_WEEKDAY})?(?P<date>"
    rf"\d{{1,2}}(?:st|nd|rd|th|º|°)?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?P<numeric>\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}}))"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:[T ](?P<isotime>\d{{2}}:\d{{2}}(?::\d{{2}})?)"
    rf"(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"){_TIME}",
    re.IGNORECASE,
)
_DATE_LABEL_RE = re.compile(
    r"^(?P<label>posted(?:\s+on)?|published(?:\s+on)?|date|fecha(?:\s+de\s+"
    r"publicaci[oó]n)?|publicado(?:\s+el)?|last\s+updated|updated(?:\s+on)?|"
    r"actualizado(?:\s+el)?)\s*:?\s*(?P<value>.*\d.*)$",
    re.IGNORECASE,
)


def _parse_date(text: str, *, month_first: bool = True, whole: bool = True):
    """The date (and time) stated in ``text``, or None. With ``whole`` the text
    must be nothing but the date. Numeric dates are read month-first unless
    ``month_first`` is false or a number over 12 says otherwise."""
    text = text.strip(" .,;:-–")
    match = _DATE_RE.fullmatch(text) if whole else _DATE_RE.search(text)
    if match is None:
        return None
    try:
        if match["iso"]:
            value = datetime.datetime.fromisoformat(
                match["iso"] + ("T" + match["isotime"] if match["isotime"] else "")
            )
        else:
            cleaned = match["date"]
            if match["time"]:
                cleaned += " " + match["time"].replace("h", ":")
            value = date_parser.parse(
                cleaned,
                parserinfo=_DATE_INFO,
                dayfirst=not month_first,
                default=datetime.datetime(2000, 1, 1),
            )
    except (ValueError, OverflowError):
        return None
    return value.replace(tzinfo=None, microsecond=0)


def _more_precise(first, second):
    """``first``, unless it is missing or is a bare date that ``second`` gives
    with its time."""
    if first is None:
        return second
    if (
        second is not None
        and first.time() == datetime.time()
        and second.date() == first.date()
    ):
        return second
    return first


def _parse_iso_datetime(value: str):
    """A naive datetime from an ISO 8601 stamp, keeping the wall-clock time the
    page showed (the offset is dropped, not applied)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        stamp = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _parse_date(value, whole=False)
    return stamp.replace(tzinfo=None, microsecond=0)


# -- lines -------------------------------------------------------


@dataclass(slots=True)
class _Line:
    text: str
    html: str | None = None  # inline HTML; None: build it from the text
    block: int = -1  # the HTML block the line belongs to; -1 in text dumps
    tag: str = ""  # HTML block kind: p, h2, h3, blockquote, li
    list_id: int = -1
    list_kind: str = ""

    @property
    def inline_html(self) -> str:
        if self.html is None:
            self.html = _text_to_inline_html(self.text)
        return self.html


@dataclass(slots=True)
class _Document:
    lines: list[_Line]
    is_html: bool = False
    title: str = ""
    source: str = ""
    stated_date: datetime.datetime | None = None


# -- navigation --------------------------------------------------

# Menu entries of the global, regional and Spanish sites, folded (lower case,
# no accents). A line that is one of them, near the top, is navigation.
_NAV_LABELS = frozenset(
    _fold(label.strip())
    for label in (
        # the global site
        "Who we are|Our Work|What We Do|Partnerships|Highlights|Where we work|"
        "Take Action|Work with us|Get involved|Data and Research|2030 Agenda|"
        # the regional site and short headers
        "Home|About IOM|About us|About|IOM in South America|IOM in the world|"
        "Regional Office|Country Offices|Offices|Countries|Mission|Structure|"
        "Member States|Governing Bodies|News|Latest news|News and events|Events|"
        "Press Room|Press Releases|Newsroom|Media|Media Centre|Media Center|Stories|"
        "Blog|Statements|Speeches|Publications|Resources|Documents|Library|"
        "Multimedia|Videos|Photos|Photo Gallery|Infographics|Projects|Programmes|"
        "Programs|Migration Data|Regional Consultative Processes|"
        "South American Conference on Migration|Jobs|Careers|Vacancies|Internships|"
        "Procurement|Donate|Contact|Contact us|Contacts|Search|Menu|Main menu|"
        "Skip to main content|Skip navigation links|Skip navigation|Sitemap|Site map|"
        "FAQ|Log in|Login|English|Spanish|Español|Français|Português|IOM|OIM|"
        "IOM South America|UN Migration|IOM UN Migration|"
        # the Spanish sites
        "Quiénes somos|Nuestro trabajo|Qué hacemos|Alianzas|Destacados|"
        "Dónde trabajamos|Pasa a la acción|Actúa|Participa|Trabaja con nosotros|"
        "Trabaje con nosotros|Involúcrate|Datos e investigación|Agenda 2030|Inicio|"
        "Acerca de la OIM|Sobre la OIM|Sobre nosotros|La OIM en América del Sur|"
        "La OIM en el mundo|Oficina Regional|Oficinas de país|Oficinas|Países|Misión|"
        "Estructura|Estados Miembros|Noticias|Últimas noticias|Sala de prensa|"
        "Comunicados de prensa|Prensa|Medios|Centro de medios|Eventos|Historias|"
        "Declaraciones|Discursos|Publicaciones|Recursos|Documentos|Biblioteca|Fotos|"
        "Galería de fotos|Infografías|Proyectos|Programas|Datos migratorios|"
        "Procesos consultivos regionales|Conferencia Suramericana sobre Migraciones|"
        "Empleos|Empleo|Vacantes|Oportunidades laborales|Pasantías|Adquisiciones|"
        "Compras|Donar|Dona|Contacto|Contáctenos|Contactos|Buscar|Búsqueda|Menú|"
        "Menú principal|Ir al contenido principal|Saltar al contenido principal|"
        "Saltar navegación|Mapa del sitio|Preguntas frecuentes|Iniciar sesión|Inglés|"
        "OIM América del Sur|OIM Sudamérica|ONU Migración|OIM ONU Migración|"
    ).split("|")
    if label.strip()
)
# Words that only count as navigation inside a breadcrumb ("News / Global").
_BREADCRUMB_LABELS = _NAV_LABELS | {"global", "regional", "americas"}
_NAV_PREFIX_RE = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in sorted(_NAV_LABELS, key=len)[::-1])
    + ")"
)
_NAV_MARKER_RE = re.compile(r"^[-–—•*·»›>|]+\s*")
_BREADCRUMB_SPLIT_RE = re.compile(r"\s*[/»›>|]\s*")


def _nav_key(text: str) -> tuple[str, str]:
    """The line without bullet markers, and its folded form."""
    stripped = _NAV_MARKER_RE.sub("", text)
    return stripped, _fold(stripped).rstrip(" :»›>|")


def _is_navigation(text: str, previous_key: str) -> bool:
    stripped, key = _nav_key(text)
    if not key or key in _NAV_LABELS:
        return True
    if key == previous_key:
        return True  # a menu entry repeated as the heading of its sub-menu
    # "WHO WE AREThe International…": a menu entry glued to its blurb.
    if previous_key and key.startswith(previous_key):
        rest = stripped[len(previous_key) : len(previous_key) + 1]
        if rest.isupper():
            return True
    glued = _NAV_PREFIX_RE.match(key)
    if glued and stripped[glued.end() : glued.end() + 1].isupper():
        return True
    parts = _BREADCRUMB_SPLIT_RE.split(key)
    return len(parts) > 1 and all(part in _BREADCRUMB_LABELS for part in parts if part)


def _could_be_menu_entry(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 8 and not _ends_sentence(text)


def _navigation_end(texts: list[str]) -> int:
    """Index of the first line after the navigation header (0 when none).

    The header is the run of menu-like lines at the top: the zone lasts while
    lines are menu entries or short lines, and ends at the last line that is
    certainly navigation, so a short title right after the menu is kept."""
    last_navigation = -1
    previous_key = ""
    for index, text in enumerate(texts[:150]):
        if not text:
            continue
        if _METADATA_RE.match(text) or _DATE_LABEL_RE.match(text):
            break  # the page's own furniture: the content has begun
        if _is_navigation(text, previous_key):
            last_navigation = index
        elif not _could_be_menu_entry(text):
            break
        previous_key = _nav_key(text)[1]
    return last_navigation + 1


# -- page furniture: metadata, footers, contact headings ---------

_METADATA_LABELS = (
    r"region\s*[-/–]\s*country|regi[oó]n\s*[-/–]\s*pa[ií]s|themes?|temas?|"
    r"press\s+release\s+type|tipo\s+de\s+comunicado(?:\s+de\s+prensa)?|"
    r"categor(?:y|ies|[ií]as?)|tags?|etiquetas?|related\s+themes?"
)
_METADATA_RE = re.compile(
    rf"^(?P<label>{_METADATA_LABELS})\s*(?::\s*(?P<value>.*)|$)", re.IGNORECASE
)
_FOOTER_RE = re.compile(
    r"^(?:related\s+(?:news|stories|content|resources|links|documents|"
    r"publications)|share\s+this(?:\s+page)?|share|print|tags|context|more\s+news|"
    r"see\s+also|read\s+more|back\s+to\s+top|noticias\s+relacionadas|contenido\s+"
    r"relacionado|recursos\s+relacionados|enlaces\s+relacionados|compartir|"
    r"comparte\s+esto|imprimir|etiquetas|contexto|mas\s+noticias|ver\s+tambien|"
    r"leer\s+mas|volver\s+arriba)\s*:?$"
)
_CONTACT_HEADING_RE = re.compile(
    r"^(?:"
    r"for\s+(?:further\s+more|further|more|additional)\s+info(?:rmation)?"
    r"(?:\s+(?:on|about)\s+[^,:]{1,80}?)?"
    r"(?:\s*,?\s*(?:please\s+)?(?:contact|write\s+to|call)(?:\s+(?:with|us))?)?"
    r"|(?:media|press)\s+contacts?|contacts?\s+for\s+(?:the\s+)?media"
    r"|para\s+(?:m[aá]s|mayor(?:es)?)\s+informaci[oó]n"
    r"(?:\s+(?:sobre|acerca\s+de)\s+[^,:]{1,80}?)?"
    r"(?:\s*,?\s*(?:por\s+favor\s+)?(?:contactar(?:se)?|cont[aá]ctese|"
    r"comun[ií]quese|escriba|escribir|llame|contacte)(?:\s+(?:a|con))?)?"
    r"|contactos?\s+(?:de|para)\s+(?:la\s+)?prensa"
    r")\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
_BARE_CONTACT_HEADING_RE = re.compile(r"^(?:contacts?|contactos?)\s*:\s*", re.I)
_TRAILER_RE = re.compile(r"^(?:paragraphs?|p[aá]rrafos?)\s*:", re.IGNORECASE)
_PUNCTUATION_ONLY_RE = re.compile(r"^[\W_]*$")


def _is_footer(text: str) -> bool:
    return len(text) < 40 and bool(_FOOTER_RE.match(_fold(text)))


def _contact_heading(text: str) -> str | None:
    """What follows a contact-block heading on its line, or None."""
    match = _CONTACT_HEADING_RE.match(text) or _BARE_CONTACT_HEADING_RE.match(text)
    if match is None or match.end() == 0:
        return None
    rest = text[match.end() :]
    if rest and _ends_sentence(rest) and not _EMAIL_RE.search(rest):
        return None  # "For more information on X, visit our website."
    return rest


# -- contacts ----------------------------------------------------

_CONTACT_SPLIT_RE = re.compile(
    r"\s*[,;]\s*|\s+[-–—|]\s+|\s+(?:at|of|from|en|de\s+la)\s+(?=(?:IOM|OIM)\b)|"
    r"\s+(?=(?:Tel|Tél|Phone|Teléfono|Telefono|Mobile|"
    r"Mob|Cell|Cel|Celular|Móvil|Movil|Fax|E-mail|Email|E-Mail|Correo|Mail)\b)"
)
_FIELD_LABEL_RE = re.compile(
    r"^(?P<label>tel[eé]fonos?|tel[eé]fono|telf|tel|t[eé]l|phones?|ph|mobile|mob"
    r"|cell(?:ular)?|cel(?:ular)?|m[oó]vil|whatsapp|fax|e-?mail|correo(?:\s+"
    r"electr[oó]nico)?|mail|ext(?:ension)?|anexo|interno)\b\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
_LABEL_KINDS = {
    "mobile": "mobile",
    "mob": "mobile",
    "cell": "mobile",
    "cellular": "mobile",
    "cel": "mobile",
    "celular": "mobile",
    "movil": "mobile",
    "whatsapp": "mobile",
    "fax": "fax",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "ext": "extension",
    "extension": "extension",
    "anexo": "extension",
    "interno": "extension",
}
_ALTERNATIVE_RE = re.compile(r"^(?i:or|o|and|y|also|tambi[eé]n)\s+(?=[A-ZÁÉÍÓÚÑ])")
_EXTENSION_RE = re.compile(
    r"(?:\b(?:ext(?:ension)?|anexo|interno|int)\b\.?|(?<=\s)x)\s*:?\s*(\d{1,6})\b",
    re.IGNORECASE,
)
_PHONE_SPLIT_RE = re.compile(r"\s*(?:/|;|,|\s(?:or|o|y|and)\s)\s*")
_PHONE_ONLY_RE = re.compile(r"^\+?\(?\d[\d\s().\-/]{5,}$")
_ROLE_RE = re.compile(
    r"\b(?:officer|assistant|coordinator|director|head|chief|manager|spokes(?:person|"
    r"man|woman)|communications?|media|press|public\s+information|specialist|"
    r"consultant|advis[eo]r|representative|focal\s+point|oficial|asistente|"
    r"coordinador[a]?|director[a]?|jef[ea]|encargad[oa]|responsable|vocer[oa]|"
    r"portavoz|comunicaci[oó]n(?:es)?|prensa|especialista|consultor[a]?|asesor[a]?|"
    r"representante|punto\s+focal)\b",
    re.IGNORECASE,
)
_OFFICE_RE = re.compile(
    r"^(?:IOM|OIM)\b|organi[sz]ation\s+for\s+migration|organizaci[oó]n\s+"
    r"internacional\s+para\s+las\s+migraciones|\b(?:office|oficina|mission|"
    r"misi[oó]n)\b",
    re.IGNORECASE,
)
_IOM_PREFIX_RE = re.compile(r"(?:IOM|OIM)\b")
_NAME_RE = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑÜ][\w'’.-]*|[A-Z]\.)"
    r"(?:\s+(?:[A-ZÁÉÍÓÚÑÜ][\w'’.-]*|de|del|la|las|los|da|das|do|dos|van|von|der|y|e))+"
)


def _looks_like_name(text: str) -> bool:
    return (
        len(text) <= 60
        and text.count(" ") <= 5
        and not any(character.isdigit() for character in text)
        and _NAME_RE.fullmatch(text) is not None
        and not _is_footer(text)
    )


def _digit_count(text: str) -> int:
    return sum(character.isdigit() for character in text)


def _complete_number(full: str, short: str) -> str:
    """'5219-2034' after '+54 11 5219-2033' means '+54 11 5219-2034'."""
    tail = full[-len(short) :]
    if len(full) > len(short) and re.sub(r"\d", "9", tail) == re.sub(r"\d", "9", short):
        return full[: -len(short)] + short
    return short


def _split_phone_numbers(value: str) -> tuple[list[str], str]:
    """The numbers in a phone field, each as written, and any extension."""
    extension = ""
    match = _EXTENSION_RE.search(value)
    if match:
        extension = match[1]
        value = value[: match.start()] + value[match.end() :]
    numbers: list[str] = []
    for part in _PHONE_SPLIT_RE.split(value):
        part = part.strip(" .:-–")
        if _digit_count(part) < 4:
            continue
        if numbers and _digit_count(part) < _digit_count(numbers[0]):
            part = _complete_number(numbers[0], part)
        numbers.append(part)
    return numbers, extension


@dataclass
class _ContactDraft:
    name: str = ""
    role: str = ""
    office_name: str = ""
    phones: list[str] = field(default_factory=list)
    mobile: str = ""
    extension: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phones or self.mobile)

    def freeze(self) -> LegacyContact:
        return LegacyContact(
            name=self.name,
            role=self.role,
            office_name=self.office_name,
            phones=tuple(dict.fromkeys(self.phones)),
            mobile=self.mobile,
            extension=self.extension,
            email=self.email,
        )


class _ContactReader:
    """Reads the lines of a contact block, field by field, into contacts. A new
    contact starts at a second name or at a line opening with "Or"."""

    def __init__(self) -> None:
        self.drafts = [_ContactDraft()]
        self.awaiting_email = False  # an "E-mail:" label whose address follows

    def contacts(self) -> list[LegacyContact]:
        return [draft.freeze() for draft in self.drafts if not draft.is_empty()]

    def start_contact(self) -> _ContactDraft:
        if not self.drafts[-1].is_empty():
            self.drafts.append(_ContactDraft())
        return self.drafts[-1]

    def read_line(self, text: str) -> bool:
        """Take the fields of one line; False when it holds none."""
        alternative = _ALTERNATIVE_RE.match(text)
        if alternative:
            text = text[alternative.end() :]
            self.start_contact()
        recognised = False
        for segment in _CONTACT_SPLIT_RE.split(text):
            segment = segment.strip()
            if segment and self.read_segment(segment):
                recognised = True
        return recognised

    def read_segment(self, segment: str) -> bool:
        draft = self.drafts[-1]
        kind, value = _contact_field(segment)
        if kind == "email" or (not kind and _EMAIL_RE.search(segment)):
            self.read_email(value, labelled=bool(kind))
        elif kind in ("phone", "mobile") or (not kind and _PHONE_ONLY_RE.match(value)):
            numbers, extension = _split_phone_numbers(value)
            if kind == "mobile":
                draft.mobile = draft.mobile or next(iter(numbers), "")
            else:
                if draft.phones:
                    numbers = [_complete_number(draft.phones[0], n) for n in numbers]
                draft.phones.extend(numbers)
            draft.extension = draft.extension or extension
        elif kind == "extension":
            digits = re.search(r"\d+", value)
            draft.extension = draft.extension or (digits[0] if digits else "")
        elif kind == "fax":
            pass
        elif _ROLE_RE.search(segment) and not _IOM_PREFIX_RE.match(segment):
            draft.role = draft.role or segment
        elif _OFFICE_RE.search(segment):
            draft.office_name = draft.office_name or segment
        elif _looks_like_name(segment):
            if draft.name:
                draft = self.start_contact()
            draft.name = segment
        else:
            return False
        return True

    def read_email(self, value: str, *, labelled: bool) -> None:
        found = _EMAIL_RE.search(value)
        if found is None:
            self.awaiting_email = True
            return
        draft = self.drafts[-1]
        # "Walter Arce (warce@iom.int)": a name beside the address
        rest = (value[: found.start()] + value[found.end() :]).strip(" ()<>[]:,-–")
        if not labelled and rest and _looks_like_name(rest):
            if draft.name:
                draft = self.start_contact()
            draft.name = rest
        if not draft.email or self.awaiting_email:
            draft.email = found[0].lower()
        self.awaiting_email = False


def _parse_contact_block(texts: list[str]) -> list[LegacyContact]:
    """The contacts in the lines of a contact block. The block ends at a
    footer or at a line that holds no contact field."""
    reader = _ContactReader()
    for text in texts:
        if not text or _PUNCTUATION_ONLY_RE.match(text):
            continue
        if _is_footer(text) or not reader.read_line(text):
            break
    return reader.contacts()


def _contact_field(segment: str) -> tuple[str, str]:
    """The kind of a labelled contact field ("phone", "email", …) and its value;
    ("", segment) for an unlabelled segment."""
    match = _FIELD_LABEL_RE.match(segment)
    if match is None:
        return "", segment
    label = _fold(match["label"]).replace(" electronico", "")
    if label.startswith("correo"):
        label = "email"
    return _LABEL_KINDS.get(label, "phone"), segment[match.end() :].strip()


# -- paragraphs --------------------------------------------------

_LIST_ITEM_RE = re.compile(
    r"^(?:(?P<bullet>[-–•*·▪●◦])|(?P<number>\d{1,2}[.)]|[a-h]\)))\s+"
)
_CONTINUATION_WORDS = frozenset(
    "a an and the of to in for with on by from at or as that which who "
    "y e o u el la los las de del en con por para que a al un una su sus como".split()
)


@dataclass(slots=True)
class _Block:
    tag: str  # p, h2, h3, blockquote, ul, ol
    texts: list[str]  # one per list item; one for the other kinds
    htmls: list[str]
    line_count: int = 1
    html_block: int = -1  # the HTML block the paragraph or item came from
    list_id: int = -1

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    def to_html(self) -> str:
        if self.tag in ("ul", "ol"):
            items = "".join(f"<li>{item}</li>" for item in self.htmls)
            return f"<{self.tag}>{items}</{self.tag}>"
        return f"<{self.tag}>{self.htmls[0]}</{self.tag}>"


def _wrap_width(texts: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not."""
    lengths = [len(text) for text in texts if text and not _LIST_ITEM_RE.match(text)]
    candidates = [length for length in lengths if length <= 100]
    if len(candidates) < 4:
        return None
    width = max(candidates)
    near = sum(1 for length in lengths if width - 25 <= length <= width)
    return width if width >= 40 and near * 2 >= len(lengths) else None


def _continues(previous: str, following: str, width: int | None) -> bool:
    """Whether ``following`` carries on the paragraph that ``previous`` is in.

    A paragraph ends where a line ends a sentence and the next one starts a
    new one, or, in hard-wrapped text, where a line is clearly short (a
    sub-heading). Unwrapped dumps hold one paragraph per line, so there a line
    only continues when the break fell mid-sentence."""
    if following[0].islower():
        return True
    if _ends_sentence(previous):
        return False
    if width is not None:
        return len(previous) >= width * 0.6
    last_word = previous.rsplit(" ", 1)[-1]
    return previous.endswith((",", ";")) or _fold(last_word) in _CONTINUATION_WORDS


def _text_blocks(lines: list[_Line]) -> list[_Block]:
    """Paragraphs and lists from the lines of a text dump, re-joining lines that
    were hard-wrapped."""
    width = _wrap_width([line.text for line in lines])
    blocks: list[_Block] = []
    open_list: _Block | None = None
    parts: list[_Line] = []  # lines of the open paragraph or list item
    previous = ""

    def close_paragraph() -> None:
        nonlocal parts
        if not parts:
            return
        text = " ".join(line.text for line in parts)
        inline = " ".join(line.inline_html for line in parts)
        if open_list is not None:
            open_list.texts.append(text)
            open_list.htmls.append(inline)
        else:
            blocks.append(_Block("p", [text], [inline], len(parts)))
        parts = []

    for line in lines:
        text = line.text
        if not text or _PUNCTUATION_ONLY_RE.match(text):
            close_paragraph()
            previous = ""
            continue
        item = _LIST_ITEM_RE.match(text)
        if item:
            close_paragraph()
            kind = "ul" if item["bullet"] else "ol"
            if open_list is None or open_list.tag != kind:
                open_list = _Block(kind, [], [])
                blocks.append(open_list)
            text = text[item.end() :]
            parts.append(_Line(text))
        elif parts and _continues(previous, text, width):
            parts.append(line)
        else:
            close_paragraph()
            open_list = None
            parts.append(line)
        previous = text
    close_paragraph()
    return [block for block in blocks if block.texts]


def _html_blocks(lines: list[_Line]) -> list[_Block]:
    """Paragraphs and lists from the lines of an HTML page: the lines of one
    block (split by ``<br>``) form one paragraph."""
    blocks: list[_Block] = []
    for line in lines:
        if not line.text and "<img" not in (line.html or ""):
            continue
        last = blocks[-1] if blocks else None
        if line.tag == "li":
            if last is not None and last.list_id == line.list_id >= 0:
                if line.block == last.html_block:
                    last.texts[-1] += " " + line.text
                    last.htmls[-1] += " " + line.inline_html
                else:
                    last.texts.append(line.text)
                    last.htmls.append(line.inline_html)
                last.html_block = line.block
                continue
            blocks.append(
                _Block(
                    line.list_kind or "ul",
                    [line.text],
                    [line.inline_html],
                    html_block=line.block,
                    list_id=line.list_id,
                )
            )
            continue
        if last is not None and last.list_id < 0 and last.html_block == line.block:
            last.texts[0] = f"{last.texts[0]} {line.text}".strip()
            last.htmls[0] = f"{last.htmls[0]} {line.inline_html}".strip()
            last.line_count += 1
            continue
        blocks.append(
            _Block(
                line.tag or "p", [line.text], [line.inline_html], html_block=line.block
            )
        )
    return blocks


def _build_blocks(lines: list[_Line], is_html: bool) -> list[_Block]:
    blocks = _html_blocks(lines) if is_html else _text_blocks(lines)
    # A short line on its own, without final punctuation, between paragraphs
    # is a sub-heading.
    for index, block in enumerate(blocks[:-1]):
        text = block.text
        if (
            block.tag == "p"
            and block.line_count == 1
            and 0 < len(text) <= 80
            and text.count(" ") < 10
            and (text[0].isupper() or text[0].isdigit())
            and not re.search(r"[.!?:;,…\"”'’»)]$", text)
            and not _LINKABLE_RE.search(text)
            and blocks[index + 1].tag in ("p", "ul", "ol")
        ):
            block.tag = "h3"
    return blocks


def _blocks_html(blocks: list[_Block]) -> str:
    return clean_html("\n".join(block.to_html() for block in blocks))


# -- HTML cleaning -----------------------------------------------

_ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "strong",
    "em",
    "h2",
    "h3",
    "blockquote",
}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
_ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """Sanitise body HTML: keep only paragraphs, lists, links, images,
    emphasis, sub-headings and quotes; ``href`` on links, ``src`` and ``alt`` on
    images; http(s), mailto and tel addresses. Scripts, styles, event handlers
    and ``javascript:`` URLs never survive."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    ).strip()


# -- language, countries, programmes, summaries ------------------

_ENGLISH_WORDS = frozenset(
    "the and of to is that for with on are was as by this from have has which be "
    "it at their were will its been an or not who they more than also into".split()
)
_SPANISH_WORDS = frozenset(
    "el la los las del y en que por para con una un se es su sus al como más lo "
    "este esta fue son entre sobre también ha han desde pero le les ya muy sin "
    "hasta cuando donde".split()
)


def _detect_language(text: str) -> str:
    """'es' or 'en', from the share of common function words."""
    words = text[:4000].lower().split()
    english = sum(map(_ENGLISH_WORDS.__contains__, words))
    spanish = sum(map(_SPANISH_WORDS.__contains__, words))
    return "es" if spanish > english else "en"


def _country_matches(text: str):
    for match in _COUNTRY_RE.finditer(text):
        start, end = match.span()
        before = text[start - 1 : start]
        after = text[end : end + 2]
        if before and (before.isalnum() or before in "._"):
            continue
        if after[:1] and (after[0].isalnum() or after[0] in "_$"):
            continue
        if after[:1] == "." and after[1:].isalnum():
            continue
        yield match


def _countries(text: str) -> list[str]:
    """ISO codes of the countries named in ``text``, in order, once each."""
    return list(dict.fromkeys(_COUNTRY_CODES[m[0]] for m in _country_matches(text)))


def _country_code(name: str) -> str:
    match = next(_country_matches(name), None)
    return _COUNTRY_CODES[match[0]] if match else ""


def _programmes(text: str) -> list[str]:
    """Programmes the text speaks about, in order of first mention."""
    lowered = text.lower()
    found = []
    for name, stems, pattern in _PROGRAMME_RULES:
        positions = [
            position for stem in stems if (position := lowered.find(stem)) >= 0
        ]
        if not positions:
            continue
        # No wording starts more than a few words before its first stem.
        match = pattern.search(lowered, max(0, min(positions) - 30))
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“¿¡(]?[A-ZÁÉÍÓÚÑ0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sr sra srta st no nº u.s e.g i.e vs av ave ing lic gral prof".split()
)


def _sentences(text: str):
    """The sentences of ``text``, one by one (abbreviations and initials do not
    end a sentence)."""
    start = 0
    for match in _SENTENCE_BREAK_RE.finditer(text):
        before = text[start : match.start()].rstrip('"”’)').rstrip(".!?")
        last_word = before.rsplit(" ", 1)[-1].lower()
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if sentence := text[start : match.start()].strip():
            yield sentence
        start = match.end()
    if sentence := text[start:].strip():
        yield sentence


def _first_sentence(text: str) -> str:
    return next(_sentences(text), text)


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an
    ellipsis when something was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def _summary(text: str, limit: int = 300) -> str:
    """The opening sentences of ``text`` that fit in ``limit`` characters."""
    summary = ""
    for sentence in _sentences(text):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    return summary or _shorten(text, limit)


# -- datelines ---------------------------------------------------

_PLACE_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.]*"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s(?:{_PLACE_WORD}|de|del|la|las|los|el|do|da|"
    rf"dos|y))*?)"
    r"(?:,\s*(?P<rest>[^–—\n]{2,60}?))?"
    r"\s*(?:\.\s*[-–—]+|\s[-–—]+|[–—]+)\s*"
    r"(?=[A-ZÁÉÍÓÚÑ\"“¿¡'‘0-9])"
)
_NOT_PLACES = frozenset(
    "iom oim un onu unhcr acnur unicef who oms oas oea eu ue ilo oit undp pnud".split()
)


def _split_dateline(text: str):
    """(place, date or None, characters to drop) when the paragraph opens with
    a dateline like "La Paz -" or "Lima, 15 de julio de 2016.-"."""
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    place = match["place"]
    if len(place) > 40 or place.count(" ") > 4 or _fold(place) in _NOT_PLACES:
        return None
    date = None
    rest = (match["rest"] or "").strip()
    if rest:
        date = _parse_date(rest, month_first=False)
        if date is None:
            # "Geneva, Switzerland -" names a second place; anything else
            # after a comma means the dash was not a dateline's.
            if not rest[:1].isupper() or rest.count(" ") > 3:
                return None
            if any(character.isdigit() for character in rest):
                return None
            place = f"{place}, {rest}"
    return place, date, match.end()


_ENTITY_RE = re.compile(r"&#?\w{1,10};")
_EMPTY_INLINE_RE = re.compile(r"<(strong|em|a)\b[^>]*>\s*</\1>")


def _drop_visible_prefix(inline_html: str, count: int) -> str:
    """``inline_html`` without its first ``count`` visible characters; the tags
    met on the way are kept so the markup stays balanced."""
    kept = []
    position = 0
    seen = 0
    while position < len(inline_html) and seen < count:
        character = inline_html[position]
        if character == "<":
            end = inline_html.find(">", position)
            end = len(inline_html) - 1 if end < 0 else end
            kept.append(inline_html[position : end + 1])
            position = end + 1
            continue
        if character == "&":
            entity = _ENTITY_RE.match(inline_html, position)
            if entity:
                position = entity.end()
                seen += 1
                continue
        position += 1
        seen += 1
    result = "".join(kept) + inline_html[position:]
    return _EMPTY_INLINE_RE.sub("", result).lstrip()


# -- addresses ---------------------------------------------------

_PATH_STOPWORDS = frozenset(
    "a an as at before but by for from is in into like of off on onto per since "
    "than the this that to up via with".split()
)


def legacy_news_path(title: str) -> str:
    """The address the old Drupal site gave a news item: ``/news/`` and the
    title transliterated to ASCII, lower-cased, with punctuation dropped (a
    hyphen separates words), the short English words pathauto ignored removed,
    joined by hyphens and cut at a word boundary to 100 characters."""
    ascii_title = (
        unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    )
    spaced = re.sub(r"[-_\s]+", " ", ascii_title.lower())
    words = re.sub(r"[^a-z0-9 ]", "", spaced).split()
    slug = "-".join(word for word in words if word not in _PATH_STOPWORDS)
    if len(slug) > 100:
        slug = slug[:101].rsplit("-", 1)[0]
    return f"/news/{slug}"


def _url_path(url: str) -> str:
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    return path if path.startswith("/") and path != "/" else ""


# -- news pages --------------------------------------------------


@dataclass
class _Metadata:
    """What the Drupal metadata lines (Region-Country, Themes, Press Release
    Type, …) say about an article."""

    countries: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    press_release: bool = False
    feature: bool = False

    def add(self, label: str, value: str) -> None:
        label = _fold(label)
        value = value.strip()
        if label.startswith(("press release", "tipo de comunicado")):
            self.press_release = True
            if re.search(r"feature|story|historia|reportaje", value, re.IGNORECASE):
                self.feature = True
        elif label.startswith(("region", "pais")):
            self.countries.extend(_countries(value))
        elif label.startswith(("theme", "tema", "related")) and value:
            folded = _fold(value)
            self.programmes.extend(name for name in PROGRAMMES if _fold(name) in folded)
            self.programmes.extend(_programmes(value))


def _is_metadata_value(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 6 and not _ends_sentence(text)


@dataclass
class _NewsParts:
    title: str
    stated_date: datetime.datetime | None
    metadata: _Metadata
    body: list[_Line]


def _split_news_lines(document: _Document) -> _NewsParts:
    """Sort a news page's lines into title, date lines, metadata lines (a label
    with its value, or a label line followed by short value lines) and body.
    The title is the first line that is none of the others, unless the HTML
    gave one; date-only lines count as dates until the body starts."""
    title = document.title
    title_line_seen = not document.is_html
    stated_date = None
    metadata = _Metadata()
    body: list[_Line] = []
    pending_label = ""
    pending_values = 0
    for line in document.lines:
        text = line.text
        if not text:
            if body:
                body.append(line)
            continue
        metadata_match = _METADATA_RE.match(text)
        if pending_label and metadata_match is None:
            if pending_values < 8 and _is_metadata_value(text):
                metadata.add(pending_label, text)
                pending_values += 1
                continue
            pending_label = ""
        if metadata_match:
            metadata.add(metadata_match["label"], metadata_match["value"] or "")
            if not metadata_match["value"]:
                pending_label, pending_values = metadata_match["label"], 0
            continue
        label_match = _DATE_LABEL_RE.match(text)
        if label_match:
            month_first = not _fold(label_match["label"]).startswith(
                ("fecha", "publicado", "actualizado")
            )
            date = _parse_date(label_match["value"], month_first=month_first)
            if date is not None:
                stated_date = stated_date or date
                continue
        if not body:
            if _PUNCTUATION_ONLY_RE.match(text):
                continue
            date = _parse_date(text)
            if date is not None:
                stated_date = stated_date or date
                continue
            if not title_line_seen and title and _fold(text) == _fold(title):
                title_line_seen = True
                continue
            if not title and len(text) <= 200:
                title = text
                continue
        body.append(line)
    return _NewsParts(title, stated_date, metadata, body)


def _cut_contacts_and_footers(body: list[_Line]):
    """(the body without its contact block and footers, the contacts). What
    follows a contact block ("Context", related news) is dropped with it."""
    for index, line in enumerate(body):
        if index and _is_footer(line.text):
            return body[:index], []
        rest = _contact_heading(line.text)
        if rest is not None:
            contacts = _parse_contact_block(
                [rest, *(following.text for following in body[index + 1 :])]
            )
            if contacts:
                return body[:index], contacts
    return body, []


def _parse_news(document: _Document) -> LegacyArticle:
    parts = _split_news_lines(document)
    body, contacts = _cut_contacts_and_footers(parts.body)
    blocks = _build_blocks(body, document.is_html)
    if not blocks:
        raise LegacyParseError("the page has a title but no body text")
    dateline, dateline_date = _take_dateline(blocks)
    title = parts.title
    if not title:  # the first line was a paragraph: title it with its opening
        title = _shorten(_first_sentence(blocks[0].text).rstrip("."), 120)

    published_at = _more_precise(parts.stated_date, document.stated_date)
    date_source = "stated"
    if published_at is None and dateline_date is not None:
        published_at, date_source = dateline_date, "dateline"
    source = document.source or legacy_news_path(title)
    if published_at is None:
        published_at = _date_in_path(source)
        date_source = "inferred" if published_at else "unknown"

    metadata = parts.metadata
    if contacts or metadata.press_release:
        kind = "feature" if metadata.feature else "press_release"
    else:
        kind = "news"
    body_text = "\n".join(block.text for block in blocks)
    mentions = f"{title}\n{dateline}\n{body_text}"
    return LegacyArticle(
        title=title,
        body_html=_blocks_html(blocks),
        kind=kind,
        language=_detect_language(body_text),
        published_at=published_at,
        date_source=date_source,
        dateline=dateline,
        summary=_first_summary(blocks),
        countries=tuple(dict.fromkeys([*_countries(mentions), *metadata.countries])),
        programmes=tuple(dict.fromkeys([*_programmes(mentions), *metadata.programmes])),
        contacts=tuple(contacts),
        source=source,
    )


def _take_dateline(blocks: list[_Block]):
    """Remove a dateline from the first paragraph; return (place, date)."""
    if not blocks or blocks[0].tag != "p":
        return "", None
    first = blocks[0]
    found = _split_dateline(first.texts[0])
    if found is None:
        return "", None
    place, date, length = found
    remaining = first.texts[0][length:].strip()
    if not remaining:
        return "", None
    first.texts[0] = remaining
    first.htmls[0] = _drop_visible_prefix(first.htmls[0], length)
    return place, date


def _first_summary(blocks: list[_Block]) -> str:
    for block in blocks:
        if block.tag in ("p", "blockquote") and block.text:
            return _summary(block.text)
    return _summary(blocks[0].text) if blocks else ""


_PATH_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")


def _date_in_path(path: str):
    match = _PATH_DATE_RE.search(path)
    if match is None:
        return None
    try:
        return datetime.datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


# -- statements --------------------------------------------------

_STATEMENT_DATE_RE = re.compile(
    r"^(?P<label>date|fecha)\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*$",
    re.IGNORECASE,
)


def _parse_statements(lines: list[_Line], is_html: bool) -> LegacyPage:
    """A page of dated statements. Each statement is titled with its first
    sentence (without the final full stop), cut at a word boundary to 120
    characters: the page heading is the same for all of them."""
    starts = [i for i, line in enumerate(lines) if _STATEMENT_DATE_RE.match(line.text)]
    articles = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = []
        for line in lines[start + 1 : end]:
            if _is_footer(line.text):
                break
            if not _TRAILER_RE.match(line.text):
                body.append(line)
        blocks = _build_blocks(body, is_html)
        if not blocks:
            continue
        date_match = _STATEMENT_DATE_RE.match(lines[start].text)
        month_first = _fold(date_match["label"]) == "date"
        published_at = _parse_date(date_match["date"], month_first=month_first)
        dateline, _ = _take_dateline(blocks)
        body_text = "\n".join(block.text for block in blocks)
        title = _shorten(_first_sentence(blocks[0].text).rstrip("."), 120)
        articles.append(
            LegacyArticle(
                title=title,
                body_html=_blocks_html(blocks),
                kind="statement",
                language=_detect_language(body_text),
                published_at=published_at,
                date_source="stated" if published_at else "unknown",
                dateline=dateline,
                summary=_first_summary(blocks),
                countries=tuple(_countries(body_text)),
                programmes=tuple(_programmes(body_text)),
            )
        )
    if not articles:
        raise LegacyParseError("the statements page has no statement text")
    return LegacyPage(kind="statements", articles=tuple(articles))


# -- country offices ---------------------------------------------

# Headings of the sections of an office page, matched on folded text.
_OFFICE_SECTION_RE = re.compile(
    r"^(?:(?P<figures>facts\s+and\s+figures|key\s+figures|datos\s+y\s+cifras|"
    r"cifras(?:\s+clave)?|hechos\s+y\s+cifras)$"
    r"|(?P<context>(?:migration\s+in|(?:la\s+)?migracion\s+en)\s+)(?P<country>.+)$"
    r"|(?P<areas>(?:main\s+)?areas\s+of\s+(?:action|work)|(?:principales\s+)?areas"
    r"\s+(?:de\s+accion|tematicas|de\s+trabajo))\b"
    r"|(?P<careers>career\s+opportunities|careers|vacancies|job\s+opportunities|"
    r"oportunidades\s+(?:laborales|de\s+empleo)|empleos?|vacantes|"
    r"trabaj[ae]\s+con\s+nosotros)$"
    r"|(?P<contact>contact\s+(?:information|details|us)|contact|informacion\s+de\s+"
    r"contacto|datos\s+de\s+contacto|contactenos|contacto)$)"
)
_OFFICE_SECTION_NAMES = ("figures", "context", "areas", "careers", "contact")
_ORGANISATION_LINE_RE = re.compile(
    r"^(?:international\s+organi[sz]ation\s+for\s+migration|organizaci[oó]n\s+"
    r"internacional\s+para\s+las\s+migraciones|iom|oim)\b",
    re.IGNORECASE,
)
_GLUED_FIELD_RE = re.compile(
    r"(?<=[a-záéíóúñ.)])(?=(?:Tel|Tél|Phone|Teléfono|Fax|E-mail|Email|Correo|"
    r"Facebook|Twitter|Website|Web|Sitio web|Instagram)\b\s*[.:])"
)
_OFFICE_FIELD_RE = re.compile(
    r"^(?P<label>tel[eé]fonos?|tel|t[eé]l|phones?|fax|e-?mail|correo(?:\s+"
    r"electr[oó]nico)?|facebook|twitter|x|instagram|youtube|web(?:site)?|"
    r"sitio\s+web|p[aá]gina\s+web|address|direcci[oó]n)\s*[.:]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_FIGURE_RE = re.compile(
    r"^(?P<currency>USD|US\$|U\$S|EUR|€|\$)?\s*"
    r"(?P<number>[-+−–]?\d(?:[\d.,]*\d)?)\s*"
    r"(?P<magnitude>(?:mil\s+)?millones|mill[oó]n|millions?|billions?|bn|"
    r"thousand|mil)?\b\s*"
    r"(?P<unit>.*?)\s*(?:\((?P<year>(?:19|20)\d{2})\))?$",
    re.IGNORECASE,
)
_SOURCE_LINE_RE = re.compile(r"^(?:source|fuente)s?\s*:\s*(?P<value>.+)$", re.I)
_YEAR_SUFFIX_RE = re.compile(r"\s*[,(]?\s*\b((?:19|20)\d{2})\)?$")


def _office_section(text: str) -> tuple[str, str] | None:
    """(section, heading) when ``text`` heads a section of an office page; the
    heading is returned without bullets, e.g. "Migration in Bolivia"."""
    if len(text) > 120 or not text:
        return None
    heading = _NAV_MARKER_RE.sub("", text).strip(" :")
    match = _OFFICE_SECTION_RE.match(_fold(heading))
    if match is None:
        return None
    return next(name for name in _OFFICE_SECTION_NAMES if match[name]), heading


def _office_headings(texts: list[str]) -> list[tuple[str, str] | None] | None:
    """The section heading of each line when the page is a country-office page,
    else None. An office page has two of: key figures, a "Migration in …" text,
    areas of action; or one of them with careers and contact sections."""
    headings = [_office_section(text) for text in texts]
    found = {heading[0] for heading in headings if heading}
    core = len(found & {"figures", "context", "areas"})
    if core >= 2 or (core and len(found) >= 3):
        return headings
    return None


def _parse_figure(text: str) -> LegacyFigure | None:
    label = ""
    if ":" in text and not re.match(r"^[\d\s.,:-]+$", text):
        label, _, text = text.partition(":")
        label, text = label.strip(), text.strip()
    match = _FIGURE_RE.match(text)
    if match is None:
        return None
    value = match["number"].replace("−", "-").replace("–", "-")
    if match["magnitude"]:
        value = f"{value} {match['magnitude']}"
    unit = match["unit"].strip()
    year = int(match["year"]) if match["year"] else None
    if year is None and (year_match := _YEAR_SUFFIX_RE.search(unit)):
        year = int(year_match[1])
        unit = unit[: year_match.start()].strip(" ,")
    if match["currency"]:
        unit = f"{match['currency']} {unit}".strip()
    return LegacyFigure(value=value, label=label, unit=unit, year=year)


def _split_source(value: str) -> tuple[str, str]:
    """(name, address) of a figure's source line."""
    value = value.strip()
    url = _LINKABLE_RE.search(value)
    if url is None or not url["url"]:
        return value, ""
    address = url[0] if url[0].startswith("http") else "https://" + url[0]
    return value.replace(url[0], "").strip(" ,;:-–()"), address


def _parse_figures(lines: list[_Line]) -> tuple[LegacyFigure, ...]:
    """Key figures, one per line. A label is only taken when the page states it
    (``Label: value``, or a text line right before a value); a "Source:" line
    applies to the figures above it. A figure without label or source is
    flagged ``needs_review``."""
    figures: list[LegacyFigure] = []
    pending_label = ""
    for line in lines:
        text = line.text
        if not text or _PUNCTUATION_ONLY_RE.match(text):
            continue
        source = _SOURCE_LINE_RE.match(text)
        if source:
            name, address = _split_source(source["value"])
            figures = [
                figure
                if figure.source_name or figure.source_url
                else dataclasses.replace(figure, source_name=name, source_url=address)
                for figure in figures
            ]
            continue
        figure = _parse_figure(text)
        if figure is None:
            pending_label = text if len(text) <= 120 else ""
            continue
        if pending_label and not figure.label:
            figure = dataclasses.replace(figure, label=pending_label)
        pending_label = ""
        figures.append(figure)
    return tuple(
        dataclasses.replace(
            figure,
            needs_review=not figure.label
            or not (figure.source_name or figure.source_url),
        )
        for figure in figures
    )


def _is_area_name(text: str) -> bool:
    return (
        len(text) <= 80
        and text.count(" ") < 10
        and text[:1].isupper()
        and not re.search(r"[.!?:;,…]$", text)
    )


def _parse_areas(lines: list[_Line], is_html: bool) -> tuple[LegacyArea, ...]:
    """Areas of action: a short name line (a heading, in HTML that has them),
    then the paragraphs about it."""
    headed = is_html and any(line.tag in ("h2", "h3") for line in lines)
    areas: list[tuple[str, list[_Line]]] = []
    for line in lines:
        text = line.text
        if _PUNCTUATION_ONLY_RE.match(text):
            continue
        if line.tag in ("h2", "h3") if headed else _is_area_name(text):
            areas.append((text, []))
        elif areas:
            areas[-1][1].append(line)
    return tuple(
        LegacyArea(name=name, body_html=_blocks_html(_build_blocks(body, is_html)))
        for name, body in areas
    )


def _social_url(kind: str, value: str) -> str:
    value = value.strip().rstrip("/")
    if not value:
        return ""
    if kind == "twitter" and value.startswith("@"):
        return "https://twitter.com/" + value[1:]
    if not value.lower().startswith(("http://", "https://")):
        value = "https://" + value
    return value


@dataclass
class _OfficeDetails:
    address: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    email: str = ""
    website: str = ""
    facebook: str = ""
    twitter: str = ""

    @property
    def city(self) -> str:
        """What precedes the country on the last address line ("La Paz,
        Bolivia"), without postal codes."""
        if not self.address:
            return ""
        parts = [part.strip() for part in _CITY_SPLIT_RE.split(self.address[-1])]
        if len(parts) < 2 or not _country_code(parts[-1]):
            return ""
        return " ".join(
            word for word in parts[-2].split() if not any(c.isdigit() for c in word)
        )

    @property
    def street_address(self) -> str:
        """The address without its last line when that line is only the city
        and the country, which the office keeps in fields of their own."""
        lines = self.address
        if self.city and len(_CITY_SPLIT_RE.split(lines[-1])) == 2:
            lines = lines[:-1]
        return ", ".join(lines)


_CITY_SPLIT_RE = re.compile(r",|\s[-–]\s")


def _parse_office_contact(lines: list[_Line]) -> _OfficeDetails:
    """Address, phones, email and social links of a "Contact information"
    section. Unlabelled lines other than the organisation's name are the
    address."""
    details = _OfficeDetails()
    texts = []
    for line in lines:
        texts.extend(part.strip() for part in _GLUED_FIELD_RE.split(line.text))
    for text in texts:
        if not text or _PUNCTUATION_ONLY_RE.match(text):
            continue
        match = _OFFICE_FIELD_RE.match(text)
        label, value = (
            (_fold(match["label"]), match["value"].strip()) if match else ("", text)
        )
        lowered = value.lower()
        if label.startswith(("tel", "phone")):
            details.phones.extend(_split_phone_numbers(value)[0])
        elif (
            label in ("e-mail", "email")
            or label.startswith("correo")
            or (not label and _EMAIL_RE.fullmatch(value))
        ):
            email = _EMAIL_RE.search(value)
            details.email = details.email or (email[0].lower() if email else "")
        elif label == "facebook" or "facebook.com" in lowered:
            details.facebook = details.facebook or _social_url("facebook", value)
        elif label in ("twitter", "x") or "twitter.com" in lowered:
            details.twitter = details.twitter or _social_url("twitter", value)
        elif label.startswith(("web", "sitio", "pagina")) or (
            not label and lowered.startswith(("http://", "https://", "www."))
        ):
            details.website = details.website or _social_url("website", value)
        elif label.startswith(("address", "direccion")):
            details.address.append(value)
        elif label:
            continue  # fax, Instagram, YouTube: not kept
        elif _ORGANISATION_LINE_RE.match(text) and not any(c.isdigit() for c in text):
            continue
        else:
            details.address.append(text)
    return details


_REGION_RE = re.compile(
    r"\b(South America|Sudam[ée]rica|Am[ée]rica del Sur)\b", re.IGNORECASE
)


def _parse_office(document: _Document, headings) -> LegacyPage:
    sections: dict[str, list[_Line]] = {"intro": []}
    context_country = areas_heading = region = ""
    current = "intro"
    for line, found in zip(document.lines, headings, strict=True):
        if found is None:
            sections[current].append(line)
            continue
        current, heading = found
        sections.setdefault(current, [])
        if current == "context" and not context_country:
            # A regional office's page: "Migration in South America"
            region_match = _REGION_RE.search(heading)
            region = region_match.group(1) if region_match else ""
            # "Migration in Bolivia" → "Bolivia", as the page writes it
            named = next(_country_matches(heading), None)
            context_country = named[0] if named else heading.rsplit(" en ", 1)[-1]
        elif current == "areas" and not areas_heading:
            areas_heading = heading
    contact = _parse_office_contact(sections.get("contact", []))
    if region:
        # Where the regional office sits: the country of its address.
        context_country = ""
    if not context_country:
        named = next(_country_matches(areas_heading), None) or next(
            _country_matches(", ".join(contact.address)), None
        )
        context_country = named[0] if named else ""
    country = _country_code(context_country)
    if not country:
        raise LegacyParseError("office page without a recognisable country")
    context_blocks = _build_blocks(sections.get("context", []), document.is_html)
    areas = _parse_areas(sections.get("areas", []), document.is_html)
    intro_blocks = _build_blocks(sections.get("intro", []), document.is_html)
    language_sample = "\n".join(
        [block.text for block in context_blocks + intro_blocks]
        + [re.sub(r"<[^>]+>", " ", area.body_html) for area in areas]
    )
    language = _detect_language(language_sample)
    office = LegacyOffice(
        name=f"{'OIM' if language == 'es' else 'IOM'} {region or context_country}",
        country=country,
        city=contact.city,
        address=contact.street_address,
        phones=tuple(dict.fromkeys(contact.phones)),
        email=contact.email,
        website=contact.website,
        facebook=contact.facebook,
        twitter=contact.twitter,
        introduction="\n\n".join(block.text for block in intro_blocks),
        migration_context_html=_blocks_html(context_blocks),
        figures=_parse_figures(sections.get("figures", [])),
        areas=areas,
        source=document.source,
        language=language,
    )
    return LegacyPage(kind="office", office=office)


# -- HTML pages --------------------------------------------------

_HTML_START_RE = re.compile(
    r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<meta\s|"
    r"<title>|<article[\s>]|<div[\s>]|<p[\s>])",
    re.IGNORECASE,
)
_HTML_TAG_RE = re.compile(
    r"</?(?:html|head|body|div|p|article|span|a|h[1-6]|ul|li|br|meta|title|script)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_SCRIPT_LIKE_RE = re.compile(
    r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_DROP_TAGS = frozenset(
    "script style noscript iframe form button input select textarea svg nav header "
    "footer aside template object embed canvas video audio map head title meta "
    "link".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 blockquote table tbody "
    "thead tfoot tr td th dl dt dd figure figcaption address pre hr center "
    "fieldset details summary".split()
)
_BOILERPLATE_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:sidebar|menu|nav|navbar|navigation|breadcrumbs?|share|sharing|"
    r"social|addthis|related|comments?|pager|tabs|skip|footer|header|banner|"
    r"cookies?|links)(?:$|[-_])|^(?:element-invisible|visually-hidden|sr-only|"
    r"hidden|invisible)$"
)
_TITLE_SUFFIX_RE = re.compile(
    r"\s+[|–—-]\s+(?:IOM|OIM|International Organization for Migration|"
    r"Organización Internacional)[^|]*$"
)


def _looks_like_html(text: str, filename: str) -> bool:
    if _HTML_START_RE.match(text[:2048]):
        return True
    tags = len(_HTML_TAG_RE.findall(text[:8192]))
    return tags >= 5 or (filename.lower().endswith((".html", ".htm")) and tags >= 1)


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    if tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return True
    names = tag.get("class") or []
    identifier = tag.get("id")
    if identifier:
        names = [*names, identifier]
    return any(_BOILERPLATE_CLASS_RE.search(name.lower()) for name in names)


def _safe_url(url: str | None) -> str:
    url = (url or "").strip()
    if not url or url.startswith("#"):
        return ""
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    if scheme and scheme not in _ALLOWED_URL_SCHEMES:
        return ""
    return url


class _HtmlLines:
    """Walks the main content of a page and collects its lines. Inside an
    ``<article>``, a ``<header>`` holds the title and date, so it is read."""

    _INLINE_MARKUP = {"strong": "strong", "b": "strong", "em": "em", "i": "em"}

    def __init__(self, *, read_headers: bool = False) -> None:
        self.read_headers = read_headers
        self.lines: list[_Line] = []
        self.texts: list[str] = []
        self.htmls: list[str] = []
        self.block = 0
        self.tag = "p"
        self.list_id = -1
        self.list_kind = ""
        self.lists = 0
        self.first_heading = ""

    def flush(self) -> None:
        text = "".join(self.texts).strip()
        inline = "".join(self.htmls)
        if text or "<img" in inline:
            inline = re.sub(r"\s+((?:</\w+>)*)$", r"\1", inline.strip())
            self.lines.append(
                _Line(
                    text,
                    inline,
                    block=self.block,
                    tag=self.tag,
                    list_id=self.list_id,
                    list_kind=self.list_kind,
                )
            )
        self.texts, self.htmls = [], []

    def add_text(self, text: str) -> None:
        text = _WHITESPACE_RE.sub(" ", _normalise_spaces(text))
        if not text:
            return
        if not self.texts or self.texts[-1].endswith(" "):
            text = text.lstrip()
            if not text:
                return
        self.texts.append(text)
        self.htmls.append(_escape(text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if type(child) is NavigableString:
                self.add_text(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if _is_boilerplate(child) and not (name == "header" and self.read_headers):
                continue
            if name == "br":
                self.flush()
            elif name in _BLOCK_TAGS:
                self.walk_block(child)
            elif name == "a":
                href = _safe_url(child.get("href"))
                if href.lower().startswith("mailto:") and "@" not in child.get_text():
                    self.add_text(" " + href[7:].split("?")[0] + " ")
                    continue
                if href:
                    self.htmls.append(f'<a href="{html.escape(href)}">')
                    self.walk(child)
                    self.htmls.append("</a>")
                else:
                    self.walk(child)
            elif name == "img":
                source = _safe_url(child.get("src"))
                if source and not source.lower().startswith("data:"):
                    alt = html.escape(
                        _WHITESPACE_RE.sub(" ", child.get("alt", "")).strip()
                    )
                    self.htmls.append(f'<img src="{html.escape(source)}" alt="{alt}">')
            elif name in self._INLINE_MARKUP:
                markup = self._INLINE_MARKUP[name]
                self.htmls.append(f"<{markup}>")
                self.walk(child)
                self.htmls.append(f"</{markup}>")
            else:
                self.walk(child)

    def walk_block(self, element: Tag) -> None:
        self.flush()
        saved = (self.tag, self.list_id, self.list_kind)
        name = element.name
        if name == "h1" and not self.first_heading:
            self.first_heading = element.get_text(" ", strip=True)
        if name in ("ul", "ol"):
            self.lists += 1
            self.list_id, self.list_kind = self.lists, name
        elif name == "li":
            self.tag = "li"
        elif name in ("h1", "h2"):
            self.tag = "h2"
        elif name in ("h3", "h4", "h5", "h6"):
            self.tag = "h3"
        elif name == "blockquote":
            self.tag = "blockquote"
        elif self.tag not in ("li", "blockquote"):
            self.tag = "p"
        self.block += 1
        self.walk(element)
        self.flush()
        self.tag, self.list_id, self.list_kind = saved
        self.block += 1


def _is_date_element(tag: Tag) -> bool:
    return tag.name == "time" or "date-display-single" in (tag.get("class") or ())


def _main_container(soup: BeautifulSoup) -> Tag:
    articles = [
        article
        for article in soup.find_all("article")
        if not any(
            _is_boilerplate(parent)
            for parent in article.parents
            if isinstance(parent, Tag) and parent.name != "[document]"
        )
    ]
    if articles:
        if len(articles) == 1:
            return articles[0]
        return max(articles, key=lambda article: len(article.get_text()))
    for candidate in (
        soup.find("main"),
        soup.find(attrs={"role": "main"}),
        soup.find(id="content"),
        soup.find(class_="region-content"),
        soup.find(class_="field-name-body"),
    ):
        if candidate is not None and candidate.get_text(strip=True):
            return candidate
    items = soup.find_all(class_="field-item")
    if items:
        return max(items, key=lambda item: len(item.get_text()))
    return soup.body or soup


_ARTICLE_TAG_RE = re.compile(r"<(/?)article\b[^>]*>", re.IGNORECASE)
_BODY_TAG_RE = re.compile(r"<body\b", re.IGNORECASE)
_DATE_ELEMENT_RE = re.compile(
    r"<(span|div|time)\b[^>]*(?:\bdate-display-single\b|\bdatetime=)[^>]*>[^<]*</\1>",
    re.IGNORECASE,
)


def _markup_to_parse(page: str) -> str:
    """The part of a page worth building a tree for: without scripts, styles
    and comments, and, when the page has exactly one top-level ``<article>``,
    only its head, that article and a date element found outside it. Menus,
    sidebars and footers are then skipped without being parsed at all."""
    page = _SCRIPT_LIKE_RE.sub(" ", page)
    depth = 0
    start = -1
    found: tuple[int, int] | None = None
    for match in _ARTICLE_TAG_RE.finditer(page):
        if not match[1]:
            if depth == 0:
                if found is not None:
                    return page  # several articles: let the full parse choose
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found = (start, match.end())
    if found is None:
        return page
    body = _BODY_TAG_RE.search(page)
    head = page[: body.start()] if body and body.start() < found[0] else ""
    article = page[found[0] : found[1]]
    date = ""
    if _DATE_ELEMENT_RE.search(article) is None:
        outside = _DATE_ELEMENT_RE.search(page)
        date = outside.group() if outside else ""
    return f"{head}<body>{article}{date}</body>"


def _document_from_html(text: str) -> _Document:
    soup = BeautifulSoup(_markup_to_parse(text), "html.parser")
    head = soup.head or soup
    meta: dict[str, str] = {}
    canonical = ""
    for tag in head.find_all(("meta", "link")):
        if tag.name == "link":
            if not canonical and "canonical" in (tag.get("rel") or []):
                canonical = tag.get("href") or ""
            continue
        key = (tag.get("property") or tag.get("name") or "").lower()
        if key and key not in meta:
            meta[key] = (tag.get("content") or "").strip()
    page_title = head.title.get_text(" ", strip=True) if head.title else ""
    stated = None
    date_element = soup.find(_is_date_element)
    if date_element is not None:
        stamp = date_element.get("content") or date_element.get("datetime") or ""
        stated = _parse_iso_datetime(stamp) if stamp else None
        if stated is None:
            shown = date_element.get_text(" ", strip=True)
            label = _DATE_LABEL_RE.match(shown)
            stated = _parse_date(label["value"] if label else shown)
    stated = _more_precise(
        stated,
        _parse_iso_datetime(
            meta.get("article:published_time") or meta.get("dcterms.date", "")
        ),
    )

    container = _main_container(soup)
    collector = _HtmlLines(read_headers=container.name == "article")
    collector.walk_block(container)
    title = (
        collector.first_heading
        or meta.get("og:title", "")
        or _TITLE_SUFFIX_RE.sub("", page_title)
    )
    if not title and (heading := soup.find("h1")) is not None:
        title = heading.get_text(" ", strip=True)
    title = _WHITESPACE_RE.sub(" ", _normalise_spaces(title)).strip()
    return _Document(
        lines=collector.lines,
        is_html=True,
        title=title,
        source=_url_path(canonical) or _url_path(meta.get("og:url", "")),
        stated_date=stated,
    )


def _document_from_text(text: str) -> _Document:
    lines = []
    for raw_line in _normalise_spaces(text).split("\n"):
        line = raw_line.strip()
        if "mailto:" in line:
            line = _MAILTO_JUNK_RE.sub(r"\1", line)
        if "  " in line:
            line = _MULTISPACE_RE.sub(" ", line)
        lines.append(_Line(line))
    start = _navigation_end([line.text for line in lines])
    return _Document(lines=lines[start:])


# -- the entry point ---------------------------------------------


def parse_page(raw: bytes, *, filename: str = "") -> LegacyPage:
    """Parse one page of the old site (a text dump or saved HTML, told apart by
    content) into a news item, a page of statements or a country office.

    Raises ``LegacyParseError`` for an empty, binary or content-less page."""
    text = decode_page(raw)
    if _looks_like_html(text, filename):
        document = _document_from_html(text)
        if not any(line.text for line in document.lines):
            raise LegacyParseError("HTML page without content: no text in its body")
    else:
        document = _document_from_text(text)
        if not any(line.text for line in document.lines):
            raise LegacyParseError("the page holds only navigation, no content")
    texts = [line.text for line in document.lines]
    if sum(1 for text in texts if _STATEMENT_DATE_RE.match(text)) >= 2:
        return _parse_statements(document.lines, document.is_html)
    headings = _office_headings(texts)
    if headings is not None:
        return _parse_office(document, headings)
    return LegacyPage(kind="news", articles=(_parse_news(document),))
