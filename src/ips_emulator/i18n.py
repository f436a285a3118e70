"""Localized ``logMessage`` text from gettext catalogs, and locale negotiation.

Catalogs live in ``locales/<ll_CC>/LC_MESSAGES/ips_emulator.mo`` (compiled from
the ``.po`` files by ``pybabel compile``). Each locale is loaded once per
process and cached. Negotiation follows the IPS rule: ``authHeader/locale``,
else ``Accept-Language``, else the server default; a locale we do not ship
falls back by language, then to the default, and never faults.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.support import NullTranslations, Translations
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from ips_emulator.domain.messages import Gettext, Messages, translated_messages

DOMAIN = "ips_emulator"

# Preferred region per language, for requests that name only a language or
# a region we do not ship (fr-CA -> fr-FR, pt -> pt-BR).
_PREFERRED_REGION = {
    "en": "US", "fr": "FR", "de": "DE", "it": "IT", "es": "ES", "pt": "BR",
    "nl": "NL", "sv": "SE", "ja": "JP", "ko": "KR",
}  # fmt: skip
_TRADITIONAL_CHINESE = {"TW", "HK", "MO"}
_TAG = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*$")


def _parse(tag: str) -> Locale | None:
    tag = tag.strip()
    if not _TAG.match(tag):
        return None
    try:
        return Locale.parse(tag.replace("-", "_"), sep="_")
    except (UnknownLocaleError, ValueError):
        pass
    parts = re.split("[_-]", tag)
    language = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else None
    for territory in (region, None):  # FR-fr as fr-FR; de-US (no such locale) as de
        try:
            return Locale(language, territory)
        except (UnknownLocaleError, ValueError):
            continue
    return None


class CatalogsNotCompiledError(FileNotFoundError):
    """A shipped locale has no compiled ``.mo`` catalog."""


def _check_compiled(locales_dir: Path, locales: frozenset[str]) -> None:
    """Fail at start-up rather than answer in English: gettext finds no ``.mo`` file
    without a word, and every ``logMessage`` would then be English whatever the locale."""
    missing = sorted(
        locale
        for locale in locales
        if not (locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )
    if not locales or missing:
        raise CatalogsNotCompiledError(
            f"message catalogs not compiled in {locales_dir} "
            f"(missing: {', '.join(missing) or 'every locale'}): in a source checkout, "
            "run `make catalogs`; an installed package without them was built wrongly"
        )


class Catalogs:
    """The shipped locales and their translations."""

    def __init__(self, locales_dir: Path, default_locale: str = "en-US") -> None:
        self.locales_dir = locales_dir
        self.available = frozenset(
            p.name for p in locales_dir.iterdir() if (p / "LC_MESSAGES").is_dir()
        )
        _check_compiled(locales_dir, self.available)
        default = self.match(default_locale)
        if default is None:
            raise ValueError(
                f"default locale {default_locale!r} is not shipped "
                f"(available: {', '.join(sorted(self.available))})"
            )
        self.default = default
        self._cache: dict[str, NullTranslations] = {}
        self._tables: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def match(self, tag: str) -> str | None:
        """The shipped locale (``fr_FR``) that serves ``tag``, or None."""
        locale = _parse(tag)
        if locale is None:
            return None
        language = locale.language
        if locale.territory and f"{language}_{locale.territory}" in self.available:
            return f"{language}_{locale.territory}"
        if language == "zh":
            traditional = locale.script == "Hant" or locale.territory in _TRADITIONAL_CHINESE
            candidate = "zh_TW" if traditional else "zh_CN"
            return candidate if candidate in self.available else None
        region = _PREFERRED_REGION.get(language)
        if region and f"{language}_{region}" in self.available:
            return f"{language}_{region}"
        same_language = sorted(a for a in self.available if a.split("_")[0] == language)
        return same_language[0] if same_language else None

    def negotiate(self, requested: str | None, accept_language: str | None) -> str:
        if requested:
            return self.match(requested) or self.default
        if accept_language:
            accepted = parse_accept_header(accept_language, LanguageAccept)
            for tag, quality in accepted:  # highest quality first
                if quality > 0 and tag != "*" and (found := self.match(tag)):
                    return found
        return self.default

    def translations(self, locale: str) -> NullTranslations:
        cached = self._cache.get(locale)
        if cached is not None:
            return cached
        with self._lock:
            if locale not in self._cache:
                self._cache[locale] = Translations.load(
                    str(self.locales_dir), [locale], domain=DOMAIN
                )
            return self._cache[locale]

    def gettext(self, locale: str) -> Gettext:
        return self.translations(locale).gettext

    def messages(self, locale: str) -> Messages:
        """Every template's text in ``locale``, by template id, built once per locale:
        rendering a 1,000-entry page then costs a dict lookup per entry."""
        table = self._tables.get(locale)
        if table is None:
            table = self._tables[locale] = translated_messages(self.gettext(locale))
        return table


def wire_locale(locale: str) -> str:
    """``fr_FR`` -> ``fr-FR``, the IPS spelling."""
    return locale.replace("_", "-")
