"""The 任务督办台账 as a town keeps it in Excel: title lines, its own header
words, dates typed every way; a bad row is refused and nothing is written."""

from datetime import date

from fazhi.ledgers.tests.test_office_ledgers import office_book, run
from fazhi.tasks.models import Notice, Status, Task

HEADERS = ["序号", "通知文号", "文件标题", "来文单位", "收文时间", "工作任务", "牵头单位",
           "具体责任人", "完成时限", "状态", "完成日期", "逾期原因", "补救措施"]  # fmt: skip


def test_an_office_task_ledger_is_read_with_its_notice(cast):
    rows = [
        [1, "工作通知(2020)113号", "关于做好2020年法治政府建设工作的通知", "县政府办",
         "2020.3.16", "聘请法律顾问", "黄水镇司法所", "谭法治", "2020年4月30日",
         "已完成", "2020/4/10", "", ""],
        [2, "工作通知[2020]113号", "", "", "", "建成贵和工作室", "七龙社区居民委员会",
         "冉七龙", "2020-09-30", "进行中", "", "汛期推迟", "汛后补训"],
    ]  # fmt: skip
    result = run(cast, "tasks.tasks", office_book("2020年任务督办台账", HEADERS, rows))
    assert result.ok, result.errors
    notice = Notice.objects.get(doc_number="工作通知〔2020〕113号")
    tasks = {task.title: task for task in Task.objects.filter(notice=notice)}
    assert tasks["聘请法律顾问"].status == Status.DONE
    assert tasks["聘请法律顾问"].finished_on == date(2020, 4, 10)
    assert tasks["建成贵和工作室"].region == cast.qilong
    assert tasks["建成贵和工作室"].person == cast.cadre


def test_a_row_naming_an_unknown_unit_writes_nothing(cast):
    rows = [
        [1, "工作通知〔2020〕113号", "通知", "县政府办", "2020-03-16", "聘请法律顾问",
         "黄水镇司法所", "", "2020-04-30", "", "", "", ""],
        [2, "工作通知〔2020〕113号", "", "", "", "另一项", "不存在的单位", "", "2020-05-30",
         "", "", "", ""],
    ]  # fmt: skip
    result = run(cast, "tasks.tasks", office_book("任务督办台账", HEADERS, rows))
    assert not result.ok
    assert "不存在的单位" in str(result.errors)
    assert not Task.objects.exists() and not Notice.objects.exists()
