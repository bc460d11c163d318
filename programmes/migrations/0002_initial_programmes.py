from django.db import migrations

PROGRAMMES = [
    (
        "Counter-trafficking",
        "counter-trafficking",
        "Preventing human trafficking, protecting and assisting the people it harms, "
        "and helping governments prosecute those responsible.",
    ),
    (
        "Labour Migration",
        "labour-migration",
        "Regular, fair and safe ways to work abroad, for migrant workers and the "
        "governments and employers who receive them.",
    ),
    (
        "Voluntary Return and Reintegration",
        "voluntary-return-and-reintegration",
        "Helping migrants who choose to go home to return in safety and dignity and "
        "to rebuild their lives there.",
    ),
    (
        "Migration and Development",
        "migration-and-development",
        "Linking migration with development: diasporas, remittances and the skills "
        "migrants bring.",
    ),
    (
        "Migrant Integration",
        "migrant-integration",
        "Social, economic and cultural inclusion of migrants in the communities "
        "where they settle.",
    ),
    (
        "Migration and Climate Change",
        "migration-and-climate-change",
        "Understanding and responding to movement linked to disasters, environmental "
        "degradation and climate change.",
    ),
    (
        "Emergency Situations",
        "emergency-situations",
        "Humanitarian assistance to people affected by crises, and support for "
        "recovery afterwards.",
    ),
    (
        "Policy and Research",
        "policy-and-research",
        "Evidence and advice for migration policies that protect migrants' rights.",
    ),
]


def create_programmes(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    for order, (title, slug, summary) in enumerate(PROGRAMMES, start=1):
        Programme.objects.get_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "order": order * 10}
        )


def remove_programmes(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Programme.objects.filter(
        slug__in=[slug for _, slug, _ in PROGRAMMES], articles__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(create_programmes, remove_programmes)]
