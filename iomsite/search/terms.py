"""What the visitor typed, made safe to search with, and the text helpers
shared by the backends."""

import html
import re
from dataclasses import dataclass

from django.utils.functional import cached_property

MAX_QUERY_LENGTH = 200
# More words than this in a query add nothing but work.
MAX_WORDS = 12

WORD_RE = re.compile(r"\w+")
TAG_RE = re.compile(r"<[^>]*>")
SPACES_RE = re.compile(r"\s+")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")


@dataclass(frozen=True)
class SearchTerms:
    """What the visitor typed, made safe to search with."""

    text: str
    truncated: bool = False

    @classmethod
    def from_input(cls, raw):
        # PostgreSQL refuses NUL characters in text; other controls mean nothing.
        text = SPACES_RE.sub(" ", CONTROL_RE.sub(" ", raw or "")).strip()
        truncated = len(text) > MAX_QUERY_LENGTH
        if truncated:
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return cls(text, truncated)

    def __bool__(self):
        return bool(self.text)

    @property
    def excludes_words(self):
        """Whether the query excludes words ("-word"), which makes matching
        the title not enough to match the whole document."""
        return bool(self.parsed[1])

    @cached_property
    def parsed(self):
        """The query read as websearch_to_tsquery reads it, less phrases:
        ``(required, excluded)``, where every group of ``required`` must match
        by one of its words ("a b or c": [["a"], ["b", "c"]]), and no word of
        ``excluded`` ("-d") may appear. Lowercased words, at most MAX_WORDS."""
        required, excluded = [], []
        either = False
        for token in self.text.lower().split():
            if token == "or":
                either = bool(required)
                continue
            words = WORD_RE.findall(token)
            if token.startswith("-"):
                excluded += words
            elif words:
                if either:
                    required[-1].append(words.pop(0))
                required += [[word] for word in words]
            either = False
        return required[:MAX_WORDS], excluded[:MAX_WORDS]

    @cached_property
    def words(self):
        """The words to find (not those excluded), without operators."""
        required, _excluded = self.parsed
        return list(dict.fromkeys(word for group in required for word in group))


def html_to_text(value):
    # Bodies are sanitized HTML (iomsite.content.sanitize), whose tags are well formed:
    # a tag becomes a space so that words on either side stay apart.
    return SPACES_RE.sub(" ", html.unescape(TAG_RE.sub(" ", value))).strip()
