"""Inputs for bench_all.py, made by the INSTALLED drafter (run with the benchmark venv's python).

    python bench_inputs.py SEEDS_DIR OUT_DIR BATCH_COUNT

Writes into OUT_DIR: ``example.yaml`` (the bundled example), ``report.md`` (its draft as Markdown
for pandoc), ``baseline.py`` (the same paragraphs through bare python-docx), ``r30.docx`` (a
30-page report from the seeds' paragraphs) and ``answers/NNNN.yaml`` (BATCH_COUNT townships made
by varying the example). Imports drafter from the installed package only: this folder holds no
drafter, and the repository is not put on sys.path.
"""

from __future__ import annotations

import copy
import random
import shutil
import sys
from pathlib import Path
from typing import Any

CHARS_PER_PAGE = 22 * 28  # GB/T 9704: 22 lines of 28 characters
SURNAMES = "东西南北上下新老大小青红白黑金银石木水火山河湖溪沟坪坝岗岭桥"
UNIT_TYPES = ("乡", "镇", "街道", "苏木")
COUNTIES = ("尼玛县", "鲁山县", "安化县", "林周县", "西乡县", "城关区", "扎鲁特旗")


def report_text(seeds: Path, pages: int = 30) -> str:
    """A long report: the title and opening of seed 000, then body paragraphs of all seeds, each
    varied so the duplicate check sees distinct sentences (as benchmarks/bench_checks.py)."""
    files = sorted(seeds.glob("0*.txt"))
    bodies: list[str] = []
    for seed in files:
        lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
        bodies += [line for line in lines[3:] if len(line) > 40]
    out = list(files[0].read_text(encoding="utf-8").splitlines()[:4])
    total = n = part = 0
    while total < pages * CHARS_PER_PAGE:
        if n % 12 == 0:
            part += 1
            out.append(f"{'一二三四五六七八九十'[(part - 1) % 10]}、第{part}部分工作情况")
        varied = bodies[n % len(bodies)].replace("。", f"（第{n}项）。", 2)
        out.append(varied)
        total += len(varied)
        n += 1
    return "\n".join(out) + "\n"


def township_answers(n: int, example: dict[str, Any]) -> dict[str, Any]:
    """The example answers varied like a different township: name, unit type, county, figures."""
    from drafter.answers.model import cross_check, validate_answers
    from drafter.questions import iter_questions
    from drafter.text.units import words_for

    rng = random.Random(n)
    data = copy.deepcopy(example)
    unit_type = rng.choice(UNIT_TYPES)
    name = "".join(rng.choice(SURNAMES) for _ in range(2)) + unit_type
    data["identity"].update(
        unit_name=name,
        unit_type=unit_type,
        county=rng.choice(COUNTIES),
        year=rng.choice((2023, 2024, 2025)),
        signers=[name + words_for(unit_type).government_suffix],
    )
    data["identity"].pop("addressee", None)
    data["identity"].pop("date", None)
    figures = [q for q in iter_questions() if q.kind == "figure"]
    for q in figures:
        section, field = q.key.split(".")
        value = None if rng.random() < 0.3 else rng.randint(1, 400)
        data.setdefault(section, {})[field] = value
    for q in figures:
        if q.part_of:
            section, field = q.key.split(".")
            whole_section, whole_field = q.part_of.split(".")
            whole, part = data[whole_section].get(whole_field), data[section].get(field)
            if whole is not None and part is not None:
                data[section][field] = min(part, whole)
            elif part is not None:
                data[whole_section][whole_field] = part + rng.randint(0, 20)
    for _ in range(5):  # figures the cross-field rules refuse are left unanswered, as a clerk would
        problems = cross_check(validate_answers(data, source="答卷"))
        if not problems:
            break
        for key, _message in problems:
            section, field = key.split(".")
            data[section][field] = None
    for values in data.values():
        if isinstance(values, dict) and isinstance(values.get("measures"), list):
            rng.shuffle(values["measures"])
    return data


BASELINE = '''"""The same paragraphs through bare python-docx: no styles set up, no checks."""
import sys
import docx

document = docx.Document()
for style, text in {paragraphs!r}:
    document.add_paragraph(text, style=style)
document.save(sys.argv[1])
'''


def main() -> None:
    import drafter
    from drafter.answers.file import dump_answers, read_answers_file
    from drafter.answers.load import load_answers
    from drafter.build import example_path
    from drafter.docx.writer import write_docx
    from drafter.reader import blocks_from_text
    from drafter.render.engine import render_blocks

    seeds, out, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    print(f"drafter from {Path(drafter.__file__).parent}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(example_path(), out / "example.yaml")
    answers, _ = load_answers(example_path())
    blocks = render_blocks(answers)
    markdown: list[str] = []
    paragraphs: list[tuple[str, str]] = []
    for block in blocks:
        if block.kind == "heading":
            markdown.append("#" * block.level + " " + block.number + block.text)
            paragraphs.append((f"Heading {min(block.level, 4)}", block.number + block.text))
            if block.body:
                markdown.append("")
                markdown.append(block.body)
                paragraphs.append(("Normal", block.body))
        else:
            markdown.append(block.full_text)
            paragraphs.append(("Title" if block.kind == "title" else "Normal", block.full_text))
        markdown.append("")
    (out / "report.md").write_text("\n".join(markdown), encoding="utf-8")
    (out / "baseline.py").write_text(BASELINE.format(paragraphs=paragraphs), encoding="utf-8")
    write_docx(blocks_from_text(report_text(seeds)), out / "r30.docx")
    folder = out / "answers"
    folder.mkdir(exist_ok=True)
    example = read_answers_file(example_path()).data
    for n in range(count):
        text = dump_answers(township_answers(n, example))
        (folder / f"{n:04d}.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
