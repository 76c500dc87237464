from fazhi.demo.management.commands.loaddemo import DemoContext
from fazhi.legal.demo import legal
from fazhi.legal.models import Advisor, Contract, Decision, ReviewRequest, Service, Stage
from fazhi.metrics import Period, compute


def test_the_demo_builds_the_2020_legal_work_once(cast):
    context = DemoContext(password=cast.password, say=lambda line: None, town=cast.town)
    legal(context)
    legal(context)
    assert Advisor.objects.count() == 1
    assert Contract.objects.get().end.year == 2020
    assert Service.objects.count() >= 5
    stages = sorted(Decision.objects.values_list("stage", flat=True))
    assert stages == sorted([Stage.DONE, Stage.LEGALITY])
    assert ReviewRequest.objects.filter(subject_kind="contract").answered().exists()
    assert compute("legal.advisors_under_contract", cast.town, Period.year(2020)).value == 1
