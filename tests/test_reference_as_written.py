"""A reference kept as typed (another style, from a Word draft) is a warning that goes to it,
and the exported checklist no longer says the references are in BMJ style."""

from __future__ import annotations

from pipwriter.export.checklist import NOT_MET, requirements
from pipwriter.model.article.reference import Reference
from pipwriter.model.rules.checks import all_findings
from pipwriter.model.rules.report import build_report
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project

APA = ("Batalden, P. (2016). Coproduction of healthcare service. BMJ Quality & Safety, 25(7), "
       "509-517.")


def test_a_reference_kept_as_typed_is_a_warning_and_bmj_style_is_not_met():
    project = demo_project()
    template = get_template(project.article.template_id)
    first = project.article.references[0]
    assert not [f for f in all_findings(project, template) if f.code == "reference-as-written"]
    typed = Reference(kind="other", id=first.id, text=APA)
    project.article.references[0] = typed
    [finding] = [f for f in all_findings(project, template) if f.code == "reference-as-written"]
    assert finding.severity == "warning" and finding.where.item_id == typed.id
    report = build_report(project, template)
    [references] = [r for r in requirements(project, template, report.counts, report.findings)
                    if r.label.startswith("References:")]
    assert references.status == NOT_MET
