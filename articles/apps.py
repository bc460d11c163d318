from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from iomsite.publishing import cache

        from .models import Article

        cache.watch(Article)
        # A scheduled article goes live, or leaves at its unpublish date, with
        # nobody saving anything.
        cache.watch_schedule(Article.objects.live, ["published_at", "unpublish_at"])
