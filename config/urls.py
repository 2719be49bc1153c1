from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blog import views as blog_views
from blog.sitemaps import BilingualSitemap
from comments import urls as comment_urls
from core import views as core_views

urlpatterns = [
    path(settings.ADMIN_URL, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}, name="sitemap"),
    path("news-sitemap.xml", blog_views.news_sitemap, name="news_sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader pages: English at /, Spanish at /es/.
urlpatterns += i18n_patterns(
    path(_("comments/"), include("comments.urls")),
    path(_("search/"), blog_views.search_page, name="search"),
    path("comments/", include(comment_urls.legacy_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "core.views.server_error"
