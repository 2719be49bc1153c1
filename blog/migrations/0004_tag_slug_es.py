from django.db import migrations, models
from django.utils.text import slugify


def fill_spanish_slugs(apps, schema_editor):
    """Give every tag with a Spanish name a Spanish slug, as saving one now does."""
    BlogTag = apps.get_model("blog", "BlogTag")
    taken = set()
    for tag in BlogTag.objects.exclude(name_es="").order_by("pk"):
        base = slugify(tag.name_es)
        if not base:
            continue
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        tag.slug_es = candidate
        tag.save(update_fields=["slug_es"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_translation_ready"),
    ]

    operations = [
        migrations.AddField(
            model_name="blogtag",
            name="slug_es",
            field=models.SlugField(
                blank=True,
                help_text="Used in the tag's Spanish address. Filled from the Spanish name when left empty.",
                max_length=100,
                null=True,
                unique=True,
                verbose_name="slug in Spanish",
            ),
        ),
        migrations.RunPython(fill_spanish_slugs, migrations.RunPython.noop),
    ]
