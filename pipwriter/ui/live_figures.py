"""The figures shown while typing, from the live documents (recounting only changed paragraphs)."""

from __future__ import annotations

from .figures_bar import Figures


def compute_figures(session, current_section_id: str = "") -> Figures:
    from ..model.language.counts import section_counts_toward_limit
    article, template = session.article, session.template
    counted = total = 0
    for section in article.sections:
        words = session.section_words(section.id)
        total += words
        if section_counts_toward_limit(section, template):
            counted += words
    extra_counted, extra_total = session.extra_words()
    words = template.limit("words")
    refs = template.limit("references")
    messages = template.limit("key_messages")
    illustrations = template.limit("illustrations")
    return Figures(
        words=counted + extra_counted, words_min=words.min, words_max=words.max,
        words_total=total + extra_total, references=len(article.references),
        references_max=refs.max,
        key_messages=len([m for m in article.key_messages if m.strip()]),
        key_messages_min=messages.min, key_messages_max=messages.max,
        illustrations=len(article.illustrations) + len(article.clips),
        illustrations_max=illustrations.max,
        panel_words=session.section_words(current_section_id) if current_section_id else None)


def explanation(session, key: str) -> str:
    from ..model.language.counts import counting_explanation
    template = session.template
    if key in ("words", "panel"):
        return counting_explanation(template)
    if key == "references":
        limit = template.limit("references")
        return (f"The series allows up to {limit.max} references. They are numbered in the "
                "order they are first cited in the text, as The BMJ does.")
    if key == "key_messages":
        limit = template.limit("key_messages")
        counted = ("They count toward the article's words." if "key_messages" in
                   template.counted else "They do not count toward the article's words.")
        return (f"The editors ask for {limit.min}–{limit.max} short take-home messages. "
                f"They are listed apart from the article. {counted}")
    if key == "illustrations":
        limit = template.limit("illustrations")
        return (f"Up to {limit.max} illustrations, photos or short clips are welcome, each "
                "with a caption and a description for people who cannot see it. Author "
                "photos are separate and not counted here.")
    return ""
