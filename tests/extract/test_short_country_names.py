"""A short country name that stands for one of several countries (curated ``stands_for``:
'Korea') is the one the article names, when it names exactly one of them
(``extract.candidates._short_country_names``), on text written for this test."""

from __future__ import annotations

from generator import yamlio


def _countries(result) -> list[list[str]]:
    return [
        yamlio.load(text)["entities"]["countries"]
        for path, text in sorted(result.records.items())
        if path.startswith("articles/")
    ]


def test_korea_is_the_one_korea_the_article_names(build_case):
    south = (
        "Leaders agree to visit each other\n\n"
        "SEOUL — South Korean President Kim Dae-ho met Japanese Prime Minister Taro Sato on"
        " Monday. It was the third Korea-Japan summit this year, and both said Korea and Japan"
        " would keep talking.\n"
    )
    both = (
        "Talks on the peninsula\n\n"
        "TOKYO — Japan's foreign minister said on Friday that South Korea and North Korea"
        " should talk. Peace in Korea mattered to the region, she said.\n"
    )
    result = build_case({"01.txt": south, "02.txt": both})
    first, second = _countries(result)
    assert "south-korea" in first and "korea" not in first, first
    assert {"south-korea", "north-korea", "korea"} <= set(second), second
