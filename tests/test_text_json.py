"""A section's text as JSON (what the project file and the recovery journal hold) is its
paragraphs as ``Paragraph.normalised`` leaves them: empty runs and citations dropped,
neighbouring runs in one format merged. ``RichText.to_json`` writes that without making the
normalised copies (issue 23); these tests hold it to the normalised paragraphs themselves."""

from __future__ import annotations

import random

from pipwriter.model.article.text import Citation, Paragraph, RichText, Run


def _normalised_as_json(text: RichText) -> list[dict]:
    """The JSON read off each normalised paragraph, item by item."""
    out = []
    for paragraph in text.paragraphs:
        runs = []
        for item in paragraph.normalised().items:
            if isinstance(item, Citation):
                entry: dict = {"cite": list(item.refs)}
            else:
                entry = {"t": item.text}
                if item.bold:
                    entry["b"] = True
                if item.italic:
                    entry["i"] = True
            for key, value in (("q", item.quote), ("ins", item.ins), ("del", item.dele)):
                if value:
                    entry[key] = value
            runs.append(entry)
        out.append({"style": paragraph.style, "runs": runs})
    return out


def _random_paragraph(rnd: random.Random) -> Paragraph:
    items: list = []
    for _ in range(rnd.randint(0, 9)):
        mark = {"quote": rnd.choice(["", "", "kq-1"]), "ins": rnd.choice(["", "", "s-1"]),
                "dele": rnd.choice(["", "", "", "s-2"])}
        if rnd.random() < 0.2:
            items.append(Citation(rnd.choice([[], ["ref-a"], ["ref-a", "ref-b"]]), **mark))
        else:
            items.append(Run(rnd.choice(["", "a", "word ", " next"]), bold=rnd.random() < 0.3,
                             italic=rnd.random() < 0.3, **mark))
    return Paragraph(items, rnd.choice(["body", "bullet"]))


def test_json_is_the_normalised_paragraphs_for_many_mixed_paragraphs():
    rnd = random.Random(23)
    text = RichText([_random_paragraph(rnd) for _ in range(3000)])
    assert text.to_json() == _normalised_as_json(text)


def test_json_merges_runs_across_dropped_empties_and_keys_stay_in_order():
    text = RichText([Paragraph([Run("One ", bold=True), Run(""), Citation([]),
                                Run("two", bold=True), Citation(["ref-a"], quote="kq-1"),
                                Run(" three", italic=True, dele="s-2")])])
    assert text.to_json() == [{"style": "body", "runs": [
        {"t": "One two", "b": True}, {"cite": ["ref-a"], "q": "kq-1"},
        {"t": " three", "i": True, "del": "s-2"}]}]
    assert [list(run) for run in text.to_json()[0]["runs"]] == [["t", "b"], ["cite", "q"],
                                                              ["t", "i", "del"]]


def test_json_does_not_share_the_citations_reference_list():
    citation = Citation(["ref-a"])
    written = RichText([Paragraph([citation])]).to_json()
    written[0]["runs"][0]["cite"].append("ref-b")
    assert citation.refs == ["ref-a"]
