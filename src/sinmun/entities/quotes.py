"""Direct quotes in an article's body, with who said them: pure rules over text (no I/O).

Korean news reports speech with a quotation, a quotative ending glued to its closing mark and a reporting verb:

    김준하 인공지능산업융합사업단장은 "광주는 준비가 됐다"며 "기업이 모이고 있다"고 밝혔다.

``find_quotes`` finds the quoted words (offsets into the body), splits a chain of quotes (``"…"며 "…"고``) into
items of one speaker, and resolves the speaker from the article's entities (``sinmun.entities.extract``):

- a quotation is a quote when the words after its closing mark report speech: a quotative ending (``고``,
  ``라고``, ``며``, ``라며``, ``면서``, ``라는``/``는`` + a word for speech such as ``발언``/``입장``), a word for speech
  itself (``" 발언``, ``" 등의 반응``), ``"…"을 당부했다`` for a request, a source before it (``…에 따르면 "…"``),
  or a later quote of the same chain that does. Names, titles of works, slogans and scare quotes are followed by
  ordinary particles (``'글로벌 혁신 특구'를``, ``"상어 가족"의``) or by a naming verb (``"…"라고 불리는``), and
  are not quotes; a quotation in single marks is a quote only when it is a sentence of its own and reported as
  speech;
- the speaker is the subject (a word ending in 은/는/이/가/께서) of the quote's sentence before the quote, else
  between its quotative ending and its verb (``"…"라고 장관이 말했다``), else carried over from the quote before
  it (``또 "…"라고 했다``) or from the subject of the sentence before. A subject naming a PERSON entity
  (``김준하 …사업단장은``, ``김 단장은``) makes that person the speaker, with the title written there; a pronoun
  (``그는``) the last person who spoke or was the subject; an organization or a place's government (``광주시는``)
  an ORG speaker; anything else (``한 관계자는``, ``해양경찰청 관계자는``) an unnamed speaker (null).

Kiwi's tokens of the body, when given, confirm which words end in a subject particle (``있는`` is a verb's
adnominal ending, not the topic particle); without them every word ending like one is taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass

from sinmun.entities.lexicon import is_korean_name
from sinmun.entities.people import affiliation_word, split_title

# (start, end, tag, form): a Kiwi token with offsets into the body (``sinmun.entities.search_terms.Token``).
Token = tuple[int, int, str, str]

OPENING_DOUBLE = '"“'
CLOSING_DOUBLE = '"”'
OPENING_SINGLE = "'‘"
CLOSING_SINGLE = "'’"
MAX_QUOTE_CHARS = 1500
_DOUBLE_MARK_OR_LINE_END = re.compile("[\n" + re.escape(OPENING_DOUBLE + CLOSING_DOUBLE) + "]")
_SINGLE_MARK_OR_LINE_END = re.compile("[\n" + re.escape(OPENING_SINGLE + CLOSING_SINGLE) + "]")

# Glued to the closing mark: a quotative ending (…"고 밝혔다, …"라며, …"이라고). ``다며``/``다고``: a quote whose
# last syllable is cut off by the mark (…받았"다며). ``라``/``이라`` + space: …"이라 밝혔다.
_QUOTATIVE = re.compile(
    r"\s?(?P<ending>(?:이라|라|하|다)?(?:고|며|면서|면서도|고는|고도|고만)|(?:이)?라|하며|으며|이며)(?P<stop>[\s,.]|$)"
)
# …"라는 발언, …"는 입장이다, …"이라는 내용의, …"란 말: a word for speech after an adnominal quotative.
_ADNOMINAL = re.compile(r"\s?(?P<ending>(?:이라|라|하|느?냐)?는|이?란)\s(?:[가-힣]+[한인운런은]\s)?(?P<noun>[가-힣]+)")
# A particle or copula after a noun (발언을, 입장이다, 요청에): cut off before the noun is looked up.
_NOUN_PARTICLE = re.compile(r"(?:이었다|이다|으로|에서|로|의|을|를|이|가|은|는|에|도|과|와|들)$")
SPEECH_NOUNS = frozenset(
    "말 말씀 발언 발언들 내용 입장 요청 주장 지적 의견 반응 목소리 설명 답변 대답 질문 당부 메시지 얘기 이야기 소리 비판 "
    "평가 여론 댓글 글 발표 성명 경고 우려 호소 약속 다짐 고백 답 증언 해명 논평 반박 제안 질타 항의 말들 의견들 "
    "반응들 지시 각오 소감 분석 전망 불만 불평 농담 하소연 강론 설교 연설 담화 축사 기고 인터뷰".split()
)
# Words for one person's act of speaking: as a subject (해당 발언은) they stand for the speech of whoever made it.
SPEECH_ACTS = frozenset("발언 말씀 연설 강론 설교 담화 축사 인터뷰 답변 해명 증언 고백 기고".split())
# …" 발언을 하게 된, …" 등의 반응이 잇따랐다: the word for speech right after the mark.
_SPEECH_NOUN_AFTER = re.compile(r"\s?(?:등의?\s?)?(?P<noun>[가-힣]+)(?=[\s,.]|$)")
# …할 것"을 당부했다: a request or a resolution quoted as the object of its verb.
_DIRECTIVE = re.compile(
    r"\s?[을를]\s(?:[가-힣]+\s){0,2}?(?P<verb>(?:요청|당부|주문|촉구|강조|호소|지시|다짐|약속|요구|제안|권고|경고)[가-힣]*)"
)
# Verbs of naming: "…"라고 불리는 / "…"이라 부른다 call something by a name, they do not report speech.
_NAMING = re.compile(r"^(?:불리|불렸|불린|불러|부르|부른|부릅|칭하|칭한|칭했|일컫|일컬|명명|이름)")
# Before the opening mark: a source (…에 따르면 "…", …에 의하면 "…").
_SOURCE_BEFORE = re.compile(r"(?:따르면|의하면)[,\s]*$")
# Before the opening mark: a sentence announcing the quote (…은 이렇게 말했다. "…", 다음과 같이 밝혔다: "…").
_ANNOUNCED_BEFORE = re.compile(r"(?:이렇게|이같이|다음과\s같이)(?:\s[가-힣]+){1,2}[.:]\s*$")
# A sentence of its own: it ends in a final ending (다, 요, 까, 죠, 니다, 라, 자), perhaps with a full stop.
_SENTENCE_END = re.compile(r"(?:다|요|까|죠|네|라|자|것)[.!?…]*$|[.!?]$")
# A one-word sentence: a predicate (실망스럽다, 없었다), not a noun that happens to end in 다 (바다).
_ONE_WORD_SENTENCE = re.compile(r"(?:었|았|였|했|겠|니|럽|하|없|있|된|린|한|렵|좋|싫|맞)다[.!?]*$")

_WORD = re.compile(r"[^\s]+")
_TRIM = "\"'“”‘’「」『』()[]〈〉<>,.;:!?…·"
# A reporting verb as written: a predicate (…다) or a connective form of a past or reporting verb.
_PREDICATE = re.compile(
    r"^[가-힣]*(?:다|(?:했|혔|였|렸|겼|켰|쳤|었|았|겠|됐)(?:고|으며|며|는데|지만|으나|다)|하며|하면서|하고|히며)$"
)
# 도 too: ``이도현 대표도 "…"고 말했다`` names a speaker of its own (one more who said something).
_SUBJECT_PARTICLE = re.compile(r"(?:께서는|께서도|께서|은|는|이|가|도)$")
# Words ending like a subject that are adverbials or verb forms (에서는, 대해서는, 이어, 있는).
_NOT_SUBJECT = re.compile(
    r"(?:에서는|에는|서는|로는|에게는|까지는|부터는|때는|데는|것은|점은|것이|점이|중에는|있는|없는|하는|되는|않는|같이|"
    r"함께는|이번에는|또는|혹은|이는|이가|다가|지만|면서는|고는|도는|라는|이라는|다는|이다가|보다는|에도는|"
    r"에도|서도|로도|까지도|부터도|고도|면서도|어도|아도|해도|여도|라도|마저도|조차도|것도|수도|때도|적도|점도|데도|"
    r"만도|와도|과도)$"
)
# Times set as a topic (올해는, 이날은, 10일은) frame the sentence; they are not who speaks.
_TIME_TOPIC = re.compile(
    r"^(?:올해|지난해|내년|작년|오늘|어제|내일|이날|당일|이번|지금|현재|당시|최근|요즘|그동안|앞으로|그간|이후|"
    r"오전|오후|아침|저녁|밤|주말|연말|연초)$|^[0-9]+(?:일|월|년|시)$"
)
_TOPICS = frozenset({"은", "는", "께서는"})
PRONOUNS = frozenset("그 그녀 그들 그녀들 이들 본인 자신".split())
# Subjects that leave the speaker unnamed: an official, a source, people at large.
UNNAMED = frozenset(
    "관계자 소식통 측근 인사 대변인 직원 주민 시민 누리꾼 네티즌 관계자측 당국자 고위당국자 관리 고위관리 참석자 "
    "전문가 학부모 상인 업계 사람".split()
)
# A quote given as what many people wrote or said: its speaker is nobody in particular.
_VOICES_OF_MANY = re.compile(r"\s?(?:등의?\s?|라는\s|는\s)?(?:댓글|여론|반응|목소리|의견들)")
# How many sentences back a quote with no subject of its own looks for one (Korean leaves out a known subject).
CARRY_SENTENCES = 2
# A place whose government speaks: 광주시는, 전남도는, 북구는 (not 광주는).
_GOVERNMENT = re.compile(r"(?:시|도|군|구|청)$")


# ``"…"냐는 질문에``, ``"…"는 요청에``: a question or request put to the subject, who answers it; not the subject's words.
_PUT_TO = re.compile(r"(?:질문|물음|질의|요청|요구|문의)(?:에는|에도|에)")
# Words that stand after a title where a name would (장관 직무대행은, 회장 일행은): not names.
_NOT_NAMES = frozenset(
    "대행 직무대행 권한대행 내정자 후보자 일행 일가 가족 부인 남편 아들 딸 측 쪽 등 본인 자신".split()
)
# Endings of organizations and places a proper noun may carry (공화당, 국무부, 경기도): a proper noun alone with one of
# these is not taken for a person's name.
_ORGANIZATION_TAIL = re.compile(
    r"(?:당|부|청|처|원|회|국|단|사|社|소|실|과|팀|위|대|교|관|군|시|도|구|읍|주|성|사이트|뉴스|그룹)$"
)


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None  # canonical name of the PERSON or ORG entity, None when unnamed
    speaker_type: str | None  # PERSON | ORG | None
    title: str | None  # a PERSON speaker's title as written where they are named, else None
    verb: str | None  # the reporting verb as written (밝혔다, 말했다, 강조하며), None when none is written

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Pair:
    start: int  # first quoted character
    end: int  # the closing mark (exclusive end of the quoted words)
    single: bool


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    kind: str | None  # PERSON | ORG | None
    title: str | None = None


_NOBODY = _Speaker(None, None)


@dataclass(frozen=True)
class QuoteReading:
    quotes: list[Quote]
    # Speakers the quotes' context names that the article's entities lack (the recognizer missed them): PERSON
    # entities in the ``sinmun parse`` shape, one mention each where the text names them as a subject.
    speakers_added: list[dict]


def find_quotes(body: str, entities: Sequence[dict] = (), tokens: Sequence[Token] | None = None) -> list[Quote]:
    """The direct quotes of ``body``, in order, with their speakers among ``entities`` (the article's entities,
    in the ``sinmun parse`` shape). ``tokens``: Kiwi's tokens of ``body``, which confirm subject particles."""
    return read_quotes(body, entities, tokens).quotes


def read_quotes(body: str, entities: Sequence[dict] = (), tokens: Sequence[Token] | None = None) -> QuoteReading:
    """``find_quotes``, and the speakers it names that ``entities`` lacks (see ``QuoteReading``)."""
    pairs = quote_pairs(body)
    accepted = _accepted(body, pairs)
    if not accepted:
        return QuoteReading([], [])
    masked = _masked(body, pairs)
    subject_ends = _subject_particle_ends(tokens) if tokens is not None else None
    sentence_starts = _sentence_starts(masked)
    listed = _entity_mentions(entities)
    unlisted = _unlisted_people(body, masked, accepted, _Mentions(listed), subject_ends, sentence_starts, tokens)
    context = _Context(_Mentions(sorted(listed + unlisted, key=lambda m: m.start)), subject_ends, sentence_starts)
    out: list[Quote] = []
    previous: tuple[int, _Speaker] | None = None  # (end of the last quote's sentence, its speaker)
    chain_speaker: _Speaker | None = None
    for n, pair in enumerate(accepted):
        chained = n > 0 and _chained(body, masked, accepted[n - 1], pair)
        verb_at, verb = _verb(body, masked, accepted, n)
        tail = _list_end(body, accepted, n)
        if _put_to_the_speaker(body, tail):
            speaker, chain_speaker = _NOBODY, None  # "…"냐는 질문에 "…"라고 답했다: the first is another's question
        else:
            if chained and chain_speaker is not None:
                speaker = chain_speaker
            else:
                speaker = _speaker(body, masked, pair, tail, verb_at, context, previous, out)
            chain_speaker = speaker
        out.append(
            Quote(body[pair.start : pair.end], pair.start, pair.end, speaker.name, speaker.kind, speaker.title, verb)
        )
        previous = (_sentence_end(masked, pair.end), speaker)
    speakers = {q.speaker for q in out if q.speaker_type == "PERSON"}
    listed_people = {e["name"] for e in entities if e["type"] == "PERSON"}
    return QuoteReading(out, _as_entities(body, unlisted, speakers, listed_people))


# ---------------------------------------------------------------- quotation marks


def quote_pairs(body: str) -> list[_Pair]:
    """Every quotation in ``body``: double marks (straight or curly), and single marks outside double ones. A
    quotation never crosses a line; an opening mark left unclosed at the line's end is dropped."""
    pairs = _pairs_of_marks(body, _DOUBLE_MARK_OR_LINE_END, OPENING_DOUBLE, CLOSING_DOUBLE, single=False)
    starts = [p.start for p in pairs]  # in order, and never overlapping one another
    for single in _pairs_of_marks(body, _SINGLE_MARK_OR_LINE_END, OPENING_SINGLE, CLOSING_SINGLE, single=True):
        n = bisect_right(starts, single.start) - 1
        if n < 0 or not pairs[n].start <= single.start < pairs[n].end:
            pairs.append(single)
    return sorted(pairs, key=lambda p: p.start)


def _pairs_of_marks(body: str, marks: re.Pattern[str], opening: str, closing: str, *, single: bool) -> list[_Pair]:
    """The quotations of one kind of mark, in order: a closing mark closes the last mark opened on its line (a mark
    that may open or close, ``"``, opens when none is open); only the marks and line ends are looked at (``marks``
    finds them: a 2 MB page has few)."""
    pairs: list[_Pair] = []
    opened: int | None = None
    for mark in marks.finditer(body):
        i, char = mark.start(), mark.group()
        if char == "\n":
            opened = None
        elif opened is not None and char in closing:
            if 1 < i - opened <= MAX_QUOTE_CHARS:
                pairs.append(_Pair(opened + 1, i, single))
            opened = None
        elif char in opening or opened is None:
            opened = i
    return pairs


def _masked(body: str, pairs: Sequence[_Pair]) -> str:
    """``body`` with every quotation's words blanked out (same length), so that the words around quotes can be
    read for subjects, verbs and sentence ends without reading inside them; a quotation ending in its own full stop
    with nothing glued after it ends its sentence."""
    chars = list(body)
    for p in pairs:
        chars[p.start : p.end] = "▒" * (p.end - p.start)
        if body[p.end - 1] in ".!?" and body[p.end + 1 : p.end + 2] in ("", " ", "\n"):
            chars[p.end] = "."  # "…다." and no quotative after it: a sentence ends with its closing mark
    return "".join(chars)


# ---------------------------------------------------------------- which quotations are quotes


def _accepted(body: str, pairs: Sequence[_Pair]) -> list[_Pair]:
    verdicts = [_reports_speech(body, p) for p in pairs]
    # A chain ("…", "…" 등의 반응; "…" "…"라고) is speech when its last member is.
    for n in range(len(pairs) - 2, -1, -1):
        if verdicts[n] is None and verdicts[n + 1] and _listed_together(body, pairs[n], pairs[n + 1]):
            verdicts[n] = True
    return [p for p, ok in zip(pairs, verdicts, strict=True) if ok]


def _list_end(body: str, pairs: Sequence[_Pair], n: int) -> _Pair:
    """The last quotation of the list ``pairs[n]`` opens (``"…" "…" 등의 댓글``): itself when it stands alone."""
    while n + 1 < len(pairs) and _listed_together(body, pairs[n], pairs[n + 1]):
        n += 1
    return pairs[n]


def _listed_together(body: str, first: _Pair, second: _Pair) -> bool:
    return (
        first.single == second.single and re.fullmatch(r"[\s,·]*", body[first.end + 1 : second.start - 1]) is not None
    )


def _reports_speech(body: str, pair: _Pair) -> bool | None:
    """True when the words after (or before) the quotation report it as speech; False when they show it is not;
    None when they say nothing (a member of a list, perhaps)."""
    words = body[pair.start : pair.end].strip()
    after = body[pair.end + 1 : pair.end + 80]
    sentence = _SENTENCE_END.search(words) is not None and (
        len(words.split()) >= 2 or _ONE_WORD_SENTENCE.search(words) is not None
    )
    if pair.single and not sentence:
        return False
    quotative = _QUOTATIVE.match(after)
    if quotative:
        rest = after[quotative.end() :].lstrip()
        return not _NAMING.match(rest)
    adnominal = _ADNOMINAL.match(after)
    if adnominal:
        noun = _noun(adnominal["noun"])
        thing = noun.startswith("것") or noun in ("게", "건")  # "…"는 것이, "…"라는 게
        return noun in SPEECH_NOUNS or (thing and (sentence or _speech_owned(body, pair) is not None))
    if pair.single:
        if re.match(r"\s?등(?:[\s의이을]|$)", after):
            return True
        return None if re.match(r"[\s,·]", after) else False
    noun = _SPEECH_NOUN_AFTER.match(after)
    if noun and _noun(noun["noun"]) in SPEECH_NOUNS:
        return True
    if _DIRECTIVE.match(after) and len(words.split()) >= 3:
        return True
    if sentence and _SOURCE_BEFORE.search(body[max(0, pair.start - 20) : pair.start - 1]):
        return True
    if sentence and _ANNOUNCED_BEFORE.search(body[max(0, pair.start - 30) : pair.start - 1]):
        return True
    if sentence and _speech_owned(body, pair) is not None:  # "…다." 박 교수의 설명이다.
        return True
    return None if re.match(r"\s?[,·]?\s?$|[\s,·]", after[:2]) else False


def _put_to_the_speaker(body: str, pair: _Pair) -> bool:
    """``"…"냐는 질문에``, ``"…"는 요청에``: the quotation is a question or request put to the sentence's subject."""
    adnominal = _ADNOMINAL.match(body, pair.end + 1)
    return adnominal is not None and _PUT_TO.fullmatch(adnominal["noun"]) is not None


# "…"는 것이 박 교수의 지적이다, "…"라는 게 회사 측 설명이다: the quote is the thing a speaker's words say.
_OWNED_SPEECH = re.compile(
    r"\s?(?:이라|라|하)?는\s(?:것이|것은|게|건)\s(?P<owner>(?:[^\s.\"”]+\s){0,3}?[^\s.\"”]+?)(?:의)?\s"
    r"(?P<noun>[가-힣]+?)(?:이었다|이다|였다|다|이라고|이란다)(?=[\s.,]|$)"
)


# "…다." 박 교수의 설명이다.: a quoted sentence, then a sentence saying whose words they were.
_OWNED_SENTENCE = re.compile(
    r"\s(?P<owner>(?:[^\s.\"”]+\s){0,3}?[^\s.\"”]+?)(?:의)?\s(?P<noun>[가-힣]+?)(?:이었다|이다|였다|다)(?=[\s.]|$)"
)


def _speech_owned(body: str, pair: _Pair) -> re.Match | None:
    """``"…"는 것이 박 교수의 지적이다``, ``"…다." 박 교수의 설명이다``: the words naming whose speech the quote is
    (``owner``), when the sentence, or the one right after a quoted sentence, says so."""
    m = _OWNED_SPEECH.match(body, pair.end + 1)
    if m is None and body[pair.end - 1] in ".!?":
        m = _OWNED_SENTENCE.match(body, pair.end + 1)
    return m if m is not None and m["noun"] in SPEECH_NOUNS else None


def _noun(word: str) -> str:
    """``발언을`` -> ``발언``; a word for speech as it is (``평가``, not ``평``)."""
    return word if word in SPEECH_NOUNS else _NOUN_PARTICLE.sub("", word)


def _chained(body: str, masked: str, first: _Pair, second: _Pair) -> bool:
    """``"…"며 "…"``, ``"…", "…"`` or ``"…"고 말하며 "…"``: the second quote goes on the first's speech (nothing
    between them names someone)."""
    between = masked[first.end + 1 : second.start - 1]
    if len(between) > 20 or re.search(r"[.!?\n]", between):
        return False
    return not any(_SUBJECT_PARTICLE.search(w.strip(_TRIM)) for w in between.split()[1:])


# ---------------------------------------------------------------- verbs


def _verb(body: str, masked: str, accepted: Sequence[_Pair], n: int) -> tuple[int, str | None]:
    """(where the reporting verb is, the verb as written) of quote ``n``: the first predicate after its quotative
    ending in its sentence; for a quote of a chain with none of its own (``"…"며 "…"고 밝혔다``), the chain's."""
    pair = accepted[n]
    stop = _sentence_end(masked, pair.end)
    next_start = accepted[n + 1].start if n + 1 < len(accepted) else len(body)
    region_end = min(stop, next_start - 1)
    for m in _WORD.finditer(masked, pair.end + 1, region_end):
        word = m.group().strip(_TRIM).split("▒")[-1]
        if m.start() == pair.end + 1:
            word = _after_quotative(word)
        if word and _PREDICATE.match(word):
            return m.start(), word
    if n + 1 < len(accepted) and _chained(body, masked, pair, accepted[n + 1]):
        return _verb(body, masked, accepted, n + 1)
    return region_end, None


def _after_quotative(word: str) -> str:
    """The word glued to a closing mark without its quotative ending (``고``, ``라며``): what remains, if any."""
    m = _QUOTATIVE.match(word + " ")
    return word[m.end("ending") :] if m else ""


_SENTENCE_BREAK = re.compile(r"[.!?](?=\s)|\n")


def _sentence_end(masked: str, position: int) -> int:
    m = _SENTENCE_BREAK.search(masked, position)
    return m.end() if m else len(masked)


def _sentence_starts(masked: str) -> list[int]:
    """Where each sentence of the (masked) body starts, blank space after a break skipped."""
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(masked):
        at = m.end()
        while at < len(masked) and masked[at].isspace():
            at += 1
        if at < len(masked) and at > starts[-1]:
            starts.append(at)
    return starts


# ---------------------------------------------------------------- people the recognizer missed


def _unlisted_people(
    body: str,
    masked: str,
    accepted: Sequence[_Pair],
    listed: _Mentions,
    subject_ends: set[int] | None,
    sentence_starts: list[int],
    tokens: Sequence[Token] | None,
) -> list[_Mention]:
    """People named as a subject where the article's entities name nobody, in the shapes news gives a speaker:
    a title and then the name (``외교부 장관 마르틴 오스발트는``, ``국무장관 존 케리는``), an appositive and the name
    (``소설가인 마르틴 발저는``), the name and then its title (``홍길동 교수는``), or, right before a quote of its
    sentence, a proper noun alone (``리처드 버틀러는 "…"``). Kiwi's proper-noun tags (``NNP``) are the evidence a word
    is a name, except for a name of two or more words right after a title; without tokens only that shape is read."""
    proper = _proper_noun_ends(tokens or ())
    first_quote = {}  # sentence index -> the start of its first quote
    for pair in reversed(accepted):
        first_quote[bisect_right(sentence_starts, pair.start) - 1] = pair.start
    out = []
    subjects = _subjects(masked, 0, len(masked), subject_ends)
    # without Kiwi's word a word ending in 이/가 may be a name (안드레이): only topics cut a phrase then
    subject_starts = [s[0] for s in subjects if s[3] or subject_ends is not None]
    for word_start, particle_at, _core, _topic in subjects:
        index = bisect_right(sentence_starts, word_start) - 1
        phrase_start = _phrase_start(body, word_start, sentence_starts[index])
        # the phrase starts after a subject before it (차관 안드레이 볼코프는 | 의원들이)
        n = bisect_left(subject_starts, word_start) - 1
        if n >= 0 and subject_starts[n] >= phrase_start:
            phrase_start = _WORD.search(body, subject_starts[n]).end()
        inside = listed.within(phrase_start, particle_at)
        if any(m.entity_type == "PERSON" for m in inside):
            continue
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(body, phrase_start, particle_at)]
        before_quote = index in first_quote and particle_at < first_quote[index]
        person = _person_named(words, proper, before_quote)
        # A name the recognizer took for an organization or a place stays one, unless a title says it is a person's.
        if person is not None and (person.title or not any(m.end > person.start for m in inside)):
            out.append(person)
    return out


def _person_named(words: list[tuple[int, int, str]], proper: dict[int, int], before_quote: bool) -> _Mention | None:
    """The person a subject's noun phrase ``words`` (the last one without its particle) names, if its shape says
    it is one (see ``_unlisted_people``)."""
    texts = [w[2] for w in words]
    for i in range(len(words) - 2, -1, -1):
        appositive = len(texts[i]) >= 3 and texts[i].endswith("인") and re.fullmatch(r"[가-힣]+", texts[i])
        if split_title(texts[i]) is None and not appositive:
            continue
        name = words[i + 1 :]
        if len(name) > 3 or not all(_name_word(w[2]) for w in name):
            return None
        spelled_out = len(name) >= 2 and all(len(w[2]) >= 2 for w in name) and not _ORGANIZATION_TAIL.search(texts[-1])
        if _proper(name, proper) or (not appositive and spelled_out):
            title = texts[i][:-1] if appositive else texts[i]
            return _person_mention(name, title)
        return None
    if len(words) >= 2 and split_title(texts[-1]) is not None:
        name = _proper_run(words[:-1], proper)
        return _person_mention(name, texts[-1]) if name else None
    if before_quote:  # a foreign name of two words or more, or a Korean one (not a brand: 모아나랜드는 "…")
        name = _proper_run(words, proper)
        if name and (len(name) >= 2 or is_korean_name(name[0][2])) and not _ORGANIZATION_TAIL.search(name[-1][2]):
            return _person_mention(name, None)
    return None


def _name_word(word: str) -> bool:
    """A word that may be (part of) a person's name: Hangul, and no title, office, official, pronoun or time."""
    return (
        re.fullmatch(r"[가-힣]{1,6}", word) is not None
        and not word.endswith("들")
        and word not in _NOT_NAMES
        and word not in PRONOUNS
        and word not in UNNAMED
        and word not in SPEECH_NOUNS
        and not _TIME_TOPIC.match(word)
        and split_title(word) is None
        and not affiliation_word(word)
    )


def _proper_run(words: list[tuple[int, int, str]], proper: dict[int, int]) -> list[tuple[int, int, str]]:
    """The longest run of the last one to three of ``words`` that are name words Kiwi reads as proper nouns
    (``존 케리``; one noun may span them all: ``리처드 버틀러``); empty when there is none."""
    for length in range(min(3, len(words)), 0, -1):
        run = words[-length:]
        if all(_name_word(w[2]) for w in run) and _proper(run, proper):
            return run
    return []


def _proper_noun_ends(tokens: Sequence[Token]) -> dict[int, int]:
    """Where each of Kiwi's proper nouns (``NNP``) starts -> where it ends (one may span a space: ``리처드 버틀러``)."""
    return {start: end for start, end, tag, _form in tokens if tag == "NNP"}


def _proper(words: list[tuple[int, int, str]], proper: dict[int, int]) -> bool:
    """Whether Kiwi's proper nouns cover ``words`` (consecutive words of the body) from end to end."""
    next_start = {end: words[n + 1][0] for n, (_start, end, _text) in enumerate(words[:-1])}
    at, end = words[0][0], words[-1][1]
    while at < end:
        reached = proper.get(at)
        if reached is None:
            return False
        at = next_start.get(reached, reached)
    return at == end


def _person_mention(name: list[tuple[int, int, str]], title: str | None) -> _Mention:
    return _Mention(name[0][0], name[-1][1], "PERSON", " ".join(w[2] for w in name), title)


def _as_entities(
    body: str, people: Sequence[_Mention], speakers: set[str | None], listed_names: set[str]
) -> list[dict]:
    """The PERSON entities (``sinmun parse`` shape) of the people in ``people`` who speak a quote."""
    entities: dict[str, dict] = {}
    for m in people:
        if m.name not in speakers or m.name in listed_names:
            continue
        entity = entities.setdefault(
            m.name, {"type": "PERSON", "name": m.name, "title": m.title, "affiliation": None, "mentions": []}
        )
        entity["title"] = entity["title"] or m.title
        entity["mentions"].append({"text": body[m.start : m.end], "start": m.start, "end": m.end, "title": m.title})
    return list(entities.values())


# ---------------------------------------------------------------- speakers


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity_type: str
    name: str
    title: str | None


def _entity_mentions(entities: Sequence[dict]) -> list[_Mention]:
    out = []
    for entity in entities:
        for m in entity.get("mentions") or []:
            if m.get("field", "body") != "body":
                continue
            out.append(
                _Mention(m["start"], m["end"], entity["type"], entity["name"], m.get("title") or entity.get("title"))
            )
    return sorted(out, key=lambda m: m.start)


class _Mentions:
    """The article's body mentions in order of their start, looked up by position (an article may have thousands)."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.person_titles = {(m.name, m.title) for m in mentions if m.entity_type == "PERSON" and m.title}

    def within(self, start: int, end: int) -> list[_Mention]:
        """The mentions lying inside ``start:end``."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def people_before(self, position: int) -> Iterator[_Mention]:
        """The PERSON mentions ending before ``position``, the nearest first."""
        for n in range(bisect_right(self.starts, position) - 1, -1, -1):
            m = self.mentions[n]
            if m.entity_type == "PERSON" and m.end <= position:
                yield m

    def last_person_before(self, position: int) -> _Mention | None:
        return next(self.people_before(position), None)


def _subject_particle_ends(tokens: Sequence[Token]) -> set[int]:
    """Where Kiwi reads a topic or subject particle (은/는, 이/가, 께서) ending a word."""
    return {end for _start, end, tag, _form in tokens if tag in ("JX", "JKS") or (tag == "JKB" and _form == "께서")}


def _subjects(masked: str, start: int, end: int, subject_ends: set[int] | None) -> list[tuple[int, int, str, bool]]:
    """The words of ``masked[start:end]`` that end in a subject particle: (word start, particle start, core,
    whether the particle is a topic's: 은/는/께서는)."""
    out = []
    for m in _WORD.finditer(masked, start, end):
        word = m.group().rstrip(_TRIM)
        lead = len(m.group()) - len(m.group().lstrip(_TRIM))
        word = word[lead:]
        if not re.fullmatch(r"[가-힣A-Za-z0-9·]+", word) or _NOT_SUBJECT.search(word):
            continue
        particle = _SUBJECT_PARTICLE.search(word)
        if particle is None or particle.start() == 0:
            continue
        word_end = m.start() + lead + len(word)
        if subject_ends is not None and word_end not in subject_ends:
            continue
        core = word[: particle.start()]
        if _TIME_TOPIC.match(core):
            continue
        out.append((m.start() + lead, m.start() + lead + particle.start(), core, particle.group() in _TOPICS))
    return out


def _speaker(
    body: str,
    masked: str,
    pair: _Pair,
    tail: _Pair,
    verb_at: int,
    context: _Context,
    previous: tuple[int, _Speaker] | None,
    earlier: Sequence[Quote],
) -> _Speaker:
    """The speaker of a quote: the subject before it in its sentence, else the one between its quotative ending and
    its verb (not after an adnominal ``"…"라는``, whose noun starts another clause), else nobody for the voices of many (``"…" 등의 댓글``), else the speaker of a quote in the same or
    the sentence before, else the subject of the nearest of the two sentences before that has one."""
    owned = _speech_owned(body, tail)
    if owned is not None:  # "…"는 것이 박 교수의 지적이다: the owner of those words, named or not
        last_word = owned["owner"].rsplit(" ", 1)[-1]
        owner = (owned.end("owner") - len(last_word), owned.end("owner"), last_word, True)
        speaker = _resolve(body, owner, owned.start("owner"), context.mentions, earlier)
        if speaker is not None or last_word in ("측", "쪽", "당국"):
            return speaker or _NOBODY
        # "…"는 것이 연설의 요지였다: the words own no speaker; the speaker is found as for any other quote
    index = bisect_right(context.sentence_starts, pair.start - 1) - 1
    sentence_start = context.sentence_starts[index]
    before = _subject(body, masked, sentence_start, pair.start - 1, context, earlier)
    if before is not None:
        return before
    if not _ADNOMINAL.match(body, tail.end + 1):  # "…"라는 발언으로 의원들이 퇴장했다: that subject is another's
        after = _subject(body, masked, pair.end + 1, verb_at, context, earlier)
        if after is not None:
            return after
    if _VOICES_OF_MANY.match(body, tail.end + 1):
        return _NOBODY
    if previous is not None and previous[0] > context.sentence_starts[max(0, index - 1)]:
        return previous[1]
    for back in range(index - 1, max(-1, index - 1 - CARRY_SENTENCES), -1):
        start, end = context.sentence_starts[back], context.sentence_starts[back + 1]
        carried = _subject(body, masked, start, end, context, earlier)
        if carried is not None:
            return carried
    return _NOBODY


@dataclass(frozen=True)
class _Context:
    mentions: _Mentions
    subject_ends: set[int] | None
    sentence_starts: list[int]


def _subject(
    body: str, masked: str, start: int, end: int, context: _Context, earlier: Sequence[Quote]
) -> _Speaker | None:
    """The speaker the subject of ``masked[start:end]`` names, or None when it has no subject. The last topic
    (은/는) decides, named or not (``한 관계자는``); without one, the last subject (이/가) that stands for a
    speaker, named or not (``해설위원이``); a subject of an embedded clause (``빨간색이 선택된 이유``) stands for
    none and is passed over."""
    subjects = _subjects(masked, start, end, context.subject_ends)
    topics = [s for s in subjects if s[3]]
    if topics:
        return _resolve(body, topics[-1], start, context.mentions, earlier) or _NOBODY
    for subject in reversed(subjects):
        speaker = _resolve(body, subject, start, context.mentions, earlier)
        if speaker is not None:
            return speaker
    return None


def _resolve(
    body: str,
    subject: tuple[int, int, str, bool],
    phrase_floor: int,
    mentions: _Mentions,
    earlier: Sequence[Quote],
) -> _Speaker | None:
    """Who a subject names: a PERSON mention in its noun phrase (the words before the particle, back to a comma or
    the sentence's start), a pronoun's person, an organization or a place's government, the one person of the
    article with the title it names (``장관이``); nobody for an unnamed speaker (``관계자는``, a title nobody in
    the article has); None when it stands for no speaker at all."""
    word_start, particle_at, core, _topic = subject
    phrase_start = _phrase_start(body, word_start, phrase_floor)
    inside = mentions.within(phrase_start, particle_at)
    people = [m for m in inside if m.entity_type == "PERSON"]
    if people:
        person = max(people, key=_closest)
        return _Speaker(person.name, "PERSON", _title_written(body, person, phrase_start, particle_at))
    if core in PRONOUNS:
        return _last_person(body, earlier, mentions, word_start)
    if core in SPEECH_ACTS:  # 해당 발언은: the speech of whoever was said to make it
        return _speech_owner(body, core, word_start, mentions)
    if core in UNNAMED or (core.endswith("들") and core not in PRONOUNS):
        return _NOBODY  # an official, a source, people at large (주민들이, 참가자들은)
    named = [m for m in inside if m.entity_type in ("ORG", "LOCATION")]
    if named:
        org = max(named, key=_closest)
        tail = body[org.end : particle_at].strip()
        if tail in ("", "측", "당국") and (org.entity_type == "ORG" or _GOVERNMENT.search(body[org.start : org.end])):
            return _Speaker(org.name, "ORG")
    titled = split_title(core)
    if titled is not None:
        holders = {name for name, title in mentions.person_titles if title.endswith(titled[0])}
        if len(holders) == 1:
            return _Speaker(holders.pop(), "PERSON", core)
        return _NOBODY
    return None


def _closest(mention: _Mention) -> tuple[int, int]:
    """Of the names in a subject, the one nearest its particle, the longer of two ending there
    (``광주시의회`` over ``광주시``)."""
    return mention.end, mention.end - mention.start


def _phrase_start(body: str, word_start: int, floor: int) -> int:
    """The start of the noun phrase ending at the word at ``word_start``: up to four words back, stopping after a
    comma, a closing mark, or a word that ends a clause (a verb, an object, an adverbial)."""
    start = word_start
    for _ in range(4):
        m = re.search(r"([^\s]+)\s+$", body[floor:start])
        if m is None:
            break
        word = m.group(1)
        if re.search(r"[,\"'”’]$|[을를에의]$|(?:다|고|며|서|면)$", word) and not word.endswith("인"):
            break
        start = floor + m.start(1)
    return start


def _title_written(body: str, person: _Mention, phrase_start: int, particle_at: int) -> str | None:
    """The title written beside the speaker's name in the subject: after it (``김준하 사업단장은``), inside the
    mention (``김 단장``), or before it (``환경부장관인 유영숙은``); else the title the mention carries."""
    after = body[person.end : particle_at].strip(" ,")
    if after and re.fullmatch(r"[가-힣A-Za-z0-9·]+(?:\s[가-힣A-Za-z0-9·]+){0,4}", after):
        return after
    before = body[phrase_start : person.start].strip(" ,")
    if before.endswith("인") and len(before) > 2:
        return before[:-1].split()[-1]
    return person.title


def _last_person(body: str, earlier: Sequence[Quote], mentions: _Mentions, position: int) -> _Speaker:
    """The person a pronoun (``그는``) at ``position`` stands for: the last person quoted or standing as a subject
    (``차관 안드레이 볼코프는 …했다. 그는 "…"``), whichever came later; else the last person named before it."""
    quoted = next(((q.start, q) for q in reversed(earlier) if q.speaker_type == "PERSON"), None)
    for mention in mentions.people_before(position):
        if quoted is not None and mention.start < quoted[0]:
            break
        if _stands_as_subject(body, mention):
            return _Speaker(mention.name, "PERSON", mention.title)
    if quoted is not None:
        return _Speaker(quoted[1].speaker, "PERSON", quoted[1].title)
    person = mentions.last_person_before(position)
    return _Speaker(person.name, "PERSON", person.title) if person is not None else _NOBODY


# After a name: up to two words of its title, then a subject particle (김준하 사업단장은, 박 교수도).
_SUBJECT_AFTER_NAME = re.compile(r"(?:\s[가-힣A-Za-z0-9·]+?){0,2}?(?:께서는|께서|은|는|이|가|도)(?=[\s,]|$)")


def _stands_as_subject(body: str, mention: _Mention) -> bool:
    return _SUBJECT_AFTER_NAME.match(body, mention.end, mention.end + 30) is not None


def _speech_owner(body: str, noun: str, position: int, mentions: _Mentions) -> _Speaker | None:
    """Whose speech a word for speech as a subject (``해당 발언은``) at ``position`` is: the person standing as the
    subject before the same word where its paragraph (its line) last wrote it (``강 시장이 간담회에서 한 발언이``)."""
    paragraph_start = body.rfind("\n", 0, position) + 1
    earlier = [m.start() for m in re.finditer(rf"(?<![가-힣]){noun}", body[paragraph_start:position])]
    if not earlier:
        return None
    at = paragraph_start + earlier[-1]
    sentence_start = max([paragraph_start, *(m.end() for m in _SENTENCE_BREAK.finditer(body, paragraph_start, at))])
    for mention in mentions.people_before(at):
        if mention.start < sentence_start:
            break
        if _stands_as_subject(body, mention):
            return _Speaker(mention.name, "PERSON", mention.title)
    return None
