from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    # Before the detail route: an article with the slug "feed" would be hidden.
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path(
        "feed/programme/<slug:slug>/",
        feeds.ProgrammeArticlesFeed(),
        name="programme-feed",
    ),
    path(
        "feed/programme/<slug:slug>/atom/",
        feeds.ProgrammeArticlesAtomFeed(),
        name="programme-feed-atom",
    ),
    path("feed/country/<str:code>/", feeds.CountryArticlesFeed(), name="country-feed"),
    path(
        "feed/country/<str:code>/atom/",
        feeds.CountryArticlesAtomFeed(),
        name="country-feed-atom",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
