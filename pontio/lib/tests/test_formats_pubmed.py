from pathlib import Path

import pytest

from pontio.lib.formats.encoding import FormatError
from pontio.lib.formats.pubmed import parse_nbib, parse_pubmed_xml
from pontio.lib.records import Author, RecordType

FIXTURES = Path(__file__).parent / "fixtures"
RESPONSES = Path(__file__).resolve().parents[3] / "../shared/data/api-responses"


def response(name: str) -> bytes:
    path = RESPONSES / name
    if not path.exists():
        pytest.skip(f"{name} is not here: shared test data lives in ../shared/data")
    return path.read_bytes()


def test_it_reads_two_medline_records_with_wrapped_lines() -> None:
    result = parse_nbib((FIXTURES / "pubmed.nbib").read_text(encoding="utf-8"))
    assert result.problems == []
    lungs, sperm = result.records
    assert lungs.title == (
        "Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic "
        "lung disease."
    )
    assert lungs.abstract.endswith("in patients with chronic lung disease.")
    assert lungs.authors == [
        Author("Guo", "Fumin"),
        Author("Capaldi", "Dante", orcid="0000-0002-4590-7461"),
        Author("Parraga", "Grace"),
        Author("Canadian Respiratory Research Network"),
    ]
    assert (lungs.year, lungs.date) == (2018, "2018-04")
    assert lungs.container == "Journal of medical imaging (Bellingham, Wash.)"
    assert (lungs.volume, lungs.issue, lungs.pages) == ("5", "2", "026002")
    assert (lungs.doi, lungs.pmid, lungs.pmcid) == (
        "10.1117/1.jmi.5.2.026002",
        "29963580",
        "PMC6022861",
    )
    assert lungs.keywords == ["asthma", "chronic obstructive lung disease"]
    assert (lungs.language, lungs.source_line) == ("en", 1)
    assert sperm.pages == "244-255"  # MEDLINE's "244-55" written out
    assert sperm.concepts == ["Animals", "Cryopreservation", "Sea Bream"]
    assert sperm.doi == "10.1006/cryo.2001.2328"
    assert sperm.source_line == 46


def test_it_reports_stray_lines_and_records_without_titles() -> None:
    text = "\n".join(
        [
            "Saved from PubMed",  # 1: before the first record
            "PMID- 1",
            "TI  - A fine record",
            "",
            "PMID- 2",  # 5: no title
            "AB  - Only an abstract.",
            "",
            "PMID- 3",
            "TI  - Another fine record",
            "not a field at all",  # 10
        ]
    )
    result = parse_nbib(text)
    assert [r.pmid for r in result.records] == ["1", "3"]
    assert [p.line for p in result.problems] == [1, 10, 5]
    assert "no title" in result.problems[2].message


@pytest.mark.parametrize(
    ("publication_type", "kind"),
    [
        ("Practice Guideline", RecordType.GUIDELINE),
        ("Dataset", RecordType.DATASET),
        ("Review", RecordType.ARTICLE),
    ],
)
def test_it_maps_publication_types(publication_type: str, kind: RecordType) -> None:
    [record] = parse_nbib(
        f"PMID- 1\nTI  - T\nPT  - Journal Article\nPT  - {publication_type}\n"
    ).records
    assert record.record_type is kind


def test_it_refuses_a_file_that_is_not_medline() -> None:
    with pytest.raises(FormatError, match="PubMed"):
        parse_nbib("TY  - JOUR\nER  - \n")


def test_it_reads_efetch_xml_for_two_articles() -> None:
    result = parse_pubmed_xml(response("pubmed_efetch_11748933_11700088.xml"))
    assert result.problems == []
    sperm, mri = result.records
    assert sperm.title.startswith("Is cryopreservation a homogeneous process?")
    assert (sperm.pmid, sperm.doi) == ("11748933", "10.1006/cryo.2001.2328")
    assert sperm.authors[0] == Author("Taddei", "A R")
    assert len(sperm.authors) == 8
    assert (sperm.year, sperm.date, sperm.container) == (2001, "2001-06", "Cryobiology")
    assert (sperm.volume, sperm.issue, sperm.pages) == ("42", "4", "244-255")
    assert "P < 0.001" in sperm.abstract  # entities decoded
    assert "Sperm Motility" in sperm.concepts
    assert sperm.language == "en"
    assert mri.authors[-1] == Author("De Luca", "F")


def test_it_reads_efetch_xml_with_orcids_mathml_and_a_group_author() -> None:
    [lungs] = parse_pubmed_xml(response("pubmed_efetch_29963580.xml").decode("utf-8")).records
    assert lungs.pmcid == "PMC6022861"
    assert lungs.doi == "10.1117/1.jmi.5.2.026002"
    assert lungs.authors[1] == Author("Capaldi", "Dante", orcid="0000-0002-4590-7461")
    assert lungs.authors[-1] == Author("Canadian Respiratory Research Network")
    assert "ventilation and apparent diffusion" in lungs.abstract
    assert "\n" not in lungs.abstract  # MathML's layout whitespace is gone
    assert "image processing, biomarkers" in lungs.keywords


def test_it_reads_labelled_abstract_sections() -> None:
    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
        "<ArticleTitle>T</ArticleTitle><Abstract>"
        '<AbstractText Label="BACKGROUND">Why.</AbstractText>'
        '<AbstractText Label="METHODS">How.</AbstractText>'
        "</Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    [record] = parse_pubmed_xml(xml).records
    assert record.abstract == "BACKGROUND: Why.\nMETHODS: How."


def test_it_refuses_broken_or_foreign_xml_and_entity_bombs() -> None:
    with pytest.raises(FormatError, match="not a readable XML file"):
        parse_pubmed_xml("<PubmedArticleSet><PubmedArticle>")
    with pytest.raises(FormatError, match="no PubMed articles"):
        parse_pubmed_xml("<feed><entry/></feed>")
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>'
    with pytest.raises(FormatError):
        parse_pubmed_xml(bomb)
    with pytest.raises(FormatError, match="The file is empty"):
        parse_pubmed_xml(b"  ")


def test_it_reports_an_article_without_a_title() -> None:
    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>9</PMID>"
        "</MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    result = parse_pubmed_xml(xml)
    assert result.records == []
    assert result.problems[0].message == "PMID 9 has no title, so it was skipped."
