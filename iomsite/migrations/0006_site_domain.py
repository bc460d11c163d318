"""The current site's domain and name from the settings (DJANGO_SITE_DOMAIN,
DJANGO_SITE_NAME), before django.contrib.sites would make its "example.com"
(iomsite/ops/sites.py); ``manage.py set_site_domain`` keeps them in step after."""

from django.db import migrations

from iomsite.ops.sites import apply_site_settings


def set_site(apps, schema_editor):
    apply_site_settings(apps.get_model("sites", "Site"))


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0005_spanish_search_indexes"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(set_site, migrations.RunPython.noop)]
