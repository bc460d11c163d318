"""Versions of translated models keep every language.

django-reversion lists a model's fields when the model is registered, as its
class is made; django-modeltranslation adds the columns of each language
(``title_en``, ``title_es``, ``title_pt``) later, when the translation modules
load. Left so, a version would hold one column per text, and reverting an
office or a programme would bring back its English text only, leaving the
Spanish and Portuguese ones as they are now.
"""

import reversion
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.revisions import _get_options


def version_every_language(languages):
    """Register again, with the columns of each of ``languages`` (codes), the
    models django-reversion versions and modeltranslation translates. Call it
    once the translation modules are loaded (an AppConfig's ``ready()`` after
    modeltranslation's)."""
    for model in list(reversion.get_registered_models()):
        try:
            translated = translator.get_options_for_model(model).all_fields
        except NotRegistered:
            continue
        options = _get_options(model)
        missing = [
            localized
            for name in options.fields
            if name in translated
            for code in languages
            if (localized := build_localized_fieldname(name, code))
            not in options.fields
        ]
        if not missing:
            continue
        reversion.unregister(model)
        reversion.register(
            model,
            fields=[*options.fields, *missing],
            follow=options.follow,
            format=options.format,
            for_concrete_model=options.for_concrete_model,
            ignore_duplicates=options.ignore_duplicates,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
            object_id_field=options.object_id_field,
        )
