import pytest

from pontio.lib.language import looks_welsh


@pytest.mark.parametrize(
    "text",
    [
        "plant mewn gofal",
        "Gwasanaethau cymdeithasol i blant yng Nghymru",
        "gofal maeth",
        "ŵyr",
        "Sut mae cefnogi teuluoedd?",
    ],
)
def test_it_tells_welsh(text: str) -> None:
    assert looks_welsh(text)


@pytest.mark.parametrize(
    "text",
    [
        "kids in care doing badly at school",
        "educational outcomes of looked-after children",
        "foster care",
        "",
        "1234",
        "A plant-based diet in a care home",
    ],
)
def test_it_tells_english(text: str) -> None:
    assert not looks_welsh(text)
