from types import SimpleNamespace

from fazhi.disputes.demo import disputes as disputes_step
from fazhi.disputes.models import Dispute, Handover, ScreeningReport
from fazhi.metrics.registry import Period, compute


def test_the_demo_builds_2020_disputes_once(cast):
    context = SimpleNamespace(town=cast.town, say=lambda line: None)
    disputes_step(context)
    disputes_step(context)
    assert Dispute.objects.filter(registered_on__year=2020).count() == 12
    assert set(Dispute.objects.values_list("organisation__kind", flat=True)) == {
        "guihe_studio",
        "mediation_committee",
    }
    assert Handover.objects.exclude(result="").count() == 1
    assert ScreeningReport.objects.count() == 93
    assert compute("disputes.success_rate", cast.town, Period.year(2020)).value == 80.0


def test_the_demo_links_screening_findings_to_the_cases_they_became(cast):
    from fazhi.disputes.models import Finding

    disputes_step(SimpleNamespace(town=cast.town, say=lambda line: None))
    linked = Finding.objects.filter(dispute__isnull=False).select_related("dispute")
    assert {f.dispute.source for f in linked} == {"screening"}
    assert linked.count() == 2
