"""Amounts in Korean news text: money, counts of people and things, percentages, sizes.

``find_amounts(text)`` returns every amount mention, sorted, non-overlapping, with exact offsets
(``text[m.start:m.end] == m.text``) and a value that is never negative. Pure: stdlib ``re`` only.

Rules:

- numbers: ``1,500``, ``12.4``, with the Korean groups 조/억/만 and 천/백 inside them:
  ``1조2000억`` = 1,200,000,000,000, ``3억 5000만`` = 350,000,000, ``39만9000`` = 399,000,
  ``5천만`` = 50,000,000, ``1.5억`` = 150,000,000. ``value`` is an int when integral, else a float.
- ``수십``/``수백``/``수천``/``수만``/``수억``/``수조`` (and ``수십만``, ``수천억``...) need a counter;
  their value is the order of magnitude (``수천명`` = 1000 people), always approximate.
- units (``unit``): 원 KRW, 달러 USD, 엔 JPY, 위안 CNY, 유로 EUR; %/퍼센트 percent; %p/%포인트/퍼센트포인트
  percentage_point; 명 people; 대/개/곳/건/가구/척/채 units; 배 times; ㎞/km/킬로미터 km, m/미터 m,
  cm, mm, ㎏/kg/킬로그램 kg, g, 톤/t t, ㎡/m²/m2/제곱미터 m2, ㎢ km2, ha/헥타르 ha, L, ml, kW/MW/GW(h);
  other counters stay as written: 개국, 개사, 개소, 개교, 마리, 그루, 가지, 세대, 세 (age), 평, 포인트.
- a number with no counter is only an amount when it says it is a quantity, by 여 or by a Korean group:
  ``1000여 AI 기업`` -> 1000 "count" (approximate), ``55만 고려인`` -> 550,000 "count". Glued to another
  word (``3지구``, ``10여년``) or followed by a time word (``10여 년``, ``5만 시간``) it is none.
- approximate: ``약``/``대략``/``어림잡아``/``줄잡아`` before, ``여`` after the number (``3000여명``,
  ``20여 명``), ``가량``/``안팎``/``남짓``/``정도``/``내외``/``쯤`` after the counter (these words are
  part of the mention's text), ``대`` after a unit (``1억원대``, ``3%대``), the 수- forms, and ranges.
  Bounds are exact, not approximate, and not part of the text: ``이상``, ``이하``, ``미만``, ``초과``,
  ``최대``, ``최소``.
- ranges ``2~3개``, ``3만~5만원``, ``3~5만원`` (the low end takes the high end's group): one mention
  spanning both ends, ``value`` the low end, approximate.

Not amounts: dates and durations (``21일``, ``6월``, ``2023년``, ``3개월``, ``10시간``), times (``10시``),
ordinals (``제58회``, ``제3대``), page references (``7면``), phone numbers and other numbers glued to
separators (``062-123-4567``, ``3·1절``, ``2023.5.25``), age bands (``20대``, ``40~50대``), scores
(``3대1``), words that start with a counter's syllable (``3원칙``, ``21세기``, ``명예``), and a counter
after a space when the number has neither a group nor 여 (``300 명``), except symbols and units
written in Latin letters (``12.5 km``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class AmountMention:
    text: str
    start: int
    end: int
    value: float | int
    unit: str
    approximate: bool

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
            "start": self.start,
            "end": self.end,
        }


_UNITS_FOR = {
    "KRW": ["원"],
    "USD": ["달러"],
    "JPY": ["엔"],
    "CNY": ["위안"],
    "EUR": ["유로"],
    "percent": ["%", "％", "퍼센트"],
    "percentage_point": ["%p", "%포인트", "퍼센트포인트"],
    "people": ["명"],
    "units": ["대", "개", "곳", "건", "가구", "척", "채"],
    "times": ["배"],
    "km": ["㎞", "km", "킬로미터"],
    "m": ["m", "미터"],
    "cm": ["㎝", "cm", "센티미터"],
    "mm": ["㎜", "mm", "밀리미터"],
    "kg": ["㎏", "kg", "킬로그램"],
    "g": ["g", "그램"],
    "t": ["톤", "t"],
    "m2": ["㎡", "m²", "m2", "제곱미터"],
    "km2": ["㎢", "km²", "km2", "제곱킬로미터"],
    "ha": ["ha", "헥타르"],
    "L": ["ℓ", "L", "리터"],
    "ml": ["㎖", "ml", "mL", "밀리리터"],
    "kW": ["㎾", "kW"],
    "MW": ["㎿", "MW"],
    "GW": ["GW"],
    "kWh": ["㎾h", "kWh"],
    "MWh": ["MWh"],
    "GWh": ["GWh"],
}
_AS_WRITTEN = ["개국", "개사", "개소", "개교", "마리", "그루", "가지", "세대", "세", "평", "포인트"]
_UNIT = {written: unit for unit, spellings in _UNITS_FOR.items() for written in spellings}
_UNIT.update({written: written for written in _AS_WRITTEN})
# Longest first, so "mm" wins over "m" and "개국" over "개".
_COUNTER = "|".join(re.escape(u) for u in sorted(_UNIT, key=len, reverse=True))

# A counter immediately followed by one of these is the start of another word ("3원칙", "21세기", "3개월").
_NOT_COUNTER_BEFORE = {
    "원": ("칙", "색", "소", "리", "점", "형", "장"),
    "명": ("예", "칭", "품", "령", "절"),
    "개": ("월", "년"),
    "대": (*"학회표상책비통출응형선전장량규결안체처화문교구행립신중면0123456789", " 0", " 1", " 2", " 3"),
    "건": ("강", "설", "물", "축", "립", "조", "너", "배", "국", "실", "우"),
    "채": ("소", "권", "용", "택", "무", "널", "식", "집"),
    "배": tuple("달출치정경우추터포려분송상당후열구드수관제척신양"),
    "세": tuple("기계금부종율입출무수력제션포탁"),
    "평": tuple("가균화생등택창양소야범판론상온면방준정결"),
    "엔": ("진", "터", "지", "딩", "젤"),
}
_LATIN_OR_SYMBOL = re.compile(r"[^가-힣]+")
# Units that take "대" for "in that range": "1억원대", "3%대", "10만명대", "30평대".
_BAND_UNITS = {"KRW", "USD", "JPY", "CNY", "EUR", "percent", "people", "평"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_BODY = rf"(?:{_NUM})(?:(?:조|억|만|천|백)(?:[ ]?(?:{_NUM}))?)*"
_SU = r"수(?:(?:십|백|천)(?:만|억|조)?|만|억|조)"
_TILDE = r"[~∼〜～]"
# A number that starts an amount must not continue a number, a Latin word, a separator, or "제" (ordinal).
_NB = r"(?<![0-9A-Za-z.,·:/\-제])"

_AMOUNT = re.compile(
    rf"""
    (?:(?<![가-힣])(?P<pre>약|대략|어림잡아|줄잡아)[ ]?)?
    (?:{_NB}(?P<lo>{_BODY})(?P<lo_yeo>여)?(?:[ ]?(?:{_COUNTER}))?[ ]?{_TILDE}[ ]?)?
    (?:{_NB}(?P<num>{_BODY})|(?<![가-힣])(?P<su>{_SU}))
    (?P<yeo>여(?!름))?
    (?:(?P<space>[ ]?)(?P<unit>{_COUNTER})(?P<band>대)?)?
    (?:[ ]?(?P<post>가량|안팎|남짓|정도|내외|쯤))?
    """,
    re.VERBOSE,
)
_TOKEN = re.compile(rf"(?P<num>{_NUM})|(?P<group>[조억만천백])")
_GROUP = {"조": Decimal(10) ** 12, "억": Decimal(10) ** 8, "만": Decimal(10) ** 4}
_SMALL = {"천": Decimal(1000), "백": Decimal(100), "십": Decimal(10)}
_AGE_BANDS = {Decimal(n) for n in range(10, 100, 10)}
# After a number with no counter: a time or ordinal word means it is no amount ("10여 년", "5만 시간").
_TIME_WORD = re.compile(r"[ ]?(?:년|개월|일|시간|시|분|초|주|세기|번|회|차례|층|위)(?![가-힣])|[ ]?(?:년|개월|시간)")


def korean_number(body: str) -> Decimal:
    """The value of a number written with Arabic digits and Korean groups: "3억 5000만" -> 350000000."""
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    for token in _TOKEN.finditer(body):
        if token["num"]:
            current = Decimal(token["num"].replace(",", ""))
            continue
        group = token["group"]
        if group in _SMALL:
            section += (current if current is not None else Decimal(1)) * _SMALL[group]
        else:
            if current is not None:
                section += current
            elif not section:
                section = Decimal(1)  # "만" alone is ten thousand
            total += section * _GROUP[group]
            section = Decimal(0)
        current = None
    if current is not None:
        section += current
    return total + section


def _su_value(su: str) -> Decimal:
    value = Decimal(1)
    for char in su[1:]:
        value *= _SMALL.get(char) or _GROUP[char]
    return value


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _top_group(body: str) -> Decimal | None:
    groups = [_GROUP[c] for c in body if c in _GROUP]
    return max(groups) if groups else None


def _has_group(body: str | None) -> bool:
    return bool(body) and any(c in "조억만천백" for c in body)


def _mention(text: str, match: re.Match) -> AmountMention | None:
    g = match.groupdict()
    unit_written, body = g["unit"], g["num"] or g["su"]
    band = bool(g["band"]) and _UNIT.get(unit_written) in _BAND_UNITS
    end = match.end("band") if band else match.end("unit") if unit_written else match.end()
    if unit_written:
        after = match.end("unit")
        # "3원칙": the counter is the start of another word. "3개월": a duration. "3대1": a score.
        if not band and text.startswith(_NOT_COUNTER_BEFORE.get(unit_written, ()), after):
            return None
        latin = _LATIN_OR_SYMBOL.fullmatch(unit_written) is not None
        if latin and re.match(r"[A-Za-z]", text[after : after + 1]):
            return None
        spaced_ok = (latin and len(unit_written) > 1) or unit_written in ("%", "％")
        if g["space"] and not (g["yeo"] or g["su"] or _has_group(body) or spaced_ok):
            return None
        unit = _UNIT[unit_written]
    else:
        if g["su"] or not (g["yeo"] or _has_group(body)):
            return None
        rest = text[match.end("yeo") if g["yeo"] else match.end("num") :]
        if re.match(r"[가-힣]", rest) or _TIME_WORD.match(rest):
            return None
        unit = "count"
        end = match.end("yeo") if g["yeo"] else match.end("num")
    if g["post"] and unit_written and (band or not g["band"]):
        end = match.end("post")

    value = _su_value(body) if g["su"] else korean_number(body)
    if g["lo"]:
        low = korean_number(g["lo"])
        top = _top_group(body)
        if top is not None and _top_group(g["lo"]) is None and low * top <= value:
            low *= top  # "3~5만원": the low end shares the high end's group
        if unit_written == "대" and value in _AGE_BANDS and low in _AGE_BANDS:
            return None  # "40~50대": an age band
        value = low
    elif unit_written == "대" and not g["yeo"] and value in _AGE_BANDS:
        return None  # "20대": an age band
    approximate = bool(g["pre"] or g["lo"] or g["lo_yeo"] or g["yeo"] or g["su"] or band)
    approximate = approximate or end == match.end("post")
    start = match.start()
    return AmountMention(text[start:end], start, end, _plain(value), unit, approximate)


def find_amounts(text: str) -> list[AmountMention]:
    """Every amount mention in ``text``, in order."""
    mentions = []
    for match in _AMOUNT.finditer(text):
        mention = _mention(text, match)
        if mention is not None:
            mentions.append(mention)
    return mentions
