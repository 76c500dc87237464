"""PDF through LibreOffice: `soffice --headless --convert-to pdf`.

Each conversion uses a fresh LibreOffice profile (`-env:UserInstallation`),
so parallel conversions never share a lock, and `FONTCONFIG_FILE` pointing at
the shipped `fonts.conf`, so the Windows font names in the file render with
the free CJK fonts instead of a sans fallback.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
TIMEOUT_SECONDS = 180

MISSING_MESSAGE = (
    "本机未安装 LibreOffice（soffice），无法生成 PDF。"
    "请下载 Word（.docx）文件，或请系统管理员安装 LibreOffice 及中文字体"
    "（fonts-noto-cjk、fonts-arphic-uming、fonts-arphic-ukai）后重试。"
)


class OfficeMissing(RuntimeError):
    def __init__(self):
        super().__init__(MISSING_MESSAGE)


class ConversionFailed(RuntimeError):
    pass


def soffice_path() -> str | None:
    return shutil.which(os.environ.get("FAZHI_SOFFICE", "soffice"))


def office_available() -> bool:
    return soffice_path() is not None


def docx_to_pdf(data: bytes) -> bytes:
    """Convert .docx bytes to PDF bytes, or raise OfficeMissing / ConversionFailed."""
    soffice = soffice_path()
    if soffice is None:
        raise OfficeMissing()
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "document.docx"
        source.write_bytes(data)
        env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(folder)}
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            completed = subprocess.run(
                command, env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise ConversionFailed(
                f"LibreOffice 转换 PDF 超时（{TIMEOUT_SECONDS} 秒），请稍后重试。"
            ) from None
        target = folder / "document.pdf"
        if not target.exists():
            detail = completed.stderr.decode("utf-8", "replace").strip()[-300:]
            raise ConversionFailed(f"LibreOffice 未能生成 PDF：{detail or '未知原因'}")
        return target.read_bytes()
