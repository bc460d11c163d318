from django import forms
from django.conf import settings
from django.utils import translation


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
