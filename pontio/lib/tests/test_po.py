from pontio.lib.po import parse_po

SAMPLE = r"""
msgid ""
msgstr ""
"Plural-Forms: nplurals=6;\n"

#: a.py:1
msgid "Hello"
msgstr "Helo"

#, fuzzy
msgid "Sign in"
msgstr "Mewngofnodi"

msgctxt "verb"
msgid "Post"
msgstr ""

msgid "One person"
msgid_plural "%(n)s people"
msgstr[0] "%(n)s o bobl"
msgstr[1] "Un person"
msgstr[2] ""

msgid ""
"A long "
"line"
msgstr ""
"Llinell "
"hir"

#~ msgid "Old"
#~ msgstr "Hen"
"""


def test_it_reads_entries_flags_contexts_and_plurals() -> None:
    entries = {e.key: e for e in parse_po(SAMPLE)}
    assert entries[(None, "Hello")].translated
    assert entries[(None, "Hello")].references == ["a.py:1"]
    assert not entries[(None, "Sign in")].translated  # fuzzy
    assert not entries[("verb", "Post")].translated
    plural = entries[(None, "One person")]
    assert plural.msgid_plural == "%(n)s people" and not plural.translated
    assert entries[(None, "A long line")].msgstr[0] == "Llinell hir"
    assert (None, "Old") not in entries
    assert (None, "") not in entries
