from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("", views.ContactListView.as_view(), name="list"),
    path(
        "people/<int:pk>.vcf",
        views.ContactVCardView.as_view(),
        name="contact-vcard",
    ),
    path("<slug:slug>/", views.OfficeDetailView.as_view(), name="office"),
    path("<slug:slug>/vcard.vcf", views.OfficeVCardView.as_view(), name="office-vcard"),
]
