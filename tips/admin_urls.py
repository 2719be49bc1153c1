from django.urls import path

from . import views

app_name = "tips_admin"

urlpatterns = [
    path("", views.TipIndexView.as_view(), name="index"),
    path("export/", views.TipExportView.as_view(), name="export_all"),
    path("<int:pk>/", views.TipDetailView.as_view(), name="detail"),
    path("<int:pk>/decrypt/", views.TipDecryptView.as_view(), name="decrypt"),
    path("<int:pk>/status/", views.TipStatusView.as_view(), name="status"),
    path("<int:pk>/reply/", views.TipReplyView.as_view(), name="reply"),
    path("<int:pk>/delete/", views.TipDeleteView.as_view(), name="delete"),
    path("<int:pk>/export/", views.TipExportView.as_view(), name="export"),
    path("<int:pk>/files/<int:file_pk>/", views.TipFileDownloadView.as_view(), name="file"),
]
