"""The article's figures and findings in one object: used by `pipwriter check`, the export and the
checklist panel. (Placeholder rules; the rule engine lives in pipwriter.model.checks.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import ERROR, Finding
from .project import Project
from .template import Template, get_template


@dataclass
class Report:
    counts: dict
    findings: list[Finding] = field(default_factory=list)

    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def to_json(self) -> dict:
        return {"counts": self.counts, "findings": [f.to_json() for f in self.findings]}


def build_report(project: Project, template: Template | None = None) -> Report:
    template = template or get_template(project.article.template_id)
    article = project.article
    sections = [{"id": s.id, "title": s.title, "kind": s.kind,
                 "words": len(s.body.plain_text().split())} for s in article.sections]
    counted = sum(s["words"] for s in sections)
    counts = {"words_counted": counted, "words_total": counted,
              "references": len(article.references),
              "citations": sum(1 for s in article.sections for _ in s.body.citations()),
              "key_messages": len(article.key_messages), "key_quotes": len(article.key_quotes()),
              "illustrations": len(article.illustrations), "authors": len(article.authors),
              "sections": sections}
    return Report(counts)
