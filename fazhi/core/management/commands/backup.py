"""`fazhi backup`: one archive of the database, the attachments and a key check.

Run it from cron (see docs/deploy.md, 备份与恢复). The encryption key is not
in the archive and must be kept separately.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from fazhi.core.management.archive import BackupError, backup_create, default_archive_name
from fazhi.core.management.databases import vendor_name


class Command(BaseCommand):
    help = "备份数据库和附件到一个存档（.tar.gz 或 .tar），附清单、行数、附件哈希和密钥指纹。"

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            help="存档文件名（以 .tar.gz 或 .tar 结尾），或一个目录（在其中按时间命名）；"
            "默认 var/backups/ 目录",
        )

    def handle(self, *args, **options):
        destination = self._destination(options["output"])
        try:
            result = backup_create(destination=destination, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"已备份到 {result.path}：{vendor_name(manifest.database_vendor)} 数据库"
                f" {len(manifest.row_counts)} 张表共 {sum(manifest.row_counts.values())} 行，"
                f"附件 {len(manifest.media)} 个。"
            )
        )
        self.stdout.write("加密密钥不在存档里：请确认 FAZHI_ENCRYPTION_KEY 已另行妥善保管。")

    def _destination(self, output: str | None) -> Path:
        if output is None:
            directory = settings.VAR_DIR / "backups"
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            return directory / default_archive_name()
        path = Path(output)
        if path.is_dir():
            return path / default_archive_name()
        if not path.name.endswith((".tar", ".tar.gz", ".tgz")):
            raise CommandError(f"存档文件名 {path.name} 须以 .tar.gz 或 .tar 结尾。")
        return path
