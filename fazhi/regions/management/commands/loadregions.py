from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.regions.services import RegionImportError, regions_load


class Command(BaseCommand):
    help = "从 CSV 文件（区划代码,名称,级别）载入一个县的区划；有任何错误行则全部不载入。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"文件不存在：{file}")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError("文件不是 UTF-8 编码的 CSV，请另存为 UTF-8 后重试。") from None
        try:
            count = regions_load(lines=text.splitlines())
        except RegionImportError as error:
            raise CommandError("区划未载入，以下行有错误：\n" + "\n".join(error.problems)) from None
        self.stdout.write(self.style.SUCCESS(f"已载入 {count} 个区划。"))
