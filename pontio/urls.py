"""Pontio's URLs: each app's pages under its own prefix; administration under /manage/."""

from django.urls import include, path

from pontio import api

urlpatterns = [
    path("", include("pontio.core.urls")),
    path("", include("pontio.accounts.urls")),
    path("library/", include("pontio.library.urls")),
    path("agenda/", include("pontio.agenda.urls")),
    path("briefs/", include("pontio.briefs.urls")),
    path("experts/", include("pontio.people.urls")),
    path("projects/", include("pontio.projects.urls")),
    path("events/", include("pontio.events.urls")),
    path("manage/organisations/", include("pontio.organisations.urls")),
    path("manage/", include("pontio.taxonomy.urls")),
    path("manage/jobs/", include("pontio.jobs.urls")),
    path("manage/audit/", include("pontio.audit.urls")),
    path("auth/", include("allauth.urls")),
    path("api/v1/", api.urls()),
]

handler403 = "pontio.core.views.error_403"
handler404 = "pontio.core.views.error_404"
handler500 = "pontio.core.views.error_500"
