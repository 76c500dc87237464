"""The demo villages' indicator system for 2020 (镇对村考核)."""

M = "manual"

VILLAGE_2020 = [
    (
        "矛盾纠纷排查化解",
        [
            (
                "月度排查按时报送",
                25,
                "按报送率比例计分",
                "排查报告（含零报告）",
                "proportional",
                "disputes.screening_compliance",
                {"full_at": 100},
            ),
            (
                "矛盾纠纷不出村",
                15,
                "调解成功率分档",
                "调解记录",
                "banded",
                "disputes.success_rate",
                {"bands": [[90, 15], [70, 10], [1, 5]]},
            ),
        ],
    ),
    (
        "普法与法律明白人",
        [
            (
                "“法律明白人”配备不少于3名",
                20,
                "在册3名以上得满分",
                "名册",
                "threshold",
                "assessment.law_understanders_in_village",
                {"threshold": 3},
            ),
            (
                "人均受教育次数",
                20,
                "受教人次÷常住人口，分档计分",
                "活动记录",
                "banded",
                "assessment.person_times_per_head",
                {"bands": [[0.5, 20], [0.2, 15], [0.05, 10], [0.01, 5]]},
            ),
        ],
    ),
    (
        "村务公开与村规民约",
        [
            ("村务公开按时", 10, "按季度公开", "公开栏照片", M, "", {}),
            ("村规民约修订完善", 10, "经村民会议通过并备案", "村规民约文本", M, "", {}),
        ],
    ),
]
