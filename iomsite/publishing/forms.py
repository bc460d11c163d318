from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Layout, Row
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def filter_form_helper(form, *, form_id, label, fields, column_class, clear_url):
    """The crispy helper of a public list's filter form: a GET search form with
    one column per filter, a "Filter" button and a "Clear filters" link."""
    helper = FormHelper(form)
    # GET, and no named submit button, so the query string holds only filters.
    helper.form_method = "get"
    helper.form_id = form_id
    helper.attrs = {"role": "search", "aria-label": label}
    helper.layout = Layout(
        Row(*(Column(field, css_class=column_class) for field in fields)),
        FormActions(
            StrictButton(_("Filter"), type="submit", css_class="btn-primary"),
            # Built here, in the request's language: a translate tag inside
            # a Python string is no message makemessages can find.
            HTML(
                format_html(
                    '<a class="btn btn-link" href="{}">{}</a>',
                    reverse(clear_url),
                    gettext("Clear filters"),
                )
            ),
        ),
    )
    return helper
