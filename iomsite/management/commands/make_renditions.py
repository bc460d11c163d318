"""Make the renditions every stored image should have and lacks, such as the
AVIF ones of images uploaded before the site made them, so that no visitor's
page waits while they are made."""

from django.core.management.base import BaseCommand

from articles.models import Article
from contacts.models import Contact
from iomsite.content.images import make_renditions
from programmes.models import Programme

# (model, image field, set of renditions), as each model's save() makes them.
IMAGES = [
    (Article, "image", "wide"),
    (Programme, "image", "wide"),
    (Contact, "photo", "portrait"),
]


class Command(BaseCommand):
    help = (
        "Make the missing renditions (AVIF, WebP, the original format) of every "
        "uploaded image. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        count = 0
        for model, field, spec in IMAGES:
            instances = model.objects.exclude(**{field: ""}).only("pk", field)
            for instance in instances.iterator():
                make_renditions(instance, field, spec)
                count += 1
        if options["verbosity"] >= 1:
            self.stdout.write(f"Renditions of {count} images made or found.")
