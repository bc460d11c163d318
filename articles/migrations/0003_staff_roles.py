from django.db import migrations

from iomsite.editorial.roles import sync_roles


def create_roles(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    """The Editor and Publisher groups (see iomsite/editorial/roles.py)."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0002_publishing_images_unpublish_at"),
        ("contacts", "0002_publishing_decorative_photo"),
        ("programmes", "0003_publishing_decorative_image"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
