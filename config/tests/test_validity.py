"""The reader's pages, checked by the real tools: the W3C Nu HTML validator and
axe-core (WCAG 2.2 A/AA and best practices) in both languages, the article at
phone width, and the article on paper.

The tools are pinned in tools/validators (``make validators`` installs them).
Add a page to ``PAGES`` and every check covers it.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

TOOLS = Path(settings.BASE_DIR) / "tools" / "validators" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-results"

# Pages of the demo newsroom (seed_demo), English then Spanish.
PAGES = [
    "/",
    "/es/",
    "/stories/",
    "/es/historias/",
    "/stories/tag/water/",
    "/es/historias/etiqueta/agua/",
    "/stories/author/lucia-ferran/",
    "/es/historias/autor/lucia-ferran/",
    "/stories/the-salitres-hidden-owners/",  # translated from Spanish, with comments
    "/es/historias/los-duenos-ocultos-del-salitre/",
    "/es/historias/former-deputy-pleads-guilty-smuggling-escort/",  # not translated yet: the notice
    "/tips/",
    "/es/pistas/",
    "/comment-policy/",
    "/es/normas-para-comentar/",
    "/search/?q=water",  # results with highlights
    "/es/buscar/?q=agua",
    "/es/buscar/?q=zzzz",  # nothing found
]
ARTICLE = "/stories/the-salitres-hidden-owners/"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def require(path, what):
    """Skip when a tool is missing, but fail under CI, where make installs it."""
    if not (path.exists() if isinstance(path, Path) else shutil.which(path)):
        message = f"{path} is missing: run `make validators` ({what})."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def seed_demo(home_page):
    cache.clear()  # renditions of other tests' images, cached under ids used again
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def demo_site(home_page):
    seed_demo(home_page)


@pytest.mark.django_db
def test_the_nu_validator_finds_no_errors(client, demo_site, tmp_path):
    """Every page is valid HTML; a known-invalid page proves the validator ran."""
    require(VNU_JAR, "the W3C Nu validator")
    require("java", "Java 17 runs the validator")
    for number, path in enumerate(PAGES):
        response = client.get(path)
        assert response.status_code == 200, path
        (tmp_path / f"page-{number:02}.html").write_bytes(response.content)
    invalid = (
        '<!DOCTYPE html><html lang="en"><title>x</title><time datetime="2026-11-26T09:23:02.309591-06:00">x</time>'
    )
    (tmp_path / "known-invalid.html").write_text(invalid)

    # One run for every file: the validator takes seconds to start.
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(tmp_path)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = {}
    for message in messages:
        name = Path(message.get("url", "")).stem
        label = PAGES[int(name.removeprefix("page-"))] if name.startswith("page-") else name
        errors.setdefault(label, []).append(f"line {message.get('lastLine')}: {message['message']}")
    assert errors.pop("known-invalid", None), "the validator did not flag the known-invalid page"
    assert errors == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_axe_finds_no_violations(live_server, browser, home_page):
    """axe-core, injected from the local file, reports nothing for WCAG 2.2 A/AA
    and best practices on any page, in either language."""
    require(AXE_JS, "axe-core")
    seed_demo(home_page)
    # The site's Content-Security-Policy forbids inline scripts, axe included.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    found = {}
    try:
        for path in PAGES:
            page.goto(live_server.url + path)
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                AXE_TAGS,
            )
            assert result["passes"], path  # axe ran and checked something
            violations = [
                f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
                for v in result["violations"]
            ]
            if violations:
                found[path] = violations
    finally:
        context.close()
    assert found == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_article_fits_a_phone(live_server, browser, home_page):
    """At 375 px wide nothing scrolls sideways, the hero fits and the headline is on screen."""
    seed_demo(home_page)
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(live_server.url + ARTICLE)
        page.wait_for_load_state("networkidle")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "article-375.png"), full_page=True)
        overflow = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(el => el.tagName + '.' + el.className)"""
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, overflow
        assert overflow == []
        hero = page.locator(".article__hero img").bounding_box()
        assert 300 <= hero["width"] <= 375
        # The phone is given a small rendition, not the widest.
        assert page.evaluate("document.querySelector('.article__hero img').currentSrc").endswith(
            (".width-800.webp", ".width-1200.webp")
        )
        title = page.locator("h1").bounding_box()
        assert title["y"] < 812 and title["x"] >= 0
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_article_prints_without_the_site_around_it(live_server, browser, home_page):
    """On paper: the headline, byline, hero and text, in black; no navigation,
    language switcher, comment form or footer."""
    seed_demo(home_page)
    page = browser.new_page()
    try:
        page.goto(live_server.url + ARTICLE)
        page.emulate_media(media="print")

        def display(selector):
            return page.eval_on_selector(selector, "el => getComputedStyle(el).display")

        for hidden in [".site-nav", ".language-switcher", ".site-footer", ".comment-form", ".comment__actions"]:
            assert display(hidden) == "none", hidden
        for shown in ["h1", ".byline", ".article__hero", ".article__body", ".comment-thread"]:
            assert display(shown) != "none", shown
        assert page.eval_on_selector(".article__body", "el => getComputedStyle(el).color") == "rgb(0, 0, 0)"
        assert page.eval_on_selector("body", "el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"
        page.emulate_media(media="screen")
        assert display(".site-nav") != "none"
        assert page.pdf(format="A4")[:4] == b"%PDF"
    finally:
        page.close()
