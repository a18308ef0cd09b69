"""The trained recognizer: its shipped model is what the training script builds, and its decisions on sentences the
project wrote (real Kiwi, the shipped model)."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

from sinmun.entities import recognizer
from sinmun.entities.extract import extract_batch
from sinmun.entities.train import read_klue, token_labels, train
from tests.conftest import SHARED

MANIFEST = json.loads(resources.files("sinmun.data").joinpath("entity_model.json").read_text(encoding="utf-8"))
MODEL = Path(str(resources.files("sinmun.data").joinpath(recognizer.MODEL_FILE)))
TRAINING_DATA = SHARED / "data" / MANIFEST["training_data"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_shipped_model_is_the_one_the_manifest_records() -> None:
    assert _sha256(MODEL) == MANIFEST["model_sha256"]


@pytest.fixture(scope="module")
def training_data() -> Path:
    if not TRAINING_DATA.exists():
        pytest.skip(f"training data not found at {TRAINING_DATA}")
    return TRAINING_DATA


def test_training_data_is_the_one_the_manifest_records(training_data: Path) -> None:
    assert _sha256(training_data) == MANIFEST["training_data_sha256"]
    assert len(read_klue(training_data)) == MANIFEST["training_sentences"]


@pytest.mark.slow  # trains the model again
def test_training_script_rebuilds_the_shipped_model_byte_for_byte(training_data: Path, tmp_path: Path) -> None:
    rebuilt = tmp_path / "model.crfsuite"
    train(read_klue(training_data), rebuilt)
    assert _sha256(rebuilt) == _sha256(MODEL)


KLUE_BLOCK = "## klue-ner-test_1-wikitree\t박하늘 씨가 목포에 왔다.\n" + "".join(
    f"{ch}\t{tag}\n"
    for ch, tag in zip(
        "박하늘 씨가 목포에 왔다.", ["B-PS", "I-PS", "I-PS"] + ["O"] * 4 + ["B-LC", "I-LC"] + ["O"] * 5, strict=True
    )
)


def test_klue_reader_and_morpheme_labels(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text("## 주석 : ##\n" + KLUE_BLOCK + "\n", encoding="utf-8")
    (sentence,) = read_klue(path)
    assert sentence.text == "박하늘 씨가 목포에 왔다."
    assert sentence.spans == ((0, 3, "PS"), (7, 9, "LC"))
    tokens = [
        (0, 1, "NNP", "박"),
        (1, 3, "NNP", "하늘"),
        (4, 5, "NNB", "씨"),
        (7, 9, "NNP", "목포"),
        (9, 10, "JKB", "에"),
    ]
    assert token_labels(tokens, sentence.spans) == ["B-PS", "I-PS", "O", "B-LC", "O"]


SPAN_CASES = [
    # (name, tokens, labels, spans kept)
    (
        "name-run",
        [(0, 1, "NNP", "박"), (1, 3, "NNP", "하늘"), (4, 6, "NNG", "교수")],
        ["B-PS", "I-PS", "O"],
        [(0, 3, "PS")],
    ),
    (
        "verb-form-is-no-name",
        [(0, 3, "VV", "알려지"), (3, 4, "EC", "면")],
        ["B-LC", "I-LC"],
        [],
    ),
    (
        "listed-with-a-common-noun",
        [(0, 3, "NNG", "농사철"), (3, 4, "JC", "와"), (5, 8, "NNP", "고기철")],
        ["O", "O", "B-PS"],
        [],
    ),
    (
        "two-types-side-by-side",
        [(0, 2, "NNP", "서울"), (3, 6, "NNP", "한빛사")],
        ["B-LC", "B-OG"],
        [(0, 2, "LC"), (3, 6, "OG")],
    ),
]


@pytest.mark.parametrize(("tokens", "labels", "spans"), [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES])
def test_spans_from_labels(tokens, labels, spans) -> None:
    assert [(s.start, s.end, s.kind) for s in recognizer.spans_from_labels(tokens, labels)] == spans


# Sentences the project wrote: (name, text, entities that must be there, (type, name) pairs that must not).
SENTENCE_CASES = [
    ("verb-form-before-particle", "이 소식이 알려지면 주민들이 반발할 것이다.", [], [("LOCATION", "알려지면")]),
    ("battery", "그러면 배터리 수명이 짧아진다.", [], [("LOCATION", "배터리"), ("LOCATION", "그러면")]),
    ("club-long-distance", "장거리 운전을 하는 동아리가 늘었다.", [], [("LOCATION", "장거리"), ("LOCATION", "동아리")]),
    ("prime-minister-voice", "국무총리는 목소리를 높였다.", [], [("LOCATION", "국무총리"), ("LOCATION", "목소리")]),
    (
        "verb-ending-myeon",
        "규제가 확대되면 부담이 커지면서 시장이 흔들린다.",
        [],
        [("LOCATION", "확대되면"), ("LOCATION", "커지면")],
    ),
    ("verb-before-title", "교황이 지명한 추기경은 로마로 갔다.", [("LOCATION", "로마")], [("PERSON", "지명한")]),
    ("titled-name", "한지우 감독은 선수들을 칭찬했다.", [("PERSON", "한지우")], []),
    ("rules-keep-their-title", "김하람 광주시장은 말했다.", [("PERSON", "김하람"), ("LOCATION", "광주광역시")], []),
    ("unknown-company", "가나다전자는 새 공장을 지었다.", [("ORG", "가나다전자")], []),
]


@pytest.fixture(scope="module")
def sentence_entities() -> dict[str, list[dict]]:
    articles = [{"kind": "news", "body": text} for _, text, _, _ in SENTENCE_CASES]
    extract_batch(articles, [None] * len(articles))
    return {name: a["entities"] for (name, *_), a in zip(SENTENCE_CASES, articles, strict=True)}


@pytest.mark.parametrize(
    ("name", "present", "absent"), [(c[0], c[2], c[3]) for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentence_entities(sentence_entities, name, present, absent) -> None:
    found = {(e["type"], e["name"]) for e in sentence_entities[name]}
    for entity in present:
        assert entity in found, found
    for entity in absent:
        assert entity not in found, found
    assert not {e["name"] for e in sentence_entities[name]} & {n for _, n in absent}


def test_generic_institutions_are_marked(sentence_entities) -> None:
    from sinmun.entities.extract import merge_recognized

    found = [{"type": "ORG", "name": "검찰", "title": None, "affiliation": None, "aliases": [],
              "mentions": [{"text": "검찰", "start": 0, "end": 2}]}]  # fmt: skip
    merged = merge_recognized(found, [RS(6, 8, "OG", 0.5, True)], "검찰과 그 경찰이 왔다.")
    assert [(e["name"], e.get("generic")) for e in merged] == [("검찰", True), ("경찰", True)]


def test_titles_stay_with_their_people(sentence_entities) -> None:
    people = {e["name"]: e["title"] for e in sentence_entities["rules-keep-their-title"] if e["type"] == "PERSON"}
    assert people == {"김하람": "광주시장"}
    places = [e for e in sentence_entities["rules-keep-their-title"] if e["type"] == "LOCATION"]
    assert [p["place_code"] for p in places] == ["KR-29"]
    titled = [e for e in sentence_entities["titled-name"] if e["type"] == "PERSON"]
    assert [e["title"] for e in titled] == ["감독"]


RS = recognizer.RecognizedSpan
MERGE_CASES = [
    # (name, body, the model's spans, expected (type, name, title, mention starts))
    (
        "later-bare-mentions-of-a-titled-name",
        "소피아 렌츠 감독은 웃었다. 경기 뒤 소피아 렌츠는 인터뷰를 했다. 렌츠의 팀이 이겼다.",
        [RS(0, 6, "PS", 0.7)],
        [("PERSON", "소피아 렌츠", "감독", [0, 21])],
    ),
    (
        "a-name-in-a-longer-word-is-not-a-mention",
        "도민혁 위원장이 왔다. 유도민혁신안이 나왔다. 도민혁은 웃었다.",
        [RS(0, 3, "PS", 0.95)],
        [("PERSON", "도민혁", "위원장", [0, 26])],
    ),
    (
        "title-written-before-the-name",
        "국무장관 마르타 벨로는 웃었다.",
        [RS(5, 11, "PS", 0.5)],
        [("PERSON", "마르타 벨로", "국무장관", [5])],
    ),
    (
        "title-after-a-country",
        "라헬 도브린 이스라엘 총리는 말했다.",
        [RS(0, 6, "PS", 0.5)],
        [("PERSON", "라헬 도브린", "이스라엘 총리", [0])],
    ),
    (
        "title-after-a-qualifier-and-a-bracketed-acronym",
        "토마스 벨린 전 연방수사국(FBI) 국장이 증언했다.",
        [RS(0, 6, "PS", 0.5)],
        [("PERSON", "토마스 벨린", "전 연방수사국(FBI) 국장", [0])],
    ),
    (
        "title-after-an-envoy-post",
        "엘렌 모로 주일 프랑스대사는 웃었다.",
        [RS(0, 5, "PS", 0.5)],
        [("PERSON", "엘렌 모로", "주일 프랑스대사", [0])],
    ),
    (
        "title-after-a-closing-quote",
        "'한가람' 교수는 웃었다.",
        [RS(1, 4, "PS", 0.5)],
        [("PERSON", "한가람", "교수", [1])],
    ),
    (
        "title-in-apposition-before",
        "하마스의 지도자인 야히르 벤다는 말했다.",
        [RS(10, 16, "PS", 0.5)],
        [("PERSON", "야히르 벤다", "지도자", [10])],
    ),
    (
        "title-drawn-into-the-span-is-cut",
        "타니아 볼트 총리는 웃었다.",
        [RS(0, 9, "PS", 0.5)],
        [("PERSON", "타니아 볼트", "총리", [0])],
    ),
    ("a-word-between-name-and-title-that-is-no-affiliation", "라헬 도브린 어제 총리는", [RS(0, 6, "PS", 0.5)], []),
    ("bare-name-below-the-bar", "한새벽 웃음이 번졌다.", [RS(0, 3, "PS", 0.8)], []),
    # A Korean-shaped name (a surname and two syllables) closed by a particle or a list's comma needs less.
    (
        "a-korean-name-closed-by-a-particle",
        "한새벽은 웃었다.",
        [RS(0, 3, "PS", 0.5)],
        [("PERSON", "한새벽", None, [0])],
    ),
    (
        "korean-names-in-a-list",
        "무대에는 한새벽, 남궁서윤과 탁하람도 올랐다.",
        [RS(5, 8, "PS", 0.55), RS(10, 14, "PS", 0.6), RS(16, 19, "PS", 0.5)],
        [("PERSON", "한새벽", None, [5]), ("PERSON", "남궁서윤", None, [10]), ("PERSON", "탁하람", None, [16])],
    ),
    ("a-korean-name-below-the-particle-bar", "한새벽은 웃었다.", [RS(0, 3, "PS", 0.45)], []),
    ("two-syllables-are-as-often-a-place", "신한은 웃었다.", [RS(0, 2, "PS", 0.6)], []),
    ("a-one-word-foreign-name-closed-by-a-particle", "벨로비는 웃었다.", [RS(0, 3, "PS", 0.6)], []),
    # A name written in two words or more, closed by a particle, needs 0.6.
    (
        "a-name-in-two-words-closed-by-a-particle",
        "마르타 벨로는 웃었다.",
        [RS(0, 6, "PS", 0.65)],
        [("PERSON", "마르타 벨로", None, [0])],
    ),
    ("a-name-in-two-words-below-its-bar", "마르타 벨로는 웃었다.", [RS(0, 6, "PS", 0.55)], []),
    ("a-name-in-two-words-with-no-particle", "마르타 벨로 효과가 컸다.", [RS(0, 6, "PS", 0.65)], []),
    # Two people one space apart are one name in two words.
    (
        "one-name-the-model-cut-in-two",
        "마르타 벨로는 웃었다.",
        [RS(0, 3, "PS", 0.7), RS(4, 6, "PS", 0.65)],
        [("PERSON", "마르타 벨로", None, [0])],
    ),
    ("a-place-the-gazetteer-knows", "나주시는 웃었다.", [RS(0, 3, "PS", 0.6)], []),
    ("inside-a-quotation", '그는 "한새벽은 좋은 곳"이라고 했다.', [RS(4, 7, "PS", 0.6)], []),
    # An age in brackets after a bare name: the press writes ages of people only.
    (
        "an-age-after-a-foreign-name",
        "마르타 벨로(41)는 혐의를 부인했다.",
        [RS(0, 6, "PS", 0.45)],
        [("PERSON", "마르타 벨로", None, [0])],
    ),
    ("a-code-in-brackets-is-no-age", "마르타 벨로(4100)는 올랐다.", [RS(0, 6, "PS", 0.45)], []),
    (
        "a-mark-of-the-deceased-is-as-good-as-a-title",
        "법원은 고(故) 한도윤 외 3명에게 무죄를 선고했다.",
        [RS(9, 12, "PS", 0.6)],
        [("PERSON", "한도윤", None, [9])],
    ),
    (
        "the-hanja-mark-alone",
        "법원은 故 한도윤에게 무죄를 선고했다.",
        [RS(6, 9, "PS", 0.6)],
        [("PERSON", "한도윤", None, [6])],
    ),
    ("a-word-ending-in-go-is-no-mark", "그는 웃었고 벨로비는 울었다.", [RS(7, 10, "PS", 0.6)], []),
    (
        "the-subject-of-a-verb-of-speech",
        '정서윤은 "문제가 없다"고 말했다.',
        [RS(0, 3, "PS", 0.75)],
        [("PERSON", "정서윤", None, [0])],
    ),
    (
        "a-subject-inside-the-quotation",
        '시장은 "원도심은 매력적인 공간이 된다"고 말했다.',
        [RS(5, 8, "PS", 0.75)],
        [],
    ),
    ("the-subject-of-another-verb", "벨로비는 어제 공원을 걸었다.", [RS(0, 3, "PS", 0.75)], []),
    ("a-verb-of-speech-in-the-next-sentence", "벨로비는 웃었다. 그는 말했다.", [RS(0, 3, "PS", 0.75)], []),
    ("an-organization-the-office-belongs-to-is-no-person", "노동당 비서는 말했다.", [RS(0, 3, "PS", 0.9)], []),
    # a letter alone is no name; with 씨 after it, it is an anonymised person (the rules find it too)
    (
        "one-letter-and-ssi-is-an-anonymised-person",
        "A씨가 다쳤다.",
        [RS(0, 1, "PS", 0.99)],
        [("PERSON", "A씨", None, [0])],
    ),
    ("one-letter-alone-is-no-name", "A가 이겼다.", [RS(0, 1, "PS", 0.99)], []),
    (
        "a-country-as-a-party-is-a-place",
        "일본은 반발했다.",
        [RS(0, 2, "OG", 0.9)],
        [("LOCATION", "일본", None, [0])],
    ),
    # What only the model found: a place at 0.5, an organization at 0.6, either at 0.9 when it is common nouns only.
    ("a-place-at-half", "일행은 벽송사에 들렀다.", [RS(4, 7, "LC", 0.55)], [("LOCATION", "벽송사", None, [4])]),
    ("a-place-below-half", "일행은 벽송사에 들렀다.", [RS(4, 7, "LC", 0.45)], []),
    ("an-organization-needs-more", "일행은 벽송회에 들렀다.", [RS(4, 7, "OG", 0.55)], []),
    ("an-organization-sure-enough", "일행은 벽송회에 들렀다.", [RS(4, 7, "OG", 0.65)], [("ORG", "벽송회", None, [4])]),
    ("a-place-of-common-nouns", "일행은 산길마을에 들렀다.", [RS(4, 8, "LC", 0.8, True)], []),
    # a word after it that only a body takes lowers an organization's bar to 0.45
    (
        "a-source-of-a-report",
        "한빛리서치에 따르면 지지율이 올랐다.",
        [RS(0, 5, "OG", 0.5)],
        [("ORG", "한빛리서치", None, [0])],
    ),
    ("a-bodys-spokesperson", "벽송회 관계자는 말했다.", [RS(0, 3, "OG", 0.5)], [("ORG", "벽송회", None, [0])]),
    ("a-bodys-side", "벽송회 측은 부인했다.", [RS(0, 3, "OG", 0.5)], [("ORG", "벽송회", None, [0])]),
    ("below-even-the-cued-bar", "벽송회 관계자는 말했다.", [RS(0, 3, "OG", 0.4)], []),
    # A person the model marked by the surname alone (Kiwi cut the word inside the name) is the whole name.
    (
        "a-surname-alone",
        "기소된 채도윤 전 사장이 출석했다.",
        [RS(4, 5, "PS", 0.95)],
        [("PERSON", "채도윤", "전 사장", [4])],
    ),
    (
        "a-surname-then-a-particle",
        "관계자는 채도윤은 떠났다고 했다.",
        [RS(5, 6, "PS", 0.95)],
        [("PERSON", "채도윤", None, [5])],
    ),
    (
        "a-surname-and-one-syllable",
        "채윤 전 사장이 왔다.",
        [RS(0, 1, "PS", 0.95)],
        [("PERSON", "채윤", "전 사장", [0])],
    ),
    # A class or grade the model drew into a name is no word of it (태백급 양태준).
    (
        "a-weight-class-before-a-name",
        "태백급 양하준이 우승했다.",
        [RS(0, 7, "PS", 0.9)],
        [("PERSON", "양하준", None, [4])],
    ),
    # A name listed before the title the list's names share is as good as titled (0.4); alone it needs 0.5 or more.
    (
        "a-list-before-a-shared-title",
        "결승에서 양하준, 서도린, 정우성 선수가 이겼다.",
        [RS(5, 8, "PS", 0.45)],
        [("PERSON", "양하준", None, [5])],
    ),
    ("a-list-before-no-title", "결승에서 양하준, 서도린, 정우성이 이겼다.", [RS(5, 8, "PS", 0.45)], []),
    # A name in several words whose last word is an institution's is an organization.
    ("an-agency-is-no-name", "미 중앙정보국이 발표했다.", [RS(0, 7, "PS", 0.95)], []),
    (
        "a-name-ending-like-nothing",
        "미아 로렌츠가 발표했다.",
        [RS(0, 6, "PS", 0.95)],
        [("PERSON", "미아 로렌츠", None, [0])],
    ),
    # not below the short reference's bar; a surname with 씨 stays a short reference
    ("a-surname-the-model-is-unsure-of", "기소된 채도윤 전 사장이 출석했다.", [RS(4, 5, "PS", 0.6)], []),
    ("a-surname-with-ssi", "채씨는 떠났다.", [RS(0, 1, "PS", 0.95)], [("PERSON", "채씨", None, [0])]),
]


@pytest.mark.parametrize(("body", "spans", "expected"), [c[1:] for c in MERGE_CASES], ids=[c[0] for c in MERGE_CASES])
def test_merge_of_the_models_spans(body, spans, expected) -> None:
    from sinmun.entities.extract import merge_recognized

    merged = merge_recognized([], spans, body)
    assert [(e["type"], e["name"], e["title"], [m["start"] for m in e["mentions"]]) for e in merged] == expected
    for e in merged:
        for m in e["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]


RULES_AND_MODEL_CASES = [
    # (name, body, the model's spans, expected (name, title, mention texts) of the people)
    (
        "surname-and-title-resolve-to-the-person-the-model-found",
        "환경부장관인 노은서는 말했다. 노 장관은 웃었다.",
        [RS(7, 10, "PS", 0.5)],
        [("노은서", "환경부장관", ["노은서", "노 장관"])],
    ),
    ("surname-and-title-alone-make-no-person", "노 장관은 웃었다.", [], []),
    # An honorific with a particle is no word of a name of two words before a title (동호 씨와 신부).
    ("an-honorific-is-no-word-of-a-name", "사진에는 동호 씨와 신부의 모습이 담겼다.", [], [("동호", None, ["동호"])]),
    # A country's agency before a title is the office's affiliation, no name (미 중앙정보국 국장).
    (
        "a-countrys-agency-before-a-title-is-no-name",
        "미 중앙정보국 국장 존 브레넌은 말했다.",
        [RS(11, 16, "PS", 0.9)],
        [("존 브레넌", "국장", ["존 브레넌"])],
    ),
    # A name that ends like a place (리) is a person where the model is sure it is one, not a place guessed from its ending.
    (
        "a-name-ending-like-a-place",
        "가수 바다(35)와 에디리(42)가 무대에 섰다.",
        [RS(11, 14, "PS", 0.95)],
        [("에디리", None, ["에디리"])],
    ),
    (
        "a-name-the-model-is-unsure-of-is-no-person",
        "가수 바다(35)와 에디리(42)가 무대에 섰다.",
        [RS(11, 14, "PS", 0.3)],
        [],
    ),
    # A noun with a derivational suffix (우경+화) is a common noun whatever the model says.
    ("a-derived-noun-is-no-name", "사회의 우경화를 우려했다.", [RS(4, 7, "PS", 0.95)], []),
    # The rules take the word beside a title for the name; the model's longer span over it is the whole name.
    (
        "a-family-and-given-name-before-a-country-and-title",
        "이토 신지 일본 총리가 말했다.",
        [RS(0, 5, "PS", 0.9)],
        [("이토 신지", "일본 총리", ["이토 신지"])],
    ),
    (
        "a-given-name-the-rules-took-for-part-of-the-title",
        "기무라 후미오 외무상은 말했다.",
        [RS(0, 7, "PS", 0.8)],
        [("기무라 후미오", "외무상", ["기무라 후미오"])],
    ),
    (
        "a-korean-name-is-whole-in-one-word",
        "정하윤 새솔고 감독은 말했다.",
        [RS(0, 7, "PS", 0.9)],
        [("정하윤", "새솔고 감독", ["정하윤"])],
    ),
    (
        "a-title-the-model-drew-into-the-span-stays-a-title",
        "기무라 후미오 외무상은 말했다.",
        [RS(0, 11, "PS", 0.8)],
        [("기무라 후미오", "외무상", ["기무라 후미오"])],
    ),
    (
        "two-words-kiwi-does-not-know-before-a-title",
        "그는 전화로 캐서린 벨로즈 주한 영국대사에게 말했다.",
        [],
        [("캐서린 벨로즈", "주한 영국대사", ["캐서린 벨로즈"])],
    ),
    (
        "a-one-syllable-given-name-kiwi-does-not-know",
        "그는 전화로 척 헤이글 국방장관에게 말했다.",
        [],
        [("척 헤이글", "국방장관", ["척 헤이글"])],
    ),
    ("a-one-syllable-common-word-is-no-given-name", "그는 전화로 새 사무총장 후보에게 말했다.", [], []),
    ("two-common-words-before-a-title-are-no-name", "그는 이번 행사 대표에게 말했다.", [], []),
    ("an-institution-before-a-title-is-no-name", "그는 국무부 대변인을 통해 밝혔다.", [], []),
    ("a-name-before-a-title-stays", "그는 윤기철 교수를 통해 밝혔다.", [], [("윤기철", "교수", ["윤기철"])]),
    (
        "a-name-ending-like-a-place-is-the-persons",
        "또 오가와 세쓰노리 방위상은 웃었다.",
        [RS(2, 10, "PS", 0.6)],
        [("오가와 세쓰노리", "방위상", ["오가와 세쓰노리"])],
    ),
    (
        "a-person-the-rules-found-takes-the-title-beside-a-mention",
        "윤석열 정부는 말했다. 윤석열 전 대통령은 웃었다.",
        [],
        [("윤석열", "전 대통령", ["윤석열", "윤석열"])],
    ),
    ("former-is-no-surname", "전 장관은 웃었다.", [], []),
    # the model's letter alone makes no name; the rules' anonymised person stays, anonymous, with no title
    ("letter-and-ssi-is-an-anonymised-person", "A씨가 다쳤다.", [RS(0, 1, "PS", 0.99)], [("A씨", None, ["A씨"])]),
]


def _surname_at(body: str, written: str, confidence: float, occurrence: int = 0) -> RS:
    """The model's span over the ``occurrence``-th ``written`` in ``body``."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(written, start + 1)
    return RS(start, start + len(written), "PS", confidence)


NAMED_THEN_SHORT = "김서진 전 위원장이 사퇴했다. 김 전 위원장은 웃었다. 김 씨는 울었다."
SHORT_REFERENCE_CASES = [
    # (name, body, the model's spans, expected (name, title, anonymous, mention texts) of the people)
    (
        "surname-and-title-the-model-reads-as-a-person",
        "노 장관은 웃었다.",
        [_surname_at("노 장관은 웃었다.", "노", 0.95)],
        [("노 장관", "장관", True, ["노 장관"])],
    ),
    ("the-model-unsure-of-the-surname", "노 장관은 웃었다.", [_surname_at("노 장관은", "노", 0.8)], []),
    (
        "a-qualifier-between-surname-and-title",
        "김 전 위원장은 웃었다.",
        [_surname_at("김 전 위원장은", "김", 0.99)],
        [("김 전 위원장", "전 위원장", True, ["김 전 위원장"])],
    ),
    (
        "surname-and-ssi-apart",
        "허 씨는 웃었다.",
        [_surname_at("허 씨는", "허", 0.99)],
        [("허씨", None, True, ["허 씨"])],
    ),
    (
        "surname-and-ssi-glued",
        "그는 박씨와 만났다.",
        [_surname_at("그는 박씨와", "박", 0.99)],
        [("박씨", None, True, ["박씨"])],
    ),
    (
        "surname-and-gun",
        "결국 김 군은 울었다.",
        [_surname_at("결국 김 군은", "김", 0.99)],
        [("김군", None, True, ["김 군"])],
    ),
    ("this-county-is-no-boy", "이 군은 인구가 줄었다.", [_surname_at("이 군은", "이", 0.99)], []),
    ("one-official-is-no-surname", "한 의원은 웃었다.", [_surname_at("한 의원은", "한", 0.99)], []),
    (
        "but-han-is-a-surname-when-the-article-names-a-han",
        "한도윤 총리가 말했다. 한 총리는 웃었다.",
        [RS(0, 3, "PS", 0.95), _surname_at("한도윤 총리가 말했다. 한 총리는 웃었다.", "한", 0.99, 1)],
        [("한도윤", "총리", None, ["한도윤", "한 총리"])],
    ),
    ("former-is-no-surname", "전 장관은 웃었다.", [_surname_at("전 장관은", "전", 0.99)], []),
    # Before 씨 the determiners and the numeral are surnames: an honorific follows a surname only.
    (
        "jeon-before-ssi-is-a-surname",
        "전 씨는 웃었다.",
        [_surname_at("전 씨는", "전", 0.99)],
        [("전씨", None, True, ["전 씨"])],
    ),
    (
        "go-before-ssi-is-a-surname",
        "그는 고 씨에게 물었다.",
        [_surname_at("그는 고 씨에게", "고", 0.99)],
        [("고씨", None, True, ["고 씨"])],
    ),
    (
        "han-before-ssi-is-a-surname",
        "한 씨가 신고했다.",
        [_surname_at("한 씨가", "한", 0.99)],
        [("한씨", None, True, ["한 씨"])],
    ),
    (
        "a-particle-of-three-syllables",
        "임씨로부터 받았다.",
        [_surname_at("임씨로부터", "임", 0.99)],
        [("임씨", None, True, ["임씨"])],
    ),
    ("a-certain-person-before-ssi", "모 씨는 웃었다.", [_surname_at("모 씨는", "모", 0.99)], []),
    ("a-syllable-that-is-no-surname", "벅 장관은 웃었다.", [_surname_at("벅 장관은", "벅", 0.99)], []),
    ("a-surname-with-no-title-after-it", "김 사과는 붉다.", [_surname_at("김 사과는", "김", 0.99)], []),
    ("a-letter-inside-a-word", "그는 XA 교수를 만났다.", [_surname_at("그는 XA 교수를", "A", 0.99)], []),
    (
        "a-capital-letter-and-a-title",
        "A 교수는 웃었다.",
        [_surname_at("A 교수는", "A", 0.95)],
        [("A 교수", "교수", True, ["A 교수"])],
    ),
    (
        "short-references-are-mentions-of-the-named-person",
        NAMED_THEN_SHORT,
        [
            RS(0, 3, "PS", 0.95),
            _surname_at(NAMED_THEN_SHORT, "김", 0.99, 1),
            _surname_at(NAMED_THEN_SHORT, "김", 0.99, 2),
        ],
        [("김서진", "전 위원장", None, ["김서진", "김 전 위원장", "김 씨"])],
    ),
    (
        "a-short-reference-to-one-of-two-people-by-title",
        "정하윤 교수와 정민 의원이 만났다. 정 의원은 웃었다.",
        [_surname_at("정하윤 교수와 정민 의원이 만났다. 정 의원은 웃었다.", "정", 0.99, 2)],
        [("정하윤", "교수", None, ["정하윤"]), ("정민", "의원", None, ["정민", "정 의원"])],
    ),
]


@pytest.mark.parametrize(
    ("body", "spans", "expected"), [c[1:] for c in SHORT_REFERENCE_CASES], ids=[c[0] for c in SHORT_REFERENCE_CASES]
)
def test_short_references(body, spans, expected) -> None:
    """A surname written with a title, an office qualifier and a title, or 씨/군/양 (``김 전 위원장``, ``허 씨``) is a
    mention of the article's named person of that surname; with none, a person of its own, anonymous, when the
    model reads the surname as a person's surely; a determiner before a title (한 의원: one lawmaker) is none."""
    from sinmun.entities.extract import merge_recognized
    from tests.helpers.entity_merging import rules_with_tokens

    found, tokens = rules_with_tokens(body)
    merged = merge_recognized(found, spans, body, tokens)
    people = [
        (e["name"], e["title"], e.get("anonymous"), [m["text"] for m in e["mentions"]])
        for e in merged
        if e["type"] == "PERSON"
    ]
    assert people == expected
    for e in merged:
        assert "short_reference" not in e and "model_agrees" not in e  # working marks never leave the merge
        for m in e["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]


ANONYMISED_NAMES = {"A씨"}


@pytest.mark.parametrize(
    ("body", "spans", "expected"), [c[1:] for c in RULES_AND_MODEL_CASES], ids=[c[0] for c in RULES_AND_MODEL_CASES]
)
def test_people_of_the_rules_and_the_model_together(body, spans, expected) -> None:
    from sinmun.entities.extract import article_entities, merge_recognized
    from tests.helpers.entity_merging import rules_with_tokens

    found, tokens = rules_with_tokens(body)
    merged = merge_recognized(found, spans, body, tokens)
    people = [(e["name"], e["title"], [m["text"] for m in e["mentions"]]) for e in merged if e["type"] == "PERSON"]
    assert people == expected
    # without the model reading the surname as a person, a surname and a title (김 의원) are resolved or dropped
    assert all(e["name"] in ANONYMISED_NAMES for e in merged if e.get("anonymous"))
    person_spans = [(m["start"], m["end"]) for e in merged if e["type"] == "PERSON" for m in e["mentions"]]
    for e in merged:
        if e["type"] == "LOCATION":
            assert not any(s < m["end"] and m["start"] < t for m in e["mentions"] for s, t in person_spans), e
    assert all(e["name"] in ANONYMISED_NAMES for e in article_entities({"body": body}) if e.get("anonymous"))
