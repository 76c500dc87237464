"""Forms of the disclosure pages; every rule lives in services.py."""

from django import forms

from fazhi.accounts.models import User
from fazhi.attachments.forms import MultipleAttachmentField
from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedFormMixin
from fazhi.disclosure.models import (
    AnswerType,
    ApplicantKind,
    Category,
    Channel,
    Delivery,
    IdType,
    Post,
)
from fazhi.regions.models import Region


class CategoryForm(EditGuardFormMixin, ScopedFormMixin, forms.ModelForm):
    region = forms.ModelChoiceField(Region.objects.towns(), label="乡镇")

    class Meta:
        model = Category
        fields = [
            "region", "year", "name", "frequency", "level", "source", "villages", "basis",
            "order", "active",
        ]  # fmt: skip
        widgets = {"villages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["villages"].queryset = Region.objects.for_user(user).villages()


class SupervisorForm(ScopedFormMixin, forms.Form):
    region = forms.ModelChoiceField(Region.objects.all(), label="村(社区)")
    person = forms.ModelChoiceField(User.objects.none(), label="监督委员会成员（村干部账号）")
    since = forms.DateField(label="任职起始日")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["region"].queryset = Region.objects.for_user(user).filter(level__in=(4, 5))
        prefix = self.fields["region"].queryset.values("code")
        self.fields["person"].queryset = User.objects.filter(
            role__in=(Role.VILLAGE_CADRE, Role.TOWN_OFFICER),
            region__code__in=prefix,
            is_active=True,
        ).order_by("username")


class PostForm(EditGuardFormMixin, ScopedFormMixin, forms.ModelForm):
    region = forms.ModelChoiceField(Region.objects.all(), label="公开主体（村/社区或乡镇）")
    category = forms.ModelChoiceField(Category.objects.all(), label="公开事项")
    uploads = MultipleAttachmentField(label="附件/照片", required=False)

    class Meta:
        model = Post
        fields = ["region", "category", "year", "period", "event_on", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["region"].queryset = Region.objects.for_user(user).filter(level__in=(4, 5))
        self.fields["category"].queryset = Category.objects.choosable_by(user).filter(active=True)
        if user.role == Role.VILLAGE_CADRE and user.region_id:
            self.fields["region"].initial = user.region_id


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class ModerateForm(forms.Form):
    accept = forms.TypedChoiceField(
        label="审核结果",
        choices=[("1", "受理"), ("0", "不予受理")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="不予受理理由", max_length=300, required=False)


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 5}))
    public = forms.BooleanField(label="在公开页面公布答复", required=False, initial=True)


class PublicQueryForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=40)
    phone = forms.CharField(label="联系电话（仅用于答复，不公开）", max_length=20, required=False)
    content = forms.CharField(
        label="质询内容", max_length=2000, widget=forms.Textarea(attrs={"rows": 6})
    )
    captcha = forms.CharField(label="验证题答案", max_length=6)
    captcha_token = forms.CharField(widget=forms.HiddenInput)
    post = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PublicRequestForm(forms.Form):
    """The portal's application for government information (条例第二十九条)."""

    applicant_kind = forms.ChoiceField(
        label="申请人类型", choices=ApplicantKind.choices, widget=forms.RadioSelect,
        initial=ApplicantKind.PERSON,
    )  # fmt: skip
    applicant = forms.CharField(label="姓名或单位名称", max_length=60)
    id_type = forms.ChoiceField(
        label="证件类型（公民填写）", choices=[("", "请选择")] + IdType.choices, required=False
    )
    id_number = forms.CharField(label="证件号码（公民填写）", max_length=30, required=False)
    organisation_code = forms.CharField(
        label="统一社会信用代码（法人或其他组织填写）", max_length=18, required=False
    )
    contact_person = forms.CharField(
        label="联系人（法人或其他组织填写）", max_length=40, required=False
    )
    phone = forms.CharField(label="联系电话（不公开）", max_length=20)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    email = forms.CharField(label="电子邮箱", max_length=120, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    purpose = forms.CharField(label="申请用途（选填）", max_length=300, required=False)
    delivery = forms.ChoiceField(
        label="获取信息的方式", choices=Delivery.choices, widget=forms.RadioSelect
    )
    captcha = forms.CharField(label="验证题答案", max_length=6)
    captcha_token = forms.CharField(widget=forms.HiddenInput)


class RequestForm(ScopedFormMixin, forms.Form):
    region = forms.ModelChoiceField(Region.objects.towns(), label="受理机关所在乡镇")
    applicant = forms.CharField(label="申请人", max_length=60)
    contact = forms.CharField(label="联系方式", max_length=40, required=False)
    channel = forms.ChoiceField(label="申请方式", choices=Channel.choices)
    description = forms.CharField(label="所需信息的描述", widget=forms.Textarea(attrs={"rows": 4}))
    received_on = forms.DateField(label="收到申请日期")


class CorrectionForm(forms.Form):
    sent_on = forms.DateField(label="发出补正通知日期")
    what = forms.CharField(label="需补正事项", max_length=300)


class DateForm(forms.Form):
    received_on = forms.DateField(label="收到补正材料日期")


class ConsultForm(forms.Form):
    sent_on = forms.DateField(label="征求第三方意见日期")
    ended_on = forms.DateField(label="第三方答复日期", required=False)


class ExtendForm(forms.Form):
    approved_by = forms.CharField(label="批准延期的负责人", max_length=40)
    approved_on = forms.DateField(label="批准日期")
    days = forms.IntegerField(label="延长工作日", min_value=1, max_value=20, initial=20)


class RequestAnswerForm(forms.Form):
    answer_type = forms.ChoiceField(label="答复类型（条例第三十六条）", choices=AnswerType.choices)
    answer_text = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 5}))
    answered_on = forms.DateField(label="答复日期")
    pages = forms.IntegerField(label="提供信息页数", min_value=0, initial=0, max_value=100000)
