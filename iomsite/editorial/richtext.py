"""The rich-text editor staff write HTML bodies with (django-prose-editor).

It offers exactly what ``iomsite.content.sanitize.clean_html`` keeps: headings (h2–h4,
the page has the h1), paragraphs, line breaks, lists, links, bold and italic,
quotes and tables; images already in a body (from the old site) survive editing
but there is no button to add one, nor any raw-HTML box. The field cleans what
it receives with the editor's own nh3 rules, and the model's ``save()`` cleans
it again with ``clean_html``.
"""

from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import InlineStyle, Media

EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "HardBreak": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Image": True,
}

HELP_TEXT = _(
    "Headings, paragraphs, lists, links, bold and italic text, quotes and tables. "
    "Anything else pasted in is removed when saving."
)


class RichTextWidget(AdminProseEditorWidget):
    """The admin editor, working under our Content-Security-Policy.

    Tiptap would inject its core styles as a ``<style>`` element without the
    request's nonce, which the policy blocks. It does not when the page already
    has a ``<style data-tiptap-style>``: we render an empty one (with the nonce,
    as all media of the admin) and serve the styles as a static file instead.
    """

    @property
    def media(self):
        return super().media + Media(
            css={
                "all": [
                    "css/prose-editor-core.css",
                    InlineStyle("", **{"data-tiptap-style": ""}),
                ]
            }
        )


def rich_text_formfield(db_field, *, heading_levels=None, **kwargs):
    """The form field of a ``TextField`` holding HTML, for the admin.

    ``heading_levels`` narrows the headings offered (and kept) to those that
    fit where the text sits on its page: ``[4]`` under a page's h3.
    """
    extensions = EXTENSIONS
    if heading_levels is not None:
        extensions = {**EXTENSIONS, "Heading": {"levels": list(heading_levels)}}
    kwargs.update(
        form_class=ProseEditorFormField,
        widget=RichTextWidget,
        config={"extensions": extensions},
        sanitize=True,
        help_text=HELP_TEXT,
    )
    return db_field.formfield(**kwargs)
