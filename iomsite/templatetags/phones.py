from django import template
from django.utils.html import format_html

from ..content.phones import read_phone

register = template.Library()


@register.simple_tag
def phone_link(written, country="", extension=""):
    """``{% phone_link phone office.country contact.extension %}``: the number
    linked to its ``tel:`` URI, or as written when it cannot be read."""
    phone = read_phone(written, country, extension)
    if not phone.uri:
        return phone.shown
    return format_html('<a href="{}">{}</a>', phone.uri, phone.shown)
