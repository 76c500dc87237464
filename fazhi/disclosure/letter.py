"""The reply letter to an information request (政府信息公开申请答复书), GB/T 9704."""

from fazhi.disclosure.models import AnswerType, InfoRequest
from fazhi.documents.gbt9704 import Block, OfficialDocument, build_docx


def _day(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def reply_letter(request: InfoRequest) -> bytes:
    received = _day(request.received_on)
    blocks = [
        Block(f"{request.applicant}：", kind="body"),
        Block(
            f"本机关于{received}收到您（单位）提出的政府信息公开申请（编号{request.number}），"
            f"申请获取“{request.description}”。"
        ),
    ]
    if request.correction_sent_on:
        blocks.append(
            Block(
                f"本机关于{_day(request.correction_sent_on)}向您发出补正通知，"
                f"于{_day(request.correction_received_on)}收到补正后的申请。"
            )
        )
    blocks.append(
        Block(
            "经审查，根据《中华人民共和国政府信息公开条例》第三十六条的规定，答复如下："
            f"{AnswerType(request.answer_type).label}。"
        )
    )
    blocks += [Block(line) for line in request.answer_text.splitlines() if line.strip()]
    if request.fee:
        blocks.append(
            Block(
                f"根据《政府信息公开信息处理费管理办法》，本次申请应缴纳信息处理费{request.fee}元。"
            )
        )
    blocks.append(
        Block(
            "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
            "或者在六个月内依法提起行政诉讼。"
        )
    )
    issuer = f"{request.region.name}人民政府"
    return build_docx(
        OfficialDocument(
            title="政府信息公开申请答复书",
            blocks=blocks,
            issuer=issuer,
            issued_on=_day(request.answered_on),
        )
    )
