from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


class EnglishFieldsForm(forms.ModelForm):
    """Admin form of a model with django-modeltranslation fields.

    The untranslated names (``title``, ``body``…) edit the English text and
    ``title_es``… the Spanish one, whatever language the admin is shown in:
    modeltranslation would otherwise read and write ``title`` in the active
    language (and a Spanish-speaking editor would overwrite the Spanish text
    with what they meant as the English one).
    """

    def __init__(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            super().__init__(*args, **kwargs)

    def _post_clean(self):
        with translation.override(settings.LANGUAGE_CODE):
            super()._post_clean()


# Stands in a ModelAdmin's ``fieldsets`` where ``translated_fieldsets()``
# puts one fieldset per language the texts are translated into (a fieldset
# itself, empty, so that the admin's checks accept it).
TRANSLATIONS = ("translations", {"fields": []})


def translated_fieldsets(fieldsets, fields):
    """``fieldsets`` with the ``TRANSLATIONS`` entry replaced by a "Spanish
    version", a "Portuguese version"… of ``fields`` (modeltranslation's
    ``<field>_<code>``), one per language of settings.LANGUAGES but English."""
    result = []
    for fieldset in fieldsets:
        if fieldset != TRANSLATIONS:
            result.append(fieldset)
            continue
        for code, name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            values = {"language": name}
            result.append(
                (
                    _("%(language)s version") % values,
                    {
                        "description": _(
                            "The texts of the %(language)s site. A text left "
                            "empty shows the English one there."
                        )
                        % values,
                        "fields": [f"{field}_{code}" for field in fields],
                    },
                )
            )
    return result
