"""Language tags: what pages write (``en_EN``, ``pt_br``, ``de-DE``) as BCP 47.

The one normaliser of language names: reconciliation uses it on what sources say, the
corpus store on what it is asked to filter by.
"""

from __future__ import annotations

import re
from typing import Final

_LANGUAGE_TAG: Final = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}|[a-zA-Z]{2}|\d{3})\b)?")
# ISO 3166-1 alpha-2: a region outside this list (``en_EN``, ``en_UK``...) is a CMS typo.
COUNTRY_CODES: Final = frozenset(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW".split()
)


# ISO 639-2 codes that pages write for languages BCP 47 names with two letters ("eng",
# "ger", "spa"): the bibliographic and the terminology code of the most common ones.
THREE_LETTER_CODES: Final = {
    "eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr", "spa": "es",
    "ita": "it", "por": "pt", "dut": "nl", "nld": "nl", "pol": "pl", "rus": "ru",
    "ukr": "uk", "cze": "cs", "ces": "cs", "slo": "sk", "slk": "sk", "swe": "sv",
    "dan": "da", "nor": "no", "nob": "nb", "fin": "fi", "est": "et", "hun": "hu",
    "rum": "ro", "ron": "ro", "tur": "tr", "gre": "el", "ell": "el", "bul": "bg",
    "hrv": "hr", "srp": "sr", "slv": "sl", "lit": "lt", "lav": "lv", "cat": "ca",
    "chi": "zh", "zho": "zh", "jpn": "ja", "kor": "ko", "ara": "ar", "per": "fa",
    "fas": "fa", "heb": "he", "hin": "hi", "ind": "id", "may": "ms", "msa": "ms",
    "vie": "vi", "tha": "th",
}  # fmt: skip


MACROLANGUAGES: Final = {"nb": "no", "nn": "no"}
"""Languages that a page may declare by their macrolanguage: Bokmål as Norwegian ("no")."""


def primary_language(tag: str) -> str:
    """The language of a BCP 47 tag, without its script or region: ``pt-BR`` -> ``pt``."""
    return tag.split("-", 1)[0]


def same_language(first: str, second: str) -> bool:
    """Whether two tags name one language, whatever their regions, a macrolanguage naming
    its member ("no" and "nb-NO")."""
    one, other = primary_language(first), primary_language(second)
    return MACROLANGUAGES.get(one, one) == MACROLANGUAGES.get(other, other)


def language_tag(value: str | None) -> str | None:
    """BCP 47 from what pages write: ``en_EN`` -> ``en``, ``pt_br`` -> ``pt-BR``.

    None when the text does not start with a language code.
    """
    text = " ".join((value or "").split())
    match = _LANGUAGE_TAG.match(text)
    if not match:
        return None
    language, region = match.group(1).lower(), match.group(2)
    language = THREE_LETTER_CODES.get(language, language)
    if not region:
        return language
    if len(region) == 4:
        return f"{language}-{region.title()}"
    if region.isalpha() and region.upper() not in COUNTRY_CODES:
        return language
    return f"{language}-{region.upper()}"
