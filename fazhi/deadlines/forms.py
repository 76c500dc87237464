from django import forms

from fazhi.core.locking import EditGuardFormMixin
from fazhi.deadlines.models import CalendarYear, Holiday
from fazhi.deadlines.rules import RULES


class DeadlineForm(forms.Form):
    rule = forms.ChoiceField(
        label="期限规则", choices=[(code, r.label) for code, r in RULES.items()]
    )
    start = forms.DateField(label="起算日", widget=forms.DateInput(attrs={"type": "date"}))


class CalendarYearForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = CalendarYear
        fields = ["year", "notice"]
        error_messages = {"year": {"unique": "该年度已录入。"}}


class HolidayForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "name", "is_working_day"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"date": {"unique": "该日期已登记。"}}
