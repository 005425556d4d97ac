"""LaTeX as it appears in BibTeX fields (accents, escapes, dashes, quotes) turned into plain
Unicode, and plain text escaped so that a BibTeX reader gives it back unchanged."""

import re
import unicodedata

# Combining marks: "\^{w}" becomes "w" + U+0302, which NFC composes into "ŵ".
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "textendash": "–",
    "textemdash": "—",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "textbackslash": "\\",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textunderscore": "_",
    "textdollar": "$",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textregistered": "®",
    "texttrademark": "™",
    "copyright": "©",
    "textcopyright": "©",
    "pounds": "£",
    "textsterling": "£",
    "euro": "€",
    "texteuro": "€",
    "S": "§",
    "P": "¶",
    "textdegree": "°",
    "textbullet": "•",
    "textmu": "µ",
    "times": "×",
    "pm": "±",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "approx": "≈",
    "sim": "~",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "sigma": "σ",
    "tau": "τ",
    "chi": "χ",
    "omega": "ω",
    "Delta": "Δ",
    "Omega": "Ω",
}
_BARE_ACCENT = {"'": "'", "`": "`", "^": "^", '"': '"', "~": "~"}


def latex_to_unicode(text: str) -> str:
    """ "Ll\\^{y}n {\\\"O}zil --- \\'etude" -> "Llŷn Özil — étude"; grouping braces and math
    dollars go, unknown commands (\\emph, \\textit) leave their text behind."""
    return _convert(text)


# Characters that may start something to convert; the text between them is copied whole, which
# keeps long abstracts fast.
_MAY_CONVERT = re.compile(r"[\\{}$~`'-]")


def _convert(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        found = _MAY_CONVERT.search(text, i)
        if found is None:
            out.append(text[i:])
            break
        out.append(text[i : found.start()])
        i = found.start()
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            piece, i = _command(text, i)
            out.append(piece)
        elif ch in "{}$":
            i += 1
        elif ch == "~":
            out.append(" ")  # a tie is only a space that must not break
            i += 1
        elif text.startswith("---", i):
            out.append("—")
            i += 3
        elif text.startswith("--", i):
            out.append("–")
            i += 2
        elif text.startswith("``", i):
            out.append("“")
            i += 2
        elif text.startswith("''", i):
            out.append("”")
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _command(text: str, i: int) -> tuple[str, int]:
    """The text a command at text[i] == "\\" stands for, and where reading goes on."""
    nxt = text[i + 1]
    if nxt.isalpha():
        end = i + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        name = text[i + 1 : end]
        after = end
        while after < len(text) and text[after] == " ":
            after += 1  # LaTeX swallows the spaces after a control word
        if name in _ACCENTS:
            argument, after = _argument(text, after)
            return _accent(argument, name), after
        if name in _SYMBOLS:
            if text.startswith("{}", after):
                after += 2
            return _SYMBOLS[name], after
        return "", after  # \emph{x}: the braces go later and x stays
    if nxt in _ACCENTS:
        argument, after = _argument(text, i + 2)
        return _accent(argument, nxt), after
    if nxt in "&%$#_{}":
        return nxt, i + 2
    if nxt in "\\ ,;:!":
        return " ", i + 2
    if nxt in "-/":
        return "", i + 2  # a soft hyphen or an italic correction prints nothing
    return nxt, i + 2


def _argument(text: str, i: int) -> tuple[str, int]:
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        return "", i
    if text[i] == "{":
        end = matching_brace(text, i)
        return _convert(text[i + 1 : end]), end + 1
    if text[i] == "\\":
        end = i + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        return _convert(text[i:end]), end
    return text[i], i + 1


def _accent(argument: str, command: str) -> str:
    if not argument:
        return _BARE_ACCENT.get(command, "")
    # \'{\i}: the dotless i exists only to carry the accent.
    argument = {"ı": "i", "ȷ": "j"}.get(argument[0], argument[0]) + argument[1:]
    # Composed here only: text that arrived as Unicode keeps its own normal form.
    return unicodedata.normalize("NFC", argument[0] + _ACCENTS[command]) + argument[1:]


_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)


def matching_brace(text: str, start: int) -> int:
    """The index of the brace closing the one at `start`, or len(text) if it never closes.
    Escaped braces (\\{ \\}) do not count."""
    depth = 0
    found = _BRACE_OR_ESCAPE.search(text, start)
    while found is not None:
        ch, i = found.group(0), found.start()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        found = _BRACE_OR_ESCAPE.search(text, i + len(ch))
    return len(text)


_SPECIAL = {
    "\\": "\\textbackslash{}",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
    **{ch: "\\" + ch for ch in "{}&%$#_"},
}
_SPECIAL_CHARACTER = re.compile(r"[\\~^{}&%$#_]")


def escape(text: str) -> str:
    """Plain Unicode text as a BibTeX value that latex_to_unicode reads back unchanged."""
    escaped = _SPECIAL_CHARACTER.sub(lambda found: _SPECIAL[found.group(0)], text)
    # "--", "``" and "''" would come back as typographic dashes and quotes.
    return re.sub(r"([-`'])(?=\1)", r"\1{}", escaped)
