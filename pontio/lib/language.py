"""Telling a Welsh query from an English one, so that search by meaning (an English-only model)
is not asked to rank Welsh: such a query is ranked by its words alone."""

import re

# Common Welsh words that are not also English words, and Welsh words of social care.
WELSH_WORDS = frozenset(
    [
        "yn",
        "yr",
        "y",
        "ac",
        "ar",
        "ei",
        "eu",
        "mae",
        "gyda",
        "mewn",
        "ydy",
        "yw",
        "sy",
        "sydd",
        "hefyd",
        "neu",
        "gan",
        "ond",
        "oes",
        "nid",
        "dim",
        "ddim",
        "wedi",
        "bod",
        "fydd",
        "fod",
        "hyn",
        "hynny",
        "beth",
        "sut",
        "pam",
        "pwy",
        "lle",
        "rhwng",
        "drwy",
        "trwy",
        "gyfer",
        "dros",
        "ynghylch",
        "plant",
        "plentyn",
        "gofal",
        "teulu",
        "teuluoedd",
        "ysgol",
        "ysgolion",
        "gwasanaethau",
        "gwasanaeth",
        "cymdeithasol",
        "iechyd",
        "pobl",
        "ifanc",
        "cymru",
        "cymraeg",
        "cymorth",
        "lles",
        "awdurdod",
        "lleol",
        "gweithwyr",
        "gweithiwr",
        "rhieni",
        "rhiant",
        "maeth",
        "mabwysiadu",
        "diogelu",
        "tystiolaeth",
        "ymchwil",
        "addysg",
        "canlyniadau",
        "anghenion",
    ]
)
WELSH_LETTERS = re.compile("[ŵŷŴŶ]")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def looks_welsh(text: str) -> bool:
    """True when a quarter or more of the words are Welsh, or a letter only Welsh uses is
    there (ŵ, ŷ)."""
    if WELSH_LETTERS.search(text):
        return True
    words = [word.lower() for word in WORD.findall(text)]
    if not words:
        return False
    welsh = sum(1 for word in words if word in WELSH_WORDS or word.startswith(("ngh", "mh")))
    return welsh * 4 >= len(words)
