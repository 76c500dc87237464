from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from fazhi.accounts.roles import Capability, Role, can
from fazhi.dashboard.attention import attention_for


@login_required
def home(request):
    """Each role starts where its work is."""
    user = request.user
    if user.role == Role.AUDITOR:
        return redirect("audit:log")
    if user.role == Role.SYSADMIN:
        return redirect("accounts:users")
    context = {"cards": _cards_for(user), "attention": attention_for(user)}
    return render(request, "dashboard/home.html", context)


def _cards_for(user) -> list[dict]:
    from fazhi.accounts.navigation import navigation_for

    hints = {
        "publicity": "普法活动、受教人次、法律明白人、LED屏",
        "disputes": "纠纷登记、调解、移交、排查",
        "legal": "法律顾问、合法性审查、重大行政决策",
        "cases": "行政诉讼、行政复议、行政裁决与期限",
        "tasks": "上级通知、任务分解与督办",
        "disclosure": "村务公开与公众留言",
        "assessment": "镇村两级考核指标与评分",
        "reports": "年度报告、台账导入导出",
        "regions": "区划、组织机构",
        "deadlines": "法定期限规则与节假日表",
    }
    return [
        {
            **item,
            "hint": hints.get(item["app"], ""),
            "editable": can(user, item["capability"], edit=True),
        }
        for item in navigation_for(user)
        if item["capability"] != Capability.DASHBOARD
    ]
