"""The staff roles: who may write and who may publish.

Roles are auth groups, created by a data migration (``articles`` 0003) through
``sync_roles()``. Give a staff user one of them in the admin ("Users" → groups):

- **Editor** writes: adds, changes and views articles, programmes, offices, key
  figures, offices' texts about programmes and contacts, but cannot publish,
  unpublish or schedule anything nor make an office or a contact public or
  hidden. Editors cannot delete.
- **Publisher** does everything an editor does, decides what visitors see (the
  ``publish_*`` permissions below) and may delete.

Superusers can do everything. The admin enforces the publish permissions in
``iomsite.editorial.base``.
"""

from django.apps import apps as global_apps

EDITOR = "Editor"
PUBLISHER = "Publisher"

# (app label, model name) of everything editors write.
EDITED_MODELS = [
    ("articles", "article"),
    ("programmes", "programme"),
    ("contacts", "office"),
    ("contacts", "keyfigure"),
    ("contacts", "contact"),
    ("programmes", "officeprogrammetext"),
]
# The custom permission of each model that has a public/hidden state.
PUBLISH_PERMISSIONS = [
    ("articles", "publish_article"),
    ("programmes", "publish_programme"),
    ("contacts", "publish_office"),
    ("contacts", "publish_contact"),
]


def role_permissions():
    """{role: [(app label, codename), …]}"""
    editor = [
        (app_label, f"{action}_{model_name}")
        for app_label, model_name in EDITED_MODELS
        for action in ("add", "change", "view")
    ]
    deleting = [
        (app_label, f"delete_{model_name}") for app_label, model_name in EDITED_MODELS
    ]
    return {EDITOR: editor, PUBLISHER: editor + PUBLISH_PERMISSIONS + deleting}


def sync_roles(apps=global_apps, verbosity=0):
    """Create the role groups, or set their permissions back to the definition.

    Also usable from a data migration (pass its ``apps``): the permissions of a
    fresh database only exist after the ``post_migrate`` signal, so they are
    created here first.
    """
    from django.contrib.auth.management import create_permissions

    for app_label in {app_label for app_label, _model_name in EDITED_MODELS}:
        app_config = apps.get_app_config(app_label)
        # create_permissions() skips app configs without a models module, which
        # is how those of a migration state look.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=verbosity)
        finally:
            app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # A migration older than a model (articles 0003 and the texts of
    # programmes 0008) has no permissions for it yet: a later one adds them.
    absent = {
        (app_label, model_name)
        for app_label, model_name in EDITED_MODELS
        if not _has_model(apps, app_label, model_name)
    }
    for role, permissions in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(
            [
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                for app_label, codename in permissions
                if (app_label, codename.partition("_")[2]) not in absent
            ]
        )


def _has_model(apps, app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True


def can_publish(user, model):
    options = model._meta
    return user.has_perm(f"{options.app_label}.publish_{options.model_name}")


def can_see_dashboard(user):
    return (
        user.is_active
        and user.is_staff
        and (
            user.is_superuser
            or user.groups.filter(name__in=[EDITOR, PUBLISHER]).exists()
        )
    )
