"""References from the files reference managers export (Zotero, Mendeley, EndNote, PubMed),
as those programs write them (tests/data/references/), and from pasted text; and files that
are broken, huge or hostile, which give a plain message and never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipwriter.importer.reference_fields import Record, person, same_reference, to_reference
from pipwriter.importer.reference_files import (
    MAX_BYTES,
    ReferenceFileError,
    read_reference_bytes,
    read_reference_file,
)
from pipwriter.importer.reference_paste import read_pasted, split_pasted
from pipwriter.model.article.reference import Reference, format_bmj
from pipwriter.model.language.readability import analyse

DATA = Path(__file__).parent / "data" / "references"
RICHARDS = ("Richards T, Montori VM, Godlee F, et al. Let the patient revolution begin. "
            "BMJ 2013;346:f2614. doi:10.1136/bmj.f2614.")
COULTER = ("Coulter A, Ellins J. Effectiveness of strategies for informing, educating, and "
           "involving patients. BMJ 2007;335(7609):{pages}. doi:10.1136/bmj.39246.581169.80.")


def _read(name: str):
    found = read_reference_file(DATA / name)
    return found, [r.reference for r in found.references]


def _bmj(refs: list[Reference]) -> list[str]:
    return [format_bmj(r) for r in refs]


# --- each format, as each program writes it ----------------------------------------------------
def test_zotero_ris():
    found, refs = _read("zotero.ris")
    assert found.format == "RIS" and found.not_read == 0
    assert _bmj(refs) == [
        RICHARDS,
        "NHS. Stroke. nhs.uk, 2022. https://www.nhs.uk/conditions/stroke/ (accessed 1 May 2024)",
        "NHS England. Involving people in their own health and care: statutory guidance for "
        "clinical commissioning groups and NHS England. NHS England, 2017. "
        "https://www.england.nhs.uk/publication/involving-people-in-their-own-health-and-care/"
        " (accessed 2 May 2024)",
        "Coulter A. Engaging patients in healthcare. Open University Press, 2011.",
        "Patel A, Jones S. Co-producing a stroke service with patients [conference paper]. "
        "UK Stroke Forum. 2023.",
    ]
    assert [r.kind for r in refs] == ["journal", "web", "report", "book", "other"]
    assert refs[0].authors == ["Richards T", "Montori VM", "Godlee F", "Lapsley P", "Paul D"]
    assert refs[0].accessed == ""               # a journal article has no date accessed
    assert refs[1].accessed == "2024-05-01"     # from "2024/05/01/10:14:02"
    assert [r.kept_as_written for r in found.references] == [False] * 4 + [True]
    assert found.kept_as_written[0].label == "Co-producing a stroke service with patients"


def test_endnote_ris_with_its_byte_order_mark_windows_lines_and_odd_capitals():
    found, refs = _read("endnote.ris")
    assert _bmj(refs) == [
        COULTER.format(pages="24-27"),
        "National Institute for Health and Care Excellence. Shared decision making (NG197). "
        "2021. https://www.nice.org.uk/guidance/ng197 (accessed 1 May 2024)"]
    assert refs[0].container == "BMJ"           # not EndNote's "Bmj"
    assert refs[1].authors == ["National Institute for Health and Care Excellence"]


def test_mendeley_ris_and_a_journal_article_without_its_journal():
    found, refs = _read("mendeley.ris")
    assert refs[0].authors[:2] == ["Staniszewska S", "Brett J"] and len(refs[0].authors) == 6
    assert (refs[0].container, refs[0].volume, refs[0].issue, refs[0].pages) == \
        ("BMJ", "358", "8118", "j3453")
    assert refs[1].kind == "other" and refs[1].text == "Smith J. A note with no journal. 2020."
    assert found.references[1].kept_as_written


def test_zotero_bibtex():
    found, refs = _read("zotero.bib")
    assert found.format == "BibTeX"
    assert _bmj(refs) == [
        RICHARDS,
        "Stroke. nhs.uk, 2022. https://www.nhs.uk/conditions/stroke/ (accessed 1 May 2024)",
        "The King's Fund. Experience-based co-design toolkit. The King's Fund, 2018. "
        "https://www.kingsfund.org.uk/projects/ebcd (accessed 2 May 2024)",
        "Coulter A. Engaging patients in healthcare. Open University Press, 2011.",
        "Müller J, O'Brien S, van der Berg A. Patient partners in COPD care: a qualitative "
        "study & what we learnt. BMJ Open 2019;9(6):e030000. doi:10.1136/bmjopen-2019-030000.",
        "Patel A, Jones S. Co-producing a stroke service with patients [conference paper]. "
        "UK Stroke Forum. 2023.",
    ]


def test_endnote_xml():
    found, refs = _read("endnote.xml")
    assert found.format == "EndNote XML"
    assert _bmj(refs) == [
        COULTER.format(pages="24-7"),
        "National Institute for Health and Care Excellence. Shared decision making (NG197). "
        "NICE, 2021. https://www.nice.org.uk/guidance/ng197 (accessed 1 May 2024)",
        "Patel A. Listening to patients. In: Partners in care. Health Press, 2020.",
        "Khan A. A walking aid that talks [patent]. 2019.",
    ]
    assert [r.kept_as_written for r in found.references] == [False, False, False, True]


def test_pubmed_nbib():
    found, refs = _read("pubmed.nbib")
    assert found.format == "PubMed"
    assert _bmj(refs)[0] == RICHARDS
    second = refs[1]
    assert second.title == ("GRIPP2 reporting checklists: tools to improve reporting of "
                            "patient and public involvement in research")   # two lines joined
    assert second.authors[-1] == "GRIPP2 Working Group"      # a group kept whole
    assert second.container == "BMJ" and second.doi == "10.1136/bmj.j3453"


def test_the_format_is_told_from_the_contents_not_the_name(tmp_path):
    wrong = tmp_path / "references.txt"
    wrong.write_bytes((DATA / "zotero.bib").read_bytes())
    assert read_reference_file(wrong).format == "BibTeX"


# --- names, dates, kinds -----------------------------------------------------------------------
@pytest.mark.parametrize("written, bmj", [
    ("Smith, John A.", "Smith JA"), ("Smith, J. A.", "Smith JA"), ("Smith JA", "Smith JA"),
    ("John Andrew Smith", "Smith JA"), ("van der Berg, Anna", "van der Berg A"),
    ("Martin, Jean-Paul", "Martin JP"), ("NHS England", "NHS England"),
    ("World Health Organization", "World Health Organization"),
    ("National Institute for Health and Care Excellence,",
     "National Institute for Health and Care Excellence"),
])
def test_names_become_surname_and_initials(written, bmj):
    assert person(written) == bmj


def test_a_short_journal_name_loses_its_full_stops_and_a_bad_date_is_not_kept():
    read = to_reference(Record("journal", ["Rowe, Ann"], "A study", "N. Engl. J. Med.",
                               "New England Journal of Medicine", "2019/03/01/", "380",
                               pages="1000-1010"))
    assert format_bmj(read.reference) == "Rowe A. A study. N Engl J Med 2019;380:1000-1010."
    web = to_reference(Record("web", title="Page", container="NHS", url="https://nhs.uk",
                              accessed="sometime last year"))
    assert web.reference.accessed == "" and not web.kept_as_written


def test_the_same_reference_is_recognised():
    a = Reference(title="Let the patient revolution begin", year="2013")
    assert same_reference(a, Reference(title="Let the patient revolution begin.", year="2013"))
    assert not same_reference(a, Reference(title="Let the patient revolution begin",
                                           year="2014"))
    assert same_reference(Reference(doi="10.1136/BMJ.F2614"), Reference(doi="10.1136/bmj.f2614"))


# --- pasted ------------------------------------------------------------------------------------
def test_pasted_text_is_split_at_numbers_then_blank_lines_then_lines():
    assert split_pasted("1. First part\nof one\n2) Second\n[3] Third") == \
        ["First part of one", "Second", "Third"]
    assert split_pasted("One\nwrapped\n\nTwo") == ["One wrapped", "Two"]
    assert split_pasted("One\nTwo\n") == ["One", "Two"]


def test_a_pasted_ris_record_is_read_as_one():
    [read] = read_pasted((DATA / "mendeley.ris").read_text(encoding="utf-8").split("\n\n")[0])
    assert read.reference.title.startswith("GRIPP2")


# --- broken, huge and hostile files ------------------------------------------------------------
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa">'
                  b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                  b'<xml><records><record><titles><title>&c;</title></titles></record>'
                  b'</records></xml>')
OUTSIDE_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                  b'<xml><records><record><titles><title>&e;</title></titles></record>'
                  b'</records></xml>')


@pytest.mark.parametrize("data", [
    b"",                                                     # empty
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00",     # a PDF
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),     # a picture
    b"PK\x03\x04" + bytes(60),                               # a Word file
    b"Just some notes about references I want to add.",      # not a format
    b"\x81\x8d\x8f\x90\x9d" * 10,                            # not text in any code page
    BILLION_LAUGHS, OUTSIDE_ENTITY,
    b"<?xml version='1.0'?><xml><records><record><titles>",  # cut short
    b"TY  - JOUR\nTI  - Cut short with no end",              # no ER line
    b"@article{a, title = {never closed",                    # broken BibTeX
    b"TY  - JOUR\nTI  - x\nER  - \n" * 501,          # a whole library
])
def test_a_bad_file_gives_a_plain_message_and_no_crash(data):
    with pytest.raises(ReferenceFileError) as raised:
        read_reference_bytes(data, "refs.ris")
    message = str(raised.value)
    figures = analyse(message)
    assert figures.flesch_reading_ease >= 60 and figures.reading_age <= 11, message
    assert "/etc/passwd" not in message and "root:" not in message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "library.ris"
    with open(huge, "wb") as handle:
        handle.seek(MAX_BYTES + 10)
        handle.write(b"\n")
    with pytest.raises(ReferenceFileError, match="too big"):
        read_reference_file(huge)
    with pytest.raises(ReferenceFileError, match="could not open"):
        read_reference_file(tmp_path / "gone.ris")
    with pytest.raises(ReferenceFileError, match="could not open"):
        read_reference_file(tmp_path)        # a folder


@pytest.mark.parametrize("data", [
    b"TY  - JOUR\nTI  - A \x00\x07title\x1b with controls\nT2  - BMJ\nPY  - 2020\nER  - \n"
    .replace(b"\x00", b""),
    "TY  - JOUR\r\nTI  - Caf\xe9 culture\r\nT2  - BMJ\r\nPY  - 2020\r\nER  - \r\n".encode("cp1252"),
    "TY  - JOUR\nTI  - Zw\u00f6lf\nT2  - BMJ\nPY  - 2020\nER  - \n".encode("utf-16"),
    b"@article{a, title={" + b"{" * 3000 + b"Deep" + b"}" * 3000 + b"}, journal={BMJ}, "
    b"year=2020}",
    b"@article{a, author={" + b" and ".join([b"Smith, J"] * 3000) + b"}, title={Many},"
    b" journal={BMJ}, year=2020}",
    b"TY  - JOUR\nTI  - " + b"Long " * 20000 + b"\nT2  - BMJ\nPY  - 2020\nER  - \n",
    b"PMID- 1\nTI  - Only a title\n",
    b"TY  - JOUR\n  a continuation before any tag\nUK  - odd\nER  - \nTY  - ZZZZ\nER  - \n",
])
def test_odd_but_readable_files_give_tidy_references(data):
    found = read_reference_bytes(data, "refs")
    for read in found.references:
        ref = read.reference
        for value in (ref.title, ref.text, ref.container, *ref.authors):
            assert not re.search(r"[\x00-\x1f\x7f]", value)
            assert len(value) <= 2000
        assert len(ref.authors) <= 100


def test_cut_short_entries_are_counted_not_lost_silently():
    found = read_reference_bytes(b"TY  - JOUR\nTI  - Whole\nT2  - BMJ\nPY  - 2020\nER  - \n"
                                 b"TY  - JOUR\nTI  - Cut short", "refs.ris")
    assert len(found.references) == 1 and found.not_read == 1
    found = read_reference_bytes(b"@article{a, title={Whole}, journal={BMJ}, year=2020}\n"
                                 b"@book{b, title={never closed\n", "refs.bib")
    assert len(found.references) == 1 and found.not_read == 1


def test_pasting_far_too_much_is_refused_plainly():
    with pytest.raises(ReferenceFileError, match="far too much"):
        read_pasted("x" * (MAX_BYTES + 1))
    with pytest.raises(ReferenceFileError, match="lines"):
        read_pasted("A line\n" * 600)
