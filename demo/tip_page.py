"""The demo site's tip page, for the seed command; its text is in data/pages/tips.json."""

from tips.models import TipPage

from .content import load_content


def seed_tip_page(home_page, stdout=None):
    """Creates and publishes the bilingual tip page under ``home_page`` once; returns it."""
    existing = TipPage.objects.child_of(home_page).first()
    if existing is not None:
        return existing
    fields = {"original_language": "en", "translation_ready": True}
    for language, text in load_content().pages["tips"].items():
        for name, value in text.items():
            fields[f"{name}_{language}"] = value
    page = TipPage(**fields)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    if stdout is not None:
        stdout.write("Tip page created.")
    return TipPage.objects.get(pk=page.pk)
