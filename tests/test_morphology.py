"""Kiwi in a process of its own answers exactly as Kiwi in this process, and fails loudly when it is gone."""

from __future__ import annotations

import pytest

from sinmun import morphology

TEXTS = [
    "광주시는 올해 지역 경제 발전을 위해 시민 설명회를 열었다.",
    "정원을 잇는",
    "발전 방향을 제시하고",
    "발전 방향 을 제시하고",
    "AI 반도체 2026년 3월 5일",
    "",
    "a",
]


@pytest.fixture(autouse=True)
def nothing_tokenized_lately():
    morphology.forget_recent_tokens()  # each test sees what it sends to Kiwi, whatever ran before it


@pytest.fixture
def kiwi_process():
    process = morphology.start_kiwi_process()
    try:
        yield process
    finally:
        morphology.stop_kiwi_process()


def _answers() -> tuple:
    return (
        morphology.analysis_scores(TEXTS),
        list(morphology.tokenize(TEXTS)),
        morphology.final_tags(TEXTS),
    )


@pytest.mark.integration  # a Kiwi process of its own
def test_kiwi_process_answers_as_kiwi_in_this_process(kiwi_process) -> None:
    morphology.stop_kiwi_process()
    here = _answers()
    morphology.start_kiwi_process()
    there = _answers()
    assert there == here
    scores, tokens, tags = there
    assert len(scores) == len(tokens) == len(tags) == len(TEXTS)
    assert tags[1] == "ETM"  # 정원을 잇는: an adnominal ending
    assert tokens[5] == [] and all(isinstance(t, tuple) and len(t) == 4 for t in tokens[0])


@pytest.mark.integration  # a Kiwi process of its own
def test_many_texts_stream_back_in_order(kiwi_process) -> None:
    texts = [f"{n}번째 시민이 설명회에 참석했다." for n in range(200)]  # several chunks
    tokens = list(morphology.tokenize(texts))
    assert len(tokens) == 200
    assert [t[0][3] for t in tokens] == [str(n) for n in range(200)]


@pytest.mark.integration  # a Kiwi process of its own
def test_a_caller_that_stops_early_leaves_the_next_call_clean(kiwi_process) -> None:
    partial = morphology.tokenize(TEXTS * 50)
    next(partial)
    del partial
    assert morphology.final_tags(["정원을 잇는", "시민이 모였다"]) == ["ETM", "EF"]


@pytest.mark.integration  # a Kiwi process of its own
def test_a_tokenize_call_is_sent_when_made_not_when_first_read(kiwi_process) -> None:
    # Kiwi works on a call while its caller does what needs no tokens (a long page's dates and amounts): the
    # call reaches the Kiwi process when it is made. Here the scores, asked for after it, come after its tokens;
    # once they have come, the tokens are all here, though the Kiwi process is gone before they are read.
    texts = [f"{n}번째 시민이 광장에 모였다." for n in range(100)]  # several chunks
    tokens = morphology.tokenize(texts)
    assert morphology.analysis_scores(["시민"])
    kiwi_process._child.kill()
    kiwi_process._child.wait()
    assert [t[0][3] for t in tokens] == [str(n) for n in range(100)]


@pytest.mark.integration  # a Kiwi process of its own
def test_calls_from_several_threads_each_get_their_own_answers(kiwi_process) -> None:
    from concurrent.futures import ThreadPoolExecutor

    batches = [[f"{n}번 {word}" for n in range(40)] for word in ("시민", "설명회를", "열었다", "정원을")]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda texts: list(morphology.tokenize(texts)), batches))
    in_this_process = [list(morphology._tokens(morphology.kiwi(), texts)) for texts in batches]
    assert results == in_this_process


@pytest.mark.integration  # a Kiwi process of its own
def test_a_dead_kiwi_process_is_a_clear_error_not_a_hang(kiwi_process) -> None:
    kiwi_process._child.kill()
    kiwi_process._child.wait()
    with pytest.raises(morphology.KiwiError, match="gone"):
        morphology.analysis_scores(["시민"])
    with pytest.raises(morphology.KiwiError, match="gone"):
        list(morphology.tokenize(["시민"]))


LONG_TEXT = "".join(f"{n}번째 시민이 광장에 모여 구청의 하천 정비 계획을 들었다. " for n in range(400)) + "하" * 5000


def test_a_long_text_reaches_kiwi_in_pieces_and_its_tokens_come_back_whole() -> None:
    # Kiwi's time grows faster than a text's length: a long text is tokenized in pieces, cut after sentence ends.
    with morphology.recording() as calls:
        long_tokens, short_tokens = morphology.tokenize([LONG_TEXT, TEXTS[0]])
    sent = [text for _, texts in calls for text in texts]
    assert max(map(len, sent)) <= morphology.MAX_PIECE_CHARS and "".join(sent[:-1]) == LONG_TEXT
    # Cut after a sentence, but for the last pieces (a spaceless run, cut at the limit).
    assert all(piece.endswith("들었다. ") for piece in sent[:-3])
    assert short_tokens == next(morphology.tokenize([TEXTS[0]]))
    numbers = [form for start, end, tag, form in long_tokens if tag == "SN" and LONG_TEXT[start:end] == form]
    assert numbers == [str(n) for n in range(400)]  # offsets in the whole text, in order
    nouns = {form for start, end, tag, form in long_tokens if tag.startswith("NN") and LONG_TEXT[start:end] == form}
    assert {"시민", "광장", "하천", "정비", "계획"} <= nouns


def test_a_short_text_tokenized_lately_is_not_sent_to_kiwi_again() -> None:
    # The reader asks for a headline's last morpheme, then the entities want the headline's tokens: Kiwi reads
    # it once. A long text (a body) is sent again: it is not kept.
    headline = "구청, 골목길 정비 계획 발표"
    body = LONG_TEXT[:300]
    with morphology.sharing_short_texts():
        first = list(morphology.tokenize([headline, body]))
        with morphology.recording() as calls:
            again = list(morphology.tokenize([body, headline, TEXTS[0]]))
        assert [text for _, texts in calls for text in texts] == [body, TEXTS[0]]
        assert again[:2] == [first[1], first[0]] and again[2] == next(morphology.tokenize([TEXTS[0]]))
        again[1].clear()  # a caller may change its list: the kept tokens stay whole
        assert next(morphology.tokenize([headline])) == first[0]
    # Outside, every call sends Kiwi every text (a measurement of Kiwi alone measures Kiwi), and nothing is kept.
    with morphology.recording() as calls:
        assert next(morphology.tokenize([headline])) == first[0]
        list(morphology.tokenize([headline]))
    assert [text for _, texts in calls for text in texts] == [headline, headline]


REPEATS = [TEXTS[0], TEXTS[1], TEXTS[0], LONG_TEXT, TEXTS[1], LONG_TEXT, TEXTS[0]]


def test_a_repeated_text_reaches_kiwi_once_and_every_text_gets_its_answers() -> None:
    # Kiwi answers a text the same way every time: a repeat (a window the reader scores twice, a brief on two
    # pages) is analysed once per call, and each occurrence still gets its own answer.
    with morphology.recording() as calls:
        scores = morphology.analysis_scores(REPEATS)
        tokens = list(morphology.tokenize(REPEATS))
    for call, sent in calls:
        assert len(sent) == len(set(sent)), call
    assert len(calls[0][1]) == 3 and len(tokens) == len(scores) == len(REPEATS)
    alone = {text: (morphology.analysis_scores([text])[0], next(morphology.tokenize([text]))) for text in REPEATS}
    assert [(s, t) for s, t in zip(scores, tokens, strict=True)] == [alone[text] for text in REPEATS]
    tokens[0].clear()  # a caller may change its list: a repeat's list is a list of its own
    assert tokens[2] == tokens[6] == alone[TEXTS[0]][1]
