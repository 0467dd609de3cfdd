"""The language a text is written in (``byline.textlanguage``), and the record's language."""

from __future__ import annotations

from pathlib import Path

import pytest

import byline
from byline.language import language_tag
from byline.lexicon import FUNCTION_WORDS
from byline.textlanguage import language_of

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# One news paragraph per language, as an article's body opens.
TEXTS = {
    "en": "The city council said on Monday that it would not change the plan for the new "
    "bridge, which has been criticised by residents and by the shop owners who have asked "
    "for a public hearing. The mayor added that the work will start in the spring.",
    "de": "Der Stadtrat hat am Montag erklärt, dass er an den Plänen für die neue Brücke "
    "festhalten will. Die Anwohner und die Geschäftsleute, die eine öffentliche Anhörung "
    "gefordert hatten, kritisieren das Vorhaben seit Monaten. Die Arbeiten sollen im "
    "Frühjahr beginnen, sagte die Bürgermeisterin.",
    "fr": "Le conseil municipal a déclaré lundi qu'il ne modifierait pas le projet du nouveau "
    "pont, qui a été critiqué par les habitants et par les commerçants qui ont demandé une "
    "consultation publique. Les travaux commenceront au printemps, a ajouté la maire.",
    "es": "El ayuntamiento dijo el lunes que no cambiará el proyecto del nuevo puente, que ha "
    "sido criticado por los vecinos y por los comerciantes que han pedido una consulta "
    "pública. Las obras empezarán en la primavera, añadió la alcaldesa, que también habló "
    "de los costes.",
    "pt": "A câmara municipal disse na segunda-feira que não vai mudar o projeto da nova "
    "ponte, que foi criticado pelos moradores e pelos comerciantes que pediram uma consulta "
    "pública. As obras vão começar na primavera, disse a prefeita, que também falou sobre os "
    "custos.",
    "it": "Il consiglio comunale ha detto lunedì che non cambierà il progetto del nuovo ponte, "
    "che è stato criticato dai residenti e dai commercianti che hanno chiesto una "
    "consultazione pubblica. I lavori inizieranno in primavera, ha aggiunto la sindaca.",
    "nl": "De gemeenteraad zei maandag dat het plan voor de nieuwe brug niet zal worden "
    "veranderd. Het is bekritiseerd door bewoners en door de winkeliers die om een openbare "
    "hoorzitting hebben gevraagd. De werkzaamheden beginnen in het voorjaar, zei de "
    "burgemeester.",
    "pl": "Rada miasta poinformowała w poniedziałek, że nie zmieni planu budowy nowego mostu, "
    "który został skrytykowany przez mieszkańców oraz przez właścicieli sklepów, którzy "
    "domagali się konsultacji. Prace mają się rozpocząć wiosną, dodała pani burmistrz.",
    "da": "Byrådet sagde mandag, at det ikke vil ændre planen for den nye bro, som er blevet "
    "kritiseret af beboerne og af de handlende, der har bedt om et offentligt møde. Arbejdet "
    "begynder til foråret, sagde borgmesteren, og hun tilføjede, at det er meget vigtigt "
    "for byen.",
    "nb": "Bystyret sa mandag at det ikke vil endre planen for den nye brua, som har blitt "
    "kritisert av beboerne og av butikkeierne som har bedt om et åpent møte. Arbeidet "
    "begynner til våren, sa ordføreren, og hun la til at det er veldig viktig for byen.",
    "ru": "Городской совет заявил в понедельник, что не будет менять план строительства "
    "нового моста, который был раскритикован жителями и владельцами магазинов, "
    "потребовавшими общественных слушаний. Работы начнутся весной, добавила мэр города.",
    "uk": "Міська рада заявила в понеділок, що не змінюватиме план будівництва нового мосту, "
    "який розкритикували мешканці та власники крамниць, що вимагали громадських слухань. "
    "Роботи почнуться навесні, додала мерка міста.",
    "zh": "市议会周一表示，不会改变新桥的建设计划。该计划受到居民和要求举行公开听证会的店主的批评。"
    "市长补充说，工程将于春季开始。",
    "ja": "市議会は月曜日、新しい橋の建設計画を変更しないと発表した。計画は住民や公聴会の開催を"
    "求める商店主から批判されている。工事は春に始まると市長は述べた。",
    "ko": "시의회는 월요일 새 다리 건설 계획을 변경하지 않겠다고 밝혔다. "
    "이 계획은 주민들과 공청회를 요구한 상인들로부터 비판을 받아 왔다. "
    "시장은 공사가 봄에 시작될 것이라고 덧붙였다.",
    "ar": "قال مجلس المدينة يوم الاثنين إنه لن يغير خطة بناء الجسر الجديد التي انتقدها السكان "
    "وأصحاب المتاجر الذين طالبوا بجلسة استماع علنية. "
    "وأضافت رئيسة البلدية أن الأشغال ستبدأ في الربيع.",
    "hi": "नगर परिषद ने सोमवार को कहा कि वह नए पुल की योजना में कोई बदलाव नहीं करेगी, जिसकी "
    "निवासियों और दुकानदारों ने आलोचना की है। महापौर ने कहा कि काम वसंत में शुरू होगा और इस "
    "साल के अंत तक पूरा हो जाएगा।",
    "el": "Το δημοτικό συμβούλιο δήλωσε τη Δευτέρα ότι δεν θα αλλάξει το σχέδιο για τη νέα "
    "γέφυρα, το οποίο έχει επικριθεί από τους κατοίκους και τους καταστηματάρχες.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_language_of_a_paragraph(language: str) -> None:
    assert language_of(TEXTS[language]) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Home | News | Sport | Kontakt",  # too few letters to tell
        "12.03.2024 10:15 — 3:1 (1:0)",
        # a language the word table does not hold reads as none of its neighbours
        "Euskal Herriko Unibertsitateak astelehenean jakinarazi zuenez, ikasturte berria "
        "irailaren erdialdean hasiko da eta ikasle guztiek matrikula egin beharko dute.",
    ],
)
def test_a_text_that_tells_no_language(text: str) -> None:
    assert language_of(text) is None


def test_letters_of_one_language_decide_within_a_script() -> None:
    serbian = "Градско веће је у понедељак саопштило да неће мењати план за нови мост, који су "
    serbian += "критиковали становници и власници продавница. Радови ће почети на пролеће."
    assert language_of(serbian) == "sr"
    persian = "شورای شهر روز دوشنبه اعلام کرد که طرح ساخت پل جدید را تغییر نخواهد داد. این طرح "
    persian += "از سوی ساکنان و مغازه داران مورد انتقاد قرار گرفته است و کار در بهار آغاز می شود."
    assert language_of(persian) == "fa"


def test_a_few_words_of_another_script_name_no_language() -> None:
    """An English story that quotes Russian words is English: the letters that tell Russian
    from its neighbours count only in a Cyrillic text."""
    quoting = "The sign read «очень хорошо, мы знаем», which means that we know it well. "
    assert language_of(quoting + TEXTS["en"]) == "en"


def _page(html_lang: str, text: str) -> bytes:
    lang = f' lang="{html_lang}"' if html_lang else ""
    return (
        f"<html{lang}><head><title>Die Brücke</title></head><body><article><h1>Die Brücke</h1>"
        f"<p>{text}</p><p>{text}</p></article></body></html>"
    ).encode()


def test_the_record_reads_the_language_of_a_page_that_declares_none() -> None:
    article = byline.extract(_page("", TEXTS["de"]), url="https://example.org/a")
    assert article.language == "de"
    assert article.provenance["language"].source == "text"


def test_the_body_s_language_overrules_a_template_s_default() -> None:
    """A German page whose template declares "en-US": the body's language is the record's,
    the declaration an alternative."""
    article = byline.extract(_page("en-US", TEXTS["de"]), url="https://example.org/a")
    assert article.language == "de"
    assert article.provenance["language"].source == "text"
    assert [a.value for a in article.provenance["language"].alternatives] == ["en-US"]
    # a declaration the body agrees with stays, its region too
    agreed = byline.extract(_page("pt-BR", TEXTS["pt"]), url="https://example.org/a")
    assert agreed.language == "pt-BR"
    assert agreed.provenance["language"].source == "dom"


def test_a_less_trusted_declaration_of_the_body_s_language_is_chosen() -> None:
    """``<html lang="en-US">`` over a JSON-LD ``inLanguage`` of "de-DE" on a German story:
    the declaration the body agrees with, its region and its source kept."""
    json_ld = '<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "de-DE"}'
    html = _page("en-US", TEXTS["de"]).replace(b"</head>", json_ld.encode() + b"</script></head>")
    article = byline.extract(html, url="https://example.org/a")
    assert article.language == "de-DE"
    assert article.provenance["language"].source == "json-ld"
    assert [a.value for a in article.provenance["language"].alternatives] == ["en-US"]


def test_a_short_body_keeps_the_declared_language() -> None:
    article = byline.extract(_page("fr", "Fermé le lundi. Ouvert du mardi au samedi."), url=None)
    assert article.language == "fr"


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_the_bundled_samples_are_read_in_the_language_they_declare(sample: Path) -> None:
    html = sample.read_bytes()
    article = byline.extract(html, url=None)
    declared = language_tag(_declared(html.decode("utf-8", "replace")))
    if declared is not None:
        assert article.language is not None
        assert article.language.split("-")[0] == declared.split("-")[0]


def _declared(html: str) -> str | None:
    start = html.find("<html")
    head = html[start : html.find(">", start)]
    marker = 'lang="'
    if marker not in head:
        return None
    return head.split(marker, 1)[1].split('"', 1)[0]


def test_each_language_lists_a_common_word_once() -> None:
    for language, words in FUNCTION_WORDS.items():
        assert len(set(words)) == len(words), language


def test_three_letter_codes_are_written_as_two() -> None:
    assert language_tag("eng") == "en"
    assert language_tag("spa") == "es"
    assert language_tag("ger-DE") == "de-DE"
