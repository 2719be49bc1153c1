"""Deletes the queue rows of the per-tip notification task this app no longer has.

Each row kept the moment a tip was sent (enqueued_at, run_after, started_at,
finished_at); the scheduled ``tips notify`` run replaces the task.
"""

from django.db import migrations

OLD_TASK = "tips.tasks.notify_tip_editors"


def forget_tasks(apps, schema_editor):
    try:
        task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return
    task_result.objects.filter(task_path=OLD_TASK).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('tips', '0003_sweep_instead_of_tasks'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
    ]

    operations = [migrations.RunPython(forget_tasks, migrations.RunPython.noop)]
