"""A deterministic synthetic corpus of printed newspaper pages, for benchmarking the whole pipeline.

    .venv/bin/python bench/corpus.py OUT_DIR --pages N [--seed 1] [--legacy-share 0.02] [--wrapped-share 0.1]
                                     [--start 2024-01-02] [--check K]

writes ``OUT_DIR/<publication>/<YYYY-MM-DD>/<page>.txt`` (the inbox layout ``sinmun ingest`` reads) and prints a
one-line summary. ``--check K`` then reads the first K pages with the project's reader (Kiwi) and prints how well
its reading agrees with what was placed on each page.

The pages are those of the project's three fictional dailies (``samples/``: 빛고을신문, 남도매일신문, 서해일보),
one issue a publication day from ``--start`` (2024-01-02), 16 to 24 pages an issue, each page printed as the
text of a PDF page reads once extracted: header and footer furniture, 3 to 7 pieces (news with sub-headlines,
bylines, datelines, joint and wire bylines; photo captions with credits; editorials and signed columns on the
opinion pages; notices; advertisements; cross-references and continuations between the pages of an issue),
body text cut by column breaks. Everything is fictional: sentences come from templates written for this file,
filled from banks of invented people (surnames from ``sinmun/data/surnames.txt``, generated given names), titles
(``titles.txt``), organizations (``organizations.csv`` and generated ones) and real place names
(``admin_divisions.csv``, ``named_places.csv``).

Layout of body text. Each page has a column width (17-22 Hangul characters; digits, Latin letters and spaces
count half). Most pages ("columns") print each paragraph whole on a line, except where a column of the
article's block ends inside it: there the paragraph is cut, mid-word (``발전 방향`` / ``을 제시하고``) or between
two words, as the reference page and the samples show. A share of pages ("lines", ``WRAPPED_SHARE``) prints
every line of every column, as a raw ``pdftotext`` does (``--wrapped-share``; drawn from a stream of its own,
so the share changes how pages are printed, never what they say). Headlines, captions and ads are never cut.

Deterministic: page k of the corpus is generated from ``random.Random`` seeded by (seed, publication, date,
page) alone, and the pages are enumerated in a fixed order (day by day, page number by page number, the three
papers in turn), so a corpus of N pages is a prefix of any larger one and a re-run writes the same bytes.
A share of files (``--legacy-share``, drawn from its own per-page stream) is written as CP949 and/or CRLF.

Importable: ``generate_corpus(out_dir, pages, seed)`` and the pure ``page_text(publication, day, page_number,
rng)``, which returns the page's text and its ``PagePlan`` (what was placed), and ``agreement(plan, parsed)``,
which compares a plan with the reader's output.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sinmun" / "data"

START = date(2024, 1, 2)
# Share of pages printed line by line (every line of every column), as a raw pdftotext extraction does.
WRAPPED_SHARE = 0.1
WEEKDAYS = "월화수목금토일"
# Weekday public holidays of 2024-2025: no paper those days.
HOLIDAYS = frozenset(
    date.fromisoformat(d)
    for d in (
        "2024-01-01 2024-02-09 2024-02-12 2024-03-01 2024-04-10 2024-05-01 2024-05-06 2024-05-15 2024-06-06 "
        "2024-08-15 2024-09-16 2024-09-17 2024-09-18 2024-10-03 2024-10-09 2024-12-25 2025-01-01 2025-01-28 "
        "2025-01-29 2025-01-30 2025-03-03 2025-05-05 2025-05-06 2025-06-06 2025-08-15 2025-10-03 2025-10-06 "
        "2025-10-07 2025-10-08 2025-10-09 2025-12-25"
    ).split()
)


# --- papers ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paper:
    code: str
    name: str
    domain: str
    phone: str
    first_issue: int  # the issue number printed on FIRST_DAY (as in samples/pieces.py)
    heads: tuple[tuple[str | None, float], ...]  # header styles and their weights
    home: tuple[str, ...]  # admin codes of the paper's home area, most covered
    column_labels: tuple[str, ...]


FIRST_DAY = date(2024, 3, 4)
_PAPER_EXTRAS = {
    # phone and first issue as the samples print them (samples/pieces.py); name and domain from publications.csv
    "bitgoeul": ("062-123-4567", 8122, (("line", 0.75), ("split", 0.15), (None, 0.1)), ("KR-29",), ("빛고을춘추", "아침시평", "기고")),
    "namdo": (
        "061-755-2200",
        5310,
        (("split", 0.8), ("line", 0.1), (None, 0.1)),
        ("KR-46", "KR-46-순천시", "KR-46-여수시", "KR-46-광양시", "KR-46-고흥군", "KR-46-보성군", "KR-46-나주시"),
        ("남도시론", "세상읽기", "기고"),
    ),
    "seohae": (
        "061-242-0700",
        3401,
        (("dot", 0.7), ("line", 0.2), (None, 0.1)),
        ("KR-46-목포시", "KR-46-신안군", "KR-46-무안군", "KR-46-영광군", "KR-46-진도군", "KR-46-해남군", "KR-46-완도군"),
        ("서해칼럼", "목요단상", "기고"),
    ),
}  # fmt: skip


@cache
def papers() -> dict[str, Paper]:
    rows = {r["code"]: r for r in _csv("publications.csv")}
    out = {}
    for code, (phone, first, heads, home, labels) in _PAPER_EXTRAS.items():
        out[code] = Paper(code, rows[code]["name"], rows[code]["domain"], phone, first, heads, home, labels)
    return out


# --- data banks --------------------------------------------------------------------------------------------------------
def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


@dataclass(frozen=True)
class Place:
    code: str
    short: str  # 목포, 북구, 광주
    loc: str  # as a place in text: 목포, 광주 북구, 전남
    gov: str  # the local government acting: 목포시, 광주 북구, 광주시, 전남도
    unit: str  # 시 군 구 도: "시는", "군은" in later sentences
    head_title: str  # 목포시장, 신안군수, 광주 북구청장, 광주시장, 전남지사
    council: str
    region: str  # 광주 or 전남


@dataclass(frozen=True)
class Banks:
    surnames: tuple[str, ...]
    surname_weights: tuple[float, ...]
    titles: frozenset[str]
    places: dict[str, Place]
    venues: dict[str, tuple[str, ...]]  # admin code -> named places inside it
    industrial: tuple[str, ...]
    orgs_csv: tuple[str, ...]


@cache
def banks() -> Banks:
    surnames = tuple(
        line.strip()
        for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    # The file lists compound surnames first, then single ones by frequency: the census shares of the first ten
    # (김 21.5%, 이 14.7%, 박 8.4%...), then a decaying tail; compound surnames are rare.
    top = (21.5, 14.7, 8.4, 4.7, 4.3, 2.3, 2.1, 2.0, 2.0, 1.5)
    singles = [s for s in surnames if len(s) == 1]
    share = {s: top[i] if i < len(top) else 1.4 * 0.95 ** (i - len(top)) for i, s in enumerate(singles)}
    weights = tuple(share.get(s, 0.02) for s in surnames)
    titles = frozenset(
        line.strip()
        for line in (DATA / "titles.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    places: dict[str, Place] = {
        "KR-29": Place("KR-29", "광주", "광주", "광주시", "시", "광주시장", "광주시의회", "광주"),
        "KR-46": Place("KR-46", "전남", "전남", "전남도", "도", "전남지사", "전남도의회", "전남"),
    }
    for row in _csv("admin_divisions.csv"):
        code, name, parent = row["code"], row["name"], row["parent_code"]
        if parent == "KR-29":
            places[code] = Place(
                code, name, f"광주 {name}", f"광주 {name}", "구", f"광주 {name}청장", f"{name}의회", "광주"
            )
        elif parent == "KR-46":
            short, unit = name[:-1], name[-1]
            head = f"{name}장" if unit == "시" else f"{name}수"
            places[code] = Place(code, short, short, name, unit, head, f"{name}의회", "전남")
    venues: dict[str, list[str]] = {}
    industrial = []
    for row in _csv("named_places.csv"):
        parent = row["parent_code"]
        if not parent.startswith(("KR-29", "KR-46")):
            continue
        if row["kind"] == "industrial_complex":
            industrial.append(row["name"])
        elif row["kind"] in ("park", "venue", "landmark", "market", "port", "stadium", "district", "street"):
            venues.setdefault(parent, []).append(row["name"])
    orgs = tuple(r["name"] for r in _csv("organizations.csv"))
    return Banks(
        surnames,
        weights,
        titles,
        places,
        {k: tuple(v) for k, v in venues.items()},
        tuple(industrial),
        orgs,
    )


# Given names: two syllables; each syllable with its romanization (for reporters' e-mail addresses).
_SYLLABLES = dict(
    pair.split(":")
    for pair in (
        "민:min 서:seo 지:ji 현:hyun 수:su 영:young 준:jun 우:woo 진:jin 성:sung 재:jae 은:eun 하:ha 윤:yoon "
        "정:jung 혜:hye 경:kyung 태:tae 동:dong 상:sang 승:seung 연:yeon 주:ju 희:hee 종:jong 석:seok 철:chul "
        "호:ho 기:ki 미:mi 선:sun 나:na 유:yu 예:ye 다:da 소:so 채:chae 도:do 건:gun 형:hyung 원:won 보:bo "
        "인:in 혁:hyuk 규:kyu 빈:bin 아:a 람:ram 한:han 세:se 용:yong 광:kwang 명:myung 순:soon 옥:ok 숙:sook "
        "란:ran 린:rin 율:yul 찬:chan 훈:hoon 환:hwan 범:bum 웅:woong 솔:sol 별:byul 슬:seul 겸:kyum 랑:rang "
        "늘:neul 해:hae 예:ye 시:si 의:eui 효:hyo 창:chang 병:byung 봉:bong 남:nam 덕:duck 금:geum 애:ae"
    ).split()
)
_FIRST = _words(
    "민 서 지 현 수 영 준 우 진 성 재 은 하 윤 정 혜 경 태 동 상 승 연 주 희 종 석 철 호 기 미 선 나 유 예 다 소 채 "
    "도 건 형 원 보 인 혁 규 한 세 용 광 명 순 옥 찬 창 병 봉 남 덕 금 효 의 해"
)
_SECOND = _words(
    "민 서 지 현 수 영 준 우 진 성 재 은 하 윤 정 혜 경 태 동 상 승 연 주 희 종 석 철 호 기 미 선 나 유 아 빈 람 "
    "원 인 혁 규 훈 환 범 웅 솔 별 슬 겸 랑 늘 린 율 찬 용 숙 란 옥 순 애"
)
# Given names that are everyday words of the templates (지원 "support", 주민 "residents"...) are left out.
_NOT_NAMES = frozenset(
    _words(
        "지원 정원 수영 영상 주민 인기 선수 호수 연기 진주 성수 기지 대기 수상 의지 주인 유지 재정 민원 인정 상승 "
        "정상 동기 소장 기수 기기 재수 수재 우수 정수 경기 동지 연수 수연 재원 정지 정진 은행 성인 소수 하수 미수 "
        "서서 지지 민민 수수 영영 주주 희희 유유 진진 성성 하하 연연 경경 혜혜 선선 나나 예예 채채 보보 세세 순순 "
        "창창 해해 금금 봉봉 덕덕 남남 병병 효효 의의 명명 한한 광광 용용 옥옥 원원 인인 승승 상상 동동 태태 종종 "
        "석석 철철 호호 기기 미미 재재 은은 윤윤 정정 현현 준준 우우 도도 건건 형형 혁혁 규규 찬찬 소소 다다 의원 "
        "서원 수도 원서 재해 해소 해수 도서 성형 형성 정형 의도 선도 주도 한도 정도 보도 기도 인도 도민 시민 도주 "
        "주의 의미 미용 용수 수석 석유 유선 선정 정보 보수 수정 정한 한정 정유 명의 기한 기준 예선 소원 원소"
    )
)
_SURNAME_ROMAN = dict(
    pair.split(":")
    for pair in (
        "김:kim 이:lee 박:park 최:choi 정:jung 강:kang 조:cho 윤:yoon 장:jang 임:lim 한:han 오:oh 서:seo 신:shin "
        "권:kwon 황:hwang 안:ahn 송:song 류:ryu 유:yoo 전:jeon 홍:hong 고:ko 문:moon 양:yang 손:son 배:bae 백:baek "
        "허:heo 남:nam 심:shim 노:noh 하:ha 곽:kwak 성:sung 차:cha 주:joo 우:woo 구:koo 민:min 나:na 진:jin 지:ji "
        "엄:eom 채:chae 원:won 천:chun 방:bang 공:kong 현:hyun 함:ham 변:byun 염:yeom 추:choo 도:do 석:seok 선:sun "
        "설:seol 마:ma 길:gil 연:yeon 위:wi 표:pyo 명:myung 기:ki 반:ban 왕:wang 금:geum 옥:ok 육:yook 인:in "
        "맹:maeng 제:je 모:mo 탁:tak 국:kook 황보:hwangbo 남궁:namgung 선우:sunwoo 제갈:jegal"
    ).split()
)


# --- vocabulary -----------------------------------------------------------------------------------------------------
def _phrases(text: str) -> tuple[str, ...]:
    """Phrases separated by commas (a phrase may hold spaces)."""
    return tuple(p.strip() for p in text.split(",") if p.strip())


TARGETS = _phrases(
    "청년, 어르신, 소상공인, 농어민, 다문화가족, 1인 가구, 장애인, 신혼부부, 초등학생, 중소기업, 귀농인, 한부모가족, "
    "저소득층, 청소년, 섬 주민, 어업인, 자영업자, 맞벌이 가정, 경력단절 여성, 대학생, 영유아 가정, 노인 가구, "
    "전통시장 상인, 택시 기사"
)
BENEFITS = _lines(
    """
    주거비 지원
    일자리 지원
    돌봄 서비스
    건강검진 지원
    교통비 지원
    창업 지원
    에너지 바우처
    교육비 지원
    심리 상담
    문화 바우처
    난방비 지원
    임대료 지원
    법률 상담
    방문 진료
    정착 지원금
    이사비 지원
    통신비 지원
    식품 꾸러미 지원
    """
)
FIELDS = _lines(
    """
    스마트 돌봄
    탄소중립 마을
    수소 에너지
    해상풍력 배후단지
    인공지능 실증
    도시재생
    청년 창업
    야간 관광
    스마트팜 혁신
    친환경 농업
    문화도시
    평생학습
    생활체육 활성화
    자원순환
    디지털 전환
    수산물 가공
    해양 레저
    마을 공동체
    전통시장 활성화
    빈집 정비
    보행 환경 개선
    생태하천 복원
    자율주행 실증
    미래차 부품
    이차전지 소재
    바이오 헬스
    드론 배송
    섬 관광
    치유 농업
    공공 와이파이
    어촌 뉴딜
    농촌 공간 재구조화
    스마트 교차로
    지역 특화 작목
    """
)
PROJECT_KINDS = _words("사업 지원사업 조성사업 육성사업 구축사업 시범사업 프로젝트 활성화사업")
# Facilities, and whom each is for.
FACILITIES = tuple(
    tuple(pair.split(":"))
    for pair in (
        "복합문화센터:주민 청년센터:청년 공공도서관:주민 생활체육관:주민 어린이복합문화공간:어린이 국민체육센터:주민 "
        "치매안심센터:어르신 공공산후조리원:산모 노인복지관:어르신 가족센터:다문화가족 작은도서관:어린이 "
        "청소년수련관:청소년 다함께돌봄센터:초등학생 생활문화센터:주민 장애인복지관:장애인 청년창업지원센터:청년 "
        "건강생활지원센터:주민 공공어린이재활병원:장애아동"
    ).split()
)
_FACILITY_TEXT = {
    "어린이복합문화공간": "어린이 복합문화공간",
    "작은도서관": "작은 도서관",
    "청소년수련관": "청소년 수련관",
}
ROOMS = _words(
    "강당 다목적실 북카페 체력단련실 어린이놀이방 세미나실 공유주방 옥상정원 상담실 전시실 동아리방 건강관리실"
)
_ROOM_TEXT = {"어린이놀이방": "어린이 놀이방", "공유주방": "공유 주방", "옥상정원": "옥상 정원"}
FIELD_ITEMS = _lines(
    """
    자율주행 셔틀
    스마트 돌봄
    에너지 관리
    도시 안전
    행정 민원
    주거 환경 개선
    일자리 연계
    공동체 회복
    건강 관리
    디지털 교육
    창업 공간
    문화 프로그램
    교통 편의
    안심 귀가
    """
)
MINISTRIES = _words(
    "기획재정부 교육부 과학기술정보통신부 행정안전부 문화체육관광부 농림축산식품부 산업통상자원부 보건복지부 환경부 "
    "고용노동부 여성가족부 국토교통부 해양수산부 중소벤처기업부"
)
ORG_FIELDS = _words(
    "문화 관광 청년 해양 에너지 농업 복지 미래 산업 창업 환경 스포츠 바이오 디지털 인공지능 수산 평생교육 여성 "
    "노인 장애인 자원봉사 사회적경제 로컬푸드 마을 도시재생 인재육성"
)
ORG_ENDINGS = _words("재단 협회 공사 센터 진흥원 연구원 협의회 지원센터 연합회 조합 진흥재단 육성재단")
ORG_HEADS = {"재단": "이사장", "협회": "회장", "공사": "사장", "센터": "센터장", "진흥원": "원장", "연구원": "원장",
             "협의회": "회장", "지원센터": "센터장", "연합회": "회장", "조합": "이사장", "진흥재단": "대표이사",
             "육성재단": "이사장"}  # fmt: skip
BRAND_ROOTS = _words(
    "한빛 한결 다온 누리 온새 하람 미르 가온 새론 솔빛 청람 세움 늘봄 해오름 빛누리 바른 푸른 한울 대양 서진 "
    "라온 다솜 한내 가람 새솔 영산 무진 서광 태강 윤슬"
)
# Industries: what their plants make, and how their companies' names end.
INDUSTRY_TABLE = _lines(
    """
    석유화학: 친환경 포장재, 합성수지 | 케미칼 화학 석유화학
    철강: 강관, 특수강 부품 | 철강 스틸 금속
    이차전지: 이차전지 양극재, 배터리 분리막 | 에너지 소재 배터리
    자동차 부품: 전기차 부품, 자동차 시트 | 모빌리티 오토텍 정밀
    조선: 선박 블록, 해상풍력 구조물 | 중공업 해양 조선
    수산 가공: 냉동 수산물, 조미김 | 수산 식품 물산
    식품: 건강기능식품, 간편식 | 식품 푸드 F&B
    바이오: 의료기기, 백신 원료 | 바이오 메디칼 제약
    에너지 신산업: 태양광 모듈, 전력 케이블, 수소연료전지 | 에너지 전력 파워
    반도체 장비: 반도체 장비 부품 | 테크 정밀 반도체
    가전 부품: 스마트 가전 부품, 냉장고 부품 | 전자 정밀 전기
    광산업: 광통신 부품, LED 조명 | 포토닉스 광통신 옵틱스
    인공지능: 자율주행 센서, 지능형 CCTV | 테크 AI 소프트
    화장품: 천연 화장품 | 코스메틱 뷰티 바이오
    드론: 농업용 드론 | 에어로 드론 항공
    수소: 수소 저장 용기, 수소연료전지 | 수소에너지 에너지 가스
    """
)
INDUSTRIES = {
    name: (_phrases(products), _words(endings))
    for line in INDUSTRY_TABLE
    for name, rest in [line.split(": ", 1)]
    for products, endings in [rest.split(" | ")]
}
COUNTRIES = _words("미국 중국 일본 베트남 인도네시아 독일 호주 태국 멕시코 인도 대만 캐나다 필리핀 폴란드")
CROPS = _words(
    "쌀 배 딸기 양파 마늘 대파 배추 무화과 단감 참다래 녹차 매실 고구마 유자 토마토 멜론 블루베리 표고버섯 보리 감자"
)
FISH = _words("낙지 전어 꼬막 김 전복 멸치 조기 갈치 주꾸미 민어 병어 굴 미역 새우 매생이 숭어")
SPORTS = _words(
    "양궁 씨름 육상 수영 배드민턴 탁구 펜싱 유도 레슬링 복싱 역도 사이클 볼링 카누 조정 핸드볼 태권도 사격 테니스 배구"
)
DIVISIONS = _lines(
    """
    여자 일반부 단체전
    남자 일반부 단체전
    여자 일반부 개인전
    남자 고등부 개인전
    여자 고등부 단체전
    남자 대학부 개인전
    여자 대학부 단체전
    남자 중등부 단체전
    """
)
RIVAL_TEAMS = _words(
    "부산시청 울산시청 대구시청 인천시청 경기도청 대전시청 청주시청 창원시청 포항시청 수원시청 서울시청 세종시청 전북도청"
)
FESTIVAL_THINGS = _words(
    "벚꽃 갯벌 녹차 국화 낙지 전어 꼬막 동백 유채꽃 수국 바다 별빛 청자 대나무 연꽃 해넘이 굴 멸치 매실 딸기 한우 "
    "황토 갈대 철쭉 튤립 불빛 빛 책 차 김 장어 곶감"
)
GENRES = _words("뮤지컬 연극 국악 클래식 무용 재즈 오페라 창극 마당극 인형극")
ARTIST_ROLES = _words("작가 화가 사진작가 도예가 조각가 판화가 서예가")
EXHIBITION_WORDS = _lines(
    """
    바다가 들려준 이야기
    섬의 시간
    오래된 골목
    빛의 결
    남도의 봄
    기억의 풍경
    흙과 바람
    물빛 정원
    사라지는 것들
    어머니의 부엌
    길 위의 사람들
    푸른 밤
    """
)
SLOGANS = _lines(
    """
    함께 걷는 봄길
    바다와 사람, 그리고 축제
    빛으로 물드는 밤
    다시 만나는 남도
    자연과 함께 쉬어가요
    가족과 함께하는 추억
    맛과 멋의 향연
    """
)
UNIVS = _words(
    "전남대학교 조선대학교 호남대학교 광주대학교 목포대학교 순천대학교 동신대학교 광주과학기술원 한국에너지공과대학교 초당대학교"
)
DEPTS = _words(
    "경제학과 행정학과 사회복지학과 관광경영학과 환경공학과 해양생산학과 간호학과 체육학과 도시공학과 에너지공학과 "
    "식품영양학과 컴퓨터공학과 농업경제학과 교육학과 신문방송학과 건축학과 지역개발학과"
)
DEPARTMENTS = _words(
    "관광 교통 복지 일자리 기획 안전 환경 농업 해양수산 문화 체육 건축 도시계획 인구정책 에너지 투자유치 청년정책 "
    "노인복지 보건 홍보 경제 세무 산림 건설 자치행정 여성가족 수산"
)
# The departments whose officials speak for each topic (any of DEPARTMENTS for the others).
TOPIC_DEPARTMENTS = {
    "culture": _words("문화예술 문화관광 관광 문화정책"),
    "tourism": _words("관광 교통 관광진흥 대중교통"),
    "welfare": _words("복지 노인복지 보건 여성가족 복지정책"),
    "environment": _words("환경 기후환경 환경정책 자원순환"),
    "agri": _words("농업 농업정책 해양수산 수산 친환경농업"),
    "economy": _words("경제 투자유치 일자리경제 산업 기업지원"),
    "education": _words("교육협력 평생교육 인재육성"),
}
SUBAREAS = _words(
    "용산 청계 삼향 일로 도곡 금성 대산 남산 송정 신북 동강 서호 봉황 학산 월산 운남 해제 망운 현경 이양 "
    "대덕 석곡 신흥 화양 오산 율촌 평화 중앙 백운 용정 장동 명륜 학동 산정 대촌 신가"
)
SUBAREA_UNITS = _words("면 면 읍 동 동")
SCHOOL_WORDS = _words("영해 해림 새별 한빛 무등 빛가람 다솜 푸른솔 금당 유달 송림 청솔 대성 백련 동명 서림 솔뫼 늘푸른")
SCHOOL_KINDS = (("초등학교", "초"), ("중학교", "중"), ("고등학교", "고"))
EDU_PROGRAMS = _lines(
    """
    늘봄학교
    방과후 돌봄 교실
    기초학력 향상 프로그램
    디지털 새싹 캠프
    마을교육공동체
    독서 토론 교실
    인공지능 융합 수업
    학교 숲 가꾸기
    """
)
UNIV_PROGRAMS = _lines(
    """
    글로컬대학
    라이즈 지역혁신
    산학협력 선도대학
    첨단분야 혁신융합대학
    디지털 혁신공유대학
    """
)
CONTESTS = _lines(
    """
    청소년 과학탐구대회
    발명 아이디어 경진대회
    영어 토론대회
    로봇 창작대회
    합창 경연대회
    청소년 창업 경진대회
    """
)
ISSUES = _lines(
    """
    지방 소멸
    청년 유출
    농촌 고령화
    섬 의료 공백
    기후 위기
    해상풍력 갈등
    전통시장 침체
    학령인구 감소
    고독사
    응급의료 공백
    석유화학 불황
    공공요금 인상
    대중교통 적자
    쓰레기 매립장 포화
    농어촌 빈집
    지역 의대 설립
    어촌 인력난
    외국인 근로자 인권
    """
)
INDICATORS = _words("인구 출생아 청년인구 학생 농가 어가 사업체")
INDICATOR_TEXT = {"인구": "인구", "출생아": "출생아 수", "청년인구": "청년 인구", "학생": "학생 수", "농가": "농가 수",
                  "어가": "어가 수", "사업체": "사업체 수"}  # fmt: skip
ANECDOTES = _lines(
    """
    병원에 가려면 버스를 두 번 갈아타야 한다고 했다
    마을에 아이 울음소리가 끊긴 지 오래라고 했다
    올해도 농사지을 사람을 구하지 못했다고 했다
    배가 뜨지 않으면 약이 떨어져도 기다릴 수밖에 없다고 했다
    가게 문을 열어도 손님 한 명 없는 날이 많다고 했다
    자식들은 모두 도시로 떠나고 빈집만 늘었다고 했다
    """
)
AGENCIES = _words("연합뉴스 뉴시스 뉴스1")
FUNERAL_HALLS = _words(
    "한사랑장례식장 중앙장례식장 새생명장례식장 종합장례식장 기독병원장례식장 천지장례식장 평화장례식장"
)
BANKS_AD = _words("신협 새마을금고 농협 수협 지역농협 산림조합")
# Places on the sea (the others are inland: no 앞바다, no fishing port), and the stories that need one.
COASTAL = frozenset(_words("전남 목포 여수 순천 광양 고흥 보성 장흥 강진 해남 영암 무안 함평 영광 완도 진도 신안"))
COASTAL_STORIES = frozenset(("catch", "boat", "tidal"))
_HEAD_SHORT = {"시": "시장", "군": "군수", "구": "구청장", "도": "지사"}
SEASON = {1: "겨울", 2: "겨울", 3: "봄", 4: "봄", 5: "봄", 6: "여름", 7: "여름", 8: "여름", 9: "가을", 10: "가을",
          11: "가을", 12: "겨울"}  # fmt: skip


# --- Korean particles ------------------------------------------------------------------------------------------------
_JOSA = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와"), "으로": ("으로", "로"),
         "이다": ("이다", "다"), "이라는": ("이라는", "라는"), "이며": ("이며", "며"), "이나": ("이나", "나"),
         "이라고": ("이라고", "라고"), "아": ("아", "야")}  # fmt: skip
# Final consonant index (0 = none, 8 = ㄹ) of how a digit, Latin letter or unit sign is read aloud.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_TENS_FINAL = {1: 17, 2: 1, 3: 4, 4: 4}  # 십 백 천 만
_SIGN_FINAL = {"%": 0, "㎡": 0, "㎍": 0, "㏊": 0, "t": 4, "㎞": 0, "L": 8, "M": 16, "N": 4, "R": 8}


def _final(word: str) -> int:
    w = word.rstrip()
    while w and w[-1] in "'\"’”」』〉":
        w = w[:-1]
    if w.endswith(")") and "(" in w:
        w = w[: w.rindex("(")].rstrip()
    if not w:
        return 0
    ch = w[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28
    if ch.isdigit():
        digits = re.search(r"\d+$", w)[0]
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros and digits.strip("0"):
            return _TENS_FINAL[min(zeros, 4)]
        return _DIGIT_FINAL[ch]
    return _SIGN_FINAL.get(ch, _SIGN_FINAL.get(ch.upper(), 0) if ch.isascii() else 0)


def josa(word: str, particle: str) -> str:
    """The form of ``particle`` (given by its form after a consonant) that follows ``word``."""
    after_consonant, after_vowel = _JOSA[particle]
    final = _final(word)
    if particle == "으로":
        return after_consonant if final not in (0, 8) else after_vowel
    return after_consonant if final else after_vowel


_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def fill(template: str, ctx: dict[str, str]) -> str:
    """``{slot}`` -> its value; ``{slot:을}`` -> its value and the particle that fits it."""

    def sub(m: re.Match) -> str:
        value = ctx[m[1]]
        return value + josa(value, m[2]) if m[2] else value

    return _SLOT.sub(sub, template)


# --- the world: people, staff, office holders -------------------------------------------------------------------------
@dataclass(frozen=True)
class Staffer:
    name: str
    email: str
    desk: str  # politics economy society culture sports region photo
    station: str | None = None  # admin code of a regional reporter's beat (a dateline)


def surname(rng: random.Random) -> str:
    b = banks()
    return rng.choices(b.surnames, b.surname_weights)[0]


def given_name(rng: random.Random) -> str:
    while True:
        name = rng.choice(_FIRST) + rng.choice(_SECOND)
        if name not in _NOT_NAMES and name[0] != name[1]:
            return name


def person(rng: random.Random) -> str:
    return surname(rng) + given_name(rng)


@cache
def staff(publication: str, seed: int) -> tuple[Staffer, ...]:
    """The paper's reporters, the same on every page of the corpus."""
    rng = random.Random(f"{seed}/{publication}/staff")
    paper = papers()[publication]
    desks = {"politics": 5, "economy": 6, "society": 7, "culture": 5, "sports": 4, "region": 9, "photo": 4}
    stations = [c for c in paper.home if c not in ("KR-29", "KR-46")] or [
        "KR-29-북구",
        "KR-29-광산구",
        "KR-29-서구",
        "KR-29-남구",
        "KR-29-동구",
    ]
    extra = [c for c in banks().places if c.startswith("KR-46-") and c not in stations]
    out: list[Staffer] = []
    used_names: set[str] = set()
    used_mail: set[str] = set()
    romans = [s for s in banks().surnames if s in _SURNAME_ROMAN]
    for desk, n in desks.items():
        for i in range(n):
            while True:
                sur = rng.choice(romans[:40])
                given = given_name(rng)
                if sur + given not in used_names:
                    break
            used_names.add(sur + given)
            g = _SYLLABLES[given[0]] + _SYLLABLES[given[1]]
            forms = [
                g,
                _SYLLABLES[given[0]][0] + _SYLLABLES[given[1]][0] + _SURNAME_ROMAN[sur],
                g + _SURNAME_ROMAN[sur],
            ]
            mail = next((f for f in forms if f not in used_mail), f"{g}{len(used_mail)}")
            used_mail.add(mail)
            station = None
            if desk == "region":
                station = stations[i % len(stations)] if i < 2 * len(stations) else rng.choice(extra)
            out.append(Staffer(sur + given, f"{mail}@{paper.domain}", desk, station))
    return tuple(out)


@cache
def office_holder(code: str, office: str, seed: int) -> str:
    """The (invented) holder of an office, the same all year: 목포시장, 광주시교육감..."""
    return person(random.Random(f"{seed}/office/{code}/{office}"))


# --- dates and numbers -------------------------------------------------------------------------------------------------
def _month_len(y: int, m: int) -> int:
    return ((date(y + m // 12, m % 12 + 1, 1)) - date(y, m, 1)).days


def _num(n: int) -> str:
    """2000, 1만2000, 3만: numbers as Korean news writes them."""
    if n >= 10000 and n % 10000:
        return f"{n // 10000}만{n % 10000}"
    if n >= 10000:
        return f"{n // 10000}만"
    return str(n)


def _eok(n: int) -> str:
    if n >= 10000:
        return f"{n // 10000}조{(' ' + str(n % 10000)) if n % 10000 else ''}억원"
    return f"{n}억원"


def _round(rng: random.Random, lo: int, hi: int) -> int:
    n = rng.randint(lo, hi)
    if n >= 1000:
        return n - n % 100
    if n >= 100:
        return n - n % 10
    return n


def _pct(rng: random.Random, lo: float = 2, hi: float = 40) -> str:
    x = rng.uniform(lo, hi)
    return f"{x:.1f}%" if rng.random() < 0.5 else f"{round(x)}%"


# --- templates ---------------------------------------------------------------------------------------------------------
# News is written from stories: each a coherent set of headline, sub-headline, lead, detail, quote and closing
# templates over the article's slots (see ``Writer.ctx``). ``{slot:을}`` appends the particle that fits the
# slot's value (을/를, 이/가, 은/는, 과/와, 으로/로, 이다/다). A topic's ``D:`` lines fit any of its stories.
@dataclass(frozen=True)
class Story:
    topic: str
    name: str
    desk: str
    speakers: tuple[str, ...] = ()
    headlines: tuple[str, ...] = ()
    subs: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()


_STORY_KEYS = {
    "W": "speakers",
    "H": "headlines",
    "S": "subs",
    "L": "leads",
    "D": "details",
    "Q": "quotes",
    "C": "closings",
}

STORY_TEXT = """
@topic policy politics
D: {gsh:은} 사업 추진 과정을 누리집에 공개해 투명성을 높이기로 했다.
D: {gsh:은} 올해 상반기 안에 관련 조례를 고쳐 사업 근거를 마련할 방침이다.
D: 사업이 계획대로 추진되면 {loc} 지역의 생활 여건이 크게 나아질 것으로 기대된다.
D: {council:은} 관련 예산을 심의하면서 사업 효과를 꼼꼼히 점검하겠다는 입장이다.
D: {gsh:은} 앞서 {past} {hall}에서 관계 기관 회의를 열고 추진 방향을 논의했다.
D: 다만 사업비의 상당 부분을 지방비로 부담해야 하는 만큼 재정 부담을 우려하는 목소리도 나온다.
D: {gsh:은} {month} 중 주민설명회를 열어 의견을 들은 뒤 세부 계획을 확정할 예정이다.
D: 이번 사업은 {head} {head_title}의 공약 사업이기도 하다.

@story policy grant
W: {head} {head_title} | {off} {off_title} | {gov} 관계자 | {org_head} {org_title}
H: {loc}, '{proj}' 국비 {amt1} 확보
H: {loc} '{proj}' 정부 공모 선정
H: '{proj}' 공모 선정...{gov} 국비 {amt1} 따내
S: {year1}년까지 {amt3} 투입...{nextyear} 상반기 착수
S: 국비 {amt1} 포함 총사업비 {amt3}
S: {f1}·{f2} 등 4개 분야 추진
L: {loc:이} 정부의 {projq} 공모에 선정돼 국비 {amt1:을} 확보했다.
L: {gov:이} {ministry}의 {projq} 공모에 최종 선정됐다.
D: {gov:은} {ministry:이} 공모한 {projq}에 최종 선정됐다고 {rday} 밝혔다.
D: {gsh:은} 국비 {amt1}에 지방비 {amt2:을} 더해 모두 {amt3:을} {year1}년까지 투입한다.
D: 사업 분야는 ▲{f1} ▲{f2} ▲{f3} ▲{f4} 등 4개다.
D: {gsh:은} {district1:과} {district2:을} 시범 지역으로 정하고, {nextyear} 상반기부터 주민들이 서비스를 이용할 수 있도록 할 계획이다.
D: 이번 공모에는 전국 {count_v}개 지자체가 신청해 {count_s}곳만 선정됐다.
D: {gsh:은} 지난해 {month_past}부터 전담팀을 꾸려 공모를 준비해 왔다.
D: {gsh:은} 사업이 마무리되면 일자리 {count1}개가 새로 생기고 {amt2} 규모의 생산 유발 효과가 있을 것으로 내다봤다.
D: 공모 심사에서는 사업의 실현 가능성과 지역 파급 효과, 주민 참여 계획 등이 좋은 평가를 받았다.
D: {gsh:은} 사업 추진을 위해 {partner:과} 업무협약을 맺고 실무 협의체를 꾸리기로 했다.
D: 사업 대상지인 {district1} 일대는 그동안 기반 시설이 부족하다는 지적을 받아 온 곳이다.
D: 사업 대상지 주민들은 대체로 환영하는 분위기다.
Q: 국비 확보로 사업에 속도를 낼 수 있게 됐다
Q: 공직자와 주민이 함께 뛴 덕분에 좋은 결과를 얻었다
Q: 이번 사업이 지역 경제에 활력을 불어넣는 계기가 될 것으로 기대한다
Q: 주민들의 의견을 충분히 듣고 사업을 차질 없이 추진하겠다
C: {gsh:은} 상반기 중 사업자를 선정하고 하반기부터 본격적인 사업에 들어갈 계획이다.
C: 사업은 {year1}년 마무리될 예정이다.

@story policy benefit
W: {head} {head_title} | {off} {off_title} | {gov} 관계자 | {org_head} {org_title}
H: {gov}, {target} {benefit} 대폭 확대
H: {target} {benefit}...{gov} {amt3} 투입
H: {gov} {target} {benefit} {month}부터 신청
S: {target} {count2}명 대상...{future}까지 신청
S: 1인당 최대 {money1} 지원
S: 소득 기준 완화...{target2}도 대상 포함
L: {gov:이} 올해 {amt3:을} 들여 {target} {benefit:을} 대폭 늘린다.
L: {target:이} 더 가까운 곳에서 {benefit:을} 받을 수 있게 된다.
L: {gov:이} {target}의 생활 안정을 위해 {benefit:을} 확대한다.
D: {gov:은} 이 같은 내용을 담은 '{year} {target} 지원 계획'을 마련했다고 {rday} 밝혔다.
D: 지원 대상은 {target} {count2}명으로, 1인당 최대 {money1:이} 지원된다.
D: 지난해 같은 사업에는 {count3}명이 참여해 만족도 {satisf:을} 기록했다.
D: 특히 그동안 지원에서 소외됐던 {target2}도 올해부터 새로 대상에 포함됐다.
D: 소득 기준은 기준 중위소득 150% 이하로, 지난해보다 문턱을 낮췄다.
D: 신청은 {future}까지 가까운 행정복지센터나 {gov} 누리집에서 하면 된다.
D: {gsh:은} 신청이 어려운 어르신 등을 위해 찾아가는 접수 창구도 운영한다.
D: 올해부터는 온라인으로도 신청할 수 있어 행정복지센터를 직접 찾지 않아도 된다.
D: 지원금은 심사를 거쳐 {nextm}부터 매달 지급된다.
D: {gsh:은} 지원 대상자가 중복 혜택을 받지 않도록 관련 부서와 자료를 공유하기로 했다.
Q: {target:이} 체감할 수 있는 정책을 만들겠다
Q: 도움이 필요한 분들이 한 분도 빠짐없이 혜택을 받도록 하겠다
Q: {target:이} 마음 놓고 살 수 있는 {loc:을} 만들겠다
C: 자세한 내용은 {gov} 누리집에서 확인할 수 있다.
C: {gsh:은} 사업 성과를 분석해 {nextyear}부터 대상을 더 늘릴 방침이다.

@story policy facility
W: {head} {head_title} | {off} {off_title} | {gov} 관계자
H: {loc}에 {facility} 들어선다
H: {gov}, {year1}년까지 {facility} {count_s}곳 조성
H: {loc} {facility} 첫 삽
S: 연면적 {area1}...{year1}년 개관 목표
S: 총사업비 {amt3} 투입
L: {loc}에 {facility_for:을} 위한 {facility:이} 들어선다.
L: {gov:이} {year1}년까지 {amt3:을} 들여 {facility:을} 짓는다.
L: {loc} {facility} 건립 공사가 첫 삽을 떴다.
D: {gov:은} {rday} {venue}에서 {facility} 착공식을 열었다.
D: {facility:은} 연면적 {area1} 규모로, 지하 1층·지상 {floors}층으로 지어진다.
D: 사업비는 국비 {amt1:과} 지방비 {amt2} 등 모두 {amt3:이다}.
D: 건물에는 ▲{r1} ▲{r2} ▲{r3} 등이 들어선다.
D: {gsh:은} 설계 단계부터 주민 의견을 반영해 이용자 중심의 공간으로 꾸밀 계획이다.
D: 그동안 {loc} 지역에는 {facility_for:이} 이용할 만한 시설이 부족하다는 지적이 꾸준히 제기돼 왔다.
D: {gsh:은} 공사 기간 주민 불편을 줄이기 위해 공정별 일정을 미리 알리기로 했다.
D: 부지는 옛 {subarea} 청사 터로, {gsh:은} 지난해 부지 매입을 마쳤다.
D: 주차장은 지하에 {count_p}면 규모로 만들어 주변 교통 혼잡을 줄인다.
D: 건물 옥상에는 태양광 발전 설비를 설치해 에너지 사용량을 줄일 계획이다.
Q: 주민 누구나 편하게 찾는 공간으로 만들겠다
Q: 안전하게 공사를 마무리해 약속한 날짜에 문을 열겠다
Q: 설계 단계부터 주민이 참여하는 구조를 만드는 것이 중요하다
C: {facility:은} {year1}년 상반기 문을 열 예정이다.

@story policy plan
W: {head_ref}
H: {head} {head_title} "{hq}"
H: {head} {head_title}, 올해 역점 과제로 '{field}' 제시
L: {head} {head_title:이} 올해 역점 과제로 {field} 분야를 꼽았다.
L: {head} {head_title:이} {rday} 기자회견을 열고 {projq} 추진 계획을 밝혔다.
D: {head_ref:은} 이날 {hall}에서 열린 간부회의에서 부서별 업무 계획을 점검했다.
D: {head_ref:은} {target} {benefit:과} {field} 분야에 예산을 집중하겠다고 밝혔다.
D: {head_ref:은} 또 민생 현장을 직접 찾아 주민들의 목소리를 듣는 '현장 소통의 날'을 매달 운영하겠다고 약속했다.
D: {gov:은} 올해 본예산을 지난해보다 {pct1} 늘어난 {amt3} 규모로 편성했다.
D: 지역 정치권에서는 공약 이행률을 높이기 위한 구체적인 재원 대책이 필요하다는 지적도 나온다.
D: {head_ref:은} 이날 {count_s}대 역점 과제와 세부 실천 계획을 발표했다.
D: {head_ref:은} 특히 {target} {benefit} 예산을 지난해보다 {pct2} 늘렸다고 설명했다.
D: 간부회의에서는 부서별로 올해 주요 사업 추진 일정과 예산 집행 계획이 보고됐다.
Q: 현장에 답이 있다는 마음으로 뛰겠다
Q: 주민의 삶이 달라지는 변화를 만들겠다
Q: 약속한 사업은 반드시 성과로 보여드리겠다
Q: 예산이 제때 집행되도록 꼼꼼히 챙기겠다

@topic economy economy
D: {region} 지역 제조업 가동률은 {pct2} 안팎에 머물고 있다.
D: {chamber:은} 지역 기업의 판로 개척을 돕기 위해 해외 바이어 초청 상담회를 열 계획이다.
D: 전문가들은 지역 산업 구조를 고부가가치 업종 중심으로 바꿔야 한다고 지적한다.
D: 한국은행 광주전남본부는 지역 경기가 하반기부터 완만하게 회복될 것으로 내다봤다.
D: 업계에서는 금리 부담이 이어지면서 하반기 설비 투자가 위축될 수 있다는 우려도 나온다.
D: 지역 금융권도 {industry} 기업에 대한 특별 대출 한도를 {amt2:으로} 늘리기로 했다.

@story economy investment
W: {company_head} {company} 대표 | {head} {head_title}
H: {company}, {loc}에 {amt1} 투자
H: {company}-{gov}, {count1}명 고용 투자협약
H: {loc}에 {product} 공장 들어선다
S: {year1}년까지 {area1} 부지에 생산시설...일자리 {count1}개
S: {product} 연간 {tons}t 생산 규모
L: {company:이} {loc}에 {amt1:을} 들여 {product} 생산 공장을 짓는다.
L: {gov:과} {company:이} {product} 생산시설 건립을 위한 투자협약을 맺었다.
D: {gov:은} {rday} {hall}에서 {company:과} 투자협약을 체결했다고 밝혔다.
D: 협약에 따라 {company:은} {year1}년까지 {factory} {area1} 부지에 {product} 생산시설을 짓고 {count1}명을 새로 고용한다.
D: {gsh:은} 인허가 절차를 신속히 처리하고 기반 시설 조성과 인력 양성을 지원하기로 했다.
D: {company:은} {founded}년 {loc}에서 창업한 {industry} 전문 기업으로, 지난해 매출 {amt2:을} 올렸다.
D: 이번 투자로 {factory}에는 {product} 관련 기업이 모여 산업 생태계가 갖춰질 것으로 보인다.
D: 공장이 완공되면 연간 {tons}t의 {product:을} 생산할 수 있다.
D: {company:은} 생산 물량의 절반 이상을 {country:과} {country2}에 수출할 계획이다.
D: {company:은} 공장 부지로 {factory:을} 택한 이유로 물류 여건과 인력 수급을 꼽았다.
D: 투자 규모는 {loc} 지역에 들어선 단일 공장 가운데 손꼽히는 수준이다.
D: {gsh:은} 투자 기업에 입지 보조금과 고용 보조금 등 모두 {amt2:을} 지원한다.
Q: 좋은 일자리를 만들어 지역과 함께 성장하는 기업이 되겠다
Q: 지역 인재를 우선 채용해 지역 경제에 보탬이 되겠다
Q: 기업이 마음껏 투자할 수 있는 환경을 만들겠다
C: {company:은} {nextyear} 하반기 공장 가동을 목표로 하고 있다.
C: {gsh:은} 협약 이행 상황을 분기마다 점검할 계획이다.

@story economy exports
W: {exp} {exp_title} | {chamber_head} {chamber} 회장
H: {region} {industry} 수출 {pct1} 증가
H: {region} {industry} 수출 '훈풍'
S: {country}·{country2} 수요 늘어...석 달째 증가
L: {region} 지역 {industry} 업계의 수출이 {pct1} 늘어난 것으로 나타났다.
L: {region} 지역 {industry} 수출이 석 달 연속 증가세를 이어갔다.
D: 한국무역협회 광주전남지역본부에 따르면 지난달 {region} 지역 {industry} 수출액은 {amt2:으로} 지난해 같은 기간보다 {pct1} 늘었다.
D: 수출 증가는 {country:과} {country2}의 수요가 회복된 데 힘입은 것으로 분석된다.
D: 반면 원자재 가격이 오르면서 중소 협력업체들의 수익성은 오히려 나빠졌다.
D: 품목별로는 {product:이} 수출 증가를 이끌었다.
D: 수입은 {pct2} 줄어 무역수지 흑자 폭이 커졌다.
D: 환율 상승도 수출 기업의 가격 경쟁력을 높이는 데 한몫했다.
D: 국가별로는 {country:이} 가장 많았고 {country2:이} 뒤를 이었다.
D: 같은 기간 전국 수출 증가율은 {pct2}로 지역 증가율을 밑돌았다.
D: 업계는 주요 수출국의 경기 흐름과 환율 변동을 예의주시하고 있다.
Q: 하반기에도 수출 회복세가 이어질 것으로 본다
Q: 신흥 시장을 개척해 수출 지역을 다변화해야 한다
C: 업계에서는 하반기에도 수출 증가세가 이어질 것으로 전망하고 있다.

@story economy slump
W: {chamber_head} {chamber} 회장 | {company_head} {company} 대표 | {exp} {exp_title}
H: {industry} 불황에 {loc} 협력업체 '휘청'
H: {loc} 중소기업 경기 전망 석 달째 하락
H: {region} 기업 체감 경기 '꽁꽁'
S: 원자재값 상승·인력난 이중고
S: 기업경기전망지수 {bsi}...기준치 밑돌아
L: {loc} 지역 {industry} 기업들이 원자재 가격 상승과 인력난으로 어려움을 겪고 있다.
L: {loc} 지역 중소기업들의 경기 전망이 석 달 연속 나빠졌다.
D: {chamber:이} 발표한 기업경기전망지수는 {bsi:으로} 기준치 100을 밑돌았다.
D: 업종별로는 {industry:과} 건설업의 체감 경기가 특히 나빴다.
D: {chamber:은} 회원사를 대상으로 한 설문에서 응답 기업의 {pct2:이} 인력 부족을 가장 큰 어려움으로 꼽았다고 밝혔다.
D: 일부 협력업체는 주문이 줄어 공장 가동 시간을 주 4일로 줄였다.
D: {gsh:은} 경영 안정 자금 {amt2:을} 긴급 지원하기로 했다.
D: 자금 사정이 나빠졌다고 답한 기업도 절반에 가까웠다.
D: 금리 부담이 커지면서 대출을 미루는 기업이 늘고 있다.
D: 이 같은 흐름은 지역 고용 시장에도 부담이 될 것으로 보인다.
Q: 원자재 가격이 안정될 때까지 정부와 지자체의 지원이 절실하다
Q: 금리와 환율이 동시에 흔들리면서 중소기업의 부담이 커지고 있다
Q: 버티는 것 자체가 목표가 돼 버렸다
C: {chamber:은} 다음 달 지역 기업 애로 해소를 위한 간담회를 열 예정이다.

@story economy complex
W: {off} {off_title} | {gov} 관계자
H: {factory} 입주 기업 {count_p}곳 돌파
H: {factory} 분양 '순항'
L: {factory}의 입주 기업이 {count_p}곳을 넘어섰다.
L: {factory}의 분양이 순조롭게 이어지고 있다.
D: {gov} 등에 따르면 {factory}의 분양률은 {pct2:으로} 지난해 말보다 크게 높아졌다.
D: 입주 기업 가운데 {industry} 분야가 가장 많고 {product} 관련 기업이 뒤를 이었다.
D: {gsh:은} 올해 기업 유치 목표를 {count_s}0곳으로 잡고 수도권 기업을 대상으로 설명회를 이어갈 계획이다.
D: 근로자들이 생활할 수 있는 기숙사와 어린이집 등 정주 여건이 부족하다는 지적도 나온다.
D: {gsh:은} 입주 기업에 부지 매입비의 최대 {pct1:을} 지원하고 지방세를 5년간 감면해 준다.
D: 입주 기업들이 새로 고용한 인원은 {count3}명에 이른다.
D: {factory:은} 고속도로 나들목과 가까워 물류 여건이 좋다는 평가를 받는다.
D: 올해 들어서만 {count_s}곳의 기업이 입주 계약을 맺었다.
Q: 기업 하기 좋은 환경을 만들어 투자를 끌어오겠다
Q: 인력 양성부터 판로 개척까지 전 과정을 지원하겠다
C: {gsh:은} 하반기 2단계 부지 분양에 나설 계획이다.

@topic agri economy
D: 농어촌 고령화로 일손 부족이 해마다 심해지고 있다.
D: 기후 변화로 농어업 환경이 빠르게 바뀌면서 새로운 대응이 필요하다는 목소리가 나온다.

@story agri harvest
W: {res}({res_age})씨 | {coop_head} {coop} 조합장
H: {loc} {crop} 수확 한창
H: 올해 {loc} {crop} 작황 '맑음'
S: 재배 면적 {pct2} 늘어...출하 다음 달까지
L: {loc} 들녘에서 {crop} 수확이 한창이다.
L: 올해 {loc} {crop} 작황이 좋아 농가들의 얼굴에 웃음꽃이 피었다.
D: 전남도농업기술원에 따르면 올해 {loc} 지역 {crop} 재배 면적은 {hectares}㏊로 지난해보다 {pct2} 늘었다.
D: 올해 수확량은 지난해보다 {pct1} 정도 늘어날 것으로 예상된다.
D: {loc} {crop:은} 일교차가 큰 기후 덕분에 맛이 좋고 저장성이 뛰어나다는 평가를 받는다.
D: {coop:은} 수확한 {crop:을} 공동 선별해 대형 유통업체에 납품한다.
D: 농촌 일손 부족을 덜기 위해 외국인 계절근로자 {count_p}명도 이달 중 들어온다.
D: {gov} 농업기술센터는 병해충 예방을 위해 {future}까지 현장 기술 지도에 나선다.
D: 올해는 봄철 냉해 피해가 적고 여름철 일조량이 충분해 품질도 좋아졌다.
D: 농가들은 이른 아침부터 수확과 선별 작업에 구슬땀을 흘리고 있다.
D: 수확한 {crop:은} 서울 가락시장 등 전국 도매시장과 대형마트로 팔려 나간다.
Q: 올해는 날씨가 도와줘 작황이 좋다
Q: 땀 흘린 만큼 제값을 받을 수 있었으면 좋겠다
C: {crop} 출하는 다음 달 말까지 이어진다.

@story agri prices
W: {res}({res_age})씨 | {exp} {exp_title}
H: {crop} 값 {pct1} 올라...농가·소비자 모두 시름
H: {crop} 도매가격 고공행진
L: 산지 {crop} 가격이 크게 오르면서 소비자와 농가 모두 부담을 호소하고 있다.
L: {crop} 도매가격이 한 달 새 {pct1} 뛰었다.
D: 한국농수산식품유통공사에 따르면 {crop} 10㎏ 도매가격은 {price}원으로 한 달 전보다 {pct1} 올랐다.
D: 잦은 비와 일조량 부족으로 작황이 나빠진 데다 재배 농가도 줄어든 탓이다.
D: 농가들은 인건비와 비료값까지 올라 수확을 해도 남는 것이 없다고 하소연한다.
D: 정부는 비축 물량을 시장에 풀어 가격 안정에 나서기로 했다.
D: 대형마트와 전통시장의 {crop} 소매가격도 일제히 올랐다.
D: 전통시장에서 {crop:을} 사려는 소비자들은 가격을 보고 발길을 돌리기 일쑤다.
D: 농민들은 생산비가 크게 올라 가격이 올라도 수익은 제자리라고 말한다.
D: 가격 강세는 햇물량이 본격 출하되는 다음 달까지 이어질 전망이다.
Q: 기후가 바뀌면서 농사짓기가 해마다 어려워진다
Q: 가격이 올라도 농가 손에 쥐는 돈은 오히려 줄었다
C: {gsh:은} 작황과 가격 동향을 살펴 수급 안정 대책을 내놓을 방침이다.

@story agri export
W: {coop_head} {coop} 조합장 | {off} {off_title}
H: {loc} {crop}, {country} 수출길 열었다
H: {loc} {crop} {country} 첫 수출
L: {loc}에서 생산한 {crop:이} {country} 시장에 처음 수출된다.
D: {coop:은} {rday} 선적식을 열고 {crop} {tons}t을 {country:으로} 보냈다.
D: {coop:은} 수출 물량을 늘리기 위해 {country} 현지 유통업체와 장기 공급 계약을 추진하고 있다.
D: 까다로운 검역 기준을 맞추기 위해 농가들은 2년 넘게 재배 방식을 바꿔 왔다.
D: {coop:은} 올해 수출 목표를 {amt2:으로} 잡았다.
D: 수출 물량은 현지 대형마트와 한인 마트에서 판매된다.
D: 현지 소비자들의 반응을 살핀 뒤 수출 물량을 단계적으로 늘려 갈 계획이다.
D: 지난해 {loc} 지역 농산물 수출액은 {amt2:으로} 해마다 늘고 있다.
Q: 품질 관리에 힘써 해외 시장을 넓혀 나가겠다
Q: 농가 소득을 높이는 새로운 판로가 열렸다
C: {gsh:은} 수출 농가에 포장재와 물류비를 지원할 계획이다.

@story agri catch
W: {res}({res_age})씨 | {fcoop_head} {fcoop} 조합장
H: {loc} 앞바다 {fish} 어획량 급감
H: '귀하신 몸' 된 {fish}...어민 시름
S: 수온 상승에 어장 북상...어민 소득 감소 우려
L: {loc} 앞바다의 {fish} 어획량이 지난해보다 크게 줄었다.
L: 어획량이 줄면서 {fish} 값이 크게 올랐다.
D: 위판량은 지난해 같은 기간 {tons}t에서 올해 절반 수준으로 떨어졌다.
D: 수산업계는 수온 상승으로 어장이 북쪽으로 옮겨 가면서 어획량이 줄어든 것으로 보고 있다.
D: {fcoop:은} 어민들의 소득 감소를 줄이기 위해 양식 품종 다변화를 추진하기로 했다.
D: 어민들은 기름값과 인건비를 감당하지 못해 출어를 포기하는 경우도 늘고 있다.
D: {fcoop} 위판장에서 거래되는 {fish} 값은 지난해보다 {pct1} 올랐다.
D: 일부 어민들은 어선을 세워 둔 채 다른 일거리를 찾아 나서고 있다.
D: 수산 당국은 어린 물고기 남획을 막기 위해 불법 조업 단속을 강화하고 있다.
Q: 바다가 예전 같지 않아 걱정이 크다
Q: 배를 띄울수록 손해라 한숨만 나온다
C: 해양수산부는 다음 달 수산자원 관리 대책을 내놓을 예정이다.

@story agri smartfarm
W: {off} {off_title} | {gov} 관계자
H: {gov}, 청년 스마트팜 {count_s}곳 조성
H: 청년 농부 정착 돕는다...{gov} 스마트팜 임대
L: {gov:이} 청년 농업인의 정착을 돕기 위해 스마트팜 보급에 나선다.
D: 스마트팜은 온도와 습도, 일사량을 자동으로 조절해 노동력을 줄이고 생산성을 높일 수 있다.
D: {gsh:은} 청년 농업인 {count_s}0명을 선발해 시설 임대료와 교육비를 지원한다.
D: {gov} 농업기술센터는 입주 청년들에게 재배 기술과 경영 교육을 1년 동안 제공한다.
D: 지난해 처음 입주한 청년 농업인들은 {crop} 재배로 한 달 평균 {money1}의 소득을 올렸다.
D: 스마트팜 단지는 {subarea} 일원 {hectares}㏊ 규모로 조성된다.
D: 입주 청년은 최대 3년 동안 시설을 빌려 쓰며 재배 기술과 경영 노하우를 익힌다.
D: 임대 기간이 끝나면 자립할 수 있도록 농지 구입 자금도 저리로 빌려준다.
Q: 청년들이 농촌에 뿌리내릴 수 있도록 지원을 아끼지 않겠다
Q: 농촌의 미래는 청년에게 달려 있다
C: 신청은 {future}까지 {gov} 농업기술센터에서 받는다.

@topic society society
D: 경찰은 주변 폐쇄회로(CC)TV 영상을 확보해 분석하고 있다.
D: 사고가 난 곳은 평소에도 사고가 잦아 주민들이 안전 대책을 요구해 온 곳이다.
D: 올해 들어 {loc} 지역에서 비슷한 사건·사고가 잇따르고 있어 주의가 요구된다.
D: 이날 {loc} 지역에는 오전부터 비가 내려 도로가 미끄러운 상태였다.

@story society fire
W: 소방 관계자 | {fire} 관계자
H: {loc} {building}서 불...주민 {count_s}명 대피
H: {loc} {building} 화재...{money_s} 재산 피해
L: {rday} 오전 {hour}시 {minute}분께 {loc} {subarea}의 한 {building}에서 불이 나 주민 {count_s}명이 대피했다.
L: {rday} 오후 {hour}시께 {loc} {subarea}의 한 {building}에서 불이 나 {minutes_n}분 만에 꺼졌다.
D: {fire}에 따르면 불은 {floor_n}층 주방에서 시작된 것으로 추정된다.
D: 불은 내부 {area_m}㎡를 태워 소방서 추산 {money_s}의 재산 피해를 낸 뒤 {minutes_n}분 만에 꺼졌다.
D: 이 불로 연기를 마신 A({vage})씨가 병원으로 옮겨져 치료를 받고 있으나 생명에는 지장이 없는 것으로 알려졌다.
D: 소방 당국은 장비 {nveh}0대와 인력 {count_p}명을 투입해 진화에 나섰다.
D: 건물에는 스프링클러가 설치돼 있지 않아 불이 빠르게 번진 것으로 조사됐다.
D: 불이 나자 주민들이 스스로 대피하고 소화기로 초기 진화에 나서 큰 피해를 막았다.
D: 소방 당국은 건물 내부 전기 배선과 주방 설비 등을 중심으로 감식을 벌이고 있다.
D: 건물 안에 있던 주민들은 소방대원들의 안내를 받아 계단을 통해 밖으로 빠져나왔다.
Q: 화재 예방을 위해 전열기구 사용에 각별히 주의해 달라
Q: 불이 나면 젖은 수건으로 입과 코를 막고 낮은 자세로 대피해야 한다
C: 소방 당국은 정확한 화재 원인과 피해 규모를 조사하고 있다.

@story society crash
W: 경찰 관계자
H: {road}서 차량 {nveh}대 추돌...{count_s}명 부상
H: 빗길 교통사고 잇따라...운전자 주의
L: {rday} 오후 {hour}시께 {road}에서 차량 {nveh}대가 잇따라 부딪혀 {count_s}명이 다쳤다.
L: 비가 내린 {rday} {loc} 일대에서 교통사고가 잇따랐다.
D: 경찰은 앞서 가던 화물차 운전자 B({dage})씨가 안전거리를 확보하지 않아 사고가 난 것으로 보고 정확한 경위를 조사하고 있다.
D: 사고 여파로 이 일대 도로가 2시간 가까이 극심한 정체를 빚었다.
D: 부상자들은 인근 병원으로 옮겨졌으며, 생명에는 지장이 없는 것으로 전해졌다.
D: 이날 하루 {loc} 지역에서만 빗길 사고 {count_v}건이 접수됐다.
D: 사고 차량들은 편도 2차로 가운데 1차로를 달리다 잇따라 부딪힌 것으로 조사됐다.
D: 경찰은 운전자들을 상대로 음주 여부와 과속 여부를 조사하고 있다.
D: 사고 구간은 내리막 굽은 길이어서 평소에도 사고가 잦은 곳이다.
Q: 비가 오는 날에는 평소보다 속도를 줄이고 차간 거리를 충분히 둬야 한다
Q: 졸음이 오면 반드시 휴게소나 졸음쉼터에서 쉬어 가야 한다
C: 경찰은 목격자와 주변 폐쇄회로(CC)TV를 토대로 정확한 사고 경위를 조사하고 있다.

@story society phishing
W: 경찰 관계자 | {police} 관계자
H: 전화금융사기 일당 검거...피해액 {amt_s}
H: 검찰 사칭 보이스피싱 조직 {count_s}명 구속
S: 피해자 대부분 60대 이상
L: 노인들을 상대로 수사기관을 사칭해 돈을 가로챈 전화금융사기 조직원들이 경찰에 붙잡혔다.
D: {police:은} 사기 등 혐의로 C({sage})씨 등 {count_s}명을 구속했다고 {rday} 밝혔다.
D: 이들은 지난해 {month_past}부터 최근까지 검찰과 금융기관을 사칭해 피해자 {count_v}명으로부터 {amt_s:을} 가로챈 혐의를 받고 있다.
D: 경찰은 해외에 있는 총책을 쫓는 한편 추가 피해자가 있는지 조사하고 있다.
D: 이들은 피해자에게 악성 앱을 설치하게 한 뒤 휴대전화를 원격으로 조종해 돈을 빼낸 것으로 드러났다.
D: 경찰은 피해자들의 계좌 거래 내역을 분석해 범행에 쓰인 대포통장 {count_s}0여개를 찾아냈다.
D: 이들은 범행으로 얻은 돈을 가상자산으로 바꿔 해외로 빼돌린 것으로 조사됐다.
D: 피해 금액 가운데 일부는 계좌 지급 정지로 피해자들에게 돌려줄 수 있게 됐다.
Q: 모르는 번호로 돈을 보내라는 전화는 일단 의심하고 경찰에 신고해 달라
Q: 수사기관은 절대 전화로 돈을 요구하지 않는다
C: 경찰은 범죄 수익을 추적해 환수할 방침이다.

@story society boat
W: 해경 관계자
H: {loc} 해상서 {boat} 좌초...선원 전원 구조
L: {loc} 앞바다에서 {boat:이} 암초에 걸려 좌초됐으나 선원들은 모두 구조됐다.
D: {coast_guard:은} 신고를 받고 경비함정과 구조대를 보내 선원 {crew_n}명을 모두 구조했다.
D: 해경은 선장을 상대로 음주 여부와 정확한 사고 원인을 조사하고 있다.
D: 사고 당시 해상에는 짙은 안개가 끼어 앞이 잘 보이지 않았던 것으로 알려졌다.
D: 해경은 배에서 흘러나온 기름을 막기 위해 방제 작업을 벌이고 있다.
D: 좌초한 배는 조업을 마치고 항구로 돌아가던 중이었던 것으로 전해졌다.
D: 선원들은 구명조끼를 입고 있어 큰 부상은 없었다.
D: 해경은 선체에 구멍이 난 곳은 없는 것으로 보고 있다.
Q: 안개가 짙을 때는 무리한 운항을 삼가 달라
C: 해경은 배를 안전한 곳으로 옮기는 작업을 진행하고 있다.

@story society wildfire
W: 산림 당국 관계자
H: {loc} 야산서 불...임야 {hectares}㏊ 태워
L: {rday} 오후 {hour}시께 {loc} {subarea}의 한 야산에서 불이 나 임야 {hectares}㏊를 태우고 {hours_n}시간여 만에 꺼졌다.
D: 산림 당국은 헬기 {heli_n}대와 인력 {count_p}명을 투입해 진화 작업을 벌였다.
D: 당국은 인근 밭에서 쓰레기를 태우다 불이 옮겨붙었다는 주민 진술을 토대로 정확한 원인을 조사하고 있다.
D: 불이 난 곳과 가까운 마을 주민 {count_s}0여명이 한때 마을회관으로 몸을 피했다.
D: 불이 난 곳은 경사가 가파르고 바람이 강해 진화에 어려움을 겪었다.
D: 당국은 잔불 정리를 마친 뒤 감시 인력을 배치해 재발화에 대비하고 있다.
D: 올해 들어 {region} 지역에서 난 산불은 {count_v}건에 이른다.
Q: 입산할 때는 라이터 등 인화물질을 가져가지 말아야 한다
Q: 논밭 태우기는 산불로 이어질 수 있는 만큼 절대 삼가 달라
C: 당국은 산불 조심 기간이 끝날 때까지 감시 인력을 늘리기로 했다.

@story society fraud
W: 경찰 관계자
H: 고수익 미끼 투자 사기...{count_v}명 피해
L: 고수익을 보장한다며 투자금을 끌어모은 업체 대표가 경찰에 붙잡혔다.
D: {police:은} 유사수신 혐의로 업체 대표 D({sage})씨를 구속했다고 {rday} 밝혔다.
D: D씨는 원금과 월 {pct1}의 수익을 보장한다며 투자자 {count_v}명에게서 {amt_s:을} 받아 챙긴 혐의를 받고 있다.
D: 피해자 대부분은 노후 자금을 맡긴 60대 이상 고령층이었다.
D: 초기 투자자에게는 뒤에 들어온 투자자의 돈으로 수익금을 지급하는 이른바 '돌려막기' 수법을 쓴 것으로 드러났다.
D: 이 업체는 투자 설명회를 열어 가상자산과 부동산에 투자해 고수익을 내고 있다고 속였다.
D: 경찰은 D씨의 재산을 추징보전하고 공범이 있는지 조사하고 있다.
D: 피해자들은 모임을 꾸려 민사 소송도 준비하고 있다.
Q: 원금과 고수익을 함께 보장한다는 말은 사기일 가능성이 높다
C: 경찰은 범죄 수익을 추적해 환수할 방침이다.

@story society drunk
W: 경찰 관계자
H: 음주 운전 차량 상가 돌진...{count_s}명 다쳐
L: {rday} 새벽 {hour}시께 {loc} {subarea}에서 음주 운전 차량이 상가로 돌진해 {count_s}명이 다쳤다.
D: 조사 결과 운전자 E({dage})씨는 혈중알코올농도 면허 취소 수준인 상태였던 것으로 드러났다.
D: 이 사고로 상가 유리창과 집기가 부서지고 길을 걷던 행인 등이 다쳐 병원으로 옮겨졌다.
D: 경찰은 E씨를 도로교통법 위반 등 혐의로 입건해 조사하고 있다.
D: 사고 당시 상가는 문을 닫은 상태여서 더 큰 피해는 없었다.
D: E씨는 경찰 조사에서 "대리운전을 부르려다 직접 운전했다"고 진술한 것으로 전해졌다.
D: 경찰은 E씨와 함께 술을 마신 사람들에 대해서도 음주 운전 방조 혐의를 적용할 수 있는지 검토하고 있다.
Q: 술을 한 잔이라도 마셨다면 절대 운전대를 잡아서는 안 된다
C: 경찰은 연말까지 음주 운전 특별 단속을 벌인다.

@topic education society
D: {edu_office:은} 올해 교육 예산을 지난해보다 {pct1} 늘어난 {amt3:으로} 편성했다.
D: 학령인구가 줄면서 {loc} 지역 학교들의 고민도 깊어지고 있다.
D: 교육계에서는 지역 특성을 살린 교육과정이 필요하다는 목소리가 나온다.

@story education program
W: {edu_head} {edu_title} | {principal} {school} 교장
H: {edu_office}, {edu_prog} {count_s}0개교로 확대
H: {edu_prog}, 올해 {count_s}0개교로 늘린다
S: 학교당 운영비 {money1}·전담 강사 지원
L: {edu_office:이} {edu_prog:을} 올해 {count_s}0개 학교로 확대한다.
D: {edu_office:은} 이런 내용을 담은 '{year} 교육 기본 계획'을 발표했다고 {rday} 밝혔다.
D: {edu_prog:은} 학생들이 정규 수업이 끝난 뒤에도 학교에서 다양한 활동을 할 수 있도록 돕는 프로그램이다.
D: 참여 학교에는 학교당 {money1}의 운영비와 전담 강사가 지원된다.
D: 교원단체는 업무 부담이 늘어날 수 있다며 인력 충원이 먼저라는 입장을 밝혔다.
D: 지난해 시범 운영에 참여한 학부모의 {satisf:이} 프로그램에 만족한다고 답했다.
D: 프로그램은 학생들의 희망을 조사해 예체능과 코딩, 독서 등으로 꾸려진다.
D: 맞벌이 가정 학부모들의 호응이 특히 높다.
D: {edu_office:은} 학교 현장의 부담을 줄이기 위해 전담 인력을 따로 뽑기로 했다.
Q: 아이들이 배움의 즐거움을 느낄 수 있도록 세심하게 살피겠다
Q: 학생들이 스스로 생각하고 함께 배우는 수업을 만들겠다
C: {edu_office:은} 하반기 운영 결과를 평가해 {nextyear} 확대 여부를 정할 방침이다.

@story education contest
W: {teacher} {school} 교사 | {student} 학생
H: {school} 학생들, 전국 {contest} 대상
H: {school}, 전국 {contest} 석권
L: {school} 학생들이 전국 규모 {contest}에서 대상을 받았다.
D: 대회에는 전국 {count_v}개 팀이 참가해 {count_days}일 동안 실력을 겨뤘다.
D: 학생들은 지역 하천의 수질 변화를 1년 동안 관찰한 결과를 발표해 좋은 평가를 받았다.
D: 학생들은 방과 후와 주말에도 학교에 남아 대회를 준비했다.
D: 이 학교는 지난해에도 같은 대회에서 금상을 받았다.
D: 심사위원들은 학생들의 탐구 과정과 발표 내용이 돋보였다고 평가했다.
D: 학생들은 상금 전액을 학교 발전 기금으로 내놓기로 했다.
D: 이 학교는 해마다 동아리 활동을 중심으로 각종 대회를 준비해 왔다.
Q: 선생님들과 친구들 덕분에 좋은 결과를 얻을 수 있었다
Q: 학생들이 스스로 문제를 찾고 해결하는 과정에서 많이 성장했다
C: 시상식은 {future} 서울에서 열린다.

@story education university
W: {exp} {univ} 총장 | {exp} {exp_title}
H: {univ}, '{univ_prog}' 사업 선정...{amt1} 지원
H: {univ} '{univ_prog}' 최종 선정
L: {univ:이} 교육부의 '{univ_prog}' 사업에 선정돼 {year1}년까지 {amt1:을} 지원받는다.
D: {univ:은} 지역 기업 {count_s}0곳과 손잡고 현장 실습과 공동 연구를 늘려 나갈 계획이다.
D: {univ:은} 사업비로 지역 산업과 연계한 학과를 새로 만들고 장학금을 늘린다.
D: 지역 대학들은 학령인구 감소로 신입생 모집에 어려움을 겪고 있다.
D: {gov}도 대응 자금을 지원하기로 했다.
D: 이번 사업에는 전국에서 {count_v}개 대학이 신청해 치열한 경쟁을 벌였다.
D: {univ:은} 지역 기업과 공동으로 교육과정을 설계해 졸업생의 지역 취업률을 높일 계획이다.
D: {gov:은} 대학과 협력해 정주 여건을 개선하고 청년 유출을 막는다는 구상이다.
Q: 지역과 대학이 함께 성장하는 모델을 만들겠다
Q: 지역 인재가 지역에서 일할 수 있는 기반을 닦겠다
C: {univ:은} {month} 중 사업단을 꾸려 본격적인 준비에 들어간다.

@story education smallschool
W: {principal} {school} 교장 | 학부모 {res}({res_age})씨
H: 작은 학교 살리기...{loc} 시골 학교 신입생 늘었다
H: {loc} 초등학교 신입생 {pct1} 줄어
L: 학생 수가 줄어 문을 닫을 위기에 놓였던 {loc}의 작은 학교에 신입생이 늘었다.
L: 올해 {loc} 지역 초등학교 신입생이 지난해보다 {pct1} 줄어든 것으로 나타났다.
D: 이 학교는 주민들과 함께 통학버스를 운영하고 방과후 수업을 무료로 제공하는 등 학생 유치에 힘을 쏟아 왔다.
D: 올해 {loc} 지역 초등학교 신입생은 {count2}명으로 5년 전보다 {pct2} 줄었다.
D: 신입생이 한 명도 없는 학교도 {count_s}곳이나 된다.
D: {edu_office:은} 통폐합 대신 인근 학교와 교육과정을 함께 운영하는 방안을 검토하고 있다.
D: 학교는 마을 어르신들과 함께하는 텃밭 가꾸기와 전통 놀이 수업으로 입소문이 났다.
D: 도시에서 전학 온 학생들의 학부모들은 자연 속에서 배우는 교육 환경에 만족하고 있다.
D: 학교 측은 학생들이 늘면서 통학버스 노선을 하나 더 늘렸다.
Q: 작은 학교만이 줄 수 있는 교육의 힘이 있다
Q: 아이들이 마음껏 뛰어놀 수 있는 학교가 됐으면 좋겠다
C: {edu_office:은} 작은 학교 지원 예산을 {amt2:으로} 늘렸다.

@topic culture culture
D: {culture_org:은} 올해 {count_p}여 건의 공연과 전시를 지원할 계획이다.
D: 지역 문화계에서는 관람객을 늘리기 위한 홍보가 더 필요하다는 목소리도 나온다.

@story culture festival
W: {head} {head_title} | {culture_head} {culture_org} 대표이사
H: {eventq} {future} 개막
H: '{thing}축제' {dur}일간 열린다
S: 공연·체험 {count_s}0개 프로그램...{dur}일간 열려
L: {loc}의 대표 축제인 {eventq:이} {future}부터 {dur}일간 {venue} 일원에서 열린다.
D: 올해로 {nth}회째를 맞은 축제는 {sloganq:을} 주제로 공연과 체험 행사 {count_s}0개 프로그램으로 꾸며진다.
D: 개막식에서는 지역 예술인들의 축하 공연과 불꽃놀이가 펼쳐진다.
D: 주최 측은 관람객 편의를 위해 임시 주차장 {count_s}곳과 셔틀버스를 운영한다.
D: 축제 기간 {venue} 일대 도로는 차량 통행이 통제된다.
D: 올해는 관람객이 직접 참여하는 체험 프로그램이 크게 늘었다.
D: 지난해 축제에는 관람객 {visitors}명이 다녀간 것으로 집계됐다.
D: 축제 기간에는 지역 농특산물 판매장과 먹거리 장터도 함께 운영된다.
Q: 온 가족이 함께 즐길 수 있는 축제가 되도록 준비에 힘쓰겠다
Q: 관람객 안전에 만전을 기하겠다
C: 자세한 일정은 {culture_org} 누리집에서 확인할 수 있다.

@story culture exhibition
W: {artist} {artist_role}
H: {artist} {artist_role} 개인전 '{exh}'
H: {artist_role} {artist}, {exhq} 전시
S: 회화·설치 작품 {count_s}0점 선보여
S: 관람료 무료...매주 월요일 휴관
L: {artist_role} {artist}의 개인전 {exhq:이} 다음 달까지 {gallery}에서 열린다.
D: 이번 전시에는 작가가 최근 {count_y}년 동안 작업한 회화와 설치 작품 {count_s}0점이 나온다.
D: 작가는 {loc}의 바다와 섬, 그곳에 기대어 사는 사람들의 모습을 특유의 색감으로 담아냈다.
D: 관람료는 무료이며, 매주 월요일은 쉰다.
D: 전시장 한쪽에는 관람객이 직접 그림을 그려 볼 수 있는 체험 공간도 마련됐다.
D: 작가는 {count_y}년 전 고향으로 돌아와 작업실을 열고 지역의 풍경을 화폭에 담아 왔다.
D: 전시 기간 주말마다 작가와의 대화와 어린이 미술 교실도 열린다.
D: 작가는 그동안 국내외에서 {count_s}0여 차례 개인전과 단체전을 열었다.
Q: 작품을 통해 잊혀 가는 마을의 기억을 되살리고 싶었다
Q: 관객과 함께 호흡하는 전시를 준비했다
C: 전시는 {future}까지 이어진다.

@story culture stage
W: {culture_head} {culture_org} 대표이사 | {off} {off_title}
H: {gallery}, {genre} 공연 잇따라
H: 시립교향악단 정기연주회 {exhq}
L: {gallery:이} 봄을 맞아 다양한 {genre} 공연을 잇따라 무대에 올린다.
L: 시립교향악단이 {future} {gallery}에서 정기연주회 {exhq:을} 연다.
D: {gallery:은} 다음 달까지 뮤지컬과 연극, 국악 공연 등 모두 {count_s}편을 선보인다.
D: 이번 공연에서는 객원 지휘자와 협연자가 함께 무대에 올라 봄을 주제로 한 곡들을 들려준다.
D: 공연 예매는 {gallery} 누리집과 전화로 할 수 있다.
D: {past} 열린 첫 공연에는 관객 {count_p}여명이 찾아 객석을 가득 채웠다.
D: 공연은 온 가족이 함께 즐길 수 있도록 쉬운 해설을 곁들인다.
D: 지난해 공연은 매회 매진될 정도로 관객들의 호응이 높았다.
D: 공연장 측은 관객들의 편의를 위해 공연 전후 셔틀버스를 운행한다.
Q: 관객과 함께 호흡하는 무대를 준비했다
Q: 누구나 일상에서 예술을 누릴 수 있는 도시를 만들겠다
C: 청소년과 65세 이상 어르신은 관람료의 절반을 할인받는다.

@story culture city
W: {head} {head_title} | {culture_head} {culture_org} 대표이사 | {org_head} {org_title}
H: {gov}, 문화도시 조성 {amt1} 투입
H: {loc} 작은 미술관 {count_s}곳 문 연다
L: {gov:이} {year1}년까지 {amt1:을} 들여 문화도시 조성에 나선다.
L: 생활 속에서 예술을 즐길 수 있는 작은 미술관이 {loc} 곳곳에 들어선다.
D: 문화도시 사업은 지역의 고유한 문화 자원을 살려 도시 브랜드를 높이는 사업이다.
D: {gsh:은} 빈 점포와 폐교를 고쳐 전시 공간으로 꾸미고 운영은 지역 예술인 단체에 맡긴다.
D: {culture_org:은} 올해 지역 예술인 {count_p}명에게 창작 지원금을 주기로 했다.
D: 축제 기간 {loc} 지역 숙박업소와 음식점 매출은 평소보다 {pct1} 늘어난 것으로 집계됐다.
D: 사업에는 지역 예술인과 주민이 함께 참여하는 생활문화 프로그램도 포함됐다.
D: {gsh:은} 문화도시 지정을 계기로 관광객 유치에도 힘을 쏟을 방침이다.
D: 지역 문화계는 오랜 숙원이 풀렸다며 반기고 있다.
Q: 지역 예술인들이 마음껏 창작할 수 있는 환경을 만들겠다
Q: 누구나 일상에서 예술을 누릴 수 있는 도시를 만들겠다
C: {gsh:은} 상반기 중 운영 단체를 공모할 계획이다.

@topic sports sports
D: {gsh:은} 올해 체육 예산을 늘려 실업팀 지원과 유망주 육성에 힘을 쏟고 있다.
D: 지역 체육계는 이번 성과가 종목 저변 확대로 이어지기를 기대하고 있다.

@story sports win
W: {coach} 감독 | 주장 {player}
H: {team}, {tournament} {division} 우승
H: {team}, 전국대회 정상...시즌 2관왕
S: 결승서 {rival} 꺾어...시즌 2관왕
L: {team:이} {tournament}에서 {division} 정상에 올랐다.
D: {team:은} {rday} {venue}에서 열린 결승에서 {rival:을} 세트 점수 {s1}대{s2:으로} 꺾고 우승했다.
D: 마지막 세트에서 동점 상황을 맞은 {team:은} 주장 {player:이} 결정적인 득점을 올리며 승부를 갈랐다.
D: {team:은} 이번 우승으로 올 시즌 2관왕에 올랐다.
D: {team:은} 지난 시즌 부진을 씻고 겨울 동안 체력 훈련에 집중해 왔다.
D: 결승에서 맞붙은 {rival:은} 지난해 우승팀이어서 기쁨이 더 컸다.
D: {team:은} 예선부터 결승까지 한 번도 지지 않는 완벽한 경기력을 보여줬다.
D: 대회 최우수선수상은 {player:이} 차지했다.
Q: 겨울 훈련 동안 흘린 땀이 결실을 맺었다
Q: 선수들이 끝까지 포기하지 않아 이길 수 있었다
Q: 이 기세를 이어 전국체전에서도 좋은 결과를 내겠다
C: {team:은} 다음 달 열리는 전국체전 예선에 출전한다.

@story sports selected
W: {player} | {coach} 감독
H: {sport} 기대주 {player}, 국가대표 발탁
H: {loc} 출신 {player}, {sport} 국가대표 됐다
L: {loc} 출신 {sport} 기대주 {player_full:이} 국가대표에 이름을 올렸다.
D: 대한{sport}협회는 {past} 올해 국가대표 명단을 발표했다.
D: {player:은} 지난해 전국종별선수권대회에서 우승하며 두각을 나타냈다.
D: {player:은} 다음 달 진천선수촌에 들어가 국제대회를 준비한다.
D: 초등학교 때 처음 {sport:을} 시작한 {player:은} 중학교 시절부터 각종 대회를 휩쓸었다.
D: {player:은} 지난달 열린 최종 선발전에서 전승을 거두며 태극마크를 달았다.
D: 지도자들은 {player:이} 타고난 체력과 성실함을 갖춰 성장 가능성이 크다고 평가한다.
D: {loc} 출신 선수가 이 종목 국가대표에 뽑힌 것은 {count_y}년 만이다.
Q: 선배들과 함께 훈련하며 많이 배우고 싶다
Q: 언젠가 올림픽 무대에 꼭 서고 싶다
C: 국가대표 선수단은 다음 달 첫 합동 훈련에 들어간다.

@story sports opening
W: {head} {head_title} | 대회 관계자
H: {loc}서 {tournament} 개막
H: {tournament} {loc}서 열전 돌입
S: 전국 {count_v}개 팀 참가...{dur}일간 열전
L: {tournament:이} {rday} {venue}에서 막을 올려 {dur}일간의 열전에 들어갔다.
D: 대회에는 전국 {count_v}개 팀 {count3}명이 참가해 종목별로 기량을 겨룬다.
D: 개막식에는 {head} {head_title:과} 선수단, 시민 등 {count_p}여명이 참석했다.
D: {gsh:은} 대회 기간 선수단과 관람객이 지역을 찾아 {amt2} 이상의 경제 효과가 있을 것으로 기대하고 있다.
D: {gsh:은} 숙박 시설과 음식점 위생 점검을 마치고 손님맞이 준비를 끝냈다.
D: 경기는 {venue} 등 {loc} 일원 {count_s}개 경기장에서 나뉘어 치러진다.
D: 대회 기간 경기장 주변에서는 지역 특산물 홍보관과 체험 행사도 운영된다.
D: 주최 측은 선수와 관람객의 안전을 위해 경기장마다 의료진과 안전 요원을 배치했다.
Q: 대회가 안전하게 치러지도록 모든 준비를 마쳤다
Q: 선수들이 최고의 기량을 펼칠 수 있도록 돕겠다
C: 대회는 {future}까지 이어진다.

@story sports coach
W: {coach} 감독
H: {team} 새 사령탑에 {coach} 감독
L: {team:이} 새 사령탑으로 {coach} 감독을 선임했다.
D: {coach} 감독은 현역 시절 국가대표로 활약했으며, 은퇴 후 청소년 대표팀 코치를 맡아 왔다.
D: 계약 기간은 {count_s}년이다.
D: {team:은} 지난 시즌 하위권에 머물며 세대교체의 필요성이 제기돼 왔다.
D: {coach} 감독은 선수 시절 아시안게임과 세계선수권대회에서 메달을 따냈다.
D: 구단은 새 감독이 젊은 선수들과 소통하며 팀 분위기를 바꿀 적임자라고 판단했다.
D: {coach} 감독은 선수 구성을 마치는 대로 동계 훈련에 들어갈 예정이다.
Q: 젊은 선수들과 함께 팀을 새로 만들겠다
Q: 팬들이 자랑스러워하는 팀이 되도록 하겠다
C: {coach} 감독은 다음 달 전지훈련부터 팀을 이끈다.

@topic welfare society
D: {gsh:은} 올해 복지 예산을 지난해보다 {pct1} 늘렸다.
D: 고령화가 빨라지면서 돌봄 수요는 해마다 늘고 있다.

@story welfare benefit
W: {head} {head_title} | {off} {off_title}
H: {gov}, {target} {benefit} 시행
H: {target} {benefit} 이달부터...{gov} {count2}명 대상
L: {gov:이} {target:을} 위한 {benefit:을} 이달부터 시행한다.
D: 대상은 {target} {count2}명이며, 1인당 최대 {money1:을} 지원한다.
D: 사업비는 전액 {gov} 예산으로, 올해 {amt2:이} 편성됐다.
D: 이용을 원하는 주민은 가까운 행정복지센터에 신청하면 된다.
D: {target} 가구의 {pct1:은} 한 달 소득이 100만원에 못 미치는 것으로 조사됐다.
D: 지원금은 대상자 계좌로 매달 입금되며, 사용처에는 제한이 없다.
D: 지난해 시범 사업에 참여한 주민들의 만족도는 {satisf}에 달했다.
D: {gsh:은} 신청이 어려운 주민을 위해 통장과 이장을 통한 찾아가는 접수도 병행한다.
Q: 복지 사각지대에 놓인 이웃이 없도록 꼼꼼히 살피겠다
Q: 도움이 필요한 분들에게 실질적인 힘이 되기를 바란다
C: {gsh:은} 하반기부터 대상을 넓혀 나갈 계획이다.

@story welfare center
W: {center_head} {welfare_center} 관장 | {head} {head_title}
H: {loc} {facility} 문 열어
H: {facility_for} 위한 {facility} 개관
S: {r1}·{r2} 갖춰...하루 {count_p}명 이용 예상
L: {loc}에 {facility_for:을} 위한 {facility:이} 문을 열었다.
D: {gov:은} {rday} {venue} 인근에서 {facility} 개관식을 열었다.
D: {facility:은} 총사업비 {amt2:을} 들여 지상 {floors}층 규모로 지어졌으며, {r1:과} {r2}, {r3} 등을 갖췄다.
D: 운영은 {welfare_center:이} 맡는다.
D: 이용 시간은 평일 오전 9시부터 오후 6시까지다.
D: 센터에서는 건강 상담과 운동 교실, 여가 프로그램 등이 운영된다.
D: 그동안 주민들은 먼 거리에 있는 시설을 이용해야 해 불편을 겪어 왔다.
D: 개관식에는 지역 주민과 기관·단체 관계자 등 {count_p}여명이 참석했다.
Q: 주민 누구나 가까운 곳에서 건강을 챙길 수 있게 됐다
Q: 어르신들이 외롭지 않게 지역사회가 함께 돌보겠다
C: 문의는 가까운 보건소나 행정복지센터로 하면 된다.

@story welfare flu
W: {loc} 지역 보건소 관계자 | {exp} {exp_title}
H: 독감 유행 주의보...고위험군 예방접종 당부
H: 독감 환자 급증...{loc} 보건당국 '비상'
L: 독감 환자가 빠르게 늘면서 보건당국이 예방접종을 당부했다.
D: 질병관리청에 따르면 이달 첫째 주 외래환자 1000명당 독감 의심 환자는 {flu}명으로 유행 기준을 크게 넘었다.
D: 보건당국은 고위험군인 65세 이상 어르신과 임신부는 아직 접종하지 않았다면 서둘러 접종할 것을 권고했다.
D: 손 씻기와 기침 예절 등 개인 위생수칙을 지키는 것도 중요하다.
D: {loc} 지역 병·의원에는 발열 증상으로 진료를 받으려는 환자들이 몰리고 있다.
D: 특히 7∼12세 어린이와 청소년층에서 환자가 크게 늘었다.
D: 보건당국은 독감 증상이 있으면 등교나 출근을 자제하고 충분히 쉴 것을 당부했다.
D: 의료기관들은 환자가 몰리면서 진료 대기 시간이 길어지고 있다.
Q: 증상이 나타나면 바로 가까운 병원을 찾아 진료를 받아야 한다
Q: 아직 늦지 않았으니 예방접종을 꼭 받아 달라
C: 예방접종은 가까운 지정 의료기관에서 받을 수 있다.

@story welfare lonely
W: {off} {off_title} | {gov} 관계자
H: 홀몸 어르신 고독사 막는다...{gov} 안부 확인 서비스
H: {gov}, 1인 가구 '스마트 안부 확인' 도입
L: 혼자 사는 노인의 고독사를 막기 위해 {gov:이} 안부 확인 서비스를 도입한다.
D: 안부 확인 서비스는 전력 사용량과 통신 기록 등을 분석해 이상 징후가 보이면 담당 공무원에게 알리는 방식이다.
D: 대상자는 만 65세 이상 홀로 사는 노인 {count2}명이다.
D: 지난해 시범 운영 기간에는 이 서비스로 위험에 처한 어르신 {count_s}명을 제때 발견해 병원으로 옮겼다.
D: 사업비는 전액 {gov} 예산으로, 올해 {amt2:이} 편성됐다.
D: 이상 징후가 감지되면 담당 공무원이 먼저 전화를 걸고, 연락이 닿지 않으면 직접 집을 찾아간다.
D: 서비스는 본인이나 가족의 동의를 받아 제공되며, 개인정보는 안전하게 관리된다.
D: {loc} 지역 1인 가구 가운데 65세 이상 노인 비율은 {pct2}에 이른다.
Q: 작은 변화라도 놓치지 않고 살피는 것이 중요하다
Q: 어르신들이 외롭지 않게 지역사회가 함께 돌보겠다
C: {gsh:은} 하반기부터 대상을 중장년 1인 가구로 넓힐 계획이다.

@story welfare visiting
W: {off} {off_title} | {loc} 지역 보건소 관계자
H: {gov} 방문 건강관리 {count2}명으로 확대
L: {gov:이} 집으로 찾아가는 방문 건강관리 대상을 {count2}명으로 늘린다.
D: 간호사와 물리치료사로 꾸려진 전담팀이 한 달에 두 번 가정을 찾아 혈압과 혈당을 재고 생활 습관을 살핀다.
D: {welfare_center:은} 지난해 {count3}명의 어르신에게 방문 건강관리 서비스를 제공했다.
D: 서비스를 받은 어르신의 {pct2:이} 혈압과 혈당 수치가 좋아진 것으로 나타났다.
D: 대상은 병원에 다니기 어려운 만성질환자와 거동이 불편한 어르신이다.
D: 전담팀은 필요한 경우 병원 진료와 복지 서비스도 연계해 준다.
D: {gsh:은} 올해 전담 인력을 {count_s}명 늘렸다.
Q: 병원에 가기 어려운 어르신들을 먼저 찾아가겠다
C: 신청은 가까운 행정복지센터나 보건소에서 하면 된다.

@topic council politics
D: {council:은} 이번 회기 동안 조례안 등 모두 {count_v}건의 안건을 처리할 예정이다.
D: 의회 안팎에서는 집행부와 의회의 협치가 필요하다는 목소리도 나온다.
D: {speaker} 의장은 개회사에서 민생 현안 해결에 힘을 모으자고 강조했다.

@story council rates
W: {member} {council} 의원 | {council} {committee} 위원장 {member}
H: {council} "공공요금 동결해야"
H: {council}, 상반기 공공요금 동결 촉구
S: 위원회 "물가 부담 덜어야"...하반기 이후로 미뤄야
L: {council:이} {gov}에 상반기 공공요금 동결을 촉구했다.
D: {council} {committee:은} {rday} 성명을 내고 "물가 상승으로 주민들의 살림살이가 어느 때보다 팍팍하다"며 "요금 인상을 미뤄야 한다"고 밝혔다.
D: 위원회는 또 시내버스 요금 조정 논의도 하반기 이후로 늦추고, 인상이 불가피하다면 저소득층 감면 대책을 함께 내놓으라고 요구했다.
D: 상하수도 요금과 도시가스 요금은 지난해에만 두 차례 올랐다.
D: {gsh:은} 의회의 요구를 검토해 보완책을 마련하겠다는 입장이다.
D: 위원회는 또 지방공기업의 경영 효율화를 통해 요금 인상 요인을 줄이라고 주문했다.
D: 시민단체들도 공공요금 인상 계획을 재검토해야 한다는 목소리를 내고 있다.
D: {gsh:은} 원가 상승으로 요금 인상이 불가피하다는 입장이어서 논란이 예상된다.
Q: 공공요금 인상은 최대한 미뤄야 한다
Q: 행정은 서민들의 고통을 덜어 주는 데 힘써야 한다
C: {gsh:은} 다음 달 물가대책위원회를 열어 요금 조정 여부를 논의할 예정이다.

@story council ordinance
W: {member} {council} 의원
H: {council}, {target} {benefit} 조례 통과
H: {target} {benefit} 근거 마련...조례 본회의 통과
L: {council:이} {target}의 {benefit:을} 뒷받침하는 조례안을 본회의에서 통과시켰다.
D: 조례안은 {gov:이} 해마다 지원 계획을 세우고 필요한 예산을 지원할 수 있도록 했다.
D: 조례안을 대표 발의한 {member} 의원은 상임위원회 심사 과정에서 현장 간담회를 세 차례 열었다.
D: 조례는 공포 절차를 거쳐 다음 달부터 시행된다.
D: 이날 본회의에서는 조례안 {count_s}건과 동의안 등 모두 {count_v}건의 안건이 처리됐다.
D: 조례안에는 지원 대상과 범위, 지원 절차 등이 구체적으로 담겼다.
D: 관련 단체들은 그동안 제도적 근거가 없어 지원이 들쭉날쭉했다며 조례 제정을 환영했다.
D: {gsh:은} 조례 시행에 필요한 예산을 하반기 추경에 반영할 계획이다.
Q: 제도적 근거가 마련된 만큼 실질적인 지원으로 이어져야 한다
Q: 주민의 눈높이에서 행정을 꼼꼼히 살피겠다
C: {gsh:은} 조례 시행에 맞춰 세부 지원 기준을 마련할 계획이다.

@story council audit
W: {council} {committee} 위원장 {member} | {speaker} {council} 의장
H: {council} {committee}, 행정사무감사 돌입
H: {council} 행정사무감사..."{projq} 점검"
S: {proj} 추진 상황 집중 점검
L: {council} {committee:이} {rday}부터 {gov} 소관 부서를 대상으로 행정사무감사에 들어갔다.
D: 이번 감사에서는 {projq}의 추진 상황과 예산 집행의 적정성 등이 집중적으로 다뤄질 전망이다.
D: 일부 의원들은 집행부가 제출한 자료가 부실하다며 보완을 요구했다.
D: 감사는 {future}까지 이어지며, 상임위원회별로 소관 부서의 업무를 점검한다.
D: 의원들은 지난해 감사에서 지적된 사항이 제대로 고쳐졌는지도 살핀다.
D: 감사 첫날에는 자료 제출이 늦어져 일부 질의가 미뤄지기도 했다.
D: 의회는 감사 기간 주민 제보도 받는다.
Q: 의회 본연의 역할인 견제와 감시에 충실하겠다
Q: 꼭 필요한 곳에 예산이 쓰이는지 꼼꼼히 따지겠다
C: 의회는 감사 결과를 정리해 시정 요구 사항을 집행부에 전달할 계획이다.

@story council protest
W: 주민대책위원회 위원장 {res} | {gov} 관계자
H: {loc} 주민들 "졸속 추진 안 된다"
H: {projq} 주민 반발...전면 재검토 요구
L: {loc} 주민들이 {projq}의 전면 재검토를 요구하고 나섰다.
D: 주민들은 {past} {venue}에서 집회를 열고 사업 부지 선정 과정을 공개하라고 요구했다.
D: 주민들은 사업 계획이 주민 의견 수렴 없이 정해졌다고 주장하고 있다.
D: {gsh:은} 법적 절차에 따라 사업을 추진해 왔다며 주민과 대화를 이어가겠다는 입장이다.
D: 주민들은 사업이 추진되면 소음과 교통 체증 등 생활 피해가 클 것이라고 우려했다.
D: 주민대책위원회는 {count_p}여명의 서명을 받아 {gov}에 전달했다.
D: 일부 주민들은 행정소송도 검토하고 있다.
Q: 주민 동의 없는 사업 추진은 있을 수 없다
Q: 주민들의 우려를 충분히 듣고 해법을 찾겠다
C: {gsh:은} 다음 달 중 주민설명회를 다시 열 예정이다.

@story council budget
W: {speaker} {council} 의장 | {member} {council} 의원
H: {council} 임시회 개회...추경 예산 {amt1} 심의
L: {council:이} {rday} 임시회를 열고 {amt1} 규모의 추가경정예산안 심의에 들어갔다.
D: 추경안에는 {proj} 예산 {amt2:과} 재해 복구비 등이 담겼다.
D: 의회는 상임위원회별 심사를 거쳐 {future} 본회의에서 추경안을 처리할 예정이다.
D: 일부 의원들은 선심성 사업이 포함됐다며 꼼꼼한 심사를 예고했다.
D: 이번 추경은 경기 침체로 어려움을 겪는 소상공인 지원과 재난 대응에 초점이 맞춰졌다.
D: 세입 감소로 재원이 부족해 일부 사업은 다음 해로 미뤄졌다.
D: 의원들은 예산안 설명을 들은 뒤 부서별 질의를 이어갔다.
Q: 꼭 필요한 곳에 예산이 쓰이는지 꼼꼼히 따지겠다
C: 추경안이 통과되면 {gov}의 올해 예산은 {amt3:으로} 늘어난다.

@topic environment society
D: {gsh:은} 환경 개선을 위해 올해 {amt2:을} 투입한다.
D: 기후 위기로 이상 기상 현상이 잦아지면서 관련 대책의 필요성이 커지고 있다.
D: 환경단체는 행정 당국이 보다 적극적으로 대응해야 한다고 촉구했다.

@story environment dust
W: {region_gov} 보건환경연구원 관계자
H: {loc} 미세먼지 '나쁨'...노약자 외출 자제
H: 미세먼지 기승...{region} 전역 '나쁨'
L: {rday} {region} 대부분 지역의 미세먼지 농도가 '나쁨' 수준을 보이면서 보건당국이 노약자와 어린이의 외출 자제를 당부했다.
D: {region_gov} 보건환경연구원에 따르면 이날 오전 {loc}의 초미세먼지 농도는 ㎥당 평균 {pm}㎍으로 '나쁨' 기준을 넘었다.
D: 국외에서 들어온 미세먼지에 대기 정체가 겹친 탓이다.
D: 미세먼지는 {tomorrow} 오후 비가 내리면서 점차 나아질 것으로 보인다.
D: 일부 학교는 체육 수업을 실내 수업으로 바꿨다.
D: 보건당국은 외출 후에는 손과 얼굴을 깨끗이 씻으라고 당부했다.
D: 공공기관 차량 2부제 등 비상저감조치도 시행됐다.
D: 어린이집과 유치원 등은 야외 활동을 자제했다.
Q: 외출할 때는 보건용 마스크를 꼭 착용해 달라
C: 보건당국은 호흡기 질환자는 외출을 자제해 달라고 당부했다.

@story environment river
W: {off} {off_title} | {env_head} {env_group} 사무국장
H: {river} 수질 개선 {amt1} 투입
S: 하수처리시설 확충·생태습지 조성
L: {river}의 수질을 개선하기 위한 사업이 본격 추진된다.
D: 영산강유역환경청은 {year1}년까지 {amt1:을} 들여 하수처리시설을 늘리고 하천 주변에 생태습지를 조성한다.
D: {river} 중류 구간의 수질은 최근 5년 동안 3등급 안팎에 머물러 왔다.
D: 하천으로 흘러드는 생활 하수와 가축 분뇨가 수질 악화의 주요 원인으로 꼽힌다.
D: 환경단체는 보 개방 등 근본적인 대책이 함께 추진돼야 한다고 주장했다.
D: 지난해 여름에는 녹조가 심해 조류경보가 내려지기도 했다.
D: 하천 주변 주민들은 악취 때문에 여름철마다 불편을 겪어 왔다.
D: 사업이 끝나면 수질이 2등급 수준으로 좋아질 것으로 기대된다.
Q: 맑은 물이 흐르는 하천을 시민들에게 돌려드리겠다
C: 사업은 올해 하반기 실시설계에 들어간다.

@story environment disposable
W: {head} {head_title} | {env_head} {env_group} 사무국장
H: {gov}, 일회용품 없는 청사 만든다
S: 청사 카페·구내식당 다회용기 의무화
L: {gov:이} 청사 안에서 일회용품 사용을 전면 금지한다.
D: {gsh:은} 청사 내 카페와 구내식당에서 일회용 컵과 수저 사용을 금지하고 다회용기를 쓰기로 했다.
D: 환경단체는 이번 조치를 환영하면서도 민간 부문으로 확대해야 한다고 주장했다.
D: 청사를 찾는 민원인에게도 개인 컵을 가져와 달라고 안내할 계획이다.
D: 청사 내 회의에서도 생수병 대신 개인 컵과 정수기를 쓰도록 했다.
D: {gsh:은} 다회용기 세척을 지역 사회적기업에 맡겨 일자리도 만든다.
D: 지난해 청사에서 나온 일회용 컵은 {count3}개에 이르는 것으로 조사됐다.
Q: 공공기관부터 일회용품 줄이기에 앞장서겠다
C: {gsh:은} 공공기관을 시작으로 민간 사업장에도 동참을 요청할 계획이다.

@story environment tidal
W: {env_head} {env_group} 사무국장 | {off} {off_title}
H: {loc} 갯벌 {bird} 서식지 보호구역 지정
L: 멸종위기종인 {bird:이} 찾아오는 {loc} 갯벌이 보호구역으로 지정됐다.
D: {bird:은} 멸종위기 야생생물 2급으로, 해마다 봄이면 {loc} 갯벌에 {count_p}여 마리가 찾아온다.
D: 보호구역으로 지정되면 갯벌 매립과 개발 행위가 엄격히 제한된다.
D: 해양수산부는 보호구역 주변 어민들의 생업에는 지장이 없도록 하겠다고 밝혔다.
D: 갯벌은 철새들의 중간 기착지이자 수많은 해양생물의 서식지다.
D: 지역 어민들은 보호구역 지정으로 갯벌 생태계가 살아나길 기대하고 있다.
D: 해양수산부는 보호구역 안내판을 세우고 탐방로도 정비할 예정이다.
Q: 갯벌은 한번 훼손되면 되돌리기 어려운 만큼 보전 대책이 시급하다
C: 보호구역 지정 고시는 다음 달 중 이뤄진다.

@story environment heat
W: {gov} 관계자 | {exp} {exp_title}
H: {loc} 폭염 특보...온열질환 주의
L: {loc} 지역에 폭염 특보가 내려지면서 온열질환자가 잇따르고 있다.
D: 올여름 들어 {region} 지역 온열질환자는 {count_v}명으로 지난해 같은 기간보다 크게 늘었다.
D: 보건당국은 한낮에는 야외 작업을 피하고 물을 자주 마실 것을 당부했다.
D: {gsh:은} 경로당과 주민센터 {count_s}0곳을 무더위 쉼터로 운영하고 있다.
D: 낮 최고기온은 33도 안팎을 기록했으며, 밤에도 열대야가 이어지고 있다.
D: 축사와 양식장에서도 가축과 물고기 폐사 피해가 잇따르고 있다.
D: 농촌 지역에서는 한낮 밭일을 하던 고령자가 쓰러지는 사고도 있었다.
Q: 무더위 쉼터를 충분히 운영해 취약계층을 보호하겠다
C: 폭염 특보는 이번 주 내내 이어질 것으로 보인다.

@topic tourism culture
D: {gsh:은} 관광 안내소를 늘리고 외국어 안내판도 새로 설치하기로 했다.
D: 관광업계에서는 숙박과 교통 인프라 확충이 먼저라는 지적도 나온다.
D: {loc} 지역 관광 업계는 이번 조치로 방문객이 더 늘어날 것으로 기대하고 있다.

@story tourism visitors
W: {head} {head_title} | {off} {off_title}
H: {loc} 찾은 관광객 {visitors}명 '역대 최다'
H: {loc} 관광객 '역대 최다'
S: 20∼30대 방문 {pct1} 늘어
L: 지난해 {loc:을} 찾은 관광객이 {visitors}명으로 역대 가장 많았다.
D: {gsh:은} 관광객 증가의 원인으로 {venue}의 인기와 야간 관광 프로그램 확대를 꼽았다.
D: 특히 20∼30대 관광객이 전년보다 {pct1} 늘어 젊은 층의 방문이 두드러졌다.
D: 숙박 시설이 부족해 당일치기 관광에 그친다는 지적은 여전히 과제로 남아 있다.
D: 관광객 1인당 평균 지출액은 {money1:으로} 조사됐다.
D: 외국인 관광객도 크게 늘어 전체 방문객의 {pct2}를 차지했다.
D: 관광객들이 가장 많이 찾은 곳은 {venue}였다.
D: 관광객 증가에 힘입어 지역 숙박업소와 음식점 매출도 늘었다.
Q: 머물고 싶은 관광 도시를 만들기 위해 체류형 콘텐츠를 늘리겠다
Q: 관광객이 다시 찾고 싶은 도시가 되도록 서비스 질을 높이겠다
C: {gsh:은} 올해 관광객 목표를 지난해보다 {pct2} 늘려 잡았다.

@story tourism ferry
W: {gov} 관계자 | {off} {off_title}
H: 섬 주민 이동권 강화...여객선 운항 늘린다
H: {gov}, 섬 항로 여객선 하루 1∼2회 증편
L: {gov:이} 섬 주민들의 이동권을 보장하기 위해 여객선 운항 횟수를 늘린다.
D: {gsh:은} 올해 {amt2:을} 들여 {count_s}개 항로의 여객선 운항을 하루 1∼2회씩 늘린다.
D: 섬 주민 여객선 운임을 1000원으로 낮추는 '천원 여객선' 대상도 이달부터 확대된다.
D: 여객선이 하루 한 번만 다니는 섬에는 소형 행정선을 투입해 병원 진료와 장보기를 돕기로 했다.
D: 새로 투입되는 여객선은 기존 배보다 빠르고 흔들림이 적어 주민들의 이동 시간이 줄어든다.
D: 기상 악화로 배가 자주 끊기는 겨울철에는 예비 선박을 운영한다.
D: 섬 주민들은 그동안 배 시간에 맞춰 병원 진료와 장보기를 서둘러야 했다.
Q: 섬 주민들이 육지 주민과 다름없이 이동할 수 있도록 운항 공백을 줄여 나가겠다
C: 늘어난 운항 일정은 다음 달부터 적용된다.

@story tourism bus
W: {off} {off_title}
H: {loc} 시내버스 노선 {n_years}년 만에 대개편
S: 간선·지선 체계로 재편...배차 간격 단축
L: {loc} 시내버스 노선이 {n_years}년 만에 크게 바뀐다.
D: 개편안에 따르면 현재 {routes1}개인 노선은 {routes2}개로 줄어든다.
D: 도심과 외곽을 잇는 간선 노선은 배차 간격을 평균 {min1}분에서 {min2}분으로 줄인다.
D: 그동안 버스가 다니지 않던 {subarea} 일부 지역에는 수요응답형 버스 {count_s}대가 새로 투입된다.
D: 개편안은 시민 설문과 교통 빅데이터 분석을 거쳐 마련됐다.
D: 환승 할인도 확대돼 버스와 버스, 버스와 도시철도 간 환승 시간이 30분에서 40분으로 늘어난다.
D: 일부 주민들은 자주 이용하던 노선이 사라진다며 불만을 나타내고 있다.
Q: 노선이 바뀌면 초기 혼란이 불가피한 만큼 안내 인력을 충분히 배치하겠다
C: {gsh:은} 이달 중 주민설명회를 열어 의견을 들은 뒤 노선을 확정할 계획이다.

@story tourism night
W: {off} {off_title} | {gov} 관계자
H: {loc} 야간 관광 명소로 뜬다
H: {loc} 관광객 체류 시간 늘리기 총력
L: {loc:이} 밤이 더 아름다운 관광지로 주목받고 있다.
L: {gov:이} 당일치기에 머무는 관광객을 붙잡기 위해 체류형 관광 상품을 늘린다.
D: {venue} 일대에는 경관 조명과 미디어아트 시설이 들어서 밤마다 관광객의 발길이 이어지고 있다.
D: {gsh:은} 한옥 숙박과 어촌 체험을 묶은 1박 2일 상품을 새로 내놨다.
D: 야간 관광객이 늘면서 주변 상가의 저녁 매출도 {pct1} 가까이 늘었다.
D: 야간 경관 조명은 주말마다 음악과 함께 펼쳐지는 미디어 쇼로 꾸며진다.
D: 상인들은 밤늦게까지 관광객이 머물면서 매출이 늘었다며 반기고 있다.
D: {gsh:은} 야간 관광객을 위한 셔틀버스도 운행하고 있다.
Q: 관광객이 다시 찾고 싶은 도시가 되도록 서비스 질을 높이겠다
C: {gsh:은} 하반기 야간 관광 축제를 새로 열 계획이다.

@topic people region

@story people award
W: {res}씨
H: {loc} {job} {res}씨, {award} 선정
L: {loc}에서 {years}년 가까이 {work} {res}({res_age})씨가 올해 {award}에 선정됐다.
D: {res}씨는 지역 특성에 맞는 기술을 익혀 이웃들에게 아낌없이 나눠 왔다.
D: 시상식은 {future} {venue}에서 열린다.
D: 그는 해마다 수익의 일부를 떼어 홀로 사는 어르신들을 도왔다.
Q: 젊은 사람들과 경험을 나누며 함께 이겨 나가겠다
Q: 몸이 허락하는 한 계속 이 일을 하고 싶다

@story people volunteer
W: {res}씨
H: {res}씨, {years}년째 {deed_h}
L: {res}({res_age})씨가 {years}년째 {deed} 이어 오고 있어 화제다.
D: 그는 주말마다 마을 경로당을 찾아 어르신들의 말벗이 돼 드리고 있다.
D: {res}씨가 그동안 도운 이웃만 {count_p}명이 넘는다.
D: 주변의 도움으로 시작한 봉사는 이제 동네 주민 {count_s}0여명이 함께하는 모임이 됐다.
Q: 작은 나눔이 이웃에게 힘이 된다면 그것으로 충분하다
Q: 받은 만큼 돌려주는 것이 도리라고 생각했다

@story people scholarship
W: {res}씨
H: {res}씨, 모교에 장학금 {money1} 기탁
L: {loc} 출신 {res}({res_age})씨가 모교에 장학금 {money1:을} 기탁했다.
D: 장학금은 형편이 어려운 후배 {count_s}명에게 전달될 예정이다.
D: {res}씨는 어려운 형편 속에서도 선생님들의 도움으로 학업을 마칠 수 있었다고 했다.
D: 전달식은 {rday} 모교 교장실에서 열렸다.
Q: 받은 만큼 돌려주는 것이 도리라고 생각했다
Q: 후배들이 꿈을 포기하지 않았으면 좋겠다
"""


def _parse_stories(text: str) -> tuple[dict[str, list[Story]], dict[str, tuple[str, ...]], dict[str, str]]:
    stories: dict[str, list[Story]] = {}
    topic_details: dict[str, list[str]] = {}
    desks: dict[str, str] = {}
    cur: dict | None = None
    topic_of_cur = None

    def flush() -> None:
        if cur is not None:
            fields = {k: tuple(v) for k, v in cur.items() if k not in ("topic", "name", "desk")}
            stories.setdefault(cur["topic"], []).append(Story(cur["topic"], cur["name"], cur["desk"], **fields))

    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@topic "):
            flush()
            cur = None
            _, topic_of_cur, desk = line.split()
            desks[topic_of_cur] = desk
            continue
        if line.startswith("@story "):
            flush()
            _, topic, name = line.split()
            topic_of_cur = None
            cur = {"topic": topic, "name": name, "desk": desks[topic]}
            continue
        key, _, value = line.partition(": ")
        if topic_of_cur is not None:
            assert key == "D", line
            topic_details.setdefault(topic_of_cur, []).append(value)
            continue
        assert cur is not None and key in _STORY_KEYS, line
        values = [v.strip() for v in value.split(" | ")] if key == "W" else [value]
        cur.setdefault(_STORY_KEYS[key], []).extend(values)
    flush()
    return stories, {k: tuple(v) for k, v in topic_details.items()}, desks


STORIES, TOPIC_DETAILS, _ = _parse_stories(STORY_TEXT)

# Sentences that fit any story of these topics.
GENERIC_DETAILS = _lines(
    """
    {gsh:은} 관계 기관과 협의를 거쳐 세부 실행 계획을 마련할 예정이다.
    전문가들은 정책이 성공하려면 주민 참여가 뒷받침돼야 한다고 입을 모은다.
    이 같은 움직임은 다른 지역으로도 확산될 전망이다.
    """
)
GENERIC_TOPICS = frozenset(("policy", "economy", "council", "tourism"))

SECOND_QUOTE_FRAMES = _lines(  # the same speaker again
    """
    {who:은} 또 "{q1}"고 덧붙였다.
    {who:은} 이어 "{q1}"고 강조했다.
    {who:은} "{q1}"고 덧붙였다.
    """
)
QUOTE_FRAMES = _lines(
    """
    {who:은} "{q1}"고 말했다.
    {who:은} "{q1}"며 "{q2}"고 말했다.
    {who:은} "{q1}"며 "{q2}"고 강조했다.
    {who:은} "{q1}"고 밝혔다.
    {who:은} "{q1}"며 "{q2}"고 덧붙였다.
    {who:은} "{q1}"며 "{q2}"고 밝혔다.
    """
)
HEADLINE_QUOTES = _lines(
    """
    시민 안전이 최우선
    청년이 돌아오는 도시 만들겠다
    주민 목소리부터 듣겠다
    현장에 답이 있다
    예산 낭비 없도록 꼼꼼히 점검
    지역 경제 살리기 총력
    일자리가 최고의 복지
    공공요금 동결해야
    졸속 추진 안 된다
    """
)

# Photos: short titles and captions; the credit is added at print time.
PHOTO_TITLES = {
    "봄": _lines("봄꽃 활짝\n새 학기 첫 등굣길\n봄맞이 대청소\n꽃길 따라 걷는 봄\n'봄 채비' 한창"),
    "여름": _lines("시원한 물놀이\n무더위 식히는 분수\n'한여름 밤의 축제'\n피서객 '북적'"),
    "가을": _lines("황금 들녘\n가을 '풍년가'\n단풍 절정\n'가을 축제' 개막"),
    "겨울": _lines("겨울 바다 찾은 철새\n따뜻한 나눔\n'김장 나눔' 한마당\n새해 첫 해맞이"),
    "any": _lines(
        "힘찬 출발\n구슬땀\n'희망을 나눠요'\n안전 점검\n'하나 된 우리'\n풍성한 수확\n'우리 동네 최고'\n'함께 달려요'"
    ),
}
PHOTO_CAPTIONS = _lines(
    """
    {rday} {at_venue}에서 열린 '{event}'에서 참가자들이 공연을 펼치고 있다.
    {rday} {loc}의 한 공원에서 시민들이 산책을 즐기며 휴일 오후를 보내고 있다.
    {rday} {loc}의 한 농가에서 농민들이 {crop:을} 수확하고 있다.
    {rday} {at_venue}에서 자원봉사자들이 홀로 사는 어르신들에게 전달할 물품을 포장하고 있다.
    {rday} {at_venue}에서 소방대원들이 화재 대피 훈련을 하고 있다.
    {rday} {at_venue}에서 열린 {tournament} 개막 경기에서 선수들이 힘차게 출발하고 있다.
    {rday} {loc} 앞바다에서 어민들이 {fish} 잡이에 쓸 그물을 손질하고 있다.
    {rday} {loc}의 한 초등학교에서 학생들이 선생님과 함께 체험 활동을 하고 있다.
    {rday} {loc} {venue:을} 찾은 관광객들이 기념사진을 찍고 있다.
    {rday} {at_venue}에서 {gov} 공무원들이 시설물 안전 점검을 하고 있다.
    """
)

# Opinion pages: editorials and signed columns, paragraph by paragraph: an opening, the analysis, what should
# be done, a closing line.
EDITORIAL_HEADLINES = _lines(
    """
    {issue}, 더 늦기 전에 대책 세워야
    {issue} 해법, 주민 목소리에서 찾아야
    {actor:은} {issue} 대책 서둘러야
    {issue}, 골든타임 놓치지 말아야
    {loc} {issue} 외면해선 안 된다
    '{proj}' 성공, 실행력에 달렸다
    {issue}, 땜질 처방으로는 안 된다
    {issue} 앞에 여야가 따로 없다
    """
)
OPINION_OPEN = _lines(
    """
    {loc}의 {issue} 문제가 갈수록 심각해지고 있다.
    {issue:이} 더는 미룰 수 없는 지역의 현안으로 떠올랐다.
    {actor:이} {issue} 대책을 내놓았지만 현장의 반응은 냉담하다.
    {loc}에서 {issue:을} 둘러싼 논란이 좀처럼 가라앉지 않고 있다.
    """
)
COLUMN_OPEN = _lines(
    """
    얼마 전 {loc}의 한 마을에서 만난 어르신은 {anecdote}. 그 말이 오래 마음에 남았다.
    어릴 적 뛰어놀던 {loc}의 골목에는 이제 빈집만 남았다.
    지난주 오랜만에 {loc}에 다녀왔다. 바닷가 마을은 여전히 아름다웠지만 사람의 기척은 드물었다.
    고향 {loc}의 오일장을 찾은 것은 지난 주말이었다. 오랜만에 찾은 장터는 한산했다.
    """
)
OPINION_BODY = _lines(
    """
    {issue:은} 어제오늘의 일이 아니다.
    통계가 보여주는 현실은 냉정하다. 지난해 {loc}의 {indicator:은} 10년 전보다 {pct1} 줄었다.
    {actor:은} 그동안 여러 대책을 내놨지만 체감할 만한 변화는 없었다.
    문제는 예산과 인력이다.
    땜질식 처방으로는 근본적인 해결이 어렵다.
    관련 기관들이 책임을 떠넘기는 사이 피해는 고스란히 주민들에게 돌아가고 있다.
    다른 지역의 성공 사례에서 배울 점도 많다.
    {issue:은} 특정 지역만의 문제가 아니라 우리 모두의 과제다.
    결국 답은 현장에 있다.
    현장에서는 제도가 현실을 따라가지 못한다는 하소연이 끊이지 않는다.
    수도권과 지방의 격차는 해마다 벌어지고 있다.
    """
)
COLUMN_BODY = _lines(
    """
    {issue:은} 숫자로만 설명할 수 없는 문제다.
    우리는 너무 오랫동안 {issue:을} 남의 일처럼 여겨 왔다.
    사람이 떠난 자리에는 기억만 남는다.
    그렇다고 손 놓고 있을 수는 없다.
    작은 변화는 늘 현장에서 시작됐다.
    """
)
OPINION_PRESCRIBE = _lines(
    """
    {actor:은} 현장의 목소리에 귀 기울여 실효성 있는 대책을 마련해야 한다.
    무엇보다 {target}의 삶을 중심에 놓고 정책을 설계해야 한다.
    중앙정부 역시 지방의 노력에만 기대서는 안 된다.
    재정 지원과 함께 과감한 규제 완화가 뒤따라야 한다.
    말뿐인 약속이 아니라 구체적인 실행 계획을 내놓아야 한다.
    사업 계획 단계부터 주민이 참여해 방향을 함께 정하는 절차가 필요하다.
    성과를 꼼꼼히 따져 보고 부족한 점은 과감히 고쳐야 한다.
    """
)
OPINION_CLOSE = _lines(
    """
    더 늦기 전에 머리를 맞대야 할 때다.
    지금이 그 골든타임이다.
    지역 사회 전체가 힘을 모을 때다.
    정책의 성패는 결국 실행에 달려 있다.
    주민이 주인이 될 때 비로소 정책은 힘을 얻는다.
    """
)
COLUMN_CLOSE = _lines(
    """
    지역의 미래는 결국 사람에 달려 있다.
    올해는 그 첫걸음을 내디딜 수 있기를 바란다.
    어디에 사느냐에 따라 삶의 질이 달라져서는 안 된다.
    해법은 멀리 있지 않다.
    """
)
ACTORS = _words("정부 전남도 광주시 지자체 국회 교육당국 정치권")
COLUMNIST_JOBS = _lines(
    """
    {univ} {dept} 교수
    {org_gen} 이사장
    시인
    소설가
    {short}문화원장
    변호사
    {short}{hospital_word}병원 원장
    {org_gen} 대표
    """
)

# Notices.
NOTICE_EVENTS = _lines(
    """
    {region} 섬 주민 건강 포럼
    청년 일자리 박람회
    {short} 지역 발전 토론회
    어르신 디지털 교육 설명회
    {short} 마을 기록 사진전
    해양 쓰레기 줄이기 캠페인
    """
)
PAPER_EVENTS = _lines(
    """
    {paper} 창간 기념 '남도 사진 공모전'
    제{nth}회 {paper} 마라톤대회 참가자 모집
    {paper} 어린이 그림 그리기 대회
    {paper} 독자위원회 위원 모집
    """
)
RELATIONS = _words("모친상 부친상 빙부상 빙모상 시부상 시모상")

# Advertisements: each line printed as is; every ad carries a phone number or a web address.
ADS = (
    ("{bank} {season}맞이 특판 예금", "연 {rate}% ({months}개월)", "{m1}월 {d1}일~{m2}월 {d2}일 ^한도 소진시 조기 마감^", "상담 {phone_free}"),
    ("{brand}건설 {loc} {apt_name} 모델하우스 그랜드 오픈", "전용 {a1}㎡~{a2}㎡ {units}세대", "분양문의 {phone_local}", "www.{slug}.example.co.kr"),
    ("{short}{hospital_word}치과", "임플란트 · 치아교정 · 야간진료", "평일 오후 {h}시까지 진료", "{phone_local}"),
    ("{loc} 한우 직판장 {season} 대잔치", "최대 {sale}% 할인", "{m1}월 {d1}일~{m2}월 {d2}일", "{phone_local}"),
    ("{paper} 독자님께 드리는 {season} 구독 이벤트", "1년 구독시 3개월 무료", "{paper_phone}", "^이벤트 기간 {m2}월 {d2}일까지^"),
    ("**{event}**", "{m1}. {d1} ~ {m2}. {d2}", "주최 | {gov}", "www.{slug}.example.kr"),
    ("{brand} 가구 {season} 특별전", "전 품목 {sale}% 할인", "{phone_local} | {loc} 본점"),
    ("{short} 자동차 종합 정비", "엔진오일 교환 {price_small}원", "예약 {phone_local}"),
)  # fmt: skip
DEEDS = _lines(
    """
    홀몸 어르신 도시락 배달
    무료 이발 봉사
    장학금 나눔
    해안 쓰레기 줍기
    연탄 나눔 봉사
    무료 급식 봉사
    """
)
HOSPITAL_WORDS = _words("서울 연세 미소 하나 밝은 튼튼 바른 새봄 참사랑 365")
APT_NAMES = _words("센트럴 리버뷰 더퍼스트 파크뷰 하이엔드 에코시티 오션뷰 스카이")


# --- plans -------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PiecePlan:
    """One piece as placed on the page: what a perfect reader would report for it."""

    kind: str  # news photo column editorial notice continuation ad
    headline: str | None
    subheadlines: tuple[str, ...] = ()
    label: str | None = None
    byline_names: tuple[str, ...] = ()  # reporters (or the columnist) named by the byline
    email: str | None = None
    dateline: str | None = None
    body: str | None = None  # the paragraphs whole, "\n\n" between them (ads: their lines, "\n" between)
    first_sentence: str | None = None
    continues_on: int | None = None
    continues_from: int | None = None
    cross_refs: tuple[int, ...] = ()
    cuts: int = 0  # column cuts inside the body
    cuts_mid_word: int = 0
    cuts_after_sentence: int = 0  # cuts that fall right after a finished sentence (they read as paragraph ends)
    cut_windows: tuple[str, ...] = ()  # the words around each other cut, whole: what a repair must restore


@dataclass(frozen=True)
class PagePlan:
    publication: str
    date: str
    page: int
    section: str
    head: str | None  # line | split | dot | None
    foot: str | None  # web | web-one-line | dash | None
    layout: str  # columns | lines
    column_width: int
    pieces: tuple[PiecePlan, ...]

    @property
    def column_cuts(self) -> int:
        return sum(p.cuts for p in self.pieces)

    @property
    def states(self) -> frozenset[str]:
        """What the page's furniture states about it: publication, date, page."""
        s = set()
        if self.head:
            s |= {"publication", "date", "page"}
        if self.foot in ("web", "web-one-line"):
            s.add("publication")
        if self.foot == "dash":
            s.add("page")
        return frozenset(s)


# --- issues (one paper, one day) -------------------------------------------------------------------------------------
def publication_days(start: date = START) -> Iterator[date]:
    d = start
    while True:
        if d.weekday() < 5 and d not in HOLIDAYS:
            yield d
        d += timedelta(days=1)


def issue_number(publication: str, day: date) -> int:
    """Counted in publication days from the samples' first day (so the samples' pages and these agree)."""
    n = papers()[publication].first_issue
    lo, hi, sign = (day, FIRST_DAY, -1) if day < FIRST_DAY else (FIRST_DAY, day, 1)
    d = lo
    count = 0
    while d < hi:
        d += timedelta(days=1)
        count += d.weekday() < 5 and d not in HOLIDAYS
    if sign < 0:  # counted (day, FIRST_DAY]: FIRST_DAY itself is a publication day, day is too
        return n - count
    return n + count


_MIDDLE_SECTIONS = ("정치", "경제", "경제", "사회", "사회", "지역", "지역", "교육", "문화", "문화", "생활", "스포츠",
                    "스포츠", "농업", "환경", "지역", "사회", "경제", "문화")  # fmt: skip


@dataclass(frozen=True)
class Issue:
    publication: str
    day: date
    pages: int
    sections: tuple[str, ...]  # sections[i] is page i+1's
    lead_continues_on: int | None  # the front page's lead article goes on on this page
    lead_refs: tuple[int, ...]


@cache
def issue(publication: str, day: date, seed: int) -> Issue:
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}")
    n = rng.choice((16, 16, 18, 20, 20, 22, 24))
    tail = ["오피니언", "오피니언", "사람들"] if n >= 20 else ["오피니언", "사람들"]
    sections = ["종합", rng.choice(("종합", "정치")), "종합", *_MIDDLE_SECTIONS[: n - 3 - len(tail)], *tail]
    if publication == "namdo":
        sections = [("전남" if s == "지역" else s) for s in sections]
    cont = rng.choice((None, 3, 3, 4, 5)) if rng.random() < 0.6 else None
    refs = tuple(sorted(rng.sample(range(2, 8), rng.choice((1, 1, 2))))) if rng.random() < 0.5 else ()
    return Issue(publication, day, n, tuple(sections), cont, refs)


def corpus_order(pages: int, seed: int, start: date = START) -> Iterator[tuple[str, date, int]]:
    """The corpus's pages in their fixed order: day by day, page number by page number, the papers in turn."""
    if pages <= 0:
        return
    k = 0
    for day in publication_days(start):
        issues = [issue(code, day, seed) for code in papers()]
        for number in range(1, max(i.pages for i in issues) + 1):
            for iss in issues:
                if number <= iss.pages:
                    yield iss.publication, day, number
                    k += 1
                    if k >= pages:
                        return


# --- composing pieces ------------------------------------------------------------------------------------------------
# A piece is composed as printed blocks: ("line", text) is printed as is; ("para", text) is body text, which the
# page's layout cuts at column ends; ("lead", prefix, text) is a paragraph printed after a prefix (a wire opening,
# a continuation mark) that is not part of the body.


@dataclass
class Composed:
    kind: str
    blocks: list[tuple]
    headline: str | None = None
    subheadlines: tuple[str, ...] = ()
    label: str | None = None
    names: tuple[str, ...] = ()
    email: str | None = None
    dateline: str | None = None
    body: str | None = None
    continues_on: int | None = None
    continues_from: int | None = None
    cross_refs: tuple[int, ...] = ()
    column_height: int = 20


def _first_sentence(body: str | None) -> str | None:
    if not body:
        return None
    para = body.split("\n\n")[0]
    m = re.search(r"""[가-힣][.?!]["'”’」』)]*(?=\s|$)""", para)
    return para[: m.end()] if m else None


class Writer:
    """Writes the pieces of one page, from the page's own random stream."""

    def __init__(self, rng: random.Random, paper: Paper, day: date, seed: int):
        self.rng = rng
        self.paper = paper
        self.day = day
        self.seed = seed
        self.staff = staff(paper.code, seed)
        self.used_headlines: set[str] = set()

    # --- slots ---
    def place(self, coastal: bool = False) -> Place:
        rng, b = self.rng, banks()
        r = rng.random()
        if r < 0.45:
            code = rng.choice(self.paper.home)
        elif r < 0.6:
            code = rng.choice(("KR-29", "KR-46"))
        else:
            code = rng.choice(tuple(b.places))
        if coastal and b.places[code].short not in COASTAL:
            home = [c for c in self.paper.home if b.places[c].short in COASTAL]
            code = rng.choice(home or [c for c in b.places if b.places[c].short in COASTAL])
        return b.places[code]

    def venue(self, place: Place) -> str:
        b = banks()
        own = b.venues.get(place.code, ())
        if own and self.rng.random() < 0.6:
            return self.rng.choice(own)
        return self.rng.choice(
            (
                f"{place.short}문화예술회관",
                f"{place.short}시민회관" if place.unit in ("시", "구") else f"{place.short}군민회관",
                f"{place.short} 종합운동장",
                f"{place.gov}청 대회의실",
                f"{place.short} 국민체육센터",
                f"{place.short} 중앙공원",
                f"{place.short}읍 공설시장" if place.unit == "군" else f"{place.short} 전통시장",
            )
        )

    def org_generic(self, place: Place) -> tuple[str, str]:
        ending = self.rng.choice(ORG_ENDINGS)
        return f"{place.short}{self.rng.choice(ORG_FIELDS)}{ending}", ORG_HEADS[ending]

    def company(self, industry: str | None = None) -> str:
        endings = INDUSTRIES[industry or self.rng.choice(tuple(INDUSTRIES))][1]
        name = self.rng.choice(BRAND_ROOTS) + self.rng.choice(endings)
        return f"(주){name}" if self.rng.random() < 0.15 else name

    def subarea(self) -> str:
        return self.rng.choice(SUBAREAS) + self.rng.choice(SUBAREA_UNITS)

    def dates(self) -> dict[str, str]:
        rng, d = self.rng, self.day
        mlen = _month_len(d.year, d.month)
        yday = d - timedelta(days=1)
        if d.day > 2:
            pastn = rng.randint(max(1, d.day - 12), d.day - 2)
            past = f"지난 {pastn}일"
        else:
            pastn = rng.randint(20, 28)
            past = f"지난달 {pastn}일"
        if d.day + 2 <= mlen:
            future = f"오는 {rng.randint(d.day + 2, min(mlen, d.day + 20))}일"
        else:
            future = f"다음 달 {rng.randint(1, 28)}일"
        nm = d.month % 12 + 1
        return {
            "today": f"{d.day}일",
            "rday": f"{d.day}일" if rng.random() < 0.55 else f"{yday.day}일",
            "tomorrow": f"{(d + timedelta(days=1)).day}일",
            "past": past,
            "pastn": str(pastn),
            "future": future,
            "nextm": f"다음 달 {rng.randint(1, 28)}일",
            "month": f"{d.month}월",
            "month_next": f"{nm}월",
            "month_past": f"{(d.month - 3) % 12 + 1}월",
            "year": str(d.year),
            "nextyear": "내년",
        }

    def ctx(self, topic_name: str, coastal: bool = False) -> dict[str, str]:
        rng, b = self.rng, banks()
        place = self.place(coastal)
        head = office_holder(place.code, place.head_title, self.seed)
        dept = rng.choice(TOPIC_DEPARTMENTS.get(topic_name, DEPARTMENTS))
        position = rng.choice(("국장", "과장", "과장", "팀장"))
        org_gen, org_gen_head = self.org_generic(place)
        univ = rng.choice(UNIVS)
        amt1 = _round(rng, 10, 800)
        amt2 = _round(rng, 5, max(6, amt1))
        edu_code = "KR-29" if place.region == "광주" else "KR-46"
        edu_office = "광주시교육청" if edu_code == "KR-29" else "전남도교육청"
        school_word = rng.choice(SCHOOL_WORDS)
        school_kind, _ = rng.choice(SCHOOL_KINDS)
        sport = rng.choice(SPORTS)
        unit_hall = {"시": "시청", "군": "군청", "구": "구청", "도": "도청"}[place.unit]
        team_owner = f"{place.short}{unit_hall}" if place.unit != "구" else f"광주 {place.short}청"
        team = f"{team_owner} {sport}팀" if rng.random() < 0.7 else f"{place.short}{school_word}고 {sport}부"
        player = person(rng)
        target, target2 = rng.sample(TARGETS, 2)
        field = rng.choice(FIELDS)
        proj = f"{field} {rng.choice(PROJECT_KINDS)}"
        fields = rng.sample(FIELD_ITEMS, 4)
        country, country2 = rng.sample(COUNTRIES, 2)
        thing = rng.choice(FESTIVAL_THINGS)
        nth = rng.randint(3, 45)
        police_place = place if place.unit != "도" else b.places[rng.choice(self.paper.home[1:] or ("KR-46-목포시",))]
        industry = rng.choice(tuple(INDUSTRIES))
        facility = rng.choice(FACILITIES)
        years = rng.randint(10, 40)
        rooms = rng.sample(ROOMS, 3)
        gov_hall = {"도": "전남도청", "구": f"광주 {place.short}청"}.get(place.unit, f"{place.gov}청")
        c: dict[str, str] = {
            "loc": place.loc,
            "short": place.short,
            "gov": place.gov,
            "gsh": place.unit,
            "council": place.council,
            "region": place.region,
            "head": head,
            "head_title": place.head_title,
            "head_ref": f"{head[0]} {_HEAD_SHORT[place.unit]}",
            "place_code": place.code,
            "ministry": rng.choice(MINISTRIES),
            "partner": rng.choice((org_gen, rng.choice(b.orgs_csv), f"{place.short}상공회의소")),
            "org_gen": org_gen,
            "org_head": person(rng),
            "org_title": f"{org_gen} {org_gen_head}",
            "off": person(rng),
            "off_title": f"{place.gov} {dept}{position}",
            "exp": person(rng),
            "exp_title": f"{univ} {rng.choice(DEPTS)} 교수",
            "univ": univ,
            "dept": rng.choice(DEPTS),
            "res": person(rng),
            "res_age": str(years + rng.randint(25, 45)),
            "venue": self.venue(place),
            "subarea": self.subarea(),
            "district1": self.subarea(),
            "district2": self.subarea(),
            "proj": proj,
            "projq": f"'{proj}'",
            "field": field,
            "target": target,
            "target2": target2,
            "benefit": rng.choice(BENEFITS),
            "facility": _FACILITY_TEXT.get(facility[0], facility[0]),
            "facility_for": facility[1],
            "r1": _ROOM_TEXT.get(rooms[0], rooms[0]),
            "r2": _ROOM_TEXT.get(rooms[1], rooms[1]),
            "r3": _ROOM_TEXT.get(rooms[2], rooms[2]),
            "hall": rng.choice(
                (f"{gov_hall} 대회의실", f"{gov_hall} 브리핑룸", f"{gov_hall} 접견실", f"{place.short}문화예술회관")
            ),
            "f1": fields[0],
            "f2": fields[1],
            "f3": fields[2],
            "f4": fields[3],
            "amt1": _eok(amt1),
            "amt2": _eok(amt2),
            "amt3": _eok(amt1 + amt2),
            "amt_s": f"{rng.randint(2, 95)}억원" if rng.random() < 0.5 else f"{_round(rng, 1200, 9800)}만원",
            "count1": _num(_round(rng, 20, 3000)),
            "count2": _num(_round(rng, 10, 1500)),
            "count3": _num(_round(rng, 30, 25000)),
            "visitors": _num(_round(rng, 30, 900) * 10000 + rng.choice((0, 0, _round(rng, 1000, 9000)))),
            "count_s": str(rng.randint(2, 9)),
            "count_v": str(rng.randint(12, 480)),
            "count_p": str(_round(rng, 30, 900)),
            "count_y": str(rng.randint(2, 10)),
            "count_days": str(rng.randint(2, 5)),
            "pct1": _pct(rng),
            "pct2": _pct(rng, 5, 70),
            "satisf": _pct(rng, 72, 97),
            "money1": rng.choice(
                ("30만원", "50만원", "100만원", "200만원", "300만원", "500만원", "1000만원", "20만원")
            ),
            "area1": rng.choice((f"{rng.randint(2, 60)}만㎡", f"{_round(rng, 1200, 9900)}㎡")),
            "floors": str(rng.randint(2, 7)),
            "year1": str(self.day.year + rng.randint(1, 5)),
            "nth": str(nth),
            "company": self.company(industry),
            "company_head": person(rng),
            "product": rng.choice(INDUSTRIES[industry][0]),
            "industry": industry,
            "factory": rng.choice(b.industrial) if rng.random() < 0.6 else f"{place.short} 일반산업단지",
            "country": country,
            "country2": country2,
            "chamber": f"{place.short}상공회의소",
            "chamber_head": person(rng),
            "founded": str(rng.randint(1985, 2018)),
            "bsi": str(rng.randint(62, 96)),
            "tons": _num(_round(rng, 20, 12000)),
            "crop": rng.choice(CROPS),
            "fish": rng.choice(FISH),
            "coop": f"{place.short}{rng.choice(('농협', '원예농협', '농협'))}",
            "fcoop": f"{place.short}수협",
            "fcoop_head": person(rng),
            "coop_head": person(rng),
            "hectares": str(rng.randint(3, 900)),
            "price": f"{rng.randint(1, 9)}만{rng.randint(1, 9)}000",
            "building": rng.choice(("아파트", "상가", "식당", "공장", "창고", "주택", "요양병원", "모텔")),
            "road": rng.choice(
                (
                    "호남고속도로",
                    "서해안고속도로",
                    "남해고속도로",
                    "무안광주고속도로",
                    f"{place.short} 국도 1호선",
                    f"{place.short} 순환도로",
                )
            ),
            "nveh": str(rng.randint(2, 6)),
            "boat": rng.choice((f"{rng.randint(3, 19)}t급 어선", "낚시 어선", "소형 여객선", "예인선")),
            "hour": str(rng.randint(1, 11)),
            "minute": str(rng.choice((5, 10, 15, 20, 25, 30, 35, 40, 45, 50))),
            "hours_n": str(rng.randint(1, 6)),
            "floor_n": str(rng.randint(1, 15)),
            "area_m": str(rng.randint(10, 400)),
            "money_s": f"{_round(rng, 300, 9000)}만원",
            "minutes_n": str(rng.randint(15, 90)),
            "vage": str(rng.randint(20, 85)),
            "dage": str(rng.randint(22, 70)),
            "sage": str(rng.randint(20, 60)),
            "fire": f"{police_place.short}소방서"
            if police_place.region == "전남"
            else f"광주 {rng.choice(('북부', '서부', '남부', '광산'))}소방서",
            "police": f"{police_place.short}경찰서"
            if police_place.region == "전남"
            else f"광주 {rng.choice(('북부', '서부', '남부', '동부', '광산'))}경찰서",
            "coast_guard": rng.choice(("목포해양경찰서", "여수해양경찰서", "완도해양경찰서")),
            "crew_n": str(rng.randint(2, 12)),
            "heli_n": str(rng.randint(2, 9)),
            "edu_office": edu_office,
            "edu_head": office_holder(edu_code, "교육감", self.seed),
            "edu_title": f"{edu_office[:2]}시교육감" if edu_code == "KR-29" else "전남도교육감",
            "edu_prog": rng.choice(EDU_PROGRAMS),
            "univ_prog": rng.choice(UNIV_PROGRAMS),
            "school": f"{place.short}{school_word}{school_kind}",
            "teacher": person(rng),
            "principal": person(rng),
            "contest": rng.choice(CONTESTS),
            "event": f"제{nth}회 {place.short} {thing}축제",
            "thing": thing,
            "slogan": rng.choice(SLOGANS),
            "dur": str(rng.randint(2, 10)),
            "artist": person(rng),
            "artist_role": rng.choice(ARTIST_ROLES),
            "exh": rng.choice(EXHIBITION_WORDS),
            "genre": rng.choice(GENRES),
            "culture_org": f"{place.short}문화재단",
            "gallery": rng.choice(
                (
                    f"{place.short}문화예술회관 전시실",
                    f"{place.short}문화원 전시실",
                    f"{place.short} 시립미술관" if place.unit in ("시", "구") else f"{place.short}군립미술관",
                    f"{place.short}문화예술회관 대공연장",
                )
            ),
            "culture_head": person(rng),
            "sport": sport,
            "team": team,
            "player": player,
            "player_full": f"{player}({rng.randint(15, 31)}·{team_owner})",
            "coach": person(rng),
            "division": rng.choice(DIVISIONS),
            "tournament": rng.choice(
                (
                    f"제{nth}회 전국{sport}선수권대회",
                    f"제{nth}회 회장기 전국{sport}대회",
                    f"{self.day.year} 전국{sport}대회",
                    f"제{nth}회 대통령기 전국{sport}대회",
                )
            ),
            "rival": rng.choice(RIVAL_TEAMS),
            "s1": str(rng.randint(3, 6)),
            "s2": str(rng.randint(0, 2)),
            "welfare_center": f"{place.short}종합사회복지관",
            "center_head": person(rng),
            "flu": f"{rng.randint(12, 60)}.{rng.randint(1, 9)}",
            "member": person(rng),
            "speaker": person(rng),
            "committee": rng.choice(
                ("산업건설위원회", "행정자치위원회", "교육문화위원회", "보건복지위원회", "기획행정위원회")
            ),
            "river": rng.choice(("영산강", "섬진강", "황룡강", "탐진강", "광주천", "영산강 지류")),
            "bird": rng.choice(("흑두루미", "저어새", "검은머리물떼새", "노랑부리백로", "큰고니")),
            "pm": str(rng.randint(36, 95)),
            "env_group": f"{place.short}환경운동연합",
            "env_head": person(rng),
            "n_years": str(rng.randint(5, 12)),
            "routes1": str(rng.randint(60, 120)),
            "routes2": str(rng.randint(50, 100)),
            "min1": str(rng.choice((15, 20, 25, 30))),
            "min2": str(rng.choice((8, 10, 12))),
            "job": rng.choice(("사과 농가", "어민", "봉사자", "식당 주인", "택시 기사", "약사", "집배원")),
            "years": str(years),
            "work": rng.choice(
                ("사과 농사를 지어 온", "바다에서 물질을 해 온", "이웃을 돌봐 온", "작은 식당을 운영해 온")
            ),
            "award": rng.choice(("대한민국 농업명인", "올해의 자원봉사자", "국민추천포상 수상자", "신지식인")),
            "award_short": rng.choice(("봉사왕", "명인", "이웃")),
            "deed_h": rng.choice(DEEDS),
            "hq": rng.choice(HEADLINE_QUOTES),
            "student": person(rng),
            "region_gov": "광주시" if place.region == "광주" else "전남도",
            **self.dates(),
        }
        c["deed"] = c["deed_h"] + josa(c["deed_h"], "을")
        c["at_venue"] = c["venue"] if c["venue"].startswith(place.short) else f"{place.loc} {c['venue']}"
        c["eventq"] = f"'{c['event']}'"
        c["exhq"] = f"'{c['exh']}'"
        c["sloganq"] = f"'{c['slogan']}'"
        return c

    # --- bylines ---
    def reporters(self, desk: str, place_code: str | None = None) -> list[Staffer]:
        pool = [s for s in self.staff if s.desk == desk] or list(self.staff)
        if desk == "region" and place_code:
            local = [s for s in pool if s.station == place_code]
            pool = local or pool
        return pool

    def byline(self, desk: str, place_code: str | None) -> tuple[str, tuple[str, ...], str | None, str | None]:
        """(printed line, names, e-mail, dateline) of a staff byline."""
        rng = self.rng
        if rng.random() < 0.25:
            desk = "region"
        pool = self.reporters(desk, place_code)
        first = rng.choice(pool)
        names = [first.name]
        if rng.random() < 0.08 and len(pool) > 1:
            names.append(rng.choice([s for s in pool if s is not first]).name)
        role = rng.choices(("기자", "선임기자", "수습기자"), (0.94, 0.04, 0.02))[0]
        dateline = None
        if first.station and first.station not in ("KR-29", "KR-46") and rng.random() < 0.5:
            dateline = banks().places[first.station].short
        email = first.email if len(names) == 1 and rng.random() < 0.85 else None
        credit = "글·사진=" if rng.random() < 0.04 and not dateline else ""
        line = "/" + (f"{dateline}=" if dateline else "") + credit + "·".join(names) + f" {role}"
        if email:
            line += f" {email}"
        return line, tuple(names), email, dateline

    # --- pieces ---
    def _unique_headline(self, templates: tuple[str, ...], c: dict[str, str], limit: int = 34) -> str:
        for _ in range(20):
            h = fill(self.rng.choice(templates), c)
            if len(h) <= limit and h not in self.used_headlines:
                self.used_headlines.add(h)
                return h
        return h

    def article_paragraphs(self, story: Story, c: dict[str, str], n: int) -> list[str]:
        """About n paragraphs: the lead, all of the story's details and a few of its topic's, one or two quotes,
        a closing; one to four sentences a paragraph."""
        rng = self.rng
        lead = fill(rng.choice(story.leads), c)
        sentences = list(story.details)
        rng.shuffle(sentences)
        extra = list(TOPIC_DETAILS.get(story.topic, ()))
        extra += GENERIC_DETAILS if story.topic in GENERIC_TOPICS else ()
        for sentence in rng.sample(extra, min(len(extra), rng.randint(0, 3))):
            sentences.insert(rng.randint(1, len(sentences)), sentence)
        closing = bool(story.closings) and n >= 4
        quotes = 2 if len(story.quotes) >= 3 and n >= 6 else 1 if story.quotes else 0
        slots = max(1, n - 1 - quotes - closing)
        sizes = [1] * slots
        for _ in range(len(sentences) - slots):
            open_ = [i for i, k in enumerate(sizes) if k < 4] or [len(sizes)]
            i = rng.choice(open_)
            if i == len(sizes):
                sizes.append(0)
            sizes[i] += 1
        paras = [lead]
        for k in sizes:
            chunk, sentences = sentences[:k], sentences[k:]
            if chunk:
                paras.append(" ".join(fill(x, c) for x in chunk))
        if quotes:
            qs = [fill(q, c) for q in rng.sample(story.quotes, min(len(story.quotes), 2 * quotes))]
            speakers = list(story.speakers)
            who = fill(rng.choice(speakers), c)
            q = dict(c, who=who, q1=qs[0], q2=qs[1 % len(qs)])
            frames = QUOTE_FRAMES if len(qs) > 1 else tuple(f for f in QUOTE_FRAMES if "{q2}" not in f)
            at = max(1, len(paras) - rng.choice((0, 1)))
            paras.insert(at, fill(rng.choice(frames), q))
            if quotes == 2:
                # A second speaker, or the first one again by surname and title ("박 시장은").
                again = who.startswith(c["head"]) and rng.random() < 0.7
                others = [s for s in speakers if fill(s, c) != who]
                same = again or not others
                who2 = c["head_ref"] if again else who if same else fill(rng.choice(others), c)
                q2 = dict(c, who=who2, q1=qs[-1])
                frames = SECOND_QUOTE_FRAMES if same else QUOTE_FRAMES[:1] + QUOTE_FRAMES[3:4]
                paras.insert(at + 1, fill(rng.choice(frames), q2))
        if closing:
            paras.append(fill(rng.choice(story.closings), c))
        return paras

    def news(
        self, topic_name: str, *, paragraphs: int | None = None, subs: int | None = None, wire_ok: bool = True
    ) -> Composed:
        rng = self.rng
        story = rng.choice(STORIES[topic_name])
        c = self.ctx(topic_name, coastal=story.name in COASTAL_STORIES)
        headline = self._unique_headline(story.headlines, c)
        nsubs = subs if subs is not None else rng.choices((0, 1, 2), (0.55, 0.35, 0.1))[0]
        subheads = [fill(t, c) for t in rng.sample(story.subs, min(nsubs, len(story.subs)))]
        n = paragraphs or rng.choice((3, 4, 5, 5, 6, 6, 7, 8))
        paras = self.article_paragraphs(story, c, n)
        place_code = c["place_code"]
        blocks: list[tuple] = [("line", headline), *(("line", s) for s in subheads)]
        wire = rng.random() < 0.05 and wire_ok
        if wire:
            agency = rng.choice(AGENCIES)
            reporter = person(rng)
            where = {"구": "광주", "도": "무안"}.get(c["gsh"], c["short"])
            prefix = f"({where}={agency}) {reporter} 기자 = "
            blocks.append(("lead", prefix, paras[0]))
            blocks += [("para", p) for p in paras[1:]]
            names, email, dateline = (reporter,), None, None
        else:
            blocks += [("para", p) for p in paras]
            line, names, email, dateline = self.byline(story.desk, place_code)
            blocks.append(("line", line))
        return Composed(
            "news",
            blocks,
            headline,
            tuple(subheads),
            names=names,
            email=email,
            dateline=dateline,
            body="\n\n".join(paras),
            column_height=rng.randint(9, 30),
        )

    def photo(self) -> Composed:
        rng = self.rng
        c = self.ctx("photo")
        season = SEASON[self.day.month]
        title = rng.choice(PHOTO_TITLES[season] + PHOTO_TITLES["any"])
        captions = [t for t in PHOTO_CAPTIONS if "앞바다" not in t or c["short"] in COASTAL]
        caption = fill(rng.choice(captions), c)
        r = rng.random()
        names: tuple[str, ...] = ()
        email = dateline = None
        if r < 0.6:
            p = rng.choice(self.reporters("photo"))
            credit, names, email = f"/{p.name} 기자 {p.email}", (p.name,), p.email
        elif r < 0.9:
            credit = f"/사진={rng.choice((c['gov'], c['culture_org'], c['org_gen'], c['univ']))} 제공"
        else:
            line, names, email, dateline = self.byline("region", None)
            credit = line
        style = rng.choices(("inline", "lines", "title-line"), (0.5, 0.2, 0.3))[0]
        quoted = "'" in title
        if style == "inline" and not quoted and rng.random() < 0.8:
            style = "lines"  # a title without quotation marks printed inline reads as part of its caption
        if style == "inline":
            blocks = [("line", f"{title} {caption} {credit}")]
        elif style == "lines":
            blocks = [("line", title), ("line", caption), ("line", credit)]
        else:
            blocks = [("line", title), ("line", f"{caption} {credit}")]
        return Composed("photo", blocks, title, names=names, email=email, dateline=dateline, body=caption)

    def editorial(self) -> Composed:
        rng = self.rng
        c = self.opinion_ctx()
        headline = self._unique_headline(EDITORIAL_HEADLINES, c, limit=36)
        paras = self.essay(OPINION_OPEN, OPINION_BODY, OPINION_CLOSE, c, rng.randint(3, 5))
        blocks = [("line", f"[사설] {headline}"), *(("para", p) for p in paras)]
        return Composed(
            "editorial", blocks, headline, label="사설", body="\n\n".join(paras), column_height=rng.randint(12, 30)
        )

    def column(self) -> Composed:
        rng = self.rng
        c = self.opinion_ctx()
        headline = self._unique_headline(EDITORIAL_HEADLINES, c, limit=36)
        if rng.random() < 0.12:  # a reporter's notebook, signed by its byline
            paras = self.essay(OPINION_OPEN, OPINION_BODY, OPINION_CLOSE, c, rng.randint(3, 5))
            line, names, email, dateline = self.byline(rng.choice(("politics", "society", "economy")), None)
            blocks = [("line", f"[기자수첩] {headline}"), *(("para", p) for p in paras), ("line", line)]
            return Composed(
                "column", blocks, headline, label="기자수첩", names=names, email=email, dateline=dateline,
                body="\n\n".join(paras), column_height=rng.randint(12, 30),
            )  # fmt: skip
        label = rng.choice(self.paper.column_labels)
        author = person(rng)
        affiliation = fill(rng.choice(COLUMNIST_JOBS), c)
        paras = self.essay(COLUMN_OPEN, COLUMN_BODY + OPINION_BODY, COLUMN_CLOSE, c, rng.randint(4, 6))
        spaced = " ".join(author)
        layout = rng.choice(("top", "top-affil", "bottom", "bottom-affil"))
        sig = [affiliation, spaced] if layout.endswith("affil") else [spaced, affiliation]
        body = [("para", p) for p in paras]
        head = [("line", f"[{label}] {headline}")]
        blocks = (
            head + [("line", x) for x in sig] + body
            if layout.startswith("top")
            else head + body + [("line", x) for x in sig]
        )
        return Composed(
            "column", blocks, headline, label=label, names=(author,), body="\n\n".join(paras),
            column_height=rng.randint(12, 30),
        )  # fmt: skip

    def opinion_ctx(self) -> dict[str, str]:
        rng = self.rng
        c = self.ctx("opinion")
        c.update(
            issue=rng.choice(ISSUES),
            actor=rng.choice(ACTORS),
            indicator=INDICATOR_TEXT[rng.choice(INDICATORS)],
            anecdote=rng.choice(ANECDOTES),
            hospital_word=rng.choice(HOSPITAL_WORDS),
        )
        return c

    def essay(self, opening, body, closing, c: dict[str, str], n: int) -> list[str]:
        """n paragraphs: an opening (with a sentence of analysis), analysis and what should be done, a closing."""
        rng = self.rng
        middle = list(body)
        rng.shuffle(middle)
        prescribe = list(OPINION_PRESCRIBE)
        rng.shuffle(prescribe)
        paras = [fill(rng.choice(opening), c) + " " + fill(middle.pop(), c)]
        for i in range(n - 2):
            source = middle if i < (n - 2) / 2 and middle else prescribe
            k = rng.choice((2, 2, 3))
            paras.append(" ".join(fill(source.pop(), c) for _ in range(min(k, len(source)))))
        paras.append(fill(prescribe.pop(), c) + " " + fill(rng.choice(closing), c))
        return [p for p in paras if p]

    def notice(self, label: str) -> Composed:
        rng = self.rng
        c = self.ctx("notice")
        c["paper"] = self.paper.name
        lines: list[str]
        title: str | None = None
        if label == "인사":
            title = c["gov"]
            lines = []
            for grade, position in (("국장급", "국장"), ("과장급", "과장")):
                items = " ".join(f"▲{d}{position} {person(rng)}" for d in rng.sample(DEPARTMENTS, rng.randint(2, 4)))
                lines.append(f"◇{grade} {items}")
        elif label == "부고":
            lines = []
            for _ in range(rng.randint(1, 3)):
                d1 = self.day - timedelta(days=1)
                d2 = self.day + timedelta(days=1)
                where, position = rng.choice(
                    (
                        (c["gov"], rng.choice(("과장", "팀장", "주무관"))),
                        (c["univ"], "교수"),
                        (c["org_gen"], rng.choice(("사무국장", "팀장"))),
                        (c["company"], rng.choice(("대표", "부장", "이사"))),
                        (self.paper.name, rng.choice(("편집부 차장", "사진부장", "논설위원"))),
                    )
                )
                kin = f"{person(rng)}({where} {position})"
                lines.append(
                    f"▲{person(rng)}씨 별세, {kin}·{person(rng)}씨 {rng.choice(RELATIONS)} = {d1.day}일 "
                    f"{c['short']} {rng.choice(FUNERAL_HALLS)} {rng.randint(1, 9)}호, 발인 {d2.day}일 오전 {rng.randint(6, 10)}시."
                )
        else:  # 알림
            if rng.random() < 0.5:
                title = fill(rng.choice(PAPER_EVENTS), c)
                lines = [
                    fill("{paper:이} {sloganq:을} 주제로 행사를 엽니다. 독자 여러분의 많은 참여 바랍니다.", c),
                    f"▲접수: {c['future']}까지 ▲문의: {self.paper.phone}",
                ]
            else:
                lines = [
                    f"▲'{fill(rng.choice(NOTICE_EVENTS), c)}' = {c['future']} 오후 {rng.randint(1, 5)}시 {c['venue']}. 주최 {c['gov']}."
                    for _ in range(rng.randint(1, 2))
                ]
        head = f"[{label}] {title}" if title else f"[{label}]"
        blocks = [("line", head), *(("para", line) for line in lines)]
        return Composed(
            "notice", blocks, title or label, label=label, body="\n\n".join(lines), column_height=rng.randint(8, 20)
        )

    def ad(self) -> Composed:
        rng = self.rng
        c = self.ctx("ad")
        m1 = self.day.month
        d1 = self.day.day
        end = self.day + timedelta(days=rng.randint(7, 40))
        c.update(
            bank=rng.choice(BANKS_AD),
            season=SEASON[m1],
            rate=f"{rng.randint(3, 5)}.{rng.randint(0, 9)}",
            months=str(rng.choice((6, 12, 24))),
            m1=str(m1),
            d1=str(d1),
            m2=str(end.month),
            d2=str(end.day),
            phone_free=f"{rng.choice(('1566', '1588', '1644', '1899'))}-{rng.randint(1000, 9999)}",
            phone_local=f"{'062' if c['region'] == '광주' else '061'}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            brand=rng.choice(BRAND_ROOTS),
            apt_name=rng.choice(APT_NAMES),
            a1=str(rng.choice((59, 74, 84))),
            a2=str(rng.choice((99, 114, 126))),
            units=str(_round(rng, 200, 1800)),
            slug=rng.choice(("hanbit", "nuri", "daon", "mir", "gaon", "solbit", "saeron", "haram"))
            + str(rng.randint(1, 99)),
            hospital_word=rng.choice(HOSPITAL_WORDS),
            h=str(rng.randint(8, 9)),
            sale=str(rng.choice((10, 20, 30, 40, 50))),
            paper=self.paper.name,
            paper_phone=self.paper.phone,
            price_small=f"{rng.randint(3, 9)}만{rng.choice(('', '5000'))}",
        )
        lines = [fill(t, c) for t in rng.choice(ADS)]
        return Composed("ad", [("line", line) for line in lines], body="\n".join(lines))

    def continuation(self, from_page: int, rest: list[str], byline: tuple) -> Composed:
        rng = self.rng
        mark = rng.choice((f"〈{from_page}면에서 계속〉", f"〈{from_page}면에서 계속〉", f"({from_page}면에서 계속)"))
        line, names, email, dateline = byline
        if rng.random() < 0.3:
            blocks: list[tuple] = [("lead", f"{mark} ", rest[0]), *(("para", p) for p in rest[1:])]
        else:
            blocks = [("line", mark), *(("para", p) for p in rest)]
        blocks.append(("line", line))
        return Composed(
            "continuation", blocks, None, names=names, email=email, dateline=dateline, body="\n\n".join(rest),
            continues_from=from_page, column_height=rng.randint(12, 30),
        )  # fmt: skip


@cache
def _lead_article(publication: str, day: date, seed: int) -> tuple[Composed, list[str], list[str], tuple]:
    """The front page's lead article, written from the issue's own stream so that page 1 and the page where it
    goes on agree: (article, paragraphs printed on page 1, paragraphs printed on the other page, byline)."""
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}/lead")
    w = Writer(rng, papers()[publication], day, seed)
    topic = rng.choice(("policy", "policy", "economy", "council", "welfare", "environment", "tourism"))
    art = w.news(topic, paragraphs=rng.randint(6, 8), subs=rng.choice((1, 2)), wire_ok=False)
    paras = art.body.split("\n\n") if art.body else []
    byline = ("", (), None, None)
    for b in art.blocks:
        if b[0] == "line" and b[1].startswith("/"):
            byline = (b[1], art.names, art.email, art.dateline)
    split = rng.randint(3, max(3, len(paras) - 2))
    return art, paras[:split], paras[split:], byline


# --- layout: column width, cuts ----------------------------------------------------------------------------------------
def _ascii_word(ch: str) -> bool:
    return ch.isascii() and not ch.isspace() and ch not in "'\"()"


def _width(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


_NO_LINE_START = set(".,!?)]}%’”」』〉…·")
_NO_LINE_END = set("([‘“「『〈")


def _opens(text: str, k: int) -> bool:
    """Is text[k] an opening mark (a straight quote opens when nothing but a space or a bracket precedes it)?"""
    ch = text[k]
    if ch in "'\"":
        return k == 0 or text[k - 1] in " ([〈"
    return ch in _NO_LINE_END


def _closes(text: str, k: int) -> bool:
    ch = text[k]
    if ch in "'\"":
        return not _opens(text, k)
    return ch in _NO_LINE_START


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Break ``text`` into lines of at most ``width`` units (Hangul 1, ASCII 0.5): [(start, end)] offsets.

    A line may end inside a word (Korean justified columns do); spaces at a break are dropped; closing
    punctuation hangs at the end of a line; a run of digits or Latin letters is not split, nor a number from the
    unit after it; an opening quote does not end a line."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        used = 0.0
        i = start
        while i < n and used + _width(text[i]) <= width:
            used += _width(text[i])
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        while i < n and _closes(text, i):
            i += 1  # hanging punctuation
        if i < n and "가" <= text[i] <= "힣" and text[i - 1].isdigit():
            i -= 1  # a number stays with its unit (3일, 940억원)
        j = i
        while j > start + 1 and _ascii_word(text[j - 1]) and i < n and _ascii_word(text[j]):
            j -= 1  # keep a number, a phone number or a Latin word whole
        if j > start + width // 2:
            i = j
        while i > start + 1 and _opens(text, i - 1):
            i -= 1
        end = i
        while end > start and text[end - 1] == " ":
            end -= 1
        spans.append((start, end))
        start = i
        while start < n and text[start] == " ":
            start += 1
    return spans


_SENTENCE_END = re.compile(r"""[.?!…]["'”’」』)〉]*$""")


def _window(text: str, cut_end: int, cut_start: int, lo: int = 0) -> str:
    """The words around a cut, whole, and one more word on each side (not reaching before ``lo``)."""
    left = text[lo:cut_end].split(" ")
    right = text[cut_start:].split(" ")
    if cut_end < cut_start:  # cut at a space
        return " ".join(left[-2:] + right[:2])
    return " ".join([*left[-2:-1], left[-1] + right[0], *right[1:2]])


@dataclass
class Printed:
    lines: list[str]  # lines of the piece, printed
    cuts: int = 0
    mid_word: int = 0
    after_sentence: int = 0
    windows: list[str] = field(default_factory=list)


def lay_out(piece: Composed, layout: str, width: int, rng: random.Random) -> Printed:
    """Print a piece's blocks: paragraphs cut where a column ends (``columns``) or at every line (``lines``)."""
    out = Printed([])
    height = piece.column_height
    # The text block starts under the headline, its first column full height, unless a photo or a box above
    # it shortens that column.
    used = 0 if rng.random() < 0.8 else rng.randint(2, max(2, height // 2))
    for block in piece.blocks:
        if block[0] == "line":
            out.lines.append(block[1])
            continue
        prefix, text = ("", block[1]) if block[0] == "para" else (block[1], block[2])
        full = prefix + text
        spans = wrap(full, width)
        breaks: list[int] = []  # indices k: a break after spans[k]
        if layout == "lines":
            breaks = list(range(len(spans) - 1))
        else:
            for k in range(len(spans)):
                used += 1
                if used >= height:
                    used = 0
                    if k < len(spans) - 1:
                        breaks.append(k)
        pieces_of_para: list[str] = []
        last = 0
        for k in breaks:
            end, nxt = spans[k][1], spans[k + 1][0]
            pieces_of_para.append(full[last:end])
            last = nxt
            out.cuts += 1
            if _SENTENCE_END.search(full[:end]):
                out.after_sentence += 1
                continue
            if end == nxt:
                out.mid_word += 1
            if end > len(prefix):
                out.windows.append(_window(full, end, nxt, len(prefix)))
        pieces_of_para.append(full[last:])
        out.lines.extend(p.strip() for p in pieces_of_para)
    return out


# --- pages --------------------------------------------------------------------------------------------------------------
_SECTION_TOPICS = {
    "종합": ("policy", "economy", "council", "society", "welfare", "environment", "tourism"),
    "정치": ("council", "council", "policy"),
    "경제": ("economy", "economy", "agri"),
    "사회": ("society", "society", "welfare", "environment", "education"),
    "지역": ("policy", "agri", "tourism", "welfare", "culture"),
    "전남": ("policy", "agri", "tourism", "welfare", "culture"),
    "교육": ("education",),
    "문화": ("culture", "culture", "tourism"),
    "생활": ("welfare", "environment", "tourism"),
    "스포츠": ("sports",),
    "농업": ("agri",),
    "환경": ("environment",),
    "사람들": ("people",),
}


def _furniture(paper: Paper, day: date, page: int, section: str, head: str | None, foot: str | None):
    wd = WEEKDAYS[day.weekday()]
    korean_date = f"{day.year}년 {day.month}월 {day.day}일"
    num = issue_number(paper.code, day)
    top: list[str] = []
    bottom: list[str] = []
    if head == "line":
        top = [f"{korean_date} {wd}요일 제{num}호 {paper.name} {page}면 {section}"]
    elif head == "split":
        top = [section, str(page), paper.name, f"{korean_date} ({wd}) 제{num:,}호"]
    elif head == "dot":
        top = [f"{paper.name} {day.year}.{day.month:02d}.{day.day:02d}({wd}) {section} {page}면"]
    if foot == "web":
        bottom = [f"www.{paper.domain}", f"구독문의 {paper.phone}"]
    elif foot == "web-one-line":
        bottom = [f"www.{paper.domain}  구독문의 {paper.phone}"]
    elif foot == "dash":
        bottom = [f"- {page} -"]
    return top, bottom


def _pieces_for(w: Writer, iss: Issue, page: int, section: str) -> list[Composed]:
    rng = w.rng
    pieces: list[Composed] = []
    if page == 1:
        lead, first, rest, byline = _lead_article(iss.publication, iss.day, w.seed)
        w.used_headlines.add(lead.headline or "")
        head = [b for b in lead.blocks if b[0] == "line" and not b[1].startswith("/")]
        blocks = head + [("para", p) for p in first]
        if iss.lead_refs:
            pages = "·".join(str(p) for p in iss.lead_refs)
            blocks.insert(len(head) + 1, ("line", rng.choice((f"〈관련기사 {pages}면〉", f"▶관련기사 {pages}면"))))
        if iss.lead_continues_on:
            blocks.append(
                ("line", rng.choice((f"〈{iss.lead_continues_on}면에 계속〉", f"{iss.lead_continues_on}면에 계속")))
            )
            body, names, email, dateline = "\n\n".join(first), (), None, None
        else:
            blocks += [("para", p) for p in rest]
            blocks.append(("line", byline[0]))
            body = lead.body
            names, email, dateline = byline[1], byline[2], byline[3]
        pieces.append(
            Composed(
                "news", blocks, lead.headline, lead.subheadlines, names=names, email=email, dateline=dateline,
                body=body, continues_on=iss.lead_continues_on, cross_refs=iss.lead_refs,
                column_height=lead.column_height,
            )
        )  # fmt: skip
        topics = _SECTION_TOPICS["종합"]
        for _ in range(rng.randint(1, 3)):
            pieces.append(w.news(rng.choice(topics)))
        if rng.random() < 0.7:
            pieces.insert(rng.randint(1, len(pieces)), w.photo())
        while len(pieces) < 3:
            pieces.append(w.news(rng.choice(topics)))
        if rng.random() < 0.35:
            pieces.append(w.ad())
        return pieces
    if page == iss.lead_continues_on:
        _, _, rest, byline = _lead_article(iss.publication, iss.day, w.seed)
        pieces.append(w.continuation(1, rest, byline))
    if section == "오피니언":
        pieces.append(w.editorial())
        if rng.random() < 0.6:
            pieces.append(w.editorial())
        pieces.append(w.column())
        if rng.random() < 0.5:
            pieces.append(w.column())
        if rng.random() < 0.25:
            pieces.append(w.ad())
        return pieces
    if section == "사람들":
        for label in ("인사", "부고", "알림"):
            if rng.random() < 0.75:
                pieces.append(w.notice(label))
        for _ in range(rng.randint(1, 2)):
            pieces.append(w.news("people", paragraphs=rng.randint(3, 4)))
        if len(pieces) < 3 or rng.random() < 0.4:
            pieces.append(w.ad())
        return pieces[:7]
    topics = _SECTION_TOPICS.get(section, _SECTION_TOPICS["종합"])
    for _ in range(rng.randint(2, 5) - (1 if pieces else 0)):
        pieces.append(w.news(rng.choice(topics)))
    if rng.random() < 0.55:
        pieces.insert(rng.randint(1 if pieces[0].kind == "continuation" else 0, len(pieces)), w.photo())
    if rng.random() < 0.08:
        pieces.append(w.notice("알림"))
    if rng.random() < 0.35:
        pieces.append(w.ad())
    while len(pieces) < 3:
        pieces.append(w.news(rng.choice(topics)))
    return pieces[:7]


def page_text(
    publication: str,
    day: date,
    page_number: int,
    rng: random.Random,
    *,
    seed: int = 1,
    layout: str | None = None,
    wrapped_share: float = WRAPPED_SHARE,
) -> tuple[str, PagePlan]:
    """One page's text and what was placed on it. Pure: the same arguments (and rng state) give the same page.

    ``seed`` names the corpus: the issue's layout (its number of pages, sections, the front page's lead article
    and where it goes on) and the paper's staff derive from it, so the pages of one issue agree with each other.
    ``layout`` (``columns`` or ``lines``) is drawn, when not given, from a stream of its own with probability
    ``wrapped_share`` for ``lines``, so that the share changes how pages are printed, never what they say."""
    paper = papers()[publication]
    iss = issue(publication, day, seed)
    if not 1 <= page_number <= iss.pages:
        raise ValueError(f"{publication} {day} has pages 1-{iss.pages}, not {page_number}")
    section = iss.sections[page_number - 1]
    heads, weights = zip(*paper.heads, strict=True)
    head = rng.choices(heads, weights)[0]
    if page_number == 1:
        foot = rng.choices(("web", "web-one-line", None), (0.7, 0.1, 0.2))[0]
    else:
        foot = rng.choices(("dash", "web-one-line", None), (0.15 if publication != "bitgoeul" else 0.05, 0.05, 0.8))[0]
    if layout is None:
        draw = random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}/layout").random()
        layout = "lines" if draw < wrapped_share else "columns"
    width = rng.randint(17, 22)
    loose = rng.random() < 0.1
    w = Writer(rng, paper, day, seed)
    composed = _pieces_for(w, iss, page_number, section)
    top, bottom = _furniture(paper, day, page_number, section, head, foot)
    chunks: list[str] = []
    if top:
        chunks.append("\n\n".join(top))
    plans: list[PiecePlan] = []
    for piece in composed:
        printed = lay_out(piece, layout, width, rng)
        sep = "\n" if layout == "lines" else "\n\n"
        chunks.append(sep.join(printed.lines))
        plans.append(
            PiecePlan(
                kind=piece.kind,
                headline=piece.headline,
                subheadlines=piece.subheadlines,
                label=piece.label,
                byline_names=piece.names,
                email=piece.email,
                dateline=piece.dateline,
                body=piece.body,
                first_sentence=_first_sentence(piece.body) if piece.kind not in ("ad", "notice") else None,
                continues_on=piece.continues_on,
                continues_from=piece.continues_from,
                cross_refs=piece.cross_refs,
                cuts=printed.cuts,
                cuts_mid_word=printed.mid_word,
                cuts_after_sentence=printed.after_sentence,
                cut_windows=tuple(printed.windows),
            )
        )
    if bottom:
        chunks.append("\n\n".join(bottom))
    text = ("\n\n\n\n" if loose else "\n\n").join(chunks) + "\n"
    plan = PagePlan(publication, day.isoformat(), page_number, section, head, foot, layout, width, tuple(plans))
    return text, plan


def page_rng(seed: int, publication: str, day: date, page_number: int) -> random.Random:
    return random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}")


def encode_page(text: str, seed: int, publication: str, day: date, page_number: int, legacy_share: float):
    """The page's bytes: UTF-8 and LF, or for a ``legacy_share`` of pages CP949 and/or CRLF (own random stream)."""
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}/encoding")
    if rng.random() >= legacy_share:
        return text.encode("utf-8"), "utf-8"
    kind = rng.choice(("cp949", "cp949-crlf", "utf-8-crlf"))
    if kind.endswith("crlf"):
        text = text.replace("\n", "\r\n")
    return text.encode("cp949" if kind.startswith("cp949") else "utf-8"), kind


# --- the corpus ---------------------------------------------------------------------------------------------------------
@dataclass
class CorpusSummary:
    pages: int = 0
    pieces: Counter = field(default_factory=Counter)
    characters: int = 0
    bytes: int = 0
    column_cuts: int = 0
    legacy_files: int = 0
    publications: Counter = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    seconds: float = 0.0
    plans: list[PagePlan] = field(default_factory=list)  # of the first ``keep_plans`` pages

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.pieces.items(), key=lambda kv: -kv[1]))
        pubs = ", ".join(f"{k} {v}" for k, v in self.publications.items())
        return (
            f"{self.pages} pages ({pubs}; {self.first_date}..{self.last_date}), "
            f"{sum(self.pieces.values())} pieces ({kinds}), {self.characters:,} characters, "
            f"{self.bytes / 1e6:.1f} MB, {self.column_cuts} column cuts, {self.legacy_files} legacy-encoded files, "
            f"{self.seconds:.1f} s"
        )


def generate_corpus(
    out_dir: Path,
    pages: int,
    seed: int = 1,
    *,
    legacy_share: float = 0.02,
    start: date = START,
    keep_plans: int = 0,
    wrapped_share: float = WRAPPED_SHARE,
) -> CorpusSummary:
    """Write ``pages`` pages under ``out_dir`` (streamed: one page in memory at a time).

    ``keep_plans``: keep the plans of the first that many pages on the summary (``summary.plans``)."""
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    summary = CorpusSummary()
    made: set[Path] = set()
    for publication, day, number in corpus_order(pages, seed, start):
        rng = page_rng(seed, publication, day, number)
        text, plan = page_text(publication, day, number, rng, seed=seed, wrapped_share=wrapped_share)
        data, encoding = encode_page(text, seed, publication, day, number, legacy_share)
        folder = out_dir / publication / day.isoformat()
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (folder / f"{number}.txt").write_bytes(data)
        summary.pages += 1
        summary.publications[publication] += 1
        summary.pieces.update(p.kind for p in plan.pieces)
        summary.characters += len(text)
        summary.bytes += len(data)
        summary.column_cuts += plan.column_cuts
        summary.legacy_files += encoding != "utf-8"
        summary.first_date = summary.first_date or plan.date
        summary.last_date = plan.date
        if len(summary.plans) < keep_plans:
            summary.plans.append(plan)
    summary.seconds = time.perf_counter() - t0
    return summary


# --- agreement with the reader ----------------------------------------------------------------------------------------
def agreement(plan: PagePlan, parsed: dict) -> Counter:
    """Compare what was placed on a page with ``sinmun.parse.parse_page_bytes``'s reading of it (counts)."""
    out: Counter = Counter(pages=1)
    src = parsed["source"]
    if plan.states >= {"publication", "date", "page"}:
        out["header_pages"] += 1
        ok = (src["publication"], src["publication_date"], src["page"]) == (plan.publication, plan.date, plan.page)
        out["header_ok"] += ok
        out["section_ok"] += src.get("section") == plan.section
    read = parsed["articles"]
    out["pieces_planned"] += len(plan.pieces)
    out["pieces_read"] += len(read)
    bodies = [a["body"] or "" for a in read]
    all_bodies = "\n\n".join(bodies)
    names_read = {n for a in read for n in ((a.get("byline") or {}).get("names") or [])}
    headlines_read = [a["headline"] for a in read]
    for p in plan.pieces:
        out[f"planned_{p.kind}"] += 1
        match = None
        if p.headline:
            match = next((a for a in read if a["headline"] == p.headline), None)
        if match is None:
            probe = p.first_sentence or (p.body or "").split("\n")[0]
            match = next((a for a in read if probe and probe in (a["body"] or "")), None)
        if match is not None:
            out["pieces_found"] += 1
            out[f"found_{p.kind}"] += 1
            out["kinds_ok"] += match["kind"] == p.kind
            out["bodies_exact"] += (match["body"] or "") == (p.body or "")
        if p.headline and p.kind != "ad":
            out["headlines_planned"] += 1
            out["headlines_found"] += p.headline in headlines_read
        for name in p.byline_names:
            out["names_planned"] += 1
            out["names_found"] += name in names_read
        if p.first_sentence:
            out["first_sentences_planned"] += 1
            out["first_sentences_found"] += p.first_sentence in all_bodies
        out["cuts_planned"] += len(p.cut_windows)
        out["cuts_repaired"] += sum(w in all_bodies for w in p.cut_windows)
        out["cuts_after_sentence"] += p.cuts_after_sentence
        if p.continues_on:
            out["continues_on_planned"] += 1
            out["continues_on_found"] += any(a.get("continues_on") == p.continues_on for a in read)
        if p.continues_from:
            out["continues_from_planned"] += 1
            out["continues_from_found"] += any(a.get("continues_from") == p.continues_from for a in read)
        if p.cross_refs:
            out["cross_refs_planned"] += 1
            out["cross_refs_found"] += any(tuple(a.get("cross_refs") or ()) == p.cross_refs for a in read)
    out[f"layout_{plan.layout}"] += 1
    return out


RATIOS = (
    ("header", "header_ok", "header_pages"),
    ("section", "section_ok", "header_pages"),
    ("pieces found", "pieces_found", "pieces_planned"),
    ("pieces read/planned", "pieces_read", "pieces_planned"),
    ("kinds", "kinds_ok", "pieces_found"),
    ("headlines", "headlines_found", "headlines_planned"),
    ("byline names", "names_found", "names_planned"),
    ("first sentences", "first_sentences_found", "first_sentences_planned"),
    ("cuts repaired", "cuts_repaired", "cuts_planned"),
    ("bodies exact", "bodies_exact", "pieces_found"),
    ("continues_on", "continues_on_found", "continues_on_planned"),
    ("continues_from", "continues_from_found", "continues_from_planned"),
    ("cross_refs", "cross_refs_found", "cross_refs_planned"),
)


def ratios(c: Counter) -> dict[str, float]:
    return {name: c[num] / c[den] for name, num, den in RATIOS if c[den]}


def check(out_dir: Path, plans: list[PagePlan]) -> Counter:
    """Read the pages of ``plans`` back with the project's reader and add up the agreement."""
    from sinmun.parse import parse_page_bytes

    total: Counter = Counter()
    for plan in plans:
        path = out_dir / plan.publication / plan.date / f"{plan.page}.txt"
        total += agreement(plan, parse_page_bytes(path.read_bytes(), path=str(path), with_entities=False))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--legacy-share", type=float, default=0.02, help="share of files in CP949 and/or CRLF")
    parser.add_argument("--start", type=date.fromisoformat, default=START, help="first publication day")
    parser.add_argument(
        "--wrapped-share", type=float, default=WRAPPED_SHARE, help="share of pages printed line by line (pdftotext)"
    )
    parser.add_argument("--check", type=int, default=0, metavar="K", help="read the first K pages with the reader")
    args = parser.parse_args(argv)
    summary = generate_corpus(
        args.out_dir,
        args.pages,
        args.seed,
        legacy_share=args.legacy_share,
        start=args.start,
        keep_plans=args.check,
        wrapped_share=args.wrapped_share,
    )
    print(summary.line())
    if args.check:
        total = check(args.out_dir, summary.plans)
        figures = ", ".join(f"{k} {v:.1%}" for k, v in ratios(total).items())
        print(f"reader on {total['pages']} pages: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
