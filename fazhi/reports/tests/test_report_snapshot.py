"""The frozen copy of a final report has a declared, checked shape, and the
copies stored before it was declared still open."""

import copy

import pytest
from django.utils import timezone

from fazhi.reports import document, services
from fazhi.reports.models import Report, Status
from fazhi.reports.snapshot import SCHEMA_VERSION, Snapshot
from fazhi.reports.types import SchemaError

pytestmark = pytest.mark.usefixtures("registered")

FIGURE = {
    "label": "新建人民调解委员会",
    "unit": "个",
    "value": 3,
    "list_url": "/regions/?kind=committee",
    "records": 3,
    "parts": {},
}
PARAGRAPH = {"text": "我镇新建人民调解委员会3个。", "metrics": ["test.committees"], "key": "x.y"}
CANDIDATE = {
    "key": "x.z",
    "kind": "problem",
    "text": "调解力量偏弱",
    "metrics": ["test.committees"],
}

# A snapshot as `report_finalise` stored it before the schema was declared
# (no "schema" key), written out by hand.
LEGACY = {
    "content": {
        "region": {"code": "500240105000", "name": "黄水镇", "level": 3, "towns": 1},
        "year": 2020,
        "computed_at": "2021-01-20 09:30",
        "figures": {"test.committees": FIGURE},
        "paragraphs": {"disputes": [PARAGRAPH]},
        "candidates": [CANDIDATE],
        "has_records": True,
    },
    "document": {
        "title": "黄水镇2020年度法治政府建设情况报告",
        "issuer": "黄水镇人民政府",
        "issued_on": "2021年1月20日",
        "intro": "2020年，镇党委、政府……现将有关情况报告如下：",
        "parts": [
            {
                "key": "masses",
                "heading": "二、法治观念与群众工作",
                "sections": [
                    {
                        "key": "disputes",
                        "heading": "矛盾纠纷多元化解",
                        "narrative": "",
                        "paragraphs": [
                            {**PARAGRAPH, "figures": [{"code": "test.committees", **FIGURE}]}
                        ],
                        "text": "我镇新建人民调解委员会3个。",
                        "empty": False,
                        "lead": "（一）矛盾纠纷多元化解。",
                    }
                ],
            }
        ],
        "figures": [{"code": "test.committees", **FIGURE}],
        "has_records": True,
        "candidates": [CANDIDATE],
        "computed_at": "2021-01-20 09:30",
    },
}


def test_a_snapshot_stored_before_the_schema_was_declared_still_loads():
    snapshot = Snapshot.from_dict(LEGACY)
    assert snapshot.schema == SCHEMA_VERSION
    assert snapshot.content.figures["test.committees"].value == 3
    section = snapshot.document.parts[0].sections[0]
    assert section.paragraphs[0].figures[0].list_url == "/regions/?kind=committee"
    assert snapshot.document.candidates[0].kind == "problem"


def test_a_loaded_snapshot_writes_back_the_json_it_was_read_from():
    assert Snapshot.from_dict(LEGACY).to_dict() == {"schema": SCHEMA_VERSION, **LEGACY}


def test_a_final_report_with_a_legacy_snapshot_shows_and_prints_its_frozen_text(cast):
    report = Report.objects.create(
        region=cast.town,
        year=2020,
        status=Status.FINAL,
        snapshot=LEGACY,
        finalised_at=timezone.now(),
    )
    assembled = document.assemble(report)
    assert assembled.parts[0].sections[0].text == "我镇新建人民调解委员会3个。"
    assert assembled.to_dict() == LEGACY["document"]
    assert document.render_docx(report, appendix=True)[:2] == b"PK"


def test_finalising_stores_a_snapshot_of_the_declared_schema(cast):
    report = services.report_create(user=cast.officer, region=cast.town, year=2020)
    final = services.report_finalise(user=cast.officer, report=report)
    assert final.snapshot["schema"] == SCHEMA_VERSION
    assert Snapshot.from_dict(final.snapshot).to_dict() == final.snapshot


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda s: s["content"].pop("figures"), "snapshot.content.figures: missing"),
        (
            lambda s: s["content"]["figures"]["test.committees"].update(value=[1]),
            "snapshot.content.figures.test.committees.value",
        ),
        (
            lambda s: s["document"]["parts"][0]["sections"][0].update(empty="no"),
            "snapshot.document.parts[0].sections[0].empty",
        ),
        (lambda s: s["document"]["candidates"][0].update(metrics="x"), "candidates[0].metrics"),
        (lambda s: s.update(schema=99), "snapshot.schema: unknown version 99"),
        (lambda s: s["content"]["region"].update(level=True), "snapshot.content.region.level"),
    ],
)
def test_a_snapshot_of_another_shape_is_refused_naming_the_field(damage, named):
    broken = copy.deepcopy(LEGACY)
    damage(broken)
    with pytest.raises(SchemaError, match=named.replace("[", r"\[").replace("]", r"\]")):
        Snapshot.from_dict(broken)
