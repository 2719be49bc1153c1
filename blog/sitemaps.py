from wagtail.contrib.sitemaps import Sitemap


class BilingualSitemap(Sitemap):
    """Every live page once per language it really exists in, with hreflang alternates."""

    def items(self):
        # Stream fields are needed: whether a translation exists depends on its body.
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .specific()
        )
