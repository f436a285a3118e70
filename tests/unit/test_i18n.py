"""Locale negotiation (``ips_emulator.i18n.Catalogs``) and the shipped gettext catalogs."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ips_emulator.domain.messages import TEMPLATES, render
from ips_emulator.i18n import Catalogs, CatalogsNotCompiledError, wire_locale
from ips_emulator.resources import data_dir

LOCALES_DIR = data_dir("locales")
PO_FILES = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/ips_emulator.po"))
SHIPPED = sorted(p.parent.parent.name for p in PO_FILES)
TRANSLATABLE = frozenset(t.text for t in TEMPLATES.values() if t.translatable)


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def messages(catalog: Catalog) -> dict[str, str]:
    """msgid -> msgstr of every entry but the header (no plurals in this domain)."""
    out: dict[str, str] = {}
    for message in catalog:
        if not message.id:
            continue
        assert isinstance(message.id, str), f"unexpected plural entry {message.id!r}"
        assert isinstance(message.string, str)
        out[message.id] = message.string
    return out


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs(LOCALES_DIR)


# --- negotiation ---------------------------------------------------------------------------


def test_the_expected_locales_are_shipped(catalogs: Catalogs) -> None:
    assert {"en_US", "fr_FR", "de_DE", "ja_JP"} <= catalogs.available
    assert catalogs.available == frozenset(SHIPPED)
    assert catalogs.default == "en_US"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr-FR", "fr_FR"),
        ("fr_FR", "fr_FR"),
        ("fr", "fr_FR"),
        ("FR-fr", "fr_FR"),
        ("fr-CA", "fr_FR"),
        ("de", "de_DE"),
        ("ja", "ja_JP"),
        ("en", "en_US"),
        ("de-DE", "de_DE"),
        ("ja-JP", "ja_JP"),
        ("de-AT", "de_DE"),
        ("en-GB", "en_US"),
    ],
)
def test_match_and_negotiate_shipped_locales(catalogs: Catalogs, tag: str, expected: str) -> None:
    assert catalogs.match(tag) == expected
    assert catalogs.negotiate(tag, None) == expected
    assert catalogs.negotiate(None, tag) == expected


@pytest.mark.parametrize(
    "tag", ["xx-YY", "klingon", "", "123", "en-US-x-very-long-garbage!!", "zz", "-", "fr-"]
)
@pytest.mark.parametrize("default", ["en-US", "ja-JP"])
def test_unknown_tags_fall_back_to_the_default_without_raising(tag: str, default: str) -> None:
    catalogs = Catalogs(LOCALES_DIR, default)
    assert catalogs.match(tag) is None
    assert catalogs.negotiate(tag, None) == catalogs.default
    assert catalogs.negotiate(None, tag) == catalogs.default
    assert catalogs.default == default.replace("-", "_")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("de-US", "de_DE"), ("fr-JP", "fr_FR"), ("ja-US", "ja_JP"), ("fr-FR-x-custom", "fr_FR")],
)
def test_unknown_region_falls_back_by_language(catalogs: Catalogs, tag: str, expected: str) -> None:
    assert catalogs.match(tag) == expected


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de;q=0.8, ja;q=0.9", "ja_JP"),
        ("ja;q=0.9, de;q=0.8", "ja_JP"),
        ("*", "en_US"),
        ("xx, fr;q=0.5", "fr_FR"),
        ("ja;q=0", "en_US"),
        ("ja;q=0, fr;q=0.1", "fr_FR"),
        ("de-DE, *;q=0.1", "de_DE"),
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr_FR"),
        ("xx-YY, klingon", "en_US"),
        ("fr;q=abc, ,,", "en_US"),
    ],
)
def test_accept_language_honours_q_values(
    catalogs: Catalogs, accept_language: str, expected: str
) -> None:
    assert catalogs.negotiate(None, accept_language) == expected


def test_no_locale_and_no_accept_language_is_the_default(catalogs: Catalogs) -> None:
    assert catalogs.negotiate(None, None) == "en_US"
    assert catalogs.negotiate("", "") == "en_US"


@pytest.mark.parametrize(
    ("requested", "accept_language", "expected"),
    [
        ("ja", "fr", "ja_JP"),
        ("de-DE", "fr-FR;q=1.0, ja;q=0.5", "de_DE"),
        ("fr_FR", "de", "fr_FR"),
        (None, "de", "de_DE"),
        ("", "de", "de_DE"),
    ],
)
def test_auth_header_locale_beats_accept_language(
    catalogs: Catalogs, requested: str | None, accept_language: str, expected: str
) -> None:
    assert catalogs.negotiate(requested, accept_language) == expected


def test_default_locale_argument_is_honoured() -> None:
    german = Catalogs(LOCALES_DIR, "de-DE")
    assert german.default == "de_DE"
    assert german.negotiate(None, None) == "de_DE"
    assert german.negotiate("xx-YY", None) == "de_DE"
    assert german.negotiate(None, "*") == "de_DE"
    assert german.negotiate("fr", None) == "fr_FR"  # the default does not override a match


@pytest.mark.parametrize("default", ["xx-YY", "ru-RU", "klingon", ""])
def test_unshipped_default_locale_raises_value_error(default: str) -> None:
    with pytest.raises(ValueError, match="not shipped"):
        Catalogs(LOCALES_DIR, default)


def test_a_locale_without_its_compiled_catalog_fails_loudly(tmp_path: Path) -> None:
    # gettext would find no .mo without a word and answer English in every locale.
    for locale in ("en_US", "fr_FR"):
        (tmp_path / locale / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / locale / "LC_MESSAGES" / "ips_emulator.po").write_text("")
    (tmp_path / "en_US" / "LC_MESSAGES" / "ips_emulator.mo").write_bytes(
        (LOCALES_DIR / "en_US" / "LC_MESSAGES" / "ips_emulator.mo").read_bytes()
    )
    with pytest.raises(CatalogsNotCompiledError, match=r"missing: fr_FR\).*make catalogs"):
        Catalogs(tmp_path)
    (tmp_path / "fr_FR" / "LC_MESSAGES" / "ips_emulator.mo").write_bytes(
        (LOCALES_DIR / "fr_FR" / "LC_MESSAGES" / "ips_emulator.mo").read_bytes()
    )
    assert Catalogs(tmp_path).available == {"en_US", "fr_FR"}


def test_no_locale_at_all_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(CatalogsNotCompiledError, match="every locale"):
        Catalogs(tmp_path)


@pytest.mark.parametrize(
    ("locale", "wire"),
    [("fr_FR", "fr-FR"), ("en_US", "en-US"), ("ja_JP", "ja-JP"), ("de_DE", "de-DE")],
)
def test_wire_locale(locale: str, wire: str) -> None:
    assert wire_locale(locale) == wire


def test_wire_locale_round_trips_through_match(catalogs: Catalogs) -> None:
    for locale in catalogs.available:
        assert catalogs.match(wire_locale(locale)) == locale


# --- catalogs ------------------------------------------------------------------------------


def test_every_locale_has_a_po_file() -> None:
    assert {"en_US", "fr_FR", "de_DE", "ja_JP"} <= set(SHIPPED)
    for locale in SHIPPED:
        assert (LOCALES_DIR / locale / "LC_MESSAGES" / "ips_emulator.mo").is_file(), locale


def test_there_are_translatable_templates() -> None:
    assert TRANSLATABLE
    assert any(not t.translatable for t in TEMPLATES.values())


@pytest.mark.parametrize("po_file", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_catalog_is_complete_and_consistent(po_file: Path) -> None:
    locale = po_file.parent.parent.name
    catalog = read_catalog(po_file)
    entries = messages(catalog)

    missing = TRANSLATABLE - entries.keys()
    assert not missing, f"{locale}: templates without an entry: {sorted(missing)}"
    untranslated = sorted(msgid for msgid in TRANSLATABLE if not entries[msgid].strip())
    assert not untranslated, f"{locale}: empty msgstr for {untranslated}"

    fuzzy = sorted(m.id for m in catalog if m.id and m.fuzzy)
    assert not fuzzy, f"{locale}: fuzzy entries {fuzzy}"

    stale = sorted(entries.keys() - TRANSLATABLE)
    assert not stale, f"{locale}: msgids that are no template text: {stale}"
    assert not catalog.obsolete, f"{locale}: obsolete entries {list(catalog.obsolete)}"

    for msgid, msgstr in entries.items():
        assert placeholders(msgstr) == placeholders(msgid), (locale, msgid, msgstr)

    if not locale.startswith("en"):
        copied = sorted(msgid for msgid in TRANSLATABLE if entries[msgid] == msgid)
        assert not copied, f"{locale}: English text copied as the translation: {copied}"


def test_pot_lists_exactly_the_translatable_templates() -> None:
    pot = read_catalog(LOCALES_DIR / "ips_emulator.pot")
    ids = [m.id for m in pot if m.id]
    assert len(ids) == len(set(ids))
    assert set(ids) == TRANSLATABLE
    assert all(not m.string for m in pot if m.id)


def dummy_params(template_id: str) -> dict[str, str]:
    return {name: f"<{name}>" for name in TEMPLATES[template_id].placeholders}


@pytest.mark.parametrize("locale", SHIPPED)
def test_render_every_template_in_every_locale(catalogs: Catalogs, locale: str) -> None:
    texts = catalogs.messages(locale)
    po = messages(read_catalog(LOCALES_DIR / locale / "LC_MESSAGES" / "ips_emulator.po"))
    for template_id, template in TEMPLATES.items():
        params = dummy_params(template_id)
        text = render(template_id, params, texts)
        assert text.strip(), template_id
        for value in params.values():
            assert value in text, (locale, template_id, text)
        assert "{" not in text, (locale, template_id, text)
        if template.translatable:
            assert template.text in po, f"{locale}: no catalog entry for {template.text!r}"
            # The compiled .mo serves the .po's translation (not the msgid fallback).
            assert text == po[template.text].format_map(params), (locale, template_id)
        else:
            assert text == template.text.format_map(params)


def test_translations_are_cached_per_locale(catalogs: Catalogs) -> None:
    assert catalogs.translations("fr_FR") is catalogs.translations("fr_FR")
    assert catalogs.gettext("fr_FR")("Upload has begun!") != "Upload has begun!"
    assert catalogs.gettext("en_US")("Upload has begun!") == "Upload has begun!"
