"""A tip leaves no time finer than its date: not in a table, not in the task queue, not on disk."""

import datetime
import time

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from tips.models import Tip, TipFile

from .conftest import form_url, minimal_pdf, run_sweep, stored_files, token_for

pytestmark = pytest.mark.django_db(transaction=True)


def all_rows():
    """Every row of every table (models' tables and any other), keyed by table."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            rows[table] = {tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor}
    return rows


def clock_marks(start, end):
    """How the minutes between ``start`` and ``end`` could be written, in UTC and local time."""
    marks = set()
    moment = start.replace(second=0, microsecond=0)
    while moment <= end:
        for shown in (moment, timezone.localtime(moment)):
            marks.add(shown.strftime("%H:%M"))
        moment += datetime.timedelta(minutes=1)
    return marks


def betrays_time(value, marks, start, end):
    if isinstance(value, datetime.datetime | datetime.time):
        return True
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Unix times in seconds or milliseconds.
        return start.timestamp() - 2 <= value <= end.timestamp() + 2 or (
            start.timestamp() * 1000 - 2000 <= value <= end.timestamp() * 1000 + 2000
        )
    return isinstance(value, str) and any(mark in value for mark in marks)


def test_a_tip_leaves_no_hour_or_minute_in_any_table_the_task_queue_or_the_disk(client, tip_page, settings):
    # Production queues background work in the database.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert apps.is_installed("django_tasks_db")
    root = settings.TIPS_STORAGE_ROOT
    before = all_rows()
    start = timezone.now()
    response = client.post(
        form_url(tip_page),
        {
            "message": "The warehouse opens at dawn.",
            "links": "",
            "reply": "codename",
            "contact": "",
            "token": token_for(tip_page),
            "files": [SimpleUploadedFile("ledger.pdf", minimal_pdf())],
        },
    )
    end = timezone.now()
    assert response.status_code == 200 and Tip.objects.count() == 1 and TipFile.objects.count() == 1

    after = all_rows()
    marks = clock_marks(start, end)
    new_rows = {table: rows - before.get(table, set()) for table, rows in after.items()}
    assert new_rows["tips_tip"] and new_rows["tips_tipfile"] and new_rows["tips_tipsource"]
    queue = [table for table in new_rows if table.startswith("django_tasks") and new_rows[table]]
    assert not queue, "a task row records when the tip was sent"
    for table, rows in new_rows.items():
        for row in rows:
            for value in row:
                assert not betrays_time(value, marks, start, end), (table, value)

    # The budget's counters in the cache name the UTC day and expire at its end: nothing finer.
    day = int(end.timestamp() // 86400)
    counters = {key: expiry for key, expiry in cache._expire_info.items() if ":ratelimit:" in key}
    assert counters
    for key, expiry in counters.items():
        # Only the fraction of a second of the first post shows in the expiry, not the hour.
        assert f":{day}:" in key and (day + 1) * 86400 <= expiry <= (day + 1) * 86400 + 1, key

    # Nothing reaches the disk when the tip arrives: a file's ctime cannot be reset.
    assert stored_files(root) == []
    assert not root.exists() or root.stat().st_mtime % 86400 == 0

    time.sleep(0.05)
    sweep_start = time.time()
    run_sweep()
    (path,) = stored_files(root)
    midnight = datetime.datetime.combine(Tip.objects.get().received_on, datetime.time(), tzinfo=datetime.UTC)
    assert sweep_start - 0.02 > end.timestamp()
    for entry in (path, root):
        stat = entry.stat()
        assert stat.st_mtime == midnight.timestamp(), entry
        # Other times are midnight, or the sweep's (run by the scheduler hours apart from any
        # tip), or, for the folder's access time, when it was last listed.
        for seen in (stat.st_atime, stat.st_ctime):
            assert seen == midnight.timestamp() or seen >= sweep_start - 0.02, entry
    assert TipFile.objects.get().pending_data is None


def test_the_upgrade_deletes_the_old_per_tip_task_rows(transactional_db):
    from django.db.migrations.executor import MigrationExecutor
    from django_tasks_db.models import DBTaskResult

    executor = MigrationExecutor(connection)
    executor.migrate([("tips", "0003_sweep_instead_of_tasks")])
    for path in ("tips.tasks.notify_tip_editors", "comments.tasks.notify_moderators"):
        DBTaskResult.objects.create(
            task_path=path, args_kwargs={"args": [], "kwargs": {}}, queue_name="default", backend_name="default"
        )
    executor = MigrationExecutor(connection)
    executor.migrate([("tips", "0004_forget_tip_notification_tasks")])
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["comments.tasks.notify_moderators"]
