from django.http import HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "comments"
# Route words are translated: /es/comentarios/responder/12/ (see config/urls.py).
urlpatterns = [
    path(_("post/<int:article_id>/"), views.post_comment, name="post"),
    path(_("reply/<int:comment_id>/"), views.reply, name="reply"),
    path(_("sent/<str:token>/"), views.sent, name="sent"),
    path(_("report/<int:comment_id>/"), views.report, name="report"),
    path(_("feed/<int:article_id>/"), feeds.ArticleCommentsFeed(), name="feed"),
]


def old_route(name, view):
    """The English route word under /es/: a 301 to the Spanish route for a page
    that is read, the view itself for a form sent from a page served before."""

    def old_route_view(request, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, **kwargs)
        url = reverse(name, kwargs=kwargs)
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)

    return old_route_view


# The English route words still answer under /es/, so old links and
# bookmarks land on the Spanish route. In English they are never reached:
# the translated patterns above read the same.
legacy_urlpatterns = (
    [
        path("post/<int:article_id>/", old_route("comments:post", views.post_comment)),
        path("reply/<int:comment_id>/", old_route("comments:reply", views.reply)),
        path("sent/<str:token>/", old_route("comments:sent", views.sent)),
        path("report/<int:comment_id>/", old_route("comments:report", views.report)),
        path("feed/<int:article_id>/", old_route("comments:feed", feeds.ArticleCommentsFeed())),
    ],
    "comments_legacy",
)
urlpatterns += legacy_urlpatterns[0]
