from django import template

from ..editorial.roles import can_see_dashboard

register = template.Library()

register.filter("can_see_dashboard", can_see_dashboard)
