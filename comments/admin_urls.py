from django.urls import path

from . import admin_views

app_name = "comments_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("queue/<str:queue>/", admin_views.QueueView.as_view(), name="queue"),
    path("bulk/", admin_views.bulk_action, name="bulk"),
    path("history/", admin_views.HistoryView.as_view(), name="history"),
    path("<int:pk>/", admin_views.CommentDetailView.as_view(), name="detail"),
]
