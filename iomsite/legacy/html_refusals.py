"""Saved pages that are not content, told by their structure: a listing of
teasers (a tag, category or search page), the site's error page ("Access
denied", "Página no encontrada"), a node that holds only a video player.
Each is refused with the reason, so nothing of it is imported."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .lines import Line
from .text import fold

_TEASER_CLASS_RE = re.compile(r"(?:^|[-_])teaser(?:$|[-_])|^views-row$")
_ERROR_TITLE_RE = re.compile(
    r"^(?:access\s+denied|acceso\s+denegado|acesso\s+negado|acces\s+refuse|"
    r"page\s+not\s+found|pagina\s+no\s+encontrada|pagina\s+nao\s+encontrada|"
    r"not\s+found|no\s+encontrad[oa]|error\s+404|404|403|forbidden|"
    r"user\s+account|cuenta\s+de\s+usuario|conta\s+de\s+usuario|log\s*in|"
    r"iniciar\s+sesion)\b"
)
_PLAYER_RE = re.compile(r"youtube|youtu\.be|vimeo|dailymotion|player|embed", re.I)
# Fewer words than this beside its title and a player: a video's page.
MIN_WORDS = 15
# Fewer than this without a player: a page that says nothing.
TOO_FEW_WORDS = 4


def _is_teaser(tag: Tag) -> bool:
    return any(_TEASER_CLASS_RE.search(name) for name in tag.get("class") or ())


def refusal(soup: BeautifulSoup, container: Tag, lines: list[Line], title: str):
    """Why the page is not content, or None."""
    if _ERROR_TITLE_RE.match(fold(title.strip())):
        return f"an error page of the old site (“{title.strip()}”), not content"
    teasers = [tag for tag in soup.find_all(_is_teaser) if not tag.find(_is_teaser)]
    if len(teasers) >= 3:
        teaser_text = sum(len(tag.get_text(" ", strip=True)) for tag in teasers)
        if teaser_text * 2 >= len(container.get_text(" ", strip=True)):
            return (
                f"a listing of {len(teasers)} teasers (a tag, category or search "
                "page), not one page"
            )
    words = sum(
        len(line.text.split())
        for line in lines
        if line.text and fold(line.text) != fold(title)
    )
    if words >= MIN_WORDS:
        return None
    player = next(
        (
            tag
            for tag in container.find_all(("iframe", "video", "object", "embed"))
            if tag.name == "video" or _PLAYER_RE.search(str(tag.get("src") or ""))
        ),
        None,
    )
    if player is not None:
        source = str(player.get("src") or "").split("?")[0]
        return f"only a video player ({source or player.name}), no text"
    if 0 < words < TOO_FEW_WORDS:
        return f"too little text for a page ({words} words beside its title)"
    return None
