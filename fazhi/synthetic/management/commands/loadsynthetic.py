from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fazhi.synthetic.build import AlreadyBuilt, Sizes, build_county

DEFAULT_PASSWORD = "Huangshui@2020"


class Command(BaseCommand):
    help = (
        "生成模拟县数据（用于性能测试）：石柱县下若干乡镇、每镇若干村、若干年的纠纷、排查、"
        "普法、法律顾问和案件记录，含历史记录。同一种子生成相同的数据；已生成过时拒绝再次生成。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--towns", type=int, default=30, help="乡镇数（含黄水镇），默认30")
        parser.add_argument("--villages", type=int, default=10, help="每镇村（社区）数，默认10")
        parser.add_argument("--years", type=int, default=10, help="年数，默认10")
        parser.add_argument("--seed", type=int, default=1, help="随机种子，默认1")
        parser.add_argument("--last-year", type=int, default=None, help="最后一年，默认去年")
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="新建模拟账号的密码")

    def handle(self, *args, towns, villages, years, seed, last_year, password, **options):
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError("密码不符合规则：" + "；".join(error.messages)) from None
        sizes = Sizes(towns=towns, villages=villages, years=years, seed=seed, last_year=last_year)
        try:
            counts = build_county(
                sizes=sizes, password=password, say=lambda line: self.stdout.write(line)
            )
        except AlreadyBuilt as error:
            raise CommandError(f"{error}，未重复生成。") from None
        except ValueError as error:
            raise CommandError(str(error)) from None
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label}: {count:,}")
        self.stdout.write(self.style.SUCCESS(f"模拟县数据已生成：共 {sum(counts.values()):,} 行。"))
