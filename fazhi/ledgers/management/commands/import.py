"""`fazhi import LEDGER FILE --region CODE [--dry-run]`: a ledger workbook in.

A big file is checked and written in batches (see fazhi.ledgers.io.writing), with
progress on stdout; a file beyond the limits (fazhi.ledgers.limits) is refused.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from fazhi.ledgers.base import get_ledger, ledgers
from fazhi.ledgers.io import import_workbook, writing


class Command(BaseCommand):
    help = "导入台账（Excel）。文件有任何错误时不写入任何数据；同一文件重复导入不会产生重复记录。"

    def add_arguments(self, parser):
        parser.add_argument(
            "ledger", nargs="?", help="台账代码，如 publicity.activities（--list 列出）"
        )
        parser.add_argument("file", nargs="?", help=".xlsx 文件路径")
        parser.add_argument("--region", help="导入到的乡镇或区县，12位区划代码")
        parser.add_argument("--dry-run", action="store_true", help="只检查、预览，不写入")
        parser.add_argument(
            "--list", dest="list_ledgers", action="store_true", help="列出可导入的台账"
        )

    def _progress(self, *, checked: int, written: int, total: int) -> None:
        if total > writing.BATCH_ROWS:  # a small file is done before anyone could wait
            done = f"已写入 {written}" if written else f"已检查 {checked}"
            self.stdout.write(f"{done} / {total} 行")

    def handle(self, *args, ledger, file, region, dry_run, list_ledgers, **options):
        if list_ledgers or not ledger:
            for item in ledgers():
                if item.importable:
                    self.stdout.write(f"{item.key:<32} {item.title}")
            return
        found = get_ledger(ledger)
        if found is None or not found.importable:
            raise CommandError(f"没有可导入的台账 {ledger}；用 --list 查看。")
        if not file or not region:
            raise CommandError("请给出文件路径和 --region 区划代码。")
        # By label: the ledgers package sits below `regions` in the import graph.
        target = apps.get_model("regions", "Region").objects.filter(code=region).first()
        if target is None:
            raise CommandError(f"没有区划代码为 {region} 的区划。")
        try:
            handle = open(file, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise CommandError(f"无法读取文件 {file}：{error.strerror}") from None
        with handle:
            result = import_workbook(
                ledger=found,
                file=handle,
                user=None,
                region=target,
                dry_run=dry_run,
                progress=self._progress,
            )
        for message in result.errors:
            self.stderr.write(message)
        if not result.ok:
            raise CommandError(result.summary())
        self.stdout.write(self.style.SUCCESS(result.summary()))
