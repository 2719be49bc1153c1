from django.urls import path

from . import feeds, views

app_name = "comments"
urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("reply/<int:comment_id>/", views.reply, name="reply"),
    path("sent/<str:token>/", views.sent, name="sent"),
    path("report/<int:comment_id>/", views.report, name="report"),
    path("feed/<int:article_id>/", feeds.ArticleCommentsFeed(), name="feed"),
]
