"""Control characters, removed where text enters the site.

A vertical tab or an escape typed into a title, or left in an old page, is
invisible on a page but not allowed in XML 1.0: one of them made every news
feed fail. ``without_controls`` is applied where text comes in (the models'
``save()``, so every form, the admin, the importer and the API go through
it); ``visible_controls`` shows them as ``\\x1b`` where text goes to an
operator's terminal, whose escape sequences would otherwise run.
"""

import re

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; and
# the two non-characters XML refuses.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# For a terminal, line breaks and tabs as well: a line must stay one line.
TERMINAL_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def without_controls(text):
    """``text`` without its control characters; what is not a string is
    returned as it is."""
    if not isinstance(text, str):
        return text
    return CONTROL_RE.sub("", text)


def clean_text_fields(instance):
    """Remove control characters from every text field of a model instance
    (modeltranslation's per-language columns included)."""
    for field in instance._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField", "SlugField"):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and CONTROL_RE.search(value):
                setattr(instance, field.attname, without_controls(value))


def visible_controls(text):
    """``text`` with its control characters written as escapes (``\\x1b``),
    for a terminal."""
    return TERMINAL_CONTROL_RE.sub(lambda match: f"\\x{ord(match[0]):02x}", str(text))
