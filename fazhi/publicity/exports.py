"""Excel exports of exactly what a list shows after filtering."""

from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def activities_workbook(activities) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "普法活动"
    sheet.append(
        [
            "日期",
            "活动名称",
            "地点",
            "覆盖村（社区）",
            "形式",
            "集中开展",
            "主题",
            "结合开展的工作",
            "组织单位",
            "受教人次",
            "发放资料（份）",
            "所属专项",
            "状态",
            "所属区划",
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for activity in activities.iterator(chunk_size=500):
        sheet.append(
            [
                activity.date,
                activity.title,
                activity.place,
                "、".join(village.name for village in activity.villages.all()),
                activity.get_form_display(),
                "是" if activity.concentrated else "否",
                "、".join(theme.name for theme in activity.themes.all()),
                "、".join(activity.combined_with_labels),
                str(activity.organiser or ""),
                activity.person_times,
                activity.materials,
                str(activity.campaign or ""),
                activity.get_status_display(),
                activity.region.name,
            ]
        )
    for column, width in zip(
        "ABCDEFGHIJKLMN", (12, 30, 20, 30, 14, 8, 24, 24, 20, 10, 12, 18, 8, 12), strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    return workbook
