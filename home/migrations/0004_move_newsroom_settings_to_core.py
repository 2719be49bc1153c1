"""Newsroom settings move to core: each site's row is copied across, then
home's table is dropped. Reversing copies the rows back."""

from django.db import migrations

FIELDS = ("about_page_id", "comment_policy_page_id", "tip_page_id")


def copy_rows(source, target):
    def copy(apps, schema_editor):
        source_model = apps.get_model(*source)
        target_model = apps.get_model(*target)
        for row in source_model.objects.all():
            target_model.objects.update_or_create(
                site_id=row.site_id, defaults={name: getattr(row, name) for name in FIELDS}
            )

    return copy


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_translation_ready'),
        ('core', '0002_newsroomsettings'),
    ]

    operations = [
        migrations.RunPython(
            copy_rows(("home", "NewsroomSettings"), ("core", "NewsroomSettings")),
            copy_rows(("core", "NewsroomSettings"), ("home", "NewsroomSettings")),
        ),
        migrations.DeleteModel(
            name='NewsroomSettings',
        ),
    ]
