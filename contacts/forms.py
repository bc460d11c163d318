from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _


class ContactFilterForm(forms.Form):
    """Base form of ``ContactFilter``: its fields come from the filters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        # GET, and no named submit button, so the query string holds only filters.
        self.helper.form_method = "get"
        self.helper.form_id = "contact-filter"
        self.helper.attrs = {"role": "search", "aria-label": _("Filter contacts")}
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-md-6 col-lg-3"),
                Column("office", css_class="col-md-6 col-lg-3"),
                Column("country", css_class="col-md-6 col-lg-3"),
                Column("programme", css_class="col-md-6 col-lg-3"),
            ),
            FormActions(
                StrictButton(_("Filter"), type="submit", css_class="btn-primary"),
                HTML(
                    '{% load i18n %}<a class="btn btn-link" '
                    "href=\"{% url 'contacts:list' %}\">"
                    '{% translate "Clear filters" %}</a>'
                ),
            ),
        )
