from django.db import migrations

from iomsite.editorial.roles import sync_roles


def update_roles(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors and publishers write the offices' texts about programmes (see
    iomsite/editorial/roles.py)."""

    dependencies = [
        ("articles", "0003_staff_roles"),
        ("programmes", "0008_office_programme_text"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
