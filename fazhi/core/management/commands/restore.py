"""`fazhi restore`: bring back an archive made by `fazhi backup`, or refuse.

Refuses, before changing anything, an archive made under another encryption
key, from another database vendor, from newer code, or damaged in any member.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.management.archive import BackupError, backup_restore
from fazhi.core.management.databases import vendor_name


class Command(BaseCommand):
    help = "从 fazhi backup 的存档恢复数据库和附件（先核对密钥指纹、数据库类型和每个文件的哈希）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="fazhi backup 生成的存档文件")
        parser.add_argument(
            "--check",
            action="store_true",
            help="只核对存档（密钥、数据库类型、迁移、每个文件的哈希），不做任何改动",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="不询问确认（用于脚本）",
        )

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        check_only = options["check"]
        if not check_only and options["interactive"] and not self._confirmed():
            raise CommandError("已取消，没有做任何改动。")
        try:
            result = backup_restore(archive=archive, check_only=check_only, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        summary = (
            f"存档生成于 {manifest.created_at}（fazhi {manifest.fazhi_version}，"
            f"{vendor_name(manifest.database_vendor)}）：{result.tables} 张表共 {result.rows} 行，"
            f"附件 {len(manifest.media)} 个；密钥指纹一致，每个文件的 SHA-256 与清单一致。"
        )
        if check_only:
            self.stdout.write(self.style.SUCCESS("存档核对无误，可以恢复。" + summary))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    "恢复完成，恢复后的行数和附件哈希均与清单一致。"
                    + summary
                    + f"附件写回 {result.media_written} 个，原已相同 {result.media_unchanged} 个。"
                )
            )
            if result.media_extra:
                self.stdout.write(
                    f"附件存储中另有 {len(result.media_extra)} 个存档里没有的文件，未删除"
                    f"（如 {result.media_extra[0]}）。"
                )
        if result.migrations_to_apply:
            self.stdout.write(
                f"存档比当前程序旧，缺少 {len(result.migrations_to_apply)} 个迁移："
                "恢复后请运行 fazhi migrate。"
            )

    def _confirmed(self) -> bool:
        answer = input(
            "恢复会用存档替换当前数据库的全部数据，并写回存档中的附件。"
            "请先停止网站和后台任务进程。输入 yes 继续："
        )
        return answer.strip().lower() == "yes"
