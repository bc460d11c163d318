"""An index for the page cache's schedule (iomsite/publishing/cache.py): the next and the
last unpublish date among published articles, each one index probe. Most
articles have none, so the index holds only those that do."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS article_published_unpublish_at "
    "ON articles_article (unpublish_at) "
    "WHERE status = 'published' AND unpublish_at IS NOT NULL"
)
DROP = "DROP INDEX IF EXISTS article_published_unpublish_at"


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0003_news_list_indexes"),
        ("articles", "0002_publishing_images_unpublish_at"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
