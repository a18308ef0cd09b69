"""`sinmun entities` through the real console script (real Kiwi): JSON Lines in, one answer per text out."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

# Speakers named in shapes the recognizer misses (a title, then a foreign name; a foreign name alone before the quote)
MISSED_SPEAKERS = (
    '보건부, 노동부 장관 누르벡 사디코프는 병원을 늘렸다고 밝혔다. 그는 "의사도 더 뽑겠다"고 말했다.\n'
    '시의원들은 예산안을 두고 다투었는데, 마커스 벨은 "시민이 먼저"라고 일축했다.'
)
JSON_INPUT = "\n".join(
    [
        json.dumps(
            {"id": "a", "text": '윤세라 목포시장은 5일 해양경찰과 만났다. 윤 시장은 "바다를 지키겠다"고 말했다.'},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"id": 7, "text": ["a list"]}),
        json.dumps({"text": "no id"}),
        "",
        json.dumps({"id": "b", "text": "여수에서 3억원이 들었다."}, ensure_ascii=False),
        json.dumps({"id": "c", "text": MISSED_SPEAKERS}, ensure_ascii=False),
    ]
)


def run_entities(sinmun_bin: Path, *args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(sinmun_bin), "entities", *args], input=stdin, capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def json_run(sinmun_bin: Path) -> subprocess.CompletedProcess:
    return run_entities(sinmun_bin, stdin=JSON_INPUT)


def test_one_answer_per_good_line_in_order(json_run: subprocess.CompletedProcess) -> None:
    answers = [json.loads(line) for line in json_run.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b", "c"]
    assert all(set(a) == {"id", "entities", "dates", "amounts", "quotes"} for a in answers)


def test_offsets_point_into_the_text(json_run: subprocess.CompletedProcess) -> None:
    texts = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in JSON_INPUT.splitlines()
        if line.startswith('{"id": "')
    }
    for line in json_run.stdout.splitlines():
        answer = json.loads(line)
        text = texts[answer["id"]]
        spans = [m for e in answer["entities"] for m in e["mentions"]] + answer["dates"] + answer["amounts"]
        spans += answer["quotes"]
        assert spans, answer
        for m in spans:
            assert text[m["start"] : m["end"]] == m["text"]


def test_contract_shape_of_people_places_amounts(json_run: subprocess.CompletedProcess) -> None:
    first, second, _ = (json.loads(line) for line in json_run.stdout.splitlines())
    people = {e["name"]: e for e in first["entities"] if e["type"] == "PERSON"}
    assert people["윤세라"]["title"] == "목포시장"
    places = {e["name"]: e["place_code"] for e in second["entities"] if e["type"] == "LOCATION"}
    assert places == {"전라남도 여수시": "KR-46-여수시"}
    assert [a["value"] for a in second["amounts"]] == [300_000_000]
    assert [(q["text"], q["speaker"], q["speaker_type"], q["title"], q["verb"]) for q in first["quotes"]] == [
        ("바다를 지키겠다", "윤세라", "PERSON", "시장", "말했다")
    ]
    assert second["quotes"] == []


def test_speakers_the_recognizer_missed_are_named_and_become_people(json_run: subprocess.CompletedProcess) -> None:
    third = json.loads(json_run.stdout.splitlines()[2])
    assert [(q["text"], q["speaker"], q["speaker_type"], q["title"]) for q in third["quotes"]] == [
        ("의사도 더 뽑겠다", "누르벡 사디코프", "PERSON", "장관"),
        ("시민이 먼저", "마커스 벨", "PERSON", None),
    ]
    people = {e["name"]: e["mentions"][0]["text"] for e in third["entities"] if e["type"] == "PERSON"}
    assert people == {"누르벡 사디코프": "누르벡 사디코프", "마커스 벨": "마커스 벨"}


def test_bad_lines_get_one_line_reasons_and_the_rest_goes_on(json_run: subprocess.CompletedProcess) -> None:
    assert json_run.returncode == 2
    assert "Traceback" not in json_run.stderr
    reasons = json_run.stderr.strip().splitlines()
    assert len(reasons) == 3, json_run.stderr
    assert reasons[0].startswith("sinmun: -: line 2: not JSON")
    assert reasons[1].startswith('sinmun: -: line 3: "text" must be a string')
    assert reasons[2].startswith('sinmun: -: line 4: no "id"')


def test_plain_text_lines_and_a_file(tmp_path: Path, sinmun_bin: Path) -> None:
    source = tmp_path / "texts.txt"
    source.write_text("경찰청은 발표했다.\n\n광주에서 회의가 열렸다.\n", encoding="utf-8")
    result = run_entities(sinmun_bin, str(source), "--text", stdin="")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == [1, 3]
    assert [e["name"] for e in answers[1]["entities"]] == ["광주광역시"]


def test_missing_file_is_one_line(tmp_path: Path, sinmun_bin: Path) -> None:
    result = run_entities(sinmun_bin, str(tmp_path / "absent.jsonl"), stdin="")
    assert result.returncode == 1 and "unreadable" in result.stderr and "Traceback" not in result.stderr
