from django.urls import path

from . import views

urlpatterns = [
    path("", views.TranslationsReportView.as_view(), name="report"),
    path("results/", views.TranslationsReportView.as_view(results_only=True), name="report_results"),
    path("page/<int:page_id>/status/", views.status_view, name="status"),
    path("page/<int:page_id>/<str:language>/", views.page_view, name="page"),
    path("export/", views.export_view, name="export"),
    path("import/", views.import_view, name="import"),
]
