"""The command line with the stratification-app files: outputs, replay, and every bad input."""

import csv
import json

import pytest

from sortition.cli import main

CATEGORIES = "category,name,min,max\ngender,female,2,3\ngender,male,2,3\nage,young,1,4\nage,old,1,4\n"


def respondents(count=20):
    lines = ["id,gender,age,street"]
    for n in range(count):
        lines.append(f"r{n},{'female' if n % 2 else 'male'},{'young' if n % 3 else 'old'},{n // 2} rue Haute")
    return "\n".join(lines) + "\n"


@pytest.fixture
def files(tmp_path):
    def write(categories=CATEGORIES, people=None, encoding="utf-8"):
        (tmp_path / "categories.csv").write_bytes(
            categories.encode(encoding) if isinstance(categories, str) else categories
        )
        data = respondents() if people is None else people
        (tmp_path / "respondents.csv").write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        return tmp_path

    return write


def select(folder, *extra, panel_size=5):
    return main(
        [
            "select",
            "--categories",
            str(folder / "categories.csv"),
            "--respondents",
            str(folder / "respondents.csv"),
            "--panel-size",
            str(panel_size),
            "--seed",
            "42",
            "--out",
            str(folder / "out"),
            *extra,
        ]
    )


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("algorithm", ["leximin", "legacy"])
def test_select_writes_the_four_files_and_verify_replays_them(files, capsys, algorithm):
    folder = files()
    assert select(folder, "--algorithm", algorithm) == 0
    selected = read_csv(folder / "out" / "selected.csv")
    alternates = read_csv(folder / "out" / "alternates.csv")
    probabilities = read_csv(folder / "out" / "probabilities.csv")
    audit = json.loads((folder / "out" / "audit.json").read_text())
    assert len(selected) == 5 and len(alternates) == 15
    assert [row["rank"] for row in alternates] == [str(n) for n in range(1, 16)]
    assert sum(float(row["probability"]) for row in probabilities) == pytest.approx(5, abs=1e-3)
    assert audit["inputs"]["categories"]["sha256"] and audit["seed"] == "42"
    assert sorted(row["id"] for row in selected) == audit["result"]["selected"]
    assert main(["verify", str(folder / "out")]) == 0
    assert "verified" in capsys.readouterr().out


def test_verify_catches_a_tampered_result(files):
    folder = files()
    select(folder)
    audit_path = folder / "out" / "audit.json"
    audit = json.loads(audit_path.read_text())
    everyone = [r["id"] for r in audit["respondents"]]
    outsider = next(i for i in everyone if i not in audit["result"]["selected"])
    audit["result"]["selected"] = sorted(audit["result"]["selected"][1:] + [outsider])
    audit_path.write_text(json.dumps(audit))
    assert main(["verify", str(folder / "out")]) == 1


def test_transparent_lottery_from_public_randomness(files):
    folder = files()
    assert select(folder, "--lottery", "1000", "--randomness", "3 6 1 4 4 2") == 0
    audit = json.loads((folder / "out" / "audit.json").read_text())
    assert audit["lottery"]["size"] == 1000 and len(audit["lottery"]["hash"]) == 64
    assert main(["verify", str(folder / "out")]) == 0


def test_one_per_household(files):
    folder = files()
    assert select(folder, "--household-columns", "street") == 0
    audit = json.loads((folder / "out" / "audit.json").read_text())
    streets = {r["id"]: r["household"] for r in audit["respondents"]}
    assert len({streets[i] for i in audit["result"]["selected"]}) == 5


BAD_INPUTS = [
    ({"categories": "category,name,min\ngender,female,2\n"}, "categories.csv, line 1: missing column(s): max"),
    ({"categories": CATEGORIES + "gender,female,1,2\n"}, "categories.csv, line 6: gender=female is listed twice"),
    ({"categories": CATEGORIES.replace("female,2,3", "female,4,3")}, "line 2: min (4) is greater than max (3)"),
    ({"categories": CATEGORIES.replace("female,2,3", "female,two,3")}, "line 2: min and max must be whole numbers"),
    ({"people": "id,gender\nr1,female\n"}, "respondents.csv, line 1: missing column(s): age"),
    ({"people": "id,gender,age\nr1,female,young\nr1,male,old\n"}, "line 3: id r1 is already used on line 2"),
    ({"people": "id,gender,age\nr1,other,young\n"}, "line 2: unknown gender value 'other'"),
    ({"people": "id,gender,age\n,female,young\n"}, "line 2: id is empty"),
    ({"people": b"id,gender,age\nr1,f\xe9male,young\n"}, "respondents.csv, line 2: is not UTF-8 text"),
    ({"people": "id,gender,age\n"}, "respondents.csv: lists no respondent"),
    ({"people": "id,gender,age\nr1,female\n"}, "line 2: has 2 cells, the header has 3"),
]


@pytest.mark.parametrize("inputs, message", BAD_INPUTS)
def test_bad_input_names_file_and_line_exits_2_and_writes_nothing(files, capsys, inputs, message):
    folder = files(inputs.get("categories", CATEGORIES), inputs.get("people"))
    assert select(folder) == 2
    assert message in capsys.readouterr().err
    assert not (folder / "out").exists()


def test_byte_order_mark_and_blank_lines_are_fine(files):
    folder = files("\ufeff" + CATEGORIES.replace("\n", "\n\n"), "\ufeff" + respondents() + "\n\n")
    assert select(folder) == 0


def test_panel_larger_than_the_pool_is_explained(files, capsys):
    folder = files(people=respondents(4))
    assert select(folder, panel_size=5) == 2
    assert "the panel needs 5 people but the pool has only 4" in capsys.readouterr().err
    assert not (folder / "out").exists()


def test_conflicting_quotas_are_explained(files, capsys):
    folder = files(CATEGORIES.replace("gender,male,2,3", "gender,male,4,4"))
    assert select(folder) == 2
    err = capsys.readouterr().err
    assert "the minimums of gender add up to 6, 1 more than the panel size 5" in err
