"""What a person typed into a search box, parsed into folded words, "quoted phrases" and
-exclusions. Nothing a person types can make a search engine's query syntax fail: every word
that comes out of here is letters and digits only, and operators are plain words."""

import re
from dataclasses import dataclass

from pontio.lib.normalise import fold

# Long input (a pasted abstract) keeps its first words; past this a query gets slower, not better.
MAX_TERMS = 64
MAX_PHRASES = 8
MAX_PHRASE_WORDS = 16

# Lucene's English stop words (what BM25 baselines such as Anserini drop) and the commonest Welsh
# function words. They are dropped from plain terms, never from phrases, and kept when a query
# is nothing but stop words ("to be or not to be").
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
        "ac",
        "ar",
        "y",
        "yr",
        "yn",
        "ei",
        "eu",
    ]
)

WORD = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# A phrase in quotes (a missing closing quote runs to the end), or a run of anything else.
_TOKEN = re.compile(r'(?P<minus>-?)"(?P<phrase>[^"]*)"?|(?P<chunk>[^\s"]+)')
# "children's" is about children: drop the possessive before splitting on the apostrophe.
_POSSESSIVE = re.compile(r"['’]s\b")


class _FoldTable(dict[int, str]):
    """str.translate table for fold(), filled one character at a time as they are met. Folding
    works character by character (diacritics are removed, never recombined), so folding each
    character alone gives the same text as folding the whole string."""

    def __missing__(self, codepoint: int) -> str:
        folded = fold(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_fast(text: str) -> str:
    """fold() at C speed, for indexing many documents: same result, several times faster."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Query:
    """Folded words. A phrase is a tuple of words that must appear together in that order."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: exclusions alone find nothing, as do punctuation and emoji."""
        return not self.terms and not self.phrases

    @property
    def words(self) -> tuple[str, ...]:
        """Every word a match may contain (for highlighting), without repeats."""
        seen = dict.fromkeys(self.terms)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase))
        return tuple(seen)


def words_of(text: str) -> list[str]:
    """Folded words, split the way the search indexes split them."""
    return WORD.findall(_POSSESSIVE.sub("", fold(text)))


def parse_query(text: str) -> Query:
    """Plain words (all required unless the caller asks for any), "exact phrases", -word and
    -"phrase" exclusions. Anything else (*, :, (, AND, NEAR) is read as text, never as syntax."""
    terms: list[str] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[tuple[str, ...]] = []
    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        if match["chunk"] is not None:
            chunk = match["chunk"]
            negative = chunk.startswith("-")
            words = words_of(chunk)
            if negative and words:
                # -covid-19 excludes the phrase "covid 19", as the index splits it that way.
                excluded.append(tuple(words[:MAX_PHRASE_WORDS]))
            else:
                terms.extend(words)
            continue
        words = words_of(match["phrase"])[:MAX_PHRASE_WORDS]
        if not words:
            continue
        (excluded if match["minus"] else phrases).append(tuple(words))

    unique_terms = list(dict.fromkeys(terms))
    content = [term for term in unique_terms if term not in STOP_WORDS]
    if content or phrases:
        unique_terms = content
    return Query(
        terms=tuple(unique_terms[:MAX_TERMS]),
        phrases=tuple(dict.fromkeys(phrases))[:MAX_PHRASES],
        excluded=tuple(dict.fromkeys(excluded))[:MAX_PHRASES],
    )
