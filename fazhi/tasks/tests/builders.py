from datetime import date

from fazhi.regions.models import Organisation
from fazhi.tasks import services


def unit(region, name=None):
    found = Organisation.objects.filter(region=region)
    if name:
        found = found.filter(name=name)
    return found.order_by("pk").first()


def make_notice(cast, number="测试通知〔2020〕1号", received=date(2020, 3, 16), **extra):
    data = {
        "region": cast.town,
        "issuer": "石柱土家族自治县人民政府办公室",
        "doc_number": number,
        "title": "关于做好2020年全县法治政府建设工作的通知",
        "received_on": received,
        "leader": cast.leader,
        **extra,
    }
    return services.notice_save(user=cast.officer, data=data)


def make_task(cast, notice, *, region=None, person=None, due=date(2020, 6, 30), **extra):
    data = {
        "title": "七龙社区建成贵和工作室",
        "unit": unit(region or cast.qilong),
        "person": person,
        "due_kind": "date",
        "due_on": due,
        **extra,
    }
    return services.task_save(user=cast.officer, notice=notice, data=data)
