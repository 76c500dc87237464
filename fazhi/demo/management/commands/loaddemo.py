from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from fazhi.core.demo import steps
from fazhi.regions.models import Region

DEFAULT_PASSWORD = "Huangshui@2020"


@dataclass
class DemoContext:
    password: str
    say: callable
    town: Region | None = None
    created_users: list[str] = field(default_factory=list)


class Command(BaseCommand):
    help = (
        "载入演示数据：黄水镇及其八个村（社区）、组织、各角色演示账号和各项业务记录（可重复执行）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="新建演示账号的密码")
        parser.add_argument(
            "--if-empty", action="store_true", help="数据库中已有区划时不载入，只列出演示账号"
        )
        parser.add_argument(
            "--no-county",
            action="store_true",
            help="只载入黄水镇，不生成用于对比的石柱县其他乡镇（测试用，省时）",
        )

    def handle(self, *args, password, if_empty, no_county, **options):
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("密码不符合规则：" + "；".join(error.messages)) from None
        context = DemoContext(password=password, say=lambda line: self.stdout.write(line))
        if if_empty and Region.objects.exists():
            self.stdout.write("数据库中已有数据，未重新载入演示数据。")
        else:
            with transaction.atomic():
                for step in steps():
                    step(context)
                if settings.DEMO_COUNTY and not no_county:
                    self._county(context)
            self.stdout.write(self.style.SUCCESS("演示数据已就绪。"))
        self._print_logins(context)

    def _county(self, context):
        """Five more towns of 石柱县 with 2016–2020 records, to compare 黄水镇 with
        (docs/demo.md); written in bulk by the synthetic county's builder."""
        from fazhi.synthetic.build import build_demo_county

        if build_demo_county(password=context.password, say=lambda line: None) is not None:
            context.say("石柱县其他五个乡镇（对比用，2016—2020年生成数据）已生成。")

    def _print_logins(self, context):
        from fazhi.accounts.demo import DEMO_USERS

        self.stdout.write("\n演示账号（登录地址 http://127.0.0.1:8000/ ）：")
        for username, role_label, where in DEMO_USERS:
            self.stdout.write(f"  {username:<16} {role_label:<10} {where}")
        if context.created_users:
            self.stdout.write(f"新建账号的密码：{context.password}")
        else:
            self.stdout.write(f"密码：首次载入时设定的密码（默认 {DEFAULT_PASSWORD}）")
