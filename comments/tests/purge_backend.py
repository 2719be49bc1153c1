"""A front-end cache backend for tests: it purges nothing and records the call."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        pass
