"""The activity list as Excel rows (written by the one workbook writer, `fazhi.ledgers.writer`)."""

HEADERS = [
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


def activity_rows(activities):
    for activity in activities.iterator(chunk_size=500):
        yield [
            activity.date,
            activity.title,
            activity.place,
            "、".join(village.name for village in activity.villages.all()),
            activity.get_form_display(),
            "是" if activity.concentrated else "否",
            "、".join(theme.name for theme in activity.themes.all()),
            "、".join(activity.combined_with_labels),
            activity.organiser,
            activity.person_times,
            activity.materials,
            activity.campaign,
            activity.get_status_display(),
            activity.region.name,
        ]


CAMPAIGN_HEADERS = ["专项名称", "所属区划", "开始日期", "结束日期", "说明"]


def campaign_rows(campaigns):
    for campaign in campaigns:
        yield [
            campaign.name,
            campaign.region.name,
            campaign.start_date,
            campaign.end_date,
            campaign.description,
        ]
