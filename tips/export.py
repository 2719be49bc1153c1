"""Exports of tips, to be decrypted on an editor's own machine.

An export is a zip file: ``manifest.json`` describes each tip, and each
sealed text or file is copied exactly as stored. Decrypting it needs the
private key, which never has to come near the server:
``manage.py tips decrypt --key-file KEY --input EXPORT.zip --output DIR``.
Sealed entries are plain libsodium sealed boxes, so any libsodium binding
can open them too.
"""

import io
import json
import zipfile
from pathlib import Path

from . import crypto

FORMAT = "frontera-tips-export"
VERSION = 1


def _zip_info(name, day):
    # The tip's date, not the time of the export or of the tip.
    return zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))


def build_export(tips):
    """The zip file, as bytes, of ``tips`` (sealed ones stay sealed)."""
    buffer = io.BytesIO()
    manifest = {"format": FORMAT, "version": VERSION, "tips": []}
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for tip in tips:
            folder = f"tip-{tip.pk}"
            entry = {
                "id": tip.pk,
                "received_on": tip.received_on.isoformat(),
                "language": tip.language,
                "status": tip.status,
                "follow_up": tip.is_follow_up,
                "source": tip.source_id,
                "encrypted": tip.is_encrypted,
                "key_id": tip.key_id,
                "files": [],
            }
            if tip.is_encrypted:
                entry["text"] = f"{folder}/text.sealed"
                archive.writestr(_zip_info(entry["text"], tip.received_on), bytes(tip.sealed_text))
            else:
                entry["text"] = f"{folder}/text.json"
                text = json.dumps(tip.open_text(), ensure_ascii=False, indent=2).encode("utf-8")
                archive.writestr(_zip_info(entry["text"], tip.received_on), text)
            for tip_file in tip.files.all():
                suffix = ".sealed" if tip_file.is_encrypted else ""
                path = f"{folder}/{tip_file.download_name}{suffix}"
                archive.writestr(_zip_info(path, tip.received_on), tip_file.stored_data())
                entry["files"].append(
                    {
                        "path": path,
                        "name": tip_file.download_name,
                        "kind": tip_file.kind,
                        "encrypted": tip_file.is_encrypted,
                        "metadata_removed": tip_file.metadata_removed,
                    }
                )
            manifest["tips"].append(entry)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return buffer.getvalue()


class ExportError(ValueError):
    pass


def _safe_name(name):
    """A bare file name from the manifest: no folders, no way out of the output folder."""
    bare = Path(name).name
    if not bare or bare in (".", ".."):
        raise ExportError(f"unsafe name in manifest: {name!r}")
    return bare


def decrypt_export(export_file, private_key, output_dir):
    """Writes each tip's text and files, decrypted, under ``output_dir``; returns the tip count."""
    output_dir = Path(output_dir)
    with zipfile.ZipFile(export_file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise ExportError("not a tips export")
        for entry in manifest["tips"]:
            folder = output_dir / f"tip-{int(entry['id'])}"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            raw = archive.read(entry["text"])
            text = json.loads(crypto.unseal(private_key, raw) if entry["encrypted"] else raw)
            lines = [
                f"Tip {int(entry['id'])} · {entry['received_on']} · {entry['language']}",
                "",
                text.get("message", ""),
            ]
            for label in ("links", "contact"):
                if text.get(label):
                    lines += ["", f"{label.capitalize()}:", text[label]]
            (folder / "message.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            for file_entry in entry["files"]:
                data = archive.read(file_entry["path"])
                if file_entry["encrypted"]:
                    data = crypto.unseal(private_key, data)
                (folder / _safe_name(file_entry["name"])).write_bytes(data)
        return len(manifest["tips"])
