"""Page furniture: the navigation header, metadata lines, footers and the
headings that open a contact block.
"""

from __future__ import annotations

import re

from .chrome_lines import template_line
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
        # the Portuguese sites
        "Quem somos|Nosso trabalho|O que fazemos|Onde trabalhamos|Parcerias|"
        "Destaques|Notícias|Contato|Contate-nos|Fale conosco|Publicações|"
        "Trabalhe conosco|Dados e pesquisa|Dados e informações|Contribua|"
        "Participe|Sobre|Sobre a OIM|Início|Página inicial|Pesquisar|"
        "Pular para o conteúdo principal|Ir para o conteúdo principal|"
        "Trilha de navegação|OIM Brasil|Português|Deutsch|Italiano|Languages|"
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


def _next_is_scope(texts: list[str], index: int) -> bool:
    following = next((text for text in texts[index + 1 : index + 4] if text), "")
    return is_scope_line(following)


def _could_be_menu_entry(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 8 and not ends_sentence(text)


def navigation_end(texts: list[str]) -> int:
    """Index of the first line after the navigation header (0 when none).

    The header is the run of menu-like lines at the top: the zone lasts while
    lines are menu entries or short lines, and ends at the last line that is
    certainly navigation, so a short title right after the menu is kept."""
    last_navigation = -1
    previous_key = previous = ""
    for index, text in enumerate(texts[:150]):
        if not text:
            continue
        if type_label(text) and _next_is_scope(texts, index):
            break  # "News" / "Global" above the title: the page has begun
        found = template_line(text, previous)
        if found is not None and found.date is not None:
            break  # an item's own date line: its title is above, kept
        if found is not None:
            last_navigation = index
            previous_key, previous = _nav_key(text)[1], text
            continue
        if METADATA_RE.match(text) or DATE_LABEL_RE.match(text):
            break  # the page's own furniture: the content has begun
        previous = text
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
# Lines after which the article is over: teasers of other pages follow.
_FOOTER_RE = re.compile(
    r"^(?:related\s+(?:news|stories|content|resources|links|documents|"
    r"publications|speeches|articles)|tags|more\s+news|"
    r"see\s+also|read\s+more|noticias\s+relacionadas|contenido\s+"
    r"relacionado|recursos\s+relacionados|enlaces\s+relacionados|"
    r"historias\s+relacionadas|etiquetas|mas\s+noticias|ver\s+tambien|"
    r"leer\s+mas|noticias\s+relacionadas|not[ií]cias\s+relacionadas|"
    r"leia\s+mais|veja\s+tambem)\s*:?$"
)
# Buttons printed where they stand: dropped, the text goes on after them.
_BUTTON_RE = re.compile(
    r"^(?:share\s+this(?:\s+page)?|share|print|back\s+to\s+top|compartir|"
    r"comparte\s+esto|imprimir|volver\s+arriba|compartilhar|siga-nos|"
    r"siguenos|follow\s+us|related\s+link)\s*:?$"
)
# Sections of a press release after its news: kept, under their heading.
_SECTION_RE = re.compile(
    r"^(?:context|contexto|background|antecedentes|notes?\s+(?:to|for)\s+editors|"
    r"notas?\s+para\s+(?:los\s+)?editores|nota\s+aos\s+editores)\s*:?$"
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
    r"|para\s+mais\s+informa[cç][oõ]es(?:\s*,?\s*(?:entre\s+em\s+contato|"
    r"contate|contatar)(?:\s+com)?)?|mais\s+informa[cç][oõ]es"
    r"|contatos?\s+(?:para|de|com\s+a)\s+(?:a\s+)?imprensa|assessoria\s+de\s+imprensa"
    r"|pour\s+(?:plus\s+d['’]|de\s+plus\s+amples\s+)informations?"
    r"(?:\s*,?\s*(?:veuillez\s+)?contacter)?|contact\s+(?:presse|m[eé]dias?)"
    r")\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
# A line that only names the kind of the page, above its title.
_TYPE_LABEL_RE = re.compile(
    r"^(?:(?P<press_release>press\s+release|news\s+release|media\s+release|"
    r"comunicado(?:\s+de\s+(?:prensa|imprensa))?|nota\s+de\s+(?:prensa|imprensa)|"
    r"nota\s+[aà]\s+imprensa)"
    r"|(?P<feature>feature|story|historia|reportaje|cr[oó]nica|hist[oó]ria)"
    r"|(?P<statement>statement|declaraci[oó]n|declara[cç][aã]o|speech|discurso|"
    r"(?:dg'?s\s+|director\s+general'?s\s+)?statements?\s+and\s+speeches|"
    r"speeches(?:\s+and\s+talks)?|declaraciones\s+y\s+discursos)"
    r"|(?P<news>news|news\s+item|noticia|noticias|not[ií]cia|not[ií]cias))\s*:?$"
)
# The line under a type label that says the item's reach: "News" / "Global".
_SCOPE_RE = re.compile(
    r"^(?:global|local|regional|national|nacional|country|pa[ií]s|internacional|"
    r"international)$"
)
_BARE_CONTACT_HEADING_RE = re.compile(r"^(?:contacts?|contactos?)\s*:\s*", re.I)
TRAILER_RE = re.compile(r"^(?:paragraphs?|p[aá]rrafos?)\s*:", re.IGNORECASE)
PUNCTUATION_ONLY_RE = re.compile(r"^[\W_]*$")


def type_label(text: str) -> str | None:
    """The kind a type-label line names ("Comunicado de prensa" is a press
    release, "Noticia" news), or None for any other line."""
    if len(text) > 40:
        return None
    match = _TYPE_LABEL_RE.match(fold(text.strip()))
    return match.lastgroup if match else None


def is_scope_line(text: str) -> bool:
    """Whether ``text`` is the reach line under a type label ("Global")."""
    return len(text) <= 20 and bool(_SCOPE_RE.match(fold(text.strip())))


def footer_kind(text: str) -> str | None:
    """ "end" for a line after which the article is over (related news),
    "button" for a share or print button, "section" for the heading of a
    press release's closing section ("Context"); else None."""
    if len(text) >= 40:
        return None
    folded = fold(text.strip())
    if _FOOTER_RE.match(folded):
        return "end"
    if _BUTTON_RE.match(folded):
        return "button"
    if _SECTION_RE.match(folded):
        return "section"
    return None


def is_footer(text: str) -> bool:
    """Whether ``text`` ends a block of the page (footer, button, section)."""
    return footer_kind(text) is not None


def contact_heading(text: str) -> str | None:
    """What follows a contact-block heading on its line, or None."""
    match = _CONTACT_HEADING_RE.match(text) or _BARE_CONTACT_HEADING_RE.match(text)
    if match is None or match.end() == 0:
        return None
    rest = text[match.end() :]
    if rest and ends_sentence(rest) and not EMAIL_RE.search(rest):
        return None  # "For more information on X, visit our website."
    return rest
