"""Build the bundled demo article: ``resources/demo/article.json`` and ``resources/demo/media/``.

This script is the source of truth for the demo. Edit the text here, then run::

    python tools/make_demo.py

The article is made with the model API, so the JSON is exactly what the app saves. Every id is
fixed and the pictures are drawn with QPainter, so running it twice gives identical files. The
people and the project are fictional; the four references are real publications.

Text markup used below (one string per paragraph): ``**bold**``, ``*italic*``, ``[@ref-id]`` for a
citation, ``{{words}}`` for the key quote, and a leading ``- `` for a bulleted paragraph.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from pipwriter.model.article.article import Article  # noqa: E402
from pipwriter.model.article.author import Author  # noqa: E402
from pipwriter.model.article.factory import new_article  # noqa: E402
from pipwriter.model.article.media import Illustration, MediaRef, Photo  # noqa: E402
from pipwriter.model.article.reference import Reference  # noqa: E402
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run  # noqa: E402
from pipwriter.model.interests.disclosure import ITEM_NUMBERS, DisclosureEntry  # noqa: E402
from pipwriter.model.rules.template import get_template  # noqa: E402
from pipwriter.model.storage.media_store import MediaStore  # noqa: E402

DEMO_DIR = ROOT / "resources" / "demo"
CERTIFIED_ON = "2026-11-02"
ACCESSED_ON = "2026-11-02"
QUOTE_ID = "quote-1"
ARTICLE_ID = "pipwriter-demo-stroke-review"

TITLE = "What matters after a stroke: redesigning the six month review with the people who use it"
STANDFIRST = ("A stroke specialist nurse and a stroke survivor describe how a community stroke "
              "team and a peer support group rebuilt a routine review around what patients want "
              "to talk about, and what sharing the decisions asked of both sides.")

KEY_MESSAGES = [
    "Asking people what matters to them before a routine review, on a simple card, changed what "
    "was discussed and who was referred on.",
    "Co-design works when meetings fit the people in them: short sessions, papers in advance, "
    "aphasia friendly materials and a shared chair.",
    "Being honest early about what a service cannot change builds more trust than promises do.",
]

# --- the article text, section by section (see the markup note at the top) ---------------------

TEXT: dict[str, list[str]] = {
    "sec-rationale": [
        "Six months after a stroke, many people are at home, discharged from therapy and working "
        "out what their life now looks like. National guidance expects their health and social "
        "care needs to be reviewed at this point and every year after, and it names mood, "
        "fatigue and problems with thinking as common obstacles to recovery [@ref-nice-ng236].",
        "Our community stroke team in northern England carries out about 450 of these reviews a "
        "year. Until 2023 the review was a 20 minute telephone call in which a nurse worked "
        "through a checklist of 23 questions. Only 58% of eligible people had a review within "
        "seven months of their stroke, and the feedback was blunt: the call was *a tick box "
        "exercise* that asked about tablets and blood pressure, not about the things keeping "
        "people awake at night.",
        "We set out to redesign the review with stroke survivors and carers, so that it covered "
        "what mattered most to them, and to reach more of the people due one. It covered one "
        "community team serving nearly half a million people.",
    ],
    "sec-design": [
        "The project began with an awkward conversation. In 2022 Bethan, a stroke specialist "
        "nurse, was invited to talk about preventing a second stroke at Northdale Stroke Voices, "
        "a peer support group. Members wanted to talk about their reviews instead, and Malcolm, "
        "who had had his stroke the year before, asked whether the team would redesign the "
        "review *with* them rather than *for* them.",
        "We formed a working group of 13: six stroke survivors, two carers, two specialist "
        "nurses, an occupational therapist, a clinical psychologist and a local GP, with Malcolm "
        "and Bethan as co-chairs. We deliberately recruited people with aphasia or severe "
        "fatigue, because the review mattered most to them and they were the least likely to "
        "fill in a feedback form. We started from the idea that a health service is always "
        "produced jointly by those who provide it and those who use it [@ref-batalden-2016], so "
        "partners would shape the problem as well as the answers.",
        "A grant of £24,000 from the Brackenlea Trust, a local health charity, paid for a "
        "part-time coordinator, the venue, travel and carers' costs, and payment for partners' "
        "time.",
    ],
    "sec-implementation": [
        "We met monthly for nine months in the community centre, never at the hospital. "
        "Decisions were made by consensus; when we could not agree, the group voted, with "
        "survivors and carers holding most of the votes (fig 1). Anyone could call a pause if a "
        "discussion moved too fast.",
        "The first three meetings were hard. Survivors arrived angry, "
        "and staff felt that years of careful work were being dismissed. Two hour meetings were "
        "too long for people with fatigue, so we moved to 90 minutes with a break, sent papers a "
        "week ahead, and a speech and language therapist helped us make aphasia friendly "
        "agendas. One carer left because of pressures at home, and we struggled to involve "
        "younger survivors and people from the area's South Asian communities. Visits to a "
        "mosque lunch club helped, but this remains a gap.",
        "The **light bulb moment** came in month four. We laid the old checklist on one table "
        "and, on another, the sticky notes on which survivors had written what they wished they "
        "had been asked. Only four of the 23 questions appeared on both tables. The most common "
        "note was about tiredness; others were about driving, money, sex, work and fear of "
        "another stroke. As Bethan put it, the old review collected "
        "information for the service, not help for the person.",
        "The group then designed the **What matters card**, a single page posted a week before "
        "the review that asks people to choose up to three topics, in words and pictures. The "
        "nurse starts with the card and covers the checklist afterwards, by phone, by video or "
        "face to face.",
    ],
    "sec-evaluation": [
        "We piloted the new review for 12 months from April 2024 and compared routine service "
        "data with the previous year. This was a service evaluation, not research, and other "
        "changes in the team may have contributed.",
        "The proportion of eligible people reviewed within seven months rose from 58% to 81% "
        "(372 of 459), and 318 of them (85%) returned a completed card. Fatigue was the topic "
        "chosen most often, followed by mood and worry about another stroke. Referrals from the "
        "review to clinical psychology rose from 19 to 44, and to the fatigue management group "
        "from 11 to 52. Reviews now take 35 minutes on average instead of 20, but calls to the "
        "team in the following month fell by about a third.",
        "In a feedback survey, 118 of 131 people (90%) agreed that the review covered what "
        "mattered most to them, compared with 52% for the old review. Staff found the new "
        "reviews harder but more satisfying. We used the short form of the GRIPP2 checklist to "
        "report how partners shaped the work [@ref-gripp2].",
    ],
    "sec-viewpoint-clinician": [
        "I had run six month reviews for seven years and believed they were thorough. Hearing "
        "them called a tick box exercise stung, and in the early meetings I defended the "
        "checklist more than I listened. What changed me was realising that every question on "
        "it had a good clinical reason, and none of those reasons was the patient's.",
        "Sharing the chair was harder than I expected. My instinct was to fix problems as soon "
        "as they were raised, and more than once Malcolm gently pointed out that I had answered "
        "a question nobody had asked. I learnt to hold back, and to say *I don't know* or *that "
        "isn't in our gift* when it was true. Some things survivors wanted, such as quicker "
        "driving assessments, were outside our control. Saying so early built more trust than "
        "any promise could.",
        "I had read the call for a patient revolution in healthcare [@ref-richards-2013] and "
        "agreed with it in principle. Doing it meant giving up some control over my own working "
        "day. The reviews are now the most rewarding part of my job, because the person has "
        "told me what matters before I start.",
    ],
    "sec-viewpoint-patient": [
        "I had my stroke at 57, at the wheel of the bus I had driven for 20 years. I was lucky: "
        "I can walk, and my speech came back. But six months later I could not drive, could not "
        "work and slept most afternoons. My wife and I were arguing about money, and I was "
        "frightened every time I had a headache.",
        "Then the review call came. The nurse was kind, but she asked about my tablets, my blood "
        "pressure and whether I had fallen. I said I was fine, because nobody asked me anything "
        "else. I put the phone down and cried. When Bethan came to our group I was angry, and I "
        "said so.",
        "I joined the working group expecting to be listened to politely and then ignored, and "
        "at first it felt like us and them. What changed it was small things: meeting on our "
        "ground, papers I could read in advance, being allowed to stop when I was tired. I "
        "turned down the payment because I was worried it would affect my benefits. Teams "
        "should sort that out before they start.",
        "The card was our idea, and I am proud of it. {{Nobody asked me what I was frightened "
        "of. Now the first question on the card does.}} People in our group say the review now "
        "feels like a conversation about their life, not an audit of their body.",
        "Working with the staff changed how I see them, too. We did not always agree, but we "
        "argued as equals.",
    ],
    "sec-learning": [
        "What worked for us:",
        "- Start with the problem as patients describe it, before anyone proposes a solution.",
        "- Make meetings accessible from the first day: short sessions, breaks, papers in advance "
        "and aphasia friendly materials.",
        "- Share the chair, and give patient partners a real majority when decisions are made.",
        "- Offer payment, but check how it affects benefits and offer other ways to say thank you.",
        "- Be honest about what the service cannot change, early and often.",
        "What did not work: recruiting only through a peer support group, which reached people "
        "already confident enough to join one. We should have gone to people where they were "
        "from the start.",
    ],
    "sec-future": [
        "The What matters card is now used for every six month review in our trust and will be "
        "used for annual reviews from next spring. Two neighbouring stroke teams are testing it, "
        "helped by survivors from our group, and three survivors have trained as "
        "co-facilitators. With a university partner, we are bidding for funding for a proper "
        "evaluation that reaches the people our project missed and asks whether the card "
        "changes how people are doing a year on.",
    ],
}

SECTION_IDS = {"rationale": "sec-rationale", "design": "sec-design",
               "implementation": "sec-implementation", "evaluation": "sec-evaluation",
               "learning": "sec-learning", "future": "sec-future"}
VIEWPOINT_IDS = {"author-clinician": "sec-viewpoint-clinician",
                 "author-patient": "sec-viewpoint-patient"}

REFERENCES = [
    Reference(kind="web", id="ref-nice-ng236",
              title="Stroke rehabilitation in adults. NICE guideline NG236",
              container="National Institute for Health and Care Excellence", year="2023",
              url="https://www.nice.org.uk/guidance/ng236", accessed=ACCESSED_ON),
    Reference(kind="journal", id="ref-batalden-2016",
              authors=["Batalden M", "Batalden P", "Margolis P", "Seid M", "Armstrong G",
                       "Opipari-Arrigan L", "Hartung H"],
              title="Coproduction of healthcare service", container="BMJ Qual Saf", year="2016",
              volume="25", pages="509-17", doi="10.1136/bmjqs-2015-004315"),
    Reference(kind="journal", id="ref-gripp2",
              authors=["Staniszewska S", "Brett J", "Simera I", "Seers K", "Mockford C",
                       "Goodlad S", "Altman DG", "Moher D", "Barber R", "Denegri S",
                       "Entwistle A", "Littlejohns P", "Morris C", "Suleman R", "Thomas V",
                       "Tysall C"],
              title="GRIPP2 reporting checklists: tools to improve reporting of patient and "
                    "public involvement in research",
              container="BMJ", year="2017", volume="358", pages="j3453", doi="10.1136/bmj.j3453"),
    Reference(kind="journal", id="ref-richards-2013",
              authors=["Richards T", "Montori VM", "Godlee F", "Lapsley P", "Paul D"],
              title="Let the patient revolution begin", container="BMJ", year="2013",
              volume="346", pages="f2614", doi="10.1136/bmj.f2614"),
]

# --- markup -> RichText ------------------------------------------------------------------------

_TOKEN = re.compile(r"(\*\*.+?\*\*|\*.+?\*|\[@[\w-]+(?:,\s*@[\w-]+)*\]|\{\{.+?\}\})")


def paragraph(markup: str) -> Paragraph:
    style = "body"
    if markup.startswith("- "):
        style, markup = "bullet", markup[2:]
    items: list[Run | Citation] = []
    for token in _TOKEN.split(markup):
        if not token:
            continue
        if token.startswith("**"):
            items.append(Run(token[2:-2], bold=True))
        elif token.startswith("{{"):
            items.append(Run(token[2:-2], quote=QUOTE_ID))
        elif token.startswith("[@"):
            items.append(Citation([r.strip().lstrip("@") for r in token[1:-1].split(",")]))
        elif token.startswith("*"):
            items.append(Run(token[1:-1], italic=True))
        else:
            items.append(Run(token))
    return Paragraph(items, style).normalised()


def rich(paragraphs: list[str]) -> RichText:
    return RichText([paragraph(p) for p in paragraphs])


# --- pictures ----------------------------------------------------------------------------------

def _encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt, quality):
        raise RuntimeError(f"could not encode the image as {fmt}")
    buffer.close()
    return bytes(data.data())


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def draw_portrait(background: tuple[str, str], skin: str, hair: str, top: str, initials: str,
                  glasses: bool, long_hair: bool) -> QImage:
    """A friendly, clearly drawn (not photographic) head-and-shoulders picture, 800 x 800."""
    size = 800
    image = QImage(size, size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, 0, size)
    gradient.setColorAt(0, QColor(background[0]))
    gradient.setColorAt(1, QColor(background[1]))
    painter.fillRect(0, 0, size, size, QBrush(gradient))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 40))
    painter.drawEllipse(QPointF(400, 360), 330, 330)
    if long_hair:  # hair behind the shoulders
        painter.setBrush(QColor(hair))
        painter.drawRoundedRect(QRectF(250, 200, 300, 360), 120, 120)
    shoulders = QPainterPath()
    shoulders.moveTo(120, 800)
    shoulders.cubicTo(130, 600, 250, 560, 400, 560)
    shoulders.cubicTo(550, 560, 670, 600, 680, 800)
    shoulders.closeSubpath()
    painter.setBrush(QColor(skin))
    painter.drawRect(QRectF(355, 450, 90, 130))  # neck
    painter.setBrush(QColor(top))
    painter.drawPath(shoulders)
    painter.setBrush(QColor(skin))
    collar = QPolygonF([QPointF(348, 555), QPointF(452, 555), QPointF(400, 640)])
    painter.drawPolygon(collar)
    painter.drawEllipse(QPointF(400, 350), 150, 175)  # head
    painter.drawEllipse(QPointF(252, 360), 24, 38)     # ears
    painter.drawEllipse(QPointF(548, 360), 24, 38)
    painter.setBrush(QColor(hair))
    fringe = QPainterPath()
    fringe.moveTo(242, 365)
    fringe.cubicTo(215, 85, 585, 85, 558, 365)
    fringe.cubicTo(545, 255, 340, 215, 242, 365)
    painter.drawPath(fringe)
    painter.setBrush(QColor("#2b2b2b"))
    painter.drawEllipse(QPointF(345, 360), 13, 15)  # eyes
    painter.drawEllipse(QPointF(455, 360), 13, 15)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#2b2b2b"), 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawArc(QRectF(345, 390, 110, 70), 200 * 16, 140 * 16)  # smile
    if glasses:
        painter.setPen(QPen(QColor("#3a3a3a"), 7))
        painter.drawEllipse(QPointF(345, 360), 42, 36)
        painter.drawEllipse(QPointF(455, 360), 42, 36)
        painter.drawLine(QPointF(387, 358), QPointF(413, 358))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 215))
    painter.drawEllipse(QPointF(690, 110), 70, 70)  # initials badge
    painter.setPen(QColor(background[1]))
    painter.setFont(_font(54, bold=True))
    painter.drawText(QRectF(620, 40, 140, 140), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return image


CYCLE_STEPS = [
    ("1  Listen", "survivors' and carers'\nstories", "#2a7f8f"),
    ("2  Compare", "the old checklist with\nwhat people wanted asked", "#c2692b"),
    ("3  Design together", "the What matters card", "#6a5aa8"),
    ("4  Test and review", "a 12 month pilot,\nthen change it again", "#3f8a4a"),
]


def draw_cycle() -> QImage:
    """The co-design cycle as a simple diagram, 1600 x 1000."""
    width, height = 1600, 1000
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#fbf8f2"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(800, 520)
    painter.setPen(QPen(QColor("#9a9a9a"), 14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, 330, 330)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#9a9a9a"))
    for degrees in (-45, 45, 135, 225):  # arrow heads pointing clockwise, between the boxes
        angle = math.radians(degrees)
        normal = QPointF(math.cos(angle), math.sin(angle))
        tangent = QPointF(-math.sin(angle), math.cos(angle))
        point = centre + normal * 330
        painter.drawPolygon(QPolygonF([point + tangent * 40, point - tangent * 22 + normal * 34,
                                       point - tangent * 22 - normal * 34]))
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(QPen(QColor("#444444"), 4))
    painter.drawEllipse(centre, 190, 190)
    painter.setPen(QColor("#333333"))
    painter.setFont(_font(34, bold=True))
    painter.drawText(QRectF(630, 400, 340, 240), Qt.AlignmentFlag.AlignCenter,
                     "Survivors,\ncarers and staff\ndeciding\ntogether")
    boxes = [QRectF(560, 40, 480, 190), QRectF(1090, 420, 480, 200),
             QRectF(560, 790, 480, 190), QRectF(30, 420, 480, 200)]
    for rect, (heading, detail, colour) in zip(boxes, CYCLE_STEPS, strict=True):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(rect, 28, 28)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(_font(40, bold=True))
        painter.drawText(rect.adjusted(20, 18, -20, -rect.height() / 2),
                         Qt.AlignmentFlag.AlignCenter, heading)
        painter.setFont(_font(30))
        painter.drawText(rect.adjusted(20, rect.height() / 2 - 10, -20, -14),
                         Qt.AlignmentFlag.AlignCenter, detail)
    painter.end()
    return image


def store_image(media: MediaStore, image: QImage, fmt: str, original_name: str) -> MediaRef:
    ext, mime, quality = {"png": ("png", "image/png", -1),
                          "jpg": ("jpg", "image/jpeg", 90)}[fmt]
    data = _encode(image, "PNG" if fmt == "png" else "JPG", quality)
    name = media.add_bytes(data, ext)
    return MediaRef(name, original_name, mime, len(data), image.width(), image.height())


# --- the article -------------------------------------------------------------------------------

def make_authors(media: MediaStore) -> list[Author]:
    clinician = Author(
        "Bethan Lloyd", "health_professional", id="author-clinician",
        credentials="RN, MSc", role="Stroke specialist nurse and co-chair of the working group",
        affiliation="Community Stroke Team, Northdale Community Health NHS Trust",
        email="bethan.lloyd@northdale-nhs.example", handle="@PiPDemoBethan", corresponding=True)
    patient = Author(
        "Malcolm Reid", "patient", id="author-patient", credentials="Patient partner",
        role="Stroke survivor and co-chair of the working group",
        affiliation="Member, Northdale Stroke Voices peer support group",
        email="malcolm.reid@example.org", handle="@PiPDemoMalcolm")
    clinician.photo = Photo(store_image(media, draw_portrait(
        ("#8fd3c9", "#2a7f8f"), "#e8b996", "#5a3a22", "#1f3f7a", "BL", glasses=False,
        long_hair=True), "jpg", "bethan-lloyd.jpg"), consent=True)
    patient.photo = Photo(store_image(media, draw_portrait(
        ("#ffd98a", "#c2692b"), "#8d5a3b", "#c9c9c9", "#3f7a4a", "MR", glasses=True,
        long_hair=False), "jpg", "malcolm-reid.jpg"), consent=True)
    for author in (clinician, patient):
        for number in ITEM_NUMBERS:
            author.disclosure.item(number).answer = "none"
    grant = clinician.disclosure.item(1)      # support for the work this article describes
    grant.answer = "entries"
    grant.entries.append(DisclosureEntry(
        "Brackenlea Trust (charity)", "Grant of £24,000 for the project described in this article",
        "organisation", "2023 to 2025"))
    committee = clinician.disclosure.item(10)
    committee.answer = "entries"
    committee.entries.append(DisclosureEntry(
        "North of England Stroke Nurses Network", "Committee member", "not_paid",
        "since 2022"))
    for author in (clinician, patient):
        author.disclosure.certify(CERTIFIED_ON)
    return [clinician, patient]


def build_article(media: MediaStore) -> Article:
    template = get_template("bmj-partnership-in-practice")
    authors = make_authors(media)
    article = new_article(template, TITLE, authors)
    article.id = ARTICLE_ID
    article.standfirst = STANDFIRST
    for section in article.sections:
        if section.kind == "viewpoint":
            section.id = VIEWPOINT_IDS[section.author_ids[0]]
        else:
            section.id = SECTION_IDS[section.key]
        spec = template.section_spec(section.key)
        section.ticked = [q.id for q in spec.questions] if spec else []
        section.body = rich(TEXT[section.id])
    article.key_messages = list(KEY_MESSAGES)
    # the made-up places of the story, as its authors would mark them (Ignore in this article)
    article.settings.spell_ignore = ["Northdale", "Brackenlea"]
    article.references = list(REFERENCES)
    article.illustrations = [Illustration(
        store_image(media, draw_cycle(), "png", "co-design-cycle.png"), id="fig-codesign-cycle",
        kind="diagram",
        caption="How the working group moved from listening to testing. Each turn of the cycle "
                "took about two months, and survivors and carers held most of the votes at "
                "every stage.",
        alt_text="A cycle of four steps around the words 'survivors, carers and staff "
                 "deciding together': listen, compare, design together, test and review.",
        credit="Illustration: PiP Writer demo", permission=True)]
    return article


def counted_words(article: Article) -> int:
    return sum(len(s.body.plain_text().split()) for s in article.sections
               if s.kind in ("guidance", "viewpoint"))


def write(target: Path = DEMO_DIR) -> Article:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # fonts need an app
    media = MediaStore()
    article = build_article(media)
    if article.citation_order() != [r.id for r in article.references]:
        raise SystemExit("references are not listed in order of first citation")
    media_dir = target / "media"
    media_dir.mkdir(parents=True, exist_ok=True)
    used = {ref.name for ref in article.media_refs()}
    for old in media_dir.iterdir():
        if old.is_file() and old.name not in used:
            old.unlink()
    for name in sorted(used):
        (media_dir / name).write_bytes(media.read(name))
    text = json.dumps(article.to_json(), ensure_ascii=False, indent=2) + "\n"
    (target / "article.json").write_text(text, encoding="utf-8")
    del app
    return article


def main() -> int:
    article = write()
    print(f"Wrote {DEMO_DIR / 'article.json'} and {len(article.media_refs())} pictures; "
          f"{counted_words(article)} words counted.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
