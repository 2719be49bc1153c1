"""Read a Blogger export, entry by entry, whichever of its two formats it is in.

Google Takeout writes ``feed.atom`` with Blogger's 2018 namespace; the
classic export (``blog-MM-DD-YYYY.xml``) marks each entry with a gdata kind.
Both are read with ``iterparse`` through defusedxml, each entry dropped once
read, so memory stays flat whatever the size of the file.
"""

import dataclasses
import datetime
import re
import zipfile
from urllib.parse import unquote, urlparse
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

ATOM = "http://www.w3.org/2005/Atom"
BLOGGER = "http://schemas.google.com/blogger/2018"
APP = "http://purl.org/atom/app#"
THR = "http://purl.org/syndication/thread/1.0"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
TAG_PREFIX = "tag:blogger.com,1999:"

TAKEOUT = "takeout"
CLASSIC = "classic"

ANONYMOUS_NAMES = {"anonymous", "anónimo", "anonimo", "unknown", "desconocido"}
FEED_URL = re.compile(r"/feeds/(\d+)/\d+/comments/default/(\d+)")


class NotBloggerExport(Exception):
    """The file is not something Blogger wrote."""


class SeveralBlogs(Exception):
    """A Takeout zip holding more than one blog, and no choice made."""


class MalformedEntry(Exception):
    """One entry lacks what every entry of its kind must have."""


@dataclasses.dataclass
class Entry:
    """One post, page or comment, the same whichever format it came from."""

    kind: str
    blogger_id: str
    status: str = "live"  # live, draft, scheduled, pending, or skip
    skip_reason: str = ""
    title: str = ""
    html: str = ""
    published: datetime.datetime | None = None
    updated: datetime.datetime | None = None
    path: str = ""
    labels: list = dataclasses.field(default_factory=list)
    author_name: str = ""
    author_key: str = ""
    anonymous: bool = False
    post_id: str = ""
    reply_to: str = ""
    description: str = ""


@dataclasses.dataclass
class Problem:
    """An entry that could not be read, reported instead of imported."""

    blogger_id: str
    reason: str
    fatal: bool = False


def normalise_id(value):
    """Blogger's entry id without its ``tag:blogger.com,1999:`` prefix."""
    value = (value or "").strip()
    return value[len(TAG_PREFIX) :] if value.startswith(TAG_PREFIX) else value


def parse_time(value, field):
    try:
        moment = datetime.datetime.fromisoformat((value or "").strip())
    except ValueError as error:
        raise MalformedEntry(f"bad {field} date {value!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def text(element, path, namespaces=None):
    found = element.find(path, namespaces)
    return (found.text or "").strip() if found is not None and found.text else ""


def raw_text(element, path):
    found = element.find(path)
    return found.text or "" if found is not None else ""


def old_path(value):
    """The path part of an old Blogger address, or "" when there is none."""
    if not value:
        return ""
    path = unquote(urlparse(value.strip()).path)
    return path if path.startswith("/") and len(path) > 1 else ""


def author_of(element):
    author = element.find(f"{{{ATOM}}}author")
    if author is None:
        return "", "", True
    name = text(author, f"{{{ATOM}}}name")
    uri = text(author, f"{{{ATOM}}}uri")
    author_type = text(author, f"{{{BLOGGER}}}type")
    anonymous = author_type == "ANONYMOUS" or (not uri and name.casefold() in ANONYMOUS_NAMES) or not name
    # An e-mail address is never a byline: it could identify the writer.
    if "@" in name:
        name = ""
        anonymous = anonymous or not uri
    return name, uri or name, anonymous


def takeout_entry(element):
    blogger_id = normalise_id(text(element, f"{{{ATOM}}}id"))
    if not blogger_id:
        raise MalformedEntry("entry without an id")
    entry_type = text(element, f"{{{BLOGGER}}}type").upper()
    kinds = {"POST": "post", "PAGE": "page", "COMMENT": "comment"}
    if entry_type not in kinds:
        return Entry(kind="other", blogger_id=blogger_id, status="skip", skip_reason=f"type {entry_type or 'missing'}")
    entry = Entry(kind=kinds[entry_type], blogger_id=blogger_id)
    status = text(element, f"{{{BLOGGER}}}status").upper()
    trashed = text(element, f"{{{BLOGGER}}}trashed")
    if trashed:
        entry.status, entry.skip_reason = "skip", "trashed"
    elif entry.kind == "comment":
        statuses = {"LIVE": "live", "PENDING": "pending"}
        entry.status = statuses.get(status, "skip")
        entry.skip_reason = "" if status in statuses else f"status {status.lower() or 'missing'}"
    else:
        statuses = {"LIVE": "live", "DRAFT": "draft", "SCHEDULED": "scheduled"}
        entry.status = statuses.get(status, "skip")
        entry.skip_reason = "" if status in statuses else f"status {status.lower() or 'missing'}"
    entry.title = text(element, f"{{{ATOM}}}title")
    entry.html = raw_text(element, f"{{{ATOM}}}content")
    published = text(element, f"{{{ATOM}}}published") or text(element, f"{{{BLOGGER}}}created")
    if published:
        entry.published = parse_time(published, "published")
    elif entry.status in ("live", "scheduled", "pending"):
        raise MalformedEntry("entry without a published date")
    updated = text(element, f"{{{ATOM}}}updated")
    entry.updated = parse_time(updated, "updated") if updated else entry.published
    entry.path = old_path(text(element, f"{{{BLOGGER}}}filename"))
    entry.description = text(element, f"{{{BLOGGER}}}metaDescription")
    entry.labels = [
        category.get("term", "").strip()
        for category in element.findall(f"{{{ATOM}}}category")
        if category.get("scheme", "").startswith(TAG_PREFIX + "blog-") and category.get("term", "").strip()
    ]
    entry.author_name, entry.author_key, entry.anonymous = author_of(element)
    if entry.kind == "comment":
        entry.post_id = normalise_id(text(element, f"{{{BLOGGER}}}parent"))
        entry.reply_to = normalise_id(text(element, f"{{{BLOGGER}}}inReplyTo"))
        if not entry.post_id:
            raise MalformedEntry("comment without the post it belongs to")
    return entry


def classic_entry(element):
    blogger_id = normalise_id(text(element, f"{{{ATOM}}}id"))
    if not blogger_id:
        raise MalformedEntry("entry without an id")
    kind = ""
    labels = []
    for category in element.findall(f"{{{ATOM}}}category"):
        scheme, term = category.get("scheme", ""), category.get("term", "").strip()
        if scheme == KIND_SCHEME and term.startswith(KIND_PREFIX):
            kind = term[len(KIND_PREFIX) :]
        elif scheme == LABEL_SCHEME and term:
            labels.append(term)
    if kind not in ("post", "page", "comment"):
        return Entry(kind="other", blogger_id=blogger_id, status="skip", skip_reason=f"kind {kind or 'missing'}")
    entry = Entry(kind=kind, blogger_id=blogger_id, labels=labels)
    draft = text(element, f"{{{APP}}}control/{{{APP}}}draft")
    entry.title = text(element, f"{{{ATOM}}}title")
    entry.html = raw_text(element, f"{{{ATOM}}}content")
    published = text(element, f"{{{ATOM}}}published")
    if not published:
        raise MalformedEntry("entry without a published date")
    entry.published = parse_time(published, "published")
    updated = text(element, f"{{{ATOM}}}updated")
    entry.updated = parse_time(updated, "updated") if updated else entry.published
    if draft == "yes":
        entry.status = "draft"
    elif entry.kind != "comment" and entry.published > datetime.datetime.now(datetime.UTC):
        entry.status = "scheduled"
    for link in element.findall(f"{{{ATOM}}}link"):
        rel, href = link.get("rel", ""), link.get("href", "")
        if rel == "alternate" and entry.kind != "comment":
            entry.path = old_path(href)
        elif rel == "related" and entry.kind == "comment":
            match = FEED_URL.search(href)
            if match:
                entry.reply_to = f"blog-{match[1]}.post-{match[2]}"
    entry.author_name, entry.author_key, entry.anonymous = author_of(element)
    if entry.kind == "comment":
        in_reply_to = element.find(f"{{{THR}}}in-reply-to")
        entry.post_id = normalise_id(in_reply_to.get("ref", "")) if in_reply_to is not None else ""
        if not entry.post_id:
            raise MalformedEntry("comment without the post it belongs to")
    return entry


def open_export(path, blog=None):
    """A binary stream of the export at ``path``: a Takeout zip or an XML file."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        feeds = [
            name
            for name in archive.namelist()
            if name.endswith("/feed.atom") or name == "feed.atom" or re.search(r"(^|/)blog-[\d-]+\.xml$", name)
        ]
        if blog:
            feeds = [name for name in feeds if f"/{blog}/" in f"/{name}"]
        if not feeds:
            raise NotBloggerExport("the zip file holds no Blogger feed (Takeout/Blogger/Blogs/<blog>/feed.atom)")
        if len(feeds) > 1:
            names = ", ".join(sorted(name.rsplit("/", 2)[-2] for name in feeds))
            raise SeveralBlogs(f"the zip file holds several blogs ({names}); choose one with --blog")
        return archive.open(feeds[0])
    return open(path, "rb")


def read_entries(stream, problems):
    """Yield ``(format, Entry)`` for each entry of the export in ``stream``.

    An entry that cannot be read is appended to ``problems`` and skipped; a
    break in the XML itself ends the reading there, keeping what came before.
    Raises NotBloggerExport before the first entry when the file is not an
    export from Blogger.
    """
    namespaces = set()
    export_format = None
    root = None
    feed_id = ""
    try:
        for event, element in iterparse(stream, events=("start-ns", "start", "end"), forbid_dtd=True):
            if event == "start-ns":
                namespaces.add(element[1])
                continue
            if root is None:
                if element.tag != f"{{{ATOM}}}feed":
                    raise NotBloggerExport("it is XML but not an Atom feed")
                root = element
                continue
            if event == "end" and element.tag == f"{{{ATOM}}}id" and export_format is None:
                feed_id = feed_id or (element.text or "").strip()
            if event == "start" and element.tag == f"{{{ATOM}}}entry" and export_format is None:
                if BLOGGER in namespaces:
                    export_format = TAKEOUT
                elif feed_id.startswith(TAG_PREFIX + "blog-"):
                    export_format = CLASSIC
                else:
                    raise NotBloggerExport("it is an Atom feed, but not one Blogger wrote")
            if event != "end" or element.tag != f"{{{ATOM}}}entry":
                continue
            try:
                entry = takeout_entry(element) if export_format == TAKEOUT else classic_entry(element)
            except MalformedEntry as error:
                problems.append(Problem(normalise_id(text(element, f"{{{ATOM}}}id")) or "?", str(error)))
            else:
                yield export_format, entry
            root.clear()
    except ParseError as error:
        if root is None:
            raise NotBloggerExport(f"it is not XML ({error})") from error
        problems.append(Problem("?", f"the file breaks off ({error}); everything before it was kept", fatal=True))
    except DefusedXmlException as error:
        raise NotBloggerExport(f"it uses XML features an export never has ({error.__class__.__name__})") from error
    if root is not None and export_format is None and not feed_id.startswith(TAG_PREFIX + "blog-"):
        raise NotBloggerExport("it is an Atom feed, but not one Blogger wrote")
