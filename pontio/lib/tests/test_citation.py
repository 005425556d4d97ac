from pontio.lib.citation import CitationSource, apa, harvard

ARTICLE = CitationSource(
    title="Embedding research in children's social care",
    authors=[("Jones", "Sian Mari"), ("Evans", "Tomos"), ("Price", "Ann-Marie")],
    year=2021,
    container="Child & Family Social Work",
    volume="26",
    issue="3",
    pages="401-410",
    doi="10.1111/cfs.12345",
)


def test_it_formats_apa() -> None:
    assert apa(ARTICLE) == (
        "Jones, S. M., Evans, T., & Price, A.-M. (2021). Embedding research in children's "
        "social care. Child & Family Social Work, 26(3), 401–410. "
        "https://doi.org/10.1111/cfs.12345"
    )


def test_it_formats_harvard() -> None:
    assert harvard(ARTICLE) == (
        "Jones, S.M., Evans, T. and Price, A.-M. (2021) 'Embedding research in children's "
        "social care', Child & Family Social Work, 26(3), pp. 401–410. "
        "Available at: https://doi.org/10.1111/cfs.12345"
    )


def test_it_copes_with_a_report_without_authors_or_year() -> None:
    report = CitationSource(
        title="Making the most of research",
        authors=[],
        year=None,
        publisher="Solace",
        url="https://example.org/r.pdf",
        kind="report",
    )
    assert apa(report) == "Making the most of research. (n.d.). Solace. https://example.org/r.pdf"
    assert harvard(report).startswith("Making the most of research (no date)")
