"""How fast ``import_blogger`` brings a large Blogger blog across, and in how much memory.

Run as::

    createdb -h 127.0.0.1 -U postgres fr_blogger_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fr_blogger_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fr_blogger_bench .venv/bin/python bench/blogger_import.py

It writes a synthetic export in both of Blogger's formats (by default 10,000
posts and 100,000 comments, threads up to four deep, Spanish and English
text, labels with accents, a few drafts and trashed entries), imports each
into its own new blog index through ``manage.py import_blogger`` in a child
process, and prints posts/s, comments/s, the wall time and the child's peak
memory (``ru_maxrss``). Targets: under 5 minutes and under 300 MB each.
``--posts`` and ``--comments`` make a smaller run; ``--format`` runs one format.
"""

import argparse
import datetime
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape, quoteattr

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET_SECONDS = 300
TARGET_MB = 300

SPANISH = [
    "Cientos de familias esperan en el puente internacional desde la madrugada.",
    "Los agentes dicen que la fila avanza despacio y que no hay agua.",
    "Vecinos de la colonia denunciaron disparos durante la noche.",
    "La fiscalía no ha respondido a nuestras preguntas sobre el caso.",
    "Según documentos revisados por esta redacción, el contrato se firmó sin licitación.",
    "Los transportistas aseguran que las revisiones se duplicaron desde el verano.",
    "Una madre busca a su hijo desaparecido hace tres años en Reynosa.",
]
ENGLISH = [
    "Hundreds of families wait at the international bridge since dawn.",
    "Officers say the line moves slowly and there is no water.",
    "Residents reported gunfire in the neighbourhood overnight.",
    "The prosecutor's office has not answered our questions about the case.",
    "According to documents reviewed by this newsroom, the contract was signed without a tender.",
    "Truck drivers say inspections have doubled since the summer.",
    "A mother searches for her son, missing for three years in Reynosa.",
]
LABELS = [
    "Migración",
    "Crimen organizado",
    "Frontera",
    "Economía",
    "Tráfico de armas",
    "Niñez migrante",
    "Elecciones",
    "Justicia",
    "Desaparición forzada",
    "Periodismo",
    "Border",
    "Courts",
    "Trade",
    "Água",
    "Señal ñ",
]
NAMES = ["Lector Uno", "Anonymous", "María G.", "Border Watcher", "Anonymous", "José Ángel", "Reader 22"]


def body(rng, sentences, number):
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        text = "<br />".join(rng.sample(sentences, 2))
        paragraphs.append(f'<span style="font-family: arial;"><span style="font-size: medium;">{text}</span></span>')
    html = "<br /><br />".join(paragraphs)
    if number % 5 == 0:
        html += (
            '<div class="separator" style="clear: both; text-align: center;">'
            f'<a href="https://blogger.googleusercontent.com/img/b/BENCH/s1600/foto-{number}.jpg">'
            f'<img border="0" src="https://blogger.googleusercontent.com/img/b/BENCH/s320/foto-{number}.jpg" />'
            "</a></div>"
        )
    if number % 20 == 0:
        html += '<iframe src="https://www.youtube.com/embed/bench' + str(number) + '" width="320"></iframe>'
    if number % 7 == 0:
        html = f"<h3>{escape(sentences[number % len(sentences)][:40])}</h3>" + html
    return html


def plan(posts, comments, prefix, seed=15):
    """Yield ``(post, [comments])`` with the same content for either format."""
    rng = random.Random(seed)  # noqa: S311 (synthetic text, not secrets)
    start = datetime.datetime(2012, 1, 1, 12, tzinfo=datetime.UTC)
    base, extra = divmod(comments, posts)
    next_comment = 10_000_000
    for number in range(posts):
        spanish = number % 3 != 0
        sentences = SPANISH if spanish else ENGLISH
        published = start + datetime.timedelta(hours=8 * number)
        status = "DRAFT" if number % 100 == 99 else "LIVE"
        post = {
            "id": 1_000_000 + number,
            "title": f"{sentences[number % len(sentences)][:50]} ({number})",
            "html": body(rng, sentences, number),
            "published": published,
            "status": status,
            "trashed": number % 250 == 249,
            "labels": rng.sample(LABELS, rng.randint(1, 3)),
            "path": f"/{published:%Y/%m}/{prefix}-{number}.html" if status == "LIVE" else "",
        }
        thread = []
        for position in range(base + (1 if number < extra else 0)):
            next_comment += 1
            parent = None
            if thread and rng.random() < 0.6:
                parent = rng.choice([c for c in thread if c["depth"] < 4])
            thread.append(
                {
                    "id": next_comment,
                    "parent": parent["id"] if parent else None,
                    "depth": parent["depth"] + 1 if parent else 1,
                    "name": rng.choice(NAMES),
                    "text": " ".join(rng.sample(sentences, 2)),
                    "published": published + datetime.timedelta(minutes=10 * (position + 1)),
                    "deleted": rng.random() < 0.01,
                }
            )
        yield post, thread


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def write_takeout(path, posts, comments, blog):
    tag = f"tag:blogger.com,1999:blog-{blog}"
    with open(path, "w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='utf-8'?>\n")
        out.write("<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>")
        out.write(f"<id>{tag}</id><title>Bench</title>\n")
        for post, thread in plan(posts, comments, "nota"):
            labels = "".join(f"<category scheme='{tag}' term={quoteattr(label)}/>" for label in post["labels"])
            out.write(
                f"<entry><id>{tag}.post-{post['id']}</id><blogger:type>POST</blogger:type>"
                f"<blogger:status>{post['status']}</blogger:status>"
                "<author><name>Ana Sombra</name><uri>https://www.blogger.com/profile/1</uri>"
                "<blogger:type>BLOGGER</blogger:type></author>"
                f"<title>{escape(post['title'])}</title><content type='html'>{escape(post['html'])}</content>"
                f"<published>{stamp(post['published'])}</published>{labels}"
                f"<blogger:filename>{post['path']}</blogger:filename>"
                + (f"<blogger:trashed>{stamp(post['published'])}</blogger:trashed>" if post["trashed"] else "")
                + "</entry>\n"
            )
            # Blogger lists comments newest first: replies come before what they answer.
            for comment in reversed(thread):
                anonymous = comment["name"] == "Anonymous"
                reply_to = f"{tag}.post-{comment['parent']}" if comment["parent"] else ""
                out.write(
                    f"<entry><id>{tag}.post-{comment['id']}</id><blogger:type>COMMENT</blogger:type>"
                    f"<blogger:status>{'DELETED' if comment['deleted'] else 'LIVE'}</blogger:status>"
                    f"<author><name>{escape(comment['name'])}</name>"
                    f"<blogger:type>{'ANONYMOUS' if anonymous else 'BLOGGER'}</blogger:type></author>"
                    f"<content type='html'>{escape(comment['text'])}</content>"
                    f"<published>{stamp(comment['published'])}</published>"
                    f"<blogger:parent>{tag}.post-{post['id']}</blogger:parent>"
                    f"<blogger:inReplyTo>{reply_to}"
                    "</blogger:inReplyTo></entry>\n"
                )
        out.write("</feed>\n")


def write_classic(path, posts, comments, blog):
    tag = f"tag:blogger.com,1999:blog-{blog}"
    kind = "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{}'/>"
    with open(path, "w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n")
        out.write(
            "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005' "
            "xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        )
        out.write(f"<id>{tag}.archive</id><title type='text'>Bench</title>\n")
        for post, thread in plan(posts, comments, "entrada"):
            if post["trashed"]:
                continue  # the classic export has no trash
            labels = "".join(
                f"<category scheme='http://www.blogger.com/atom/ns#' term={quoteattr(label)}/>"
                for label in post["labels"]
            )
            draft = "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>"
            link = (
                f"<link rel='alternate' type='text/html' href='https://bench.blogspot.com{post['path']}'/>"
                if post["path"]
                else ""
            )
            out.write(
                f"<entry><id>{tag}.post-{post['id']}</id><published>{stamp(post['published'])}</published>"
                + (draft if post["status"] == "DRAFT" else "")
                + kind.format("post")
                + labels
                + f"<title type='text'>{escape(post['title'])}</title>"
                f"<content type='html'>{escape(post['html'])}</content>{link}"
                "<author><name>Ana Sombra</name><uri>https://www.blogger.com/profile/1</uri>"
                "<email>noreply@blogger.com</email></author></entry>\n"
            )
            for comment in reversed(thread):
                if comment["deleted"]:
                    continue
                related = (
                    f"<link rel='related' href='https://www.blogger.com/feeds/{blog}/{post['id']}/comments/default/"
                    f"{comment['parent']}'/>"
                    if comment["parent"]
                    else ""
                )
                out.write(
                    f"<entry><id>{tag}.post-{comment['id']}</id><published>{stamp(comment['published'])}</published>"
                    + kind.format("comment")
                    + f"<content type='html'>{escape(comment['text'])}</content>{related}"
                    f"<author><name>{escape(comment['name'])}</name><email>noreply@blogger.com</email></author>"
                    f"<thr:in-reply-to ref='{tag}.post-{post['id']}'/></entry>\n"
                )
        out.write("</feed>\n")


def import_export(path, index_slug, inline_index):
    """Run import_blogger in a child process; returns (seconds, peak MB, CPU seconds, output)."""
    env = dict(os.environ)
    if not inline_index:
        # As in production: search and reference indexing are queued for the worker.
        env["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "import_blogger",
        str(path),
        "--index",
        index_slug,
        "--language",
        "detect",
    ]
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # noqa: S603
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"import_blogger failed:\n{output}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, output


def create_index(slug):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from blog.models import BlogIndexPage
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        sys.exit("No home page: migrate the database first (see this file's docstring).")
    index = BlogIndexPage(title_en=f"Bench {slug}", slug_en=slug, title_es=f"Banco {slug}", slug_es=slug)
    home.add_child(instance=index)
    index.save_revision().publish()


def count(output, key):
    match = re.search(rf"^  {re.escape(key)}: (\d+)$", output, re.MULTILINE)
    return int(match[1]) if match else 0


def phase(output, name):
    match = re.search(rf"{name} in ([\d.]+) s", output)
    return float(match[1]) if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--format", choices=["takeout", "classic", "both"], default="both")
    parser.add_argument(
        "--inline-index",
        action="store_true",
        help="Write the search and reference indexes during the import instead of queueing them for the worker.",
    )
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Note: DATABASE_URL is not PostgreSQL; the targets are for PostgreSQL.")
    formats = ["takeout", "classic"] if options.format == "both" else [options.format]
    run = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S")
    with tempfile.TemporaryDirectory(prefix="blogger-bench-") as folder:
        for export_format in formats:
            path = pathlib.Path(folder) / ("feed.atom" if export_format == "takeout" else "blog-11-20-2023.xml")
            started = time.monotonic()
            # Fresh Blogger ids each run, so nothing is taken for already imported.
            blog = int(run) * 10 + formats.index(export_format)
            (write_takeout if export_format == "takeout" else write_classic)(
                path, options.posts, options.comments, blog
            )
            size = path.stat().st_size / 1024 / 1024
            print(f"{export_format}: wrote {size:.1f} MB in {time.monotonic() - started:.1f} s")
            slug = f"bench-{export_format}-{run}"
            create_index(slug)
            seconds, peak, cpu, output = import_export(path, slug, options.inline_index)
            posts = sum(count(output, f"posts {status}") for status in ("live", "draft", "scheduled"))
            comments = count(output, "comments approved") + count(output, "comments pending")
            entries, threading = phase(output, "entries read"), phase(output, "comments threaded")
            print(
                f"{export_format}: {posts} posts, {comments} comments, {count(output, 'redirects created')} redirects "
                f"in {seconds:.1f} s, {cpu:.0f} s of CPU (posts and staging {entries} s, threading {threading} s)"
            )
            indexing = "inline" if options.inline_index else "queued for the worker"
            print(
                f"{export_format}: search and reference indexing {indexing}; "
                f"{posts / (entries or seconds):.0f} posts/s, "
                f"{comments / (threading or seconds):.0f} comments/s, "
                f"peak memory {peak:.0f} MB  [targets: < {TARGET_SECONDS} s, < {TARGET_MB} MB: "
                f"{'met' if seconds < TARGET_SECONDS and peak < TARGET_MB else 'MISSED'}]"
            )


if __name__ == "__main__":
    main()
