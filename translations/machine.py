"""Machine translation backends that write drafts for a person to review.

Configure any number of named backends (off when the setting is absent)::

    TRANSLATIONS_MACHINE_BACKENDS = {
        "libre": {
            "BACKEND": "translations.machine.LibreTranslateBackend",
            "URL": "http://libretranslate.internal:5000",
            "API_KEY": "",            # when the server requires one
        },
        "deepl": {
            "BACKEND": "translations.machine.DeepLBackend",
            "API_KEY": "...",          # keys ending in ":fx" use the free API host
            "MODEL": "quality_optimized",  # optional model_type
        },
    }

A backend translates a batch of texts in one language pair; rich text is
sent as HTML with the service's HTML mode so markup survives. Whatever it
returns is stored as an unreviewed draft with its provenance.
"""

import logging
import re

import requests
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    pass


class MachineTranslator:
    """Base class: subclasses implement ``translate``."""

    label = "machine"
    default_model = ""

    def __init__(self, name, options):
        self.name = name
        self.options = options
        self.model = options.get("MODEL", self.default_model)
        self.timeout = options.get("TIMEOUT", 30)

    def translate(self, texts, source, target, html=False):
        """Translations of ``texts`` (a list of str), in order."""
        raise NotImplementedError

    def provenance(self):
        return {"backend": self.name, "model": self.model}

    def check(self, texts, translations):
        if not isinstance(translations, list) or len(translations) != len(texts):
            raise MachineTranslationError(
                _("The translation service returned %(got)s texts for %(sent)s.")
                % {"got": len(translations) if isinstance(translations, list) else 0, "sent": len(texts)}
            )
        return [str(text) for text in translations]


TEXT_NODE_RE = re.compile(r"(?<=>)([^<]*\S[^<]*)(?=<)|^([^<]*\S[^<]*)$")


class DummyTranslator(MachineTranslator):
    """Deterministic stand-in for tests and demos: marks every text node with ``[target]``."""

    default_model = "dummy-1"

    def translate(self, texts, source, target, html=False):
        prefix = f"[{target}] "
        if not html:
            return [prefix + text for text in texts]
        return [TEXT_NODE_RE.sub(lambda match: prefix + match.group(0), text) for text in texts]


class HTTPTranslator(MachineTranslator):
    def post(self, url, **kwargs):
        # What went wrong is logged for the operator; translators read a plain message, with no
        # internal address or answer in it.
        try:
            response = requests.post(url, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            logger.warning("Machine translation backend %s unreachable: %s", self.name, error)
            raise MachineTranslationError(
                _("The translation service could not be reached. Try again later, or translate it yourself.")
            ) from error
        if response.status_code != 200:
            logger.warning(
                "Machine translation backend %s answered %s: %s", self.name, response.status_code, response.text[:200]
            )
            raise MachineTranslationError(
                _("The translation service refused the request (error %(code)s).") % {"code": response.status_code}
            )
        try:
            return response.json()
        except ValueError as error:
            raise MachineTranslationError(_("The translation service did not answer in JSON.")) from error


class LibreTranslateBackend(HTTPTranslator):
    """LibreTranslate's ``POST /translate`` (self-hosted; an API key only when the server asks)."""

    default_model = "libretranslate"

    def translate(self, texts, source, target, html=False):
        if not texts:
            return []
        payload = {"q": texts, "source": source, "target": target, "format": "html" if html else "text"}
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        data = self.post(self.options.get("URL", "http://127.0.0.1:5000").rstrip("/") + "/translate", json=payload)
        if "error" in data:
            raise MachineTranslationError(str(data["error"]))
        return self.check(texts, data.get("translatedText"))


class DeepLBackend(HTTPTranslator):
    """DeepL's ``POST /v2/translate`` with ``Authorization: DeepL-Auth-Key``."""

    default_model = "deepl"

    def base_url(self):
        if self.options.get("URL"):
            return self.options["URL"].rstrip("/")
        key = self.options.get("API_KEY", "")
        return "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com"

    def translate(self, texts, source, target, html=False):
        if not texts:
            return []
        payload = {"text": texts, "source_lang": source.upper(), "target_lang": self.target_code(target)}
        if html:
            payload["tag_handling"] = "html"
        if self.options.get("MODEL"):
            payload["model_type"] = self.options["MODEL"]
        headers = {"Authorization": f"DeepL-Auth-Key {self.options.get('API_KEY', '')}"}
        data = self.post(self.base_url() + "/v2/translate", json=payload, headers=headers)
        translations = data.get("translations")
        if not isinstance(translations, list):
            raise MachineTranslationError(_("The translation service's answer has no translations."))
        used = {item.get("model_type_used") for item in translations if item.get("model_type_used")}
        if used:
            self.model = ", ".join(sorted(used))
        return self.check(texts, [item.get("text", "") for item in translations])

    def target_code(self, language):
        return self.options.get("TARGET_CODES", {}).get(language, language.upper())


def configured_backends():
    """``{name: options}`` of the configured backends, read at call time."""
    return dict(getattr(settings, "TRANSLATIONS_MACHINE_BACKENDS", {}) or {})


def get_backend(name):
    options = configured_backends().get(name)
    if options is None:
        raise MachineTranslationError(_("No machine translation backend is called %(name)s.") % {"name": name})
    backend_class = import_string(options.get("BACKEND", "translations.machine.DummyTranslator"))
    return backend_class(name, options)
