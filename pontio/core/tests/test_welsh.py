"""The Welsh catalogues are complete: every string Pontio shows has a Welsh translation, none is
fuzzy, the compiled catalogue matches its source, and the catalogue is in step with the code."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pontio.lib.po import Entry, read_po

PONTIO = Path(__file__).resolve().parents[2]
OWN = PONTIO / "locale/cy/LC_MESSAGES/django.po"
THIRD_PARTY = PONTIO / "locale_thirdparty/cy/LC_MESSAGES/django.po"
# allauth features Pontio does not switch on, so their strings are never shown.
UNUSED_ALLAUTH = (
    "idp/",
    "templates/idp",
    "webauthn",
    "headless/",
    "phone",
    "templates/mfa/webauthn",
)


def untranslated(entries: list[Entry]) -> list[str]:
    return [e.msgid for e in entries if not e.translated]


@pytest.mark.parametrize("catalogue", [OWN, THIRD_PARTY], ids=["pontio", "third-party"])
def test_every_entry_is_translated_and_none_is_fuzzy(catalogue: Path) -> None:
    entries = read_po(catalogue)
    assert entries, f"{catalogue} is empty"
    missing = untranslated(entries)
    assert not missing, f"{len(missing)} untranslated or fuzzy in {catalogue.name}: {missing[:20]}"


@pytest.mark.parametrize("catalogue", [OWN, THIRD_PARTY], ids=["pontio", "third-party"])
def test_the_compiled_catalogue_matches_its_source(catalogue: Path) -> None:
    with catalogue.with_suffix(".mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for entry in read_po(catalogue):
        if entry.msgid_plural or entry.msgctxt:
            continue
        assert compiled.gettext(entry.msgid) == entry.msgstr[0], (
            f"{catalogue.name} needs compiling again (make messages): {entry.msgid!r}"
        )


def test_every_allauth_string_shown_is_in_welsh() -> None:
    import allauth

    source = Path(allauth.__file__).parent / "locale/en/LC_MESSAGES/django.po"
    ours = {e.key for e in read_po(THIRD_PARTY) if e.translated}
    ours |= {e.key for e in read_po(OWN) if e.translated}
    needed = [
        e
        for e in read_po(source)
        if "phone" not in e.msgid.lower()
        and not (
            e.references and all(any(u in ref for u in UNUSED_ALLAUTH) for ref in e.references)
        )
    ]
    missing = [e.msgid for e in needed if e.key not in ours]
    assert not missing, f"{len(missing)} allauth strings have no Welsh: {missing[:20]}"


def test_the_catalogue_is_in_step_with_the_code(tmp_path: Path) -> None:
    """Every translatable string in Pontio's code and templates is in its catalogue."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed; .ci/run installs it")
    copy = tmp_path / "pontio"
    shutil.copytree(
        PONTIO,
        copy,
        ignore=shutil.ignore_patterns(
            "locale", "locale_thirdparty", "static", "__pycache__", "tests"
        ),
    )
    (copy / "locale").mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "cy",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    fresh = {e.key for e in read_po(copy / "locale/cy/LC_MESSAGES/django.po")}
    catalogued = {e.key for e in read_po(OWN)}
    missing = sorted(msgid for _ctx, msgid in fresh - catalogued)
    assert not missing, f"run `make messages` and translate: {missing[:20]}"
