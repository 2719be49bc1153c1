"""Refuse damaged translator files whole, before anything is read from them.

polib reads a PO file with an unterminated string or cut off in the middle
of an entry without complaint, dropping the last letters of a translation.
So a PO file is checked line by line here and, when GNU gettext is
installed, by ``msgfmt -c --check-format`` too; an XLIFF file must be
well-formed XML without a DTD and valid against the XLIFF 2.0 core schema
shipped in ``schemas/``. Each problem is reported with its line.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _
from lxml import etree

SCHEMA = Path(__file__).resolve().parent / "schemas" / "xliff_core_2.0.xsd"
XLIFF_2_ROOT = "{urn:oasis:names:tc:xliff:document:2.0}xliff"
MSGFMT_TIMEOUT = 20
MAX_REPORTED = 5

KEYWORD_RE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
STRING_RE = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')
MSGFMT_LINE_RE = re.compile(r"^[^:]*:(\d+):(?:\d+:)?\s*(.+)$")


@dataclass(frozen=True)
class Problem:
    line: int
    reason: str

    def __str__(self):
        return _("Line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


class InvalidFile(ValueError):
    """A translator file refused whole; ``problems`` lists where and why."""

    def __init__(self, problems):
        self.problems = list(problems)
        shown = "; ".join(str(problem) for problem in self.problems[:MAX_REPORTED])
        more = len(self.problems) - MAX_REPORTED
        if more > 0:
            shown += " " + _("(and %(count)s more)") % {"count": more}
        super().__init__(_("The file is damaged and nothing was imported. %(problems)s") % {"problems": shown})


class UnsupportedFile(InvalidFile):
    """A readable file of a kind not imported here (XLIFF 1.2, say): not damaged, but refused whole."""

    def __init__(self, message):
        self.problems = []
        ValueError.__init__(self, message)


def decode(content):
    """``content`` as text, refusing bytes that are not UTF-8 with the line they are on."""
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise InvalidFile([Problem(line, _("this is not UTF-8 text"))]) from error


def po_syntax_problems(text):
    """Problems a gettext parser would stop at: unterminated strings and entries cut short."""
    problems = []
    expecting_msgstr = None  # line of a msgid still waiting for its msgstr
    in_entry = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = KEYWORD_RE.match(line)
        string = match.group(2) if match else line
        if not match and not line.startswith('"'):
            problems.append(Problem(number, _("this line is not part of a PO entry")))
            continue
        if not match and not in_entry:
            problems.append(Problem(number, _("a string with no keyword before it")))
            continue
        if not STRING_RE.match(string):
            problems.append(Problem(number, _("the string is not closed on this line")))
        if not match:
            continue
        keyword = match.group(1)
        in_entry = True
        if keyword in ("msgctxt", "msgid"):
            if expecting_msgstr is not None:
                problems.append(Problem(expecting_msgstr, _("this entry has no msgstr")))
            if keyword == "msgid":
                expecting_msgstr = number
        elif keyword.startswith("msgstr"):
            if expecting_msgstr is None and keyword == "msgstr":
                problems.append(Problem(number, _("a msgstr with no msgid before it")))
            expecting_msgstr = None
    if expecting_msgstr is not None:
        problems.append(Problem(expecting_msgstr, _("the file ends before this entry's msgstr")))
    return problems


def msgfmt_problems(text):
    """What ``msgfmt -c --check-format`` rejects, or nothing when GNU gettext is not installed."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    try:
        completed = subprocess.run(  # noqa: S603 - fixed arguments; the file goes to stdin
            [msgfmt, "--check", "--check-format", "--output-file=/dev/null", "-"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=MSGFMT_TIMEOUT,
            check=False,
            env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return [Problem(0, _("GNU msgfmt could not check the file"))]
    if completed.returncode == 0:
        return []
    problems = []
    for line in completed.stderr.decode("utf-8", "replace").splitlines():
        match = MSGFMT_LINE_RE.match(line)
        if match:
            problems.append(Problem(int(match.group(1)), match.group(2).strip()))
    return problems or [Problem(0, completed.stderr.decode("utf-8", "replace").strip()[:200])]


def check_po(content):
    """The PO file as text; InvalidFile when gettext would refuse it or an entry repeats."""
    text = decode(content)
    problems = po_syntax_problems(text) or msgfmt_problems(text)
    if problems:
        raise InvalidFile(problems)
    try:
        polib.pofile(text, check_for_duplicates=True)
    except ValueError as error:
        raise InvalidFile([Problem(0, str(error))]) from error
    except OSError as error:
        line = re.search(r"line (\d+)", str(error))
        raise InvalidFile([Problem(int(line.group(1)) if line else 0, str(error))]) from error
    return text


def check_xliff(content):
    """InvalidFile unless ``content`` is well-formed, DTD-free XML valid against XLIFF 2.0 core."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        root = fromstring(data)  # refuses DTDs and entities before lxml sees the document
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else 0
        raise InvalidFile([Problem(line, _("the XML is not well-formed"))]) from error
    except DefusedXmlException as error:
        raise InvalidFile([Problem(0, _("the XML declares a DTD or entities"))]) from error
    # Told apart before the schema, whose error for an XLIFF 1.2 file means nothing to a translator.
    if root.tag != XLIFF_2_ROOT or not str(root.get("version", "")).startswith("2."):
        raise UnsupportedFile(_("Only XLIFF 2 files are supported."))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        document = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:  # what the first parser lets through: nesting past libxml2's depth
        raise InvalidFile([Problem(error.lineno or 0, _("the XML is not well-formed"))]) from error
    schema = etree.XMLSchema(etree.parse(str(SCHEMA), parser=etree.XMLParser(no_network=True)))
    if not schema.validate(document):
        raise InvalidFile([Problem(entry.line, entry.message) for entry in schema.error_log])
    return data
