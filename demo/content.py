"""The demo newsroom's text, read from the data files under ``demo/data/``.

Everything there is invented: the Salitre River, Ciudad Almagre (state of
Sierra Parda, Mexico), Calder Springs (state of Estrella, US), every person,
company, criminal group and event.

- ``site.json``: the site name, tagline, authors and tags.
- ``articles/NN-slug.json``: one article each, in the order ``NN`` gives,
  both languages side by side under ``en`` and ``es`` (a missing language
  is not translated yet), with its reader comments under ``comments``.
  Body blocks are ``[block_type, value]`` pairs; when an article has both
  languages, the two bodies have the same block types in the same order.
- ``pages/<name>.json``: the About, comment policy and tip pages.
"""

import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class DemoContent:
    site_name: str
    tagline: dict
    authors: list
    tags: list
    articles: list
    pages: dict

    @property
    def comments(self):
        """Every article's top-level comments, each marked with its article's
        position, as ``demo.comment_threads.seed_demo_comments`` takes them."""
        return [
            {**comment, "article": position}
            for position, article in enumerate(self.articles)
            for comment in article.get("comments", [])
        ]


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def load_content(data_dir=DATA_DIR):
    site = read(data_dir / "site.json")
    return DemoContent(
        site_name=site["site_name"],
        tagline=site["tagline"],
        authors=site["authors"],
        tags=site["tags"],
        articles=[read(path) for path in sorted((data_dir / "articles").glob("*.json"))],
        pages={path.stem: read(path) for path in sorted((data_dir / "pages").glob("*.json"))},
    )
