"""Routes under the language prefix (/de/, /en/, ...). No namespace: the verification page shares its
name with the short /v/ URL, so the language switcher on /v/<number> leads to the prefixed twin."""

from django.urls import path

from . import views

urlpatterns = [
    path("label/", views.register, name="label_register"),
    path("label/certificates/<str:number>/", views.verify, name="label_verify"),
    path("label/apply/", views.overview, name="label_overview"),
    path("label/applications/<int:pk>/", views.application, name="label_application"),
    path("label/applications/<int:pk>/check/", views.application_check, name="label_check"),
    path("label/applications/<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file, name="label_evidence"),
    path(
        "label/applications/<int:pk>/evidence/<int:evidence_pk>/delete/",
        views.evidence_delete,
        name="label_evidence_delete",
    ),
    path("label/certificates/<str:number>/renew/", views.renew, name="label_renew"),
]
