"""Page furniture: the navigation header, metadata lines, footers and the
headings that open a contact block.
"""

from __future__ import annotations

import re

from .dates import DATE_LABEL_RE
from .text import EMAIL_RE, ends_sentence, fold

# Menu entries of the global, regional and Spanish sites, folded (lower case,
# no accents). A line that is one of them, near the top, is navigation.
_NAV_LABELS = frozenset(
    fold(label.strip())
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
        "Comunicados de prensa|Comunicados|Notas de prensa|Centro de prensa|"
        "Noticias y eventos|Prensa|Medios|Centro de medios|Eventos|Historias|"
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
# A breadcrumb that starts at the home page is navigation whatever its other
# steps say ("Inicio > Noticias > Ferias de empleo…").
_HOME_LABELS = frozenset({"home", "inicio", "portada", "pagina principal"})
_NAV_PREFIX_RE = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in sorted(_NAV_LABELS, key=len)[::-1])
    + ")"
)
NAV_MARKER_RE = re.compile(r"^[-–—•*·»›>|]+\s*")
_BREADCRUMB_SPLIT_RE = re.compile(r"\s*[/»›>|]\s*")


def _nav_key(text: str) -> tuple[str, str]:
    """The line without bullet markers, and its folded form."""
    stripped = NAV_MARKER_RE.sub("", text)
    return stripped, fold(stripped).rstrip(" :»›>|")


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
    if len(parts) < 2:
        return False
    return parts[0] in _HOME_LABELS or all(
        part in _BREADCRUMB_LABELS for part in parts if part
    )


def _could_be_menu_entry(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 8 and not ends_sentence(text)


def navigation_end(texts: list[str]) -> int:
    """Index of the first line after the navigation header (0 when none).

    The header is the run of menu-like lines at the top: the zone lasts while
    lines are menu entries or short lines, and ends at the last line that is
    certainly navigation, so a short title right after the menu is kept."""
    last_navigation = -1
    previous_key = ""
    for index, text in enumerate(texts[:150]):
        if not text:
            continue
        if METADATA_RE.match(text) or DATE_LABEL_RE.match(text):
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
METADATA_RE = re.compile(
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
    # "on the course": the topic runs to the comma or colon before the verb.
    r"(?:\s+(?:on|about)\s+[^,:]{1,80}?(?=\s*[,:]))?"
    r"(?:\s*,?\s*(?:please\s+)?(?:contact|write\s+to|call)(?:\s+(?:with|us))?)?"
    r"|(?:media|press)\s+contacts?|contacts?\s+for\s+(?:the\s+)?media"
    r"|para\s+(?:m[aá]s|mayor(?:es)?)\s+informaci[oó]n"
    r"(?:\s+(?:sobre|acerca\s+de)\s+[^,:]{1,80}?(?=\s*[,:]))?"
    r"(?:\s*,?\s*(?:por\s+favor\s+)?(?:contactar(?:se)?|cont[aá]ctese|"
    r"comun[ií]quese|escriba|escribir|llame|contacte)(?:\s+(?:a|con))?)?"
    r"|contactos?\s+(?:de|para)\s+(?:la\s+)?prensa"
    r")\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
# A line that only names the kind of the page, above its title.
_TYPE_LABEL_RE = re.compile(
    r"^(?:(?P<press_release>press\s+release|news\s+release|media\s+release|"
    r"comunicado(?:\s+de\s+prensa)?|nota\s+de\s+prensa)"
    r"|(?P<feature>feature|story|historia|reportaje|cr[oó]nica)"
    r"|(?P<statement>statement|declaraci[oó]n)"
    r"|(?P<news>news|news\s+item|noticia))\s*:?$"
)
_BARE_CONTACT_HEADING_RE = re.compile(r"^(?:contacts?|contactos?)\s*:\s*", re.I)
TRAILER_RE = re.compile(r"^(?:paragraphs?|p[aá]rrafos?)\s*:", re.IGNORECASE)
PUNCTUATION_ONLY_RE = re.compile(r"^[\W_]*$")


def type_label(text: str) -> str | None:
    """The kind a type-label line names ("Comunicado de prensa" is a press
    release, "Noticia" news), or None for any other line."""
    if len(text) > 30:
        return None
    match = _TYPE_LABEL_RE.match(fold(text))
    return match.lastgroup if match else None


def is_footer(text: str) -> bool:
    return len(text) < 40 and bool(_FOOTER_RE.match(fold(text)))


def contact_heading(text: str) -> str | None:
    """What follows a contact-block heading on its line, or None."""
    match = _CONTACT_HEADING_RE.match(text) or _BARE_CONTACT_HEADING_RE.match(text)
    if match is None or match.end() == 0:
        return None
    rest = text[match.end() :]
    if rest and ends_sentence(rest) and not EMAIL_RE.search(rest):
        return None  # "For more information on X, visit our website."
    return rest
