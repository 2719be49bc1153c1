"""StreamField blocks for article and page bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    # Required in the article's original language by the article form; the
    # other language's is a translation, tracked like the caption.
    alt = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "core/blocks/image.html"


class BlockQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Block quote")
        template = "core/blocks/quote.html"


class ExternalEmbedBlock(EmbedBlock):
    """An embedded video or post, shown as a link until the reader opts in.

    Rendering the provider's iframe would let a third party see every reader
    of the article, so the page shows a card that links out instead.
    """

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "core/blocks/embed.html"


class BodyBlock(blocks.StreamBlock):
    """The body of an article or standard page."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, form_classname="title", template="core/blocks/heading.html"
    )
    image = ImageWithCaptionBlock()
    quote = BlockQuoteBlock()
    embed = ExternalEmbedBlock()
    pull_quote = blocks.TextBlock(label=_("Pull quote"), template="core/blocks/pull_quote.html")

    class Meta:
        # An empty body is allowed so that a language version can be left
        # untranslated; the page form asks for the original language's body.
        required = False
