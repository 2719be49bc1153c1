from django.urls import path

from . import admin_views

app_name = "translations_admin"
urlpatterns = [
    path("", admin_views.TranslationsReportView.as_view(), name="report"),
    path("results/", admin_views.TranslationsReportView.as_view(results_only=True), name="report_results"),
    path("page/<int:page_id>/status/", admin_views.status_view, name="status"),
    path("page/<int:page_id>/<str:language>/", admin_views.page_view, name="page"),
    path("export/", admin_views.export_view, name="export"),
    path("import/", admin_views.import_view, name="import"),
]
