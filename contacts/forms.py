from django import forms
from django.utils.translation import gettext_lazy as _

from iomsite.publishing.forms import filter_form_helper


class ContactFilterForm(forms.Form):
    """Base form of ``ContactFilter``: its fields come from the filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = filter_form_helper(
            self,
            form_id="contact-filter",
            label=_("Filter contacts"),
            fields=["q", "office", "country", "programme"],
            column_class="col-md-6 col-lg-3",
            clear_url="contacts:list",
        )
