from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from pontio.search.services import IndexDoc, Source, register_source, semantic_count

DOCS = {i: IndexDoc(id=i, title=f"Foster care study {i}") for i in range(1, 6)}


def embed(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("embed", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_it_embeds_what_has_no_vector_and_skips_the_rest(db: Any) -> None:
    register_source(
        "cmdtest",
        Source(documents=lambda ids: [DOCS[i] for i in ids if i in DOCS], all_ids=lambda: DOCS),
    )
    output = embed("cmdtest")
    assert "embedded 5" in output and "[" + "#" * 30 + "] 5/5 (100%)" in output
    assert semantic_count("cmdtest") == 5
    output = embed("cmdtest")
    assert "0 of 5 to embed" in output and "embedded 0" in output
    assert "embedded 5" in embed("cmdtest", "--all")


def test_it_refuses_an_unknown_kind(db: Any) -> None:
    with pytest.raises(CommandError, match="Unknown kinds: nonsense"):
        embed("nonsense")
