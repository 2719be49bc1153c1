from django.urls import path

from . import admin_views

app_name = "tips_admin"

urlpatterns = [
    path("", admin_views.TipIndexView.as_view(), name="index"),
    path("export/", admin_views.TipExportView.as_view(), name="export_all"),
    path("<int:pk>/", admin_views.TipDetailView.as_view(), name="detail"),
    path("<int:pk>/decrypt/", admin_views.TipDecryptView.as_view(), name="decrypt"),
    path("<int:pk>/status/", admin_views.TipStatusView.as_view(), name="status"),
    path("<int:pk>/reply/", admin_views.TipReplyView.as_view(), name="reply"),
    path("<int:pk>/delete/", admin_views.TipDeleteView.as_view(), name="delete"),
    path("<int:pk>/export/", admin_views.TipExportView.as_view(), name="export"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.TipFileDownloadView.as_view(), name="file"),
]
