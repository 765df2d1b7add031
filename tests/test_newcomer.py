"""A newcomer's first hour (issue 24): what the demo leaves, README's commands as written, the
wrong file given to a command, and the small things that confused a first user.
"""

from __future__ import annotations

import copy
import json
import re
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from drafter.answers.carryover import start_from_last
from drafter.answers.file import dump_answers
from drafter.answers.model import to_data
from drafter.cli import main
from drafter.questions import QUESTIONS
from tests.conftest import ROOT, SEEDS, run_drafter

README = ROOT / "README.md"
DEMO_ANSWERS = "output/俄久乡2024年度法治政府建设答卷.yaml"
DEMO_REPORT = "output/俄久乡2024年度法治政府建设情况报告.docx"
NEXT_ANSWERS = "俄久乡2025年度法治政府建设答卷.yaml"
INTERACTIVE = ("new", "edit")


def readme_daily_commands() -> list[str]:
    """Every ``drafter …`` command in README's table of daily use, as written."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## 日常使用") : text.index("- **问答的按键**")]
    return re.findall(r"`(drafter [^`]+)`", table)


# --------------------------------------------------------------------------- the demo and README


def test_demo_leaves_its_answers_file_beside_the_report(tmp_path: Path) -> None:
    done = run_drafter("demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    answers = tmp_path / DEMO_ANSWERS
    assert answers.is_file() and (tmp_path / DEMO_REPORT).is_file()
    assert str(answers) in done.stdout
    # A second demo neither copies the unchanged file again nor overwrites one the user edited.
    assert run_drafter("demo", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in (tmp_path / "output").glob("*.yaml")) == [answers.name]
    answers.write_text(answers.read_text(encoding="utf-8") + "\n# 我改过\n", encoding="utf-8")
    assert run_drafter("demo", cwd=tmp_path).returncode == 0
    assert "# 我改过" in answers.read_text(encoding="utf-8")
    assert len(list((tmp_path / "output").glob("*.yaml"))) == 2


def test_readme_daily_commands_run_as_written_on_the_demo(tmp_path: Path) -> None:
    """After ``drafter demo`` (and next year's answers, which ``new --from`` would write), every
    non-interactive command of README's daily table runs exactly as written."""
    assert run_drafter("demo", cwd=tmp_path).returncode == 0
    # What `drafter new --from output/…2024….yaml` leaves in the current folder, answered as is.
    next_year = start_from_last(tmp_path / DEMO_ANSWERS)
    (tmp_path / NEXT_ANSWERS).write_text(dump_answers(to_data(next_year)), encoding="utf-8")
    (tmp_path / "名单.txt").write_text("俄久乡\n", encoding="utf-8")
    commands = readme_daily_commands()
    assert any(DEMO_ANSWERS in c for c in commands) and any(DEMO_REPORT in c for c in commands)
    ran = 0
    for command in commands:
        args = shlex.split(command)[1:]
        if args[0] in INTERACTIVE:
            for name in args[1:]:  # the files they name exist
                if name.endswith((".yaml", ".docx")) and name != "-o" and "2025" not in name:
                    assert (tmp_path / name).is_file(), command
            continue
        done = run_drafter(*args, cwd=tmp_path, timeout=300)
        assert done.returncode in (0, 1), f"{command}\n{done.stderr}"
        ran += 1
    assert ran >= 12


def test_readme_has_no_command_powershell_cannot_run() -> None:
    """Windows PowerShell 5.1 has no ``&&``: README gives one command a line."""
    text = README.read_text(encoding="utf-8")
    code = re.findall(r"```[^\n]*\n(.*?)```", text, re.DOTALL) + re.findall(r"`([^`\n]+)`", text)
    assert not [c for c in code if "&&" in c]


# --------------------------------------------------------------------------- the wrong file


def test_build_given_a_report_points_to_check_and_import(
    tmp_path: Path, demo_build: Any, capsys: Any
) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    for report in (demo_build.docx, seed):
        assert main(["build", str(report), "-o", str(tmp_path / "x.docx")]) == 2
        err = capsys.readouterr().err
        assert "不是答卷" in err
        assert f"drafter check {report}" in err and f"drafter import {report}" in err
        assert "UTF-8" not in err and "记事本" not in err
        assert not (tmp_path / "x.docx").exists()


def test_check_of_an_answers_file_says_to_build_it(
    tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    as_text = tmp_path / "答卷.txt"  # saved by Notepad under another name: still recognised
    as_text.write_bytes(example_path.read_bytes())
    for path in (example_path, as_text):
        assert main(["check", str(path)]) == 2
        err = capsys.readouterr().err
        assert "答卷文件" in err and "不是报告" in err
        assert f"drafter build {path}" in err


@pytest.mark.parametrize(
    "name",
    ["README.md", "docs/contracts.md", "pyproject.toml", "drafter/cli.py"],
)
def test_check_of_a_document_or_program_is_not_a_report(name: str, capsys: Any) -> None:
    assert main(["check", str(ROOT / name)]) == 2
    err = capsys.readouterr().err
    assert "看起来不是报告" in err
    assert "■" not in capsys.readouterr().out  # no findings listed


# Chinese texts of other kinds, none of them a report on 法治政府建设.
OTHER_TEXTS = {
    "散文": "那年冬天，外婆家的院子里落满了雪。我和表哥早早起床，踩着积雪去井边打水。"
    "外婆在灶台前蒸馒头，屋里弥漫着麦香。午后太阳出来，屋檐下的冰凌开始滴水，"
    "我们带上干粮沿着结冰的小河往山里走，直到天色渐暗才想起回家的路。",
    "会议纪要": "关于召开2024年度春季运动会的通知\n各班级：\n一、比赛项目\n"
    "田径类：100米、200米、跳远、跳高；集体类：拔河、接力跑。\n二、报名方式\n"
    "各班于4月10日前将报名表交至体育组办公室，每人限报两项。\n三、其他事项\n"
    "请各班主任做好学生安全教育，比赛期间注意饮水和防晒。\n学校体育组\n2024年3月28日",
    "天气": "气象台发布预报：受冷空气影响，明天我市大部分地区有中到大雨，局部暴雨，"
    "气温下降6到8摄氏度。请市民外出携带雨具，驾车注意减速慢行，农业生产单位做好田间排涝。",
    "很短": "你好，世界。",
}


@pytest.mark.parametrize("kind", OTHER_TEXTS)
def test_check_of_another_kind_of_chinese_text_is_not_a_report(
    kind: str, tmp_path: Path, capsys: Any
) -> None:
    path = tmp_path / f"{kind}.txt"
    path.write_text(OTHER_TEXTS[kind], encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "看起来不是" in capsys.readouterr().err


def test_real_reports_and_short_report_texts_are_still_checked(tmp_path: Path) -> None:
    """Every real report (both halves) passes the gate, and so does a two-line piece of one."""
    real = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.txt"))
    corpus = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*/*.txt"))
    piece = tmp_path / "片段.txt"
    piece.write_text("2024年，全镇开展普法宣传活动30场次。\n依法调解矛盾纠纷5件。\n", "utf-8")
    titled = tmp_path / "有标题.txt"  # a body about other work, under a title naming the report
    titled.write_text(
        "某某镇2024年度法治政府建设情况报告\n一、主要举措和成效\n"
        + "".join(f"全年开展宣传活动{n}次，发放资料{n}份。\n" for n in range(2, 40)),
        "utf-8",
    )
    from drafter.reader import read_blocks

    for path in [*SEEDS.glob("*.txt"), *real, *corpus, piece, titled]:
        assert read_blocks(path), path


# --------------------------------------------------------------------------- small things


def test_pdf_without_libreoffice_exits_1_and_says_why(tmp_path: Path, example_path: Path) -> None:
    """Exit 1 is in the documented list ("done, with something to look at"); the .docx is
    written and checked, the last line says why there is no PDF."""
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    args = ("build", str(example_path), "-o", "报告.docx", "--pdf")
    done = run_drafter(*args, cwd=tmp_path, env={"PATH": str(bare)})
    assert done.returncode == 1, done.stderr
    assert (tmp_path / "报告.docx").is_file() and not (tmp_path / "报告.pdf").exists()
    last = done.stdout.strip().splitlines()[-1]
    assert "PDF 没有生成" in last and "LibreOffice" in last
    contracts = (ROOT / "docs" / "contracts.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 1 \|.*PDF", contracts, re.MULTILINE)


def test_unit_name_and_type_mismatch_is_not_called_a_figure(
    tmp_path: Path, example_data: dict[str, Any], write_answers: Any, capsys: Any
) -> None:
    data = copy.deepcopy(example_data)
    data["identity"]["unit_type"] = "镇"
    path = write_answers(data)
    assert main(["build", str(path), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "不一致" in err and "数字" not in err.splitlines()[0]


def _year(example_data: dict[str, Any], year: int, write_answers: Any) -> Path:
    data = copy.deepcopy(example_data)
    data["identity"]["year"] = year
    data["identity"]["date"] = f"{year + 1}年1月20日"
    data["publicity"]["activities"] = year - 2000  # 24 in 2024, 25 in 2025
    return write_answers(data, f"{year}.yaml")


def test_compare_swapped_files_are_put_in_year_order_with_a_warning(
    example_data: dict[str, Any], write_answers: Any, capsys: Any
) -> None:
    last, this = _year(example_data, 2024, write_answers), _year(example_data, 2025, write_answers)
    assert main(["compare", str(last), str(this)]) == 0
    right = capsys.readouterr().out
    assert "注意" not in right
    assert main(["compare", str(this), str(last)]) == 0
    swapped = capsys.readouterr().out
    assert "顺序反了" in swapped.splitlines()[0]
    assert swapped.split("\n", 1)[1] == right  # the same table, 2024 first, +1 not -1
    assert re.search(r"普法宣传活动（场次）\s+24\s+25\s+\+1", swapped)


def test_compare_of_the_same_year_says_so(
    example_data: dict[str, Any], write_answers: Any, capsys: Any
) -> None:
    one = _year(example_data, 2024, write_answers)
    assert main(["compare", str(one), str(one)]) == 0
    assert "都是2024年度" in capsys.readouterr().out.splitlines()[0]


@pytest.mark.parametrize("name", ["out.txt", "out.pdf", "报告.doc", "out.yaml"])
def test_build_never_quietly_changes_the_kind_of_file_asked_for(
    name: str, tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    assert main(["build", str(example_path), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert ".docx" in err and "-o" in err
    assert list(tmp_path.iterdir()) == []


def test_build_adds_the_extension_to_a_name_without_one(
    tmp_path: Path, example_path: Path, capsys: Any
) -> None:
    for name, written in (("报告", "报告.docx"), ("俄久乡.终稿", "俄久乡.终稿.docx")):
        assert main(["build", str(example_path), "-o", str(tmp_path / name)]) == 0
        assert f"已生成报告：{tmp_path / written}" in capsys.readouterr().out


def test_no_doubled_marks_in_what_a_build_prints(
    tmp_path: Path, example_data: dict[str, Any], write_answers: Any, capsys: Any
) -> None:
    data = copy.deepcopy(example_data)
    data["problems"]["items"] = []  # a required part left empty: 【待补充】 in the draft
    data["publicity"]["legal_understanders"] = 100
    data["publicity"]["measures"].append(
        {"heading": "培育法律明白人", "text": "全年培养“法律明白人”120名。"}
    )
    path = write_answers(data)
    out = tmp_path / "x.docx"
    assert main(["build", str(path), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "（【待补充】）" in printed
    assert "法律明白人" in printed
    for doubled in ("【【", "】】", "““", "””"):
        assert doubled not in printed, doubled
    assert main(["check", str(out)]) == 1
    checked = capsys.readouterr().out
    assert "【待补充】" in checked and "【【" not in checked and "】】" not in checked


def test_no_field_name_carries_its_own_quotation_marks() -> None:
    """Messages quote a field's name (“……”必须填写): marks of its own would be doubled."""
    assert not [q.key for q in QUESTIONS.values() if re.search(r"[“”‘’「」《》【】]", q.label)]


def test_json_and_text_paragraph_numbers_are_explained(tmp_path: Path, capsys: Any) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    assert main(["check", str(seed), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert main(["check", str(seed), "--all"]) == 1
    text = capsys.readouterr().out
    first = next(f for f in findings if f["paragraph"] >= 0)
    assert f"第 {first['paragraph'] + 1} 段" in text
    readme = README.read_text(encoding="utf-8")
    assert "从 0 开始数" in readme and "“第 5 段”" in readme


# --------------------------------------------------------------------------- the wheel


def test_the_county_template_example_an_error_names_is_installed(tmp_path: Path) -> None:
    """Built as a wheel and run from it (no source tree beside it), a county template error
    names the example folder by a path that exists there."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert "drafter/examples/county-template/outlines/regulation.j2" in archive.namelist()
        archive.extractall(site)
    empty = tmp_path / "县模板"
    empty.mkdir()
    answers = site / "drafter" / "examples" / "example.yaml"
    args = ("build", str(answers), "--templates", str(empty))
    done = run_drafter(*args, cwd=tmp_path, env={"PYTHONPATH": str(site), "DRAFTER_CACHE_DIR": ""})
    assert done.returncode == 2, done.stderr
    named = re.search(r"示例见 (.+?)。", done.stderr)
    assert named is not None, done.stderr
    example = Path(named.group(1))
    assert example.is_relative_to(site), example
    assert (example / "outlines" / "regulation.j2").is_file()
