"""Forms: choices are limited to what the user's scope reaches."""

import re
from datetime import date

from django import forms
from django.utils import timezone

from fazhi.accounts.models import User
from fazhi.attachments.forms import MultipleAttachmentField, MultipleFileInput
from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedFormMixin
from fazhi.core.validators import DateWindowValidator
from fazhi.regions.models import Level, Organisation, Region
from fazhi.tasks.models import Milestone, Notice, Task

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class NoticeForm(ScopedFormMixin, EditGuardFormMixin, forms.ModelForm):
    files = MultipleAttachmentField(label="通知文件", required=False)

    class Meta:
        model = Notice
        fields = [
            "region",
            "issuer",
            "doc_number",
            "title",
            "received_on",
            "leader",
            "requirements",
        ]
        widgets = {"received_on": DATE, "requirements": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["region"].queryset = Region.objects.for_user(user).towns()
        if user.scope_region is not None and user.scope_region.level == Level.TOWN:
            self.fields["region"].initial = user.scope_region.pk
        self.fields["leader"].queryset = User.objects.colleagues_of(user, roles=[Role.TOWN_LEADER])
        self.fields["leader"].label_from_instance = lambda u: u.full_name or u.username
        if not self.instance.pk:
            self.fields["received_on"].initial = timezone.localdate()


_MILESTONE_LINE = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*(.+)$")


def parse_milestones(text: str) -> list[dict]:
    """Lines of "2020-06-30 完成摸底" as staged targets; a line that is not one is refused."""
    found = []
    window = DateWindowValidator(years_ahead=5, label="阶段期限")
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        match = _MILESTONE_LINE.match(line)
        if match is None:
            raise forms.ValidationError(
                f"第{number}行应写成“日期 目标”，如“2020-06-30 完成摸底排查”。"
            )
        try:
            due = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise forms.ValidationError(f"第{number}行的日期不存在。") from None
        window(due)
        title = match[4].strip()
        if len(title) > 150:
            raise forms.ValidationError(f"第{number}行的目标过长（最多150字）。")
        found.append({"title": title, "due_on": due})
    return found


class TaskForm(ScopedFormMixin, EditGuardFormMixin, forms.ModelForm):
    new_milestones = forms.CharField(
        label="阶段目标",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2020-06-30 完成摸底排查"}),
        help_text="每行一项：日期 目标，如“2020-06-30 完成第二季度阶段任务”。保存后追加到已有阶段目标之后。",
    )

    class Meta:
        model = Task
        fields = ["title", "unit", "person", "due_kind", "working_days", "due_on"]
        widgets = {"due_on": DATE, "due_kind": forms.RadioSelect, "title": TEXT}
        help_texts = {
            "working_days": "从收文日期次日起算，只计工作日（节假日和调休按法定期限中的日历）。",
            "due_on": "按工作日计算时可不填，保存时自动算出。",
        }

    def __init__(self, *args, user, notice: Notice | None = None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        town = notice.region if notice is not None else user.scope_region
        units = Organisation.objects.for_user(user)
        if town is not None:
            units = units.filter(region__in=Region.objects.under(town.prefix))
        self.fields["unit"].queryset = units.select_related("region").order_by(
            "region__code", "name"
        )
        self.fields["unit"].required = True
        self.fields["unit"].label_from_instance = lambda o: (
            o.name if o.region_id == getattr(town, "pk", None) else f"{o.region.name} · {o.name}"
        )
        self.fields["person"].queryset = User.objects.colleagues_of(
            user, roles=[Role.TOWN_OFFICER, Role.TOWN_LEADER, Role.VILLAGE_CADRE]
        ).select_related("region")
        self.fields["person"].label_from_instance = lambda u: (
            f"{u.full_name or u.username}（{u.region.name if u.region else ''}{u.get_role_display()}）"
        )
        self.fields["due_on"].required = False

    def clean_new_milestones(self):
        return parse_milestones(self.cleaned_data.get("new_milestones", ""))


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label="报告日期", widget=DATE)
    text = forms.CharField(label="进展情况", widget=TEXT, max_length=2000)
    milestones_done = forms.ModelMultipleChoiceField(
        label="本次完成的阶段目标",
        queryset=Milestone.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    finished = forms.BooleanField(label="任务已全部完成，提请镇法治专干确认", required=False)
    late_reason = forms.CharField(
        label="逾期原因", widget=TEXT, required=False, help_text="超过完成期限时必填。"
    )
    remedy = forms.CharField(
        label="补救措施", widget=TEXT, required=False, help_text="超过完成期限时必填。"
    )
    photos = MultipleAttachmentField(
        label="现场照片", required=False, widget=MultipleFileInput(attrs={"accept": "image/*"})
    )
    evidence = MultipleAttachmentField(label="佐证材料", required=False)

    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestones_done"].queryset = task.milestones.filter(done=False)
        self.fields["reported_on"].initial = timezone.localdate()
        self.fields["late_reason"].initial = task.late_reason
        self.fields["remedy"].initial = task.remedy
        if not task.milestones.filter(done=False).exists():
            del self.fields["milestones_done"]


class ConfirmForm(forms.Form):
    confirmed_on = forms.DateField(label="确认日期", widget=DATE)
    late_reason = forms.CharField(label="逾期原因", widget=TEXT, required=False)
    remedy = forms.CharField(label="补救措施", widget=TEXT, required=False)

    def __init__(self, *args, task: Task | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirmed_on"].initial = timezone.localdate()
        if task is not None:
            self.fields["late_reason"].initial = task.late_reason
            self.fields["remedy"].initial = task.remedy


class SendBackForm(forms.Form):
    reason = forms.CharField(label="退回原因", widget=TEXT, max_length=1000)
