"""An article's thread: ordering keys at insert, display order on read.

A comment's ``path`` is its parent's path plus a five-digit position, so
ordering by ``path`` lists every thread depth-first: each comment directly
followed by its replies. A reply below the deepest allowed level is filed
under the ancestor at that level (as Blogger shows deep replies), keeping
``path`` short and the page readable; ``parent`` still records whom it
answers.
"""

import dataclasses

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, transaction
from django.db.models import Max

from .models import Comment, CommentThread

SEGMENT_WIDTH = 5
# The stored nesting never goes deeper than this, whatever the display setting.
MAX_STORED_DEPTH = 8


def segment(position):
    return str(position).zfill(SEGMENT_WIDTH)


def path_depth(path):
    return len(path) // SEGMENT_WIDTH


def next_sibling_bound(path):
    """The smallest path that sorts after every descendant of ``path``."""
    return path[:-SEGMENT_WIDTH] + segment(int(path[-SEGMENT_WIDTH:]) + 1)


def filing_parent(parent, max_depth):
    """The comment a reply to ``parent`` is filed under: ``parent`` or its ancestor."""
    if parent is None:
        return None
    # A reply is always stored under a comment of its own thread, even with
    # nesting off (depth 1), so that a thread holds everything it answers;
    # ``arrange`` then shows it flat, saying whom it answers.
    limit = max(2, min(max_depth, MAX_STORED_DEPTH)) - 1
    if parent.depth <= limit:
        return parent
    return Comment.objects.get(article_id=parent.article_id, path=parent.path[: limit * SEGMENT_WIDTH])


def next_path(article_id, under):
    """The path for a new comment placed under ``under`` (None for top level)."""
    siblings = Comment.objects.filter(article_id=article_id)
    if under is None:
        siblings = siblings.filter(depth=1)
        prefix = ""
    else:
        siblings = siblings.filter(path__gt=under.path, path__lt=next_sibling_bound(under.path), depth=under.depth + 1)
        prefix = under.path
    last = siblings.aggregate(last=Max("path"))["last"]
    position = int(last[-SEGMENT_WIDTH:]) + 1 if last else 1
    return prefix + segment(position)


def lock_thread(article_id):
    """Hold the article's thread lock until the current transaction ends.

    Whoever adds a comment takes it first, so positions are chosen (and
    limits counted) one comment at a time per article. SQLite ignores the
    lock; it lets only one transaction write at a time anyway.
    """
    if CommentThread.objects.select_for_update().filter(article_id=article_id).exists():
        return
    CommentThread.objects.get_or_create(article_id=article_id)
    CommentThread.objects.select_for_update().filter(article_id=article_id).exists()


def insert(comment, max_depth, attempts=5):
    """Save a new comment at the end of its branch; only its own row is written.

    The position is taken under the article's thread lock, from the siblings
    that exist, so rows written without the lock (a bulk import) are
    respected too. Should one still be written in the meantime, the unique
    constraint refuses the clash and the next position is taken.
    """
    with transaction.atomic():
        lock_thread(comment.article_id)
        under = filing_parent(comment.parent, max_depth)
        for attempt in range(attempts):
            comment.path = next_path(comment.article_id, under)
            comment.depth = path_depth(comment.path)
            try:
                with transaction.atomic():
                    comment.save(force_insert=True)
                return comment
            except IntegrityError:
                comment.pk = None
                if attempt == attempts - 1:
                    raise
    return comment


@dataclasses.dataclass
class ThreadEntry:
    """A comment ready for the template: nesting, numbering and links resolved."""

    comment: Comment
    depth: int = 1
    number: int | None = None
    has_replies: bool = False
    closes: range = range(0)
    reply_to: Comment | None = None


@dataclasses.dataclass
class Thread:
    entries: list
    total: int
    page: object

    @property
    def paginated(self):
        return self.page.paginator.num_pages > 1


def visible_ids(rows):
    """Approved comments whose whole chain of parents is approved too.

    ``rows`` are ``(pk, parent_id)`` in path order, so a parent always comes
    before its replies.
    """
    visible = set()
    for pk, parent_id in rows:
        if parent_id is None or parent_id in visible:
            visible.add(pk)
    return visible


def load_thread(article, *, page_number, page_size, max_depth):
    """One page of an article's approved thread, in display order, in two queries.

    Pages are cut between top-level comments, so a thread is never split.
    """
    approved = Comment.objects.filter(article=article, status=Comment.Status.APPROVED)
    outline = list(approved.order_by("path").values_list("pk", "parent_id", "path"))
    shown = visible_ids((pk, parent_id) for pk, parent_id, _path in outline)
    top_paths = [path for pk, parent_id, path in outline if parent_id is None and pk in shown]
    paginator = Paginator(top_paths, page_size)
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    if not page.object_list:
        return Thread(entries=[], total=len(shown), page=page)

    start = page.object_list[0]
    rows = approved.filter(path__gte=start).order_by("path")
    following = page.start_index() + len(page.object_list) - 1
    if following < len(top_paths):
        rows = rows.filter(path__lt=top_paths[following])
    comments = [comment for comment in rows if comment.pk in shown]
    return Thread(entries=arrange(comments, page.start_index(), max_depth), total=len(shown), page=page)


def arrange(comments, first_number, max_depth):
    """Give each comment its shown depth, its number and how many lists close after it."""
    by_pk = {comment.pk: comment for comment in comments}
    entries = []
    number = first_number
    for comment in comments:
        entry = ThreadEntry(comment=comment, depth=min(comment.depth, max_depth))
        if comment.depth == 1:
            entry.number = number
            number += 1
        parent = by_pk.get(comment.parent_id)
        # Flattened replies say whom they answer, since nesting no longer does.
        if parent is not None and min(parent.depth, max_depth) != entry.depth - 1:
            entry.reply_to = parent
        entries.append(entry)
    for index, entry in enumerate(entries):
        next_depth = entries[index + 1].depth if index + 1 < len(entries) else 1
        entry.has_replies = next_depth > entry.depth
        entry.closes = range(max(entry.depth - next_depth, 0))
    return entries


def visible_comment_ids(article):
    """The pks of every comment readers see on ``article``, by the thread's rule."""
    approved = Comment.objects.filter(article=article, status=Comment.Status.APPROVED)
    return visible_ids(approved.order_by("path").values_list("pk", "parent_id"))


def is_visible(comment):
    """True when readers see the comment: it and every comment it answers are approved.

    The rule is the thread's own (``visible_ids``), applied to the comment's
    top-level thread, which holds every comment it answers: a flattened
    reply is filed under an ancestor of the comment it answers.
    """
    if comment.status != Comment.Status.APPROVED:
        return False
    rows = (
        Comment.objects.filter(
            article_id=comment.article_id,
            status=Comment.Status.APPROVED,
            path__startswith=comment.path[:SEGMENT_WIDTH],
            path__lte=comment.path,
        )
        .order_by("path")
        .values_list("pk", "parent_id")
    )
    return comment.pk in visible_ids(rows)
