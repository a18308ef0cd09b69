"""A corpus of reprints and look-alikes, to measure reprint clustering (``sinmun.reprints``).

    .venv/bin/python bench/reprint_corpus.py [--stories 200] [--seed 1] [--kiwi]

prints pair precision and recall of the clustering on a generated corpus (see ``measure``).

Every text here was written for this file. A **story** is one of the templates below with its facts drawn at
random (a city, people with their titles, an organization, a venue, amounts, counts, days, a percentage); it is
printed first in one paper (the original) and then reprinted in 1-4 other papers or days, each copy edited the
way regional papers edit a press release or a wire story:

- another headline and another byline (the article's other fields; the body is what is compared);
- a cut paragraph (never the lead) or two;
- light edits: a reporting verb or a connective swapped, a phrase dropped, spacing changed, a closing sentence
  added, the lead's date written another way.

Each story also gets **look-alikes**: other stories of the same template, with the same wording, the other
facts (another city, other people, other numbers), and half the time the same city (the same town's news on
another day). Look-alikes must not cluster with the story; its reprints must.

Deterministic: the corpus is a function of ``(stories, seed)``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CITIES = (
    "순천시", "여수시", "목포시", "광양시", "나주시", "담양군", "화순군", "보성군", "장흥군", "해남군", "영암군",
    "무안군", "함평군", "영광군", "장성군", "완도군", "진도군", "고흥군", "구례군", "곡성군", "강진군", "신안군",
)  # fmt: skip
CITY_HEADS = {"시": "시장", "군": "군수"}
SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허남심노하곽성차주우구민유나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
GIVEN = "민서준도현지우하윤채은수영진호성경태희정연석철훈재혜미선주환동규상원"
ORGS = (
    "전남농업기술원", "한국농어촌공사 전남본부", "전남문화재단", "전남테크노파크", "한국전력공사 전남본부",
    "전남교육청", "전남관광재단", "광주전남중소벤처기업청", "전남신용보증재단", "전남생물산업진흥원",
    "한국수자원공사 영섬유역본부", "전남개발공사", "전남여성가족재단", "국립해양조사원",
)  # fmt: skip
VENUES = ("시청 대회의실", "군청 상황실", "문화예술회관", "실내체육관", "복합문화센터", "농업기술센터", "청소년수련관",
          "평생학습관", "종합운동장", "읍사무소 회의실")  # fmt: skip
CROPS = ("딸기", "배", "단감", "매실", "녹차", "쌀", "무화과", "양파", "마늘", "키위")
FESTIVALS = ("꽃축제", "갯벌축제", "녹차축제", "전어축제", "국화축제", "낙지축제", "대나무축제", "매화축제")

# Each template: paragraphs of the body, written with the slots of ``facts``. Where a paragraph has several
# wordings, a story draws one (look-alikes of the story keep the same draw).
TEMPLATES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (  # a budget won
        ("{city}(는) {month}월 {day}일 정부 공모사업인 '{project}'에 최종 선정돼 국비 {amount}억원을 확보했다고 밝혔다.",
         "{city}(가) {month}월 {day}일 '{project}' 공모에 뽑혀 국비 {amount}억원을 받게 됐다고 밝혔다."),
        ("이번 사업에는 국비를 포함해 모두 {total}억원이 투입되며, {year}년까지 {area}개 지구에서 단계적으로 추진된다.",),
        ("{city}(는) 이 예산으로 노후 기반시설을 정비하고 주민 {people}명이 이용할 생활 편의시설을 새로 짓는다.",
         "사업비는 낡은 기반시설을 고치고 주민 {people}명이 쓰게 될 편의시설을 짓는 데 쓰인다."),
        ("{head} {mayor}(는) \"공모 준비에 힘을 보태준 주민들께 감사드린다\"며 \"계획대로 사업을 마무리해 살기 좋은 "
         "지역을 만들겠다\"고 말했다.",),
        ("{city}(는) 다음달 {org}(와) 실무협의회를 꾸려 세부 설계에 들어갈 예정이다.",),
        ("앞서 {city}(는) 지난해에도 비슷한 공모에서 {previous}억원을 확보한 바 있다.",),
    ),
    (  # a festival
        ("제{edition}회 {festival}(가) {month}월 {day}일부터 {days}일간 {city} 일원에서 열린다.",
         "{city}의 대표 축제인 제{edition}회 {festival}(가) {month}월 {day}일 막을 올린다."),
        ("올해 축제는 '{theme}'(를) 주제로 공연과 체험 프로그램 {programs}개가 마련됐다.",),
        ("개막식은 첫날 오후 {hour}시 {venue} 앞 특설무대에서 열리며, 초청가수 공연과 불꽃놀이가 이어진다.",),
        ("{city}(는) 지난해 축제에 관광객 {visitors}만명이 다녀가 지역경제에 {effect}억원의 효과를 낸 것으로 분석했다.",
         "지난해에는 {visitors}만명이 찾아 {effect}억원의 경제효과를 거둔 것으로 집계됐다."),
        ("축제추진위원장인 {official}씨는 \"가족 단위 방문객이 머물다 갈 수 있도록 쉼터와 먹거리를 늘렸다\"고 "
         "소개했다.",),
        ("행사장 주변에는 임시주차장 {parking}곳이 운영되고, 주요 거점을 잇는 셔틀버스가 {interval}분 간격으로 다닌다.",),
    ),
    (  # a farm price story
        ("{city} 특산물인 {crop} 값이 올해 들어 크게 올라 농가들이 모처럼 웃고 있다.",),
        ("{org}에 따르면 {month}월 둘째 주 {crop} 도매가격은 {unit}㎏ 한 상자에 {price}원으로 지난해 같은 기간보다 "
         "{percent}% 올랐다.",),
        ("올봄 냉해로 전국 생산량이 줄어든 데다 수출 물량이 늘면서 가격이 오른 것으로 풀이된다.",
         "생산량이 줄어든 가운데 수출이 늘어 값이 뛴 것으로 분석된다."),
        ("{city}에서는 농가 {farms}곳이 {hectares}㏊에서 {crop}(를) 재배하고 있으며, 연간 생산액은 {output}억원에 이른다.",),
        ("{city} 농업정책과 {official} 과장은 \"가격이 좋을 때 품질 관리에 더 신경 써야 한다\"며 \"선별장 증설도 "
         "검토하고 있다\"고 말했다.",),
        ("다만 인건비와 자재값도 함께 올라 농가 소득이 크게 늘지는 않을 것이라는 지적도 나온다.",),
    ),
    (  # an agreement signed
        ("{city}(와) {org}(가) {month}월 {day}일 {venue}에서 지역 인재 양성을 위한 업무협약을 맺었다.",
         "{city}(는) {month}월 {day}일 {venue}에서 {org}(와) 지역 인재를 키우는 협약을 체결했다고 밝혔다."),
        ("협약식에는 {head} {mayor}(와) {org} {official} 원장 등 {guests}명이 참석했다.",),
        ("두 기관은 협약에 따라 해마다 청년 {youth}명을 선발해 {weeks}주간 현장 실습과 직무 교육을 함께 운영한다.",),
        ("교육을 마친 청년에게는 지역 기업 채용 면접 기회가 주어지고, 취업하면 정착지원금 {grant}만원이 지급된다.",),
        ("{mayor} {head_short}(는) \"청년이 떠나지 않는 지역을 만드는 것이 가장 시급한 과제\"라며 \"협약이 좋은 "
         "일자리로 이어지도록 꼼꼼히 챙기겠다\"고 강조했다.",),
        ("{city}의 청년 인구는 지난해 말 기준 {population}명으로 10년 전보다 {percent}% 줄었다.",),
    ),
    (  # a fire
        ("{month}월 {day}일 오전 {hour}시께 {city} 한 {building}에서 불이 나 {minutes}분 만에 꺼졌다.",
         "{day}일 오전 {hour}시께 {city}의 한 {building}에서 화재가 발생해 {minutes}분 만에 진화됐다."),
        ("이 불로 건물 일부와 집기류 등이 타 소방서 추산 {damage}만원의 재산피해가 났다.",),
        ("불이 나자 안에 있던 {occupants}명이 스스로 대피해 인명피해는 없었다.",
         "당시 건물 안에 있던 {occupants}명은 스스로 빠져나와 다친 사람은 없었다."),
        ("소방당국은 신고 접수 {arrival}분 만에 현장에 도착해 장비 {engines}대와 인력 {crew}명을 투입했다.",),
        ("소방당국은 {floor}층 창고 쪽에서 불이 시작됐다는 목격자 진술을 토대로 정확한 화재 원인을 조사하고 있다.",),
    ),
    (  # a donation
        ("{org} 임직원들이 {month}월 {day}일 {city}(를) 찾아 이웃돕기 성금 {gift}만원을 기탁했다.",),
        ("이날 기탁식에는 {org} {official} 본부장과 직원 {staff}명이 참석해 {head} {mayor}에게 성금을 전달했다.",),
        ("성금은 {city} 사회복지협의회를 통해 홀로 사는 어르신과 한부모 가정 {families}가구에 난방비로 쓰일 예정이다.",
         "모인 성금은 사회복지협의회를 거쳐 저소득 {families}가구의 겨울 난방비로 전달된다."),
        ("{official} 본부장은 \"작은 정성이지만 어려운 이웃이 따뜻한 겨울을 보내는 데 보탬이 되길 바란다\"고 말했다.",),
        ("{org}(는) {since}년부터 해마다 임직원 급여 끝전을 모아 지역에 기부해 왔으며, 지금까지 누적 기부액은 {sum}억원에 "
         "이른다.",),
    ),
    (  # weather
        ("{month}월 {day}일 {city} 지역은 대체로 흐리고 오후부터 비가 내리겠다.",),
        ("{org}(는) 이날 예상 강수량을 {rain_low}~{rain_high}㎜로 내다봤다.",),
        ("아침 최저기온은 {low}도, 낮 최고기온은 {high}도로 어제보다 조금 높겠다.",
         "아침 기온은 {low}도, 낮 기온은 {high}도 안팎으로 전날보다 다소 오르겠다."),
        ("바다의 물결은 앞바다에서 {wave_low}~{wave_high}m로 일겠고, 먼바다에는 밤부터 풍랑특보가 내려질 가능성이 있다.",),
        ("미세먼지 농도는 대기 확산이 원활해 '좋음' 수준을 보이겠으며, 비는 다음날 새벽 {stop}시께 그치겠다.",),
        ("{org}(는) \"비가 내리는 동안 시야가 좁아지고 길이 미끄러우니 운전에 각별히 주의해 달라\"고 당부했다.",),
    ),
    (  # a school
        ("{city} {school}(가) 올해 신입생 {freshmen}명을 받아 개교 {years}년 만에 처음으로 학생 수가 늘었다.",),
        ("이 학교는 {since}년 전교생이 {lowest}명까지 줄어 폐교 위기를 겪었으나, 마을과 함께하는 생태교육 과정을 "
         "운영하며 도시 학생들의 전학이 이어졌다.",),
        ("학교는 논과 갯벌을 교실 삼아 주 {classes}회 현장 수업을 하고, 방과후에는 주민 강사 {tutors}명이 악기와 목공을 "
         "가르친다.",
         "생태 수업은 주 {classes}회 논과 갯벌에서 열리고, 방과후에는 주민 강사 {tutors}명이 악기와 목공을 지도한다."),
        ("{official} 교장은 \"아이들이 자연 속에서 배우는 즐거움을 알게 된 것이 가장 큰 변화\"라고 말했다.",),
        ("{org}(는) 이 학교 사례를 바탕으로 내년 작은 학교 {small}곳에 비슷한 교육과정을 넓힐 계획이다.",),
    ),
)  # fmt: skip

PROJECTS = ("농촌 공간 재구조화", "어촌 신활력 증진", "생활인구 활성화", "도시재생 뉴딜", "스마트 관광도시",
            "지역 특화 돌봄", "청년 마을 조성", "탄소중립 선도도시")  # fmt: skip
THEMES = ("다시 피어나는 봄", "바다가 들려주는 이야기", "초록의 쉼표", "빛과 소리의 향연", "함께 걷는 길")
BUILDINGS = ("상가 건물", "주택", "창고", "공장", "음식점", "모텔")
SCHOOLS = ("서초등학교", "북초등학교", "남중학교", "동초등학교 분교", "바다초등학교")
WEATHER_OFFICE = ("광주지방기상청", "목포기상대", "여수기상대")


@dataclass(frozen=True)
class Article:
    """One printed article of the corpus: its id, the story it tells, and what it says."""

    article_id: str
    story_id: str
    publication: str
    day: int  # days after the corpus's first day
    headline: str
    body: str
    byline: str
    entities: tuple[tuple[str, str], ...] = ()  # the people, places and organization of its facts its body names


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def _grouped(number: int) -> str:
    """A number as papers write it: ``79000`` -> ``7만9000``."""
    tens_of_thousands, rest = divmod(number, 10000)
    return f"{tens_of_thousands}만{rest or ''}" if tens_of_thousands else str(rest)


def _facts(rng: random.Random, city: str | None = None) -> dict[str, object]:
    city = city or rng.choice(CITIES)
    amount = rng.randint(12, 480)
    return {
        "city": city, "head": city[:-1] + CITY_HEADS[city[-1]],
        "head_short": CITY_HEADS[city[-1]], "mayor": _name(rng), "official": _name(rng), "org": rng.choice(ORGS),
        "venue": rng.choice(VENUES), "project": rng.choice(PROJECTS), "festival": rng.choice(FESTIVALS),
        "theme": rng.choice(THEMES), "crop": rng.choice(CROPS), "building": rng.choice(BUILDINGS),
        "school": rng.choice(SCHOOLS), "month": rng.randint(1, 12), "day": rng.randint(1, 28),
        "amount": amount, "total": amount * 2 + rng.randint(5, 90), "year": rng.randint(2025, 2029),
        "area": rng.randint(2, 9), "people": rng.randint(3, 60) * 100, "previous": rng.randint(10, 200),
        "edition": rng.randint(3, 40), "days": rng.randint(2, 10), "programs": rng.randint(12, 80),
        "hour": rng.randint(1, 11), "visitors": rng.randint(3, 95), "effect": rng.randint(20, 400),
        "parking": rng.randint(4, 30), "interval": rng.choice((10, 15, 20, 30)), "unit": rng.choice((2, 5, 10)),
        "price": _grouped(rng.randint(8, 90) * 1000), "percent": rng.randint(5, 60), "farms": rng.randint(40, 900),
        "hectares": rng.randint(30, 800), "output": rng.randint(20, 700), "guests": rng.randint(20, 90),
        "youth": rng.randint(10, 120), "weeks": rng.randint(4, 16), "grant": rng.randint(10, 60) * 10,
        "population": _grouped(rng.randint(5, 90) * 1000 + rng.randint(0, 999)), "minutes": rng.randint(15, 120),
        "damage": rng.randint(3, 99) * 100, "occupants": rng.randint(2, 40), "arrival": rng.randint(4, 12),
        "engines": rng.randint(8, 40), "crew": rng.randint(20, 120), "floor": rng.randint(1, 6),
        "gift": rng.randint(3, 200) * 100, "staff": rng.randint(5, 40), "families": rng.randint(30, 400),
        "since": rng.randint(2005, 2019), "sum": rng.randint(2, 60), "rain_low": rng.randint(5, 30),
        "rain_high": rng.randint(40, 120), "low": rng.randint(-5, 15), "high": rng.randint(16, 33),
        "wave_low": rng.choice((0.5, 1.0, 1.5)), "wave_high": rng.choice((2.0, 2.5, 3.0, 3.5)),
        "stop": rng.randint(1, 6), "freshmen": rng.randint(6, 40), "years": rng.randint(20, 90),
        "lowest": rng.randint(9, 30), "classes": rng.randint(2, 4), "tutors": rng.randint(3, 15),
        "small": rng.randint(5, 30),
    }  # fmt: skip


def _story_paragraphs(template: tuple[tuple[str, ...], ...], wording: list[int], facts: dict) -> list[str]:
    facts = dict(facts)
    if template is TEMPLATES[6]:
        facts["org"] = WEATHER_OFFICE[CITIES.index(facts["city"]) % len(WEATHER_OFFICE)]
    return [_particles(choices[n % len(choices)].format(**facts)) for choices, n in zip(template, wording, strict=True)]


_PARTICLE = re.compile(r"([가-힣])(['\"]?)\((는|가|를|와)\)")
# (after a final consonant, after a vowel)
_PARTICLE_FORMS = {"는": ("은", "는"), "가": ("이", "가"), "를": ("을", "를"), "와": ("과", "와")}


def _particles(text: str) -> str:
    """``순천시(는)`` -> ``순천시는``, ``공진우(는)`` -> ``공진우는``, ``장성군(는)`` -> ``장성군은``: the particle's form
    that follows the word's last syllable."""

    def form(match: re.Match) -> str:
        syllable, quote, particle = match.groups()
        closed = (ord(syllable) - 0xAC00) % 28 != 0
        return syllable + quote + _PARTICLE_FORMS[particle][0 if closed else 1]

    return _PARTICLE.sub(form, text)


# Light edits: (what, what it becomes). Each reprint applies a few that its text allows.
SWAPS = (
    ("밝혔다.", "전했다."), ("말했다.", "밝혔다."), ("강조했다.", "말했다."), ("예정이다.", "계획이다."),
    ("계획이다.", "방침이다."), ("이번 ", "올해 "), ("모두 ", "총 "), ("지난해", "작년"), ("등 ", "등 모두 "),
    ("것으로 ", "걸로 "), ("함께 ", "같이 "), ("새로 ", ""), ("크게 ", ""), ("다만 ", "그러나 "),
    ("있다.", "있는 상황이다."), ("이어진다.", "이어질 예정이다."), ("주민 ", "지역 주민 "),
)  # fmt: skip
CLOSINGS = (
    "한편 자세한 내용은 누리집에서 확인할 수 있다.",
    "관련 문의는 담당 부서로 하면 된다.",
    "이와 관련해 추가 설명회도 열릴 예정이다.",
)


def _reprint(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A copy of a story as another paper prints it: a paragraph or two cut, light edits, perhaps a closing."""
    copy = list(paragraphs)
    for _ in range(rng.choice((0, 1, 1, 1, 2))):
        if len(copy) > 3:
            copy.pop(rng.randrange(1, len(copy)))
    edits = rng.randint(1, 4)
    for old, new in rng.sample(SWAPS, len(SWAPS)):
        if edits == 0:
            break
        places = [n for n, p in enumerate(copy) if old in p]
        if places:
            n = rng.choice(places)
            copy[n] = copy[n].replace(old, new, 1)
            edits -= 1
    if rng.random() < 0.3:  # spacing changed in one paragraph
        n = rng.randrange(len(copy))
        copy[n] = copy[n].replace(" 있", "있", 1).replace("할 수", "할수", 1)
    if rng.random() < 0.3:
        copy.append(rng.choice(CLOSINGS))
    return copy


PUBLICATIONS = ("bitgoeul", "namdo", "seohae", "mokpo", "suncheon", "yeosu")


def generate(stories: int = 200, seed: int = 1, lookalikes_per_story: int = 1) -> list[Article]:
    """The corpus: ``stories`` stories, each printed once and reprinted 1-4 times, and its look-alikes (each a
    story of its own, printed once). Story k follows template k mod 8, so the stories of one template are
    look-alikes of one another too."""
    rng = random.Random(seed)
    articles: list[Article] = []
    for s in range(stories):
        template = TEMPLATES[s % len(TEMPLATES)]
        wording = [rng.randrange(6) for _ in template]
        facts = _facts(rng)
        paragraphs = _story_paragraphs(template, wording, facts)
        day = rng.randrange(300)
        papers = rng.sample(PUBLICATIONS, rng.randint(2, 5))
        for n, paper in enumerate(papers):
            body = "\n\n".join(paragraphs if n == 0 else _reprint(paragraphs, rng))
            printed = day + (0 if n == 0 else rng.randint(0, 3))
            articles.append(_article(f"s{s}-{n}", f"s{s}", paper, printed, facts, body, rng))
        for n in range(lookalikes_per_story):
            other = _facts(rng, city=facts["city"] if rng.random() < 0.5 else None)
            body = "\n\n".join(_story_paragraphs(template, wording, other))
            article_id = f"s{s}-look{n}"
            articles.append(
                _article(article_id, article_id, rng.choice(PUBLICATIONS), rng.randrange(300), other, body, rng)
            )
    return articles


def _article(article_id: str, story_id: str, paper: str, day: int, facts: dict, body: str, rng) -> Article:
    named = [("LOCATION", facts["city"]), ("PERSON", facts["mayor"]), ("PERSON", facts["official"]),
             ("ORG", facts["org"])]  # fmt: skip
    entities = tuple((kind, name) for kind, name in named if name in body)
    return Article(article_id, story_id, paper, day, _headline(facts, rng), body, f"{_name(rng)} 기자", entities)


def _headline(facts: dict, rng: random.Random) -> str:
    return rng.choice(("{city}, 새 소식 전해", "{city} {mayor} \"주민과 함께\"", "{city}에 {org} 힘 보태",
                       "{city} 주민들 관심 모아")).format(**facts)  # fmt: skip


@dataclass(frozen=True)
class PairScores:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    candidate_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def cluster_pairs(assignment: dict[str, str]) -> set[tuple[str, str]]:
    """Every pair of articles (ids, sorted) that share a cluster."""
    members: dict[str, list[str]] = {}
    for article, cluster in assignment.items():
        members.setdefault(cluster, []).append(article)
    return {(a, b) for group in members.values() for a in group for b in group if a < b}


def measure(articles: list[Article], entities: dict[str, list[tuple[str, str]]] | None = None) -> PairScores:
    """Pair precision and recall of the clustering: the pairs of articles that share a predicted cluster, against
    the pairs that tell the same story. Candidates come from the LSH bands, as at load time. The facts' entities
    are ``entities`` (Kiwi's: ``kiwi_entities``), else those the generator placed in each body."""
    from sinmun import reprints

    bodies = {a.article_id: a.body for a in articles}
    facts, by_band = {}, {}
    for a in articles:
        printed = reprints.fingerprint(a.body, entities[a.article_id] if entities else a.entities)
        if printed is None:
            continue
        facts[a.article_id] = printed.fact_hashes
        for band in printed.band_hashes:
            by_band.setdefault(band, []).append(a.article_id)
    candidates = {(min(x, y), max(x, y)) for keys in by_band.values() for x in keys for y in keys if x != y}
    verified = reprints.verified_pairs(sorted(candidates), bodies, facts)
    predicted = cluster_pairs(reprints.clusters([], [(a, b) for a, b, _ in verified]))
    stories: dict[str, str] = {a.article_id: a.story_id for a in articles}
    truth = cluster_pairs(stories)
    return PairScores(len(truth), len(predicted), len(predicted & truth), len(candidates))


def kiwi_entities(articles: list[Article]) -> dict[str, list[tuple[str, str]]]:
    """The (type, canonical name) of the entities the project's extraction finds in each body (loads Kiwi)."""
    from sinmun import reprints
    from sinmun.entities.extract import extract_batch

    records = [{"body": a.body, "headline": a.headline, "kind": "news"} for a in articles]
    extract_batch(records, [None] * len(records))
    return {a.article_id: reprints.body_entities(r) for a, r in zip(articles, records, strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kiwi", action="store_true", help="entities by the project's extraction, as in an ingest "
                        "(else those the generator placed)")  # fmt: skip
    args = parser.parse_args(argv)
    articles = generate(args.stories, args.seed)
    started = time.perf_counter()
    entities = kiwi_entities(articles) if args.kiwi else None
    extracted = time.perf_counter()
    scores = measure(articles, entities)
    print(
        f"{len(articles)} articles, {args.stories} stories; {scores.true_pairs} true pairs, {scores.candidate_pairs} "
        f"candidate pairs, {scores.predicted_pairs} predicted, {scores.correct_pairs} correct: precision "
        f"{scores.precision:.3f}, recall {scores.recall:.3f} (entities {extracted - started:.1f} s, clustering "
        f"{time.perf_counter() - extracted:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
