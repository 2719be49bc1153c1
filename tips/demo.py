"""The demo site's tip page, for the seed command."""

from .models import TipPage

TEXT = {
    "en": {
        "title": "Send us a tip",
        "slug": "tips",
        "intro": (
            "<p>Have you seen something we should look into: a threat, a disappearance, a payment, a document? "
            "Tell us. You do not have to say who you are, and you can send photos, videos and documents.</p>"
        ),
        "thank_you": "Thank you for trusting us. A member of our team will read your tip.",
    },
    "es": {
        "title": "Envíanos una pista",
        "slug": "pistas",
        "intro": (
            "<p>¿Viste algo que debamos investigar: una amenaza, una desaparición, un pago, un documento? "
            "Cuéntanos. No tienes que decir quién eres, y puedes mandar fotos, videos y documentos.</p>"
        ),
        "thank_you": "Gracias por confiar en nosotros. Alguien de nuestro equipo leerá tu pista.",
    },
}


def seed_tip_page(home_page, stdout=None):
    """Creates and publishes the bilingual tip page under ``home_page`` once; returns it."""
    existing = TipPage.objects.child_of(home_page).first()
    if existing is not None:
        return existing
    fields = {"original_language": "en", "translation_ready": True}
    for language, text in TEXT.items():
        for name, value in text.items():
            fields[f"{name}_{language}"] = value
    page = TipPage(**fields)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    if stdout is not None:
        stdout.write("Tip page created.")
    return TipPage.objects.get(pk=page.pk)
