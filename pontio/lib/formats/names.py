"""People's names as the formats write them ("Ralser, Markus", "Markus Ralser", "Ralser M",
"Ludwig van Beethoven") turned into family and given names, and back."""

import re

from pontio.lib.formats.fields import clean
from pontio.lib.records import Author

# Lower-case words that belong to the family name: "van der Berg", "ap Gruffydd", "de la Cruz".
_PARTICLES = frozenset(
    (
        *("van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos"),
        *("du", "le", "la", "les", "ter", "ten", "ap", "ab", "af", "bin", "al", "el"),
    )
)
_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
# "M", "M.", "AB", "A.B.", "J-P" are initials when they follow a family name (Scopus, PubMed AU).
_INITIALS = re.compile(r"^(?:[A-Z]\.?-?){1,4}$")
_SCOPUS_ID = re.compile(r"\s*\(\d+\)\s*$")


def author_from_name(text: str | None) -> Author | None:
    """An Author from one name in any of the usual orders; None for an empty name."""
    name = _SCOPUS_ID.sub("", clean(text)).strip(" ;")
    if not name:
        return None
    if "," in name:
        family, _, given = name.partition(",")
        # "King, Jr., Martin Luther": the suffix stays with the family name.
        suffix, comma, rest = given.partition(",")
        if comma and suffix.strip().lower() in _SUFFIXES:
            family, given = f"{family.strip()} {suffix.strip()}", rest
        return Author(family=clean(family), given=clean(given))
    words = name.split(" ")
    if len(words) == 1:
        return Author(family=words[0])
    if _INITIALS.match(words[-1]) and not _INITIALS.match(words[0]):
        return Author(family=" ".join(words[:-1]), given=words[-1])
    suffix = ""
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        suffix = " " + words.pop()
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLES:
            start = index
            break
    return Author(family=" ".join(words[start:]) + suffix, given=" ".join(words[:start]))


def author_from_family_first(text: str | None) -> Author | None:
    """A name from a field that is family-first by definition (RIS AU, MEDLINE FAU): "Smith,
    John" or "Smith JA"; with neither comma nor initials it is one name, an organisation's."""
    name = clean(text)
    if "," in name or _INITIALS.match(name.rsplit(" ", 1)[-1]):
        return author_from_name(name)
    return Author(family=name) if name else None


def authors_from_cell(text: str | None) -> list[Author]:
    """Authors from one spreadsheet cell: "A; B" in either name order, "A and B", or Scopus's
    older "Smith J., Jones A.B." with commas between people."""
    cell = clean(text)
    if not cell:
        return []
    if ";" in cell:
        parts = cell.split(";")
    elif re.search(r"\s(?:and|&)\s", cell):
        parts = re.split(r"\s(?:and|&)\s", cell)
    elif "," in cell and all(map(_looks_like_family_initials, cell.split(","))):
        parts = cell.split(",")  # Scopus: "Smith J., Jones A.B."
    elif cell.count(",") == 1:
        parts = [cell]  # "Ralser, Markus": one person
    else:
        parts = cell.split(",")  # "Markus Ralser, Gino Heeren, Mark Breitenbach"
    return [author for author in map(author_from_name, parts) if author is not None]


def _looks_like_family_initials(part: str) -> bool:
    words = part.strip().split(" ")
    return len(words) >= 2 and bool(_INITIALS.match(words[-1]))


def family_first(author: Author) -> str:
    """ "Family, Given" (or just the family name), the form RIS, BibTeX and CSV all read back."""
    return f"{author.family}, {author.given}" if author.given else author.family
