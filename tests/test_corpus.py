"""byline on real pages of the development corpus, read in place from ``../shared``.

Two kinds of test:
- page tests: for each listed page, every annotated main-text snippet is in the
  body, no annotated boilerplate snippet is, and the annotated title, author and
  date are what byline reports (pages chosen across languages and site types);
- the quality gate: every page of the corpus scored as ``../shared/README.md`` says,
  failing when a figure drops below a floor set just under its value when the floor
  was last raised.

Without the corpus they are skipped, unless ``BYLINE_REQUIRE_CORPUS`` is set (as in CI):
then they fail.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from conftest import CORPUS, needs_shared

import byline
from bench.corpus import METADATA_FIELDS, Score, metadata_matches, normalise

pytestmark = needs_shared(CORPUS / "annotations.json")


@cache
def annotations() -> dict[str, dict]:
    data = json.loads((CORPUS / "annotations.json").read_text(encoding="utf-8"))
    return {entry["file"]: {"url": url, **entry} for url, entry in data.items()}


@cache
def article(file: str) -> byline.Article:
    entry = annotations()[file]
    return byline.extract((CORPUS / "html" / file).read_bytes(), url=entry["url"])


def tool_output(file: str) -> dict[str, str | None]:
    record = article(file)
    return {
        "title": record.title,
        "author": "; ".join(person.name for person in record.authors) or record.credit,
        "date": record.published.isoformat()[:10] if record.published else None,
        "description": record.description,
    }


# Pages across languages (de, en, es, pt, fr, zh...) and site types (news, blogs, forums,
# public bodies) where every annotated field is set: regression tests of the whole record.
PAGES: list[str] = [
    "papaganda.org.minions.html",
    "banyuetan.org.1000200033136171577956287380194268_1.html",
    "finanztreff.de-Influencer.html",
    "hertha-blog.de.dame.html",
    "angelmagazin.de-schmerzen.html",
    "d44c5ef50718437984dca47627dee96b.html",
    "beige.de.suedfrankreich.html",
    "beyssonmanagement.com.innovation.html",
    "leichtathletik-ostalbkreis.de.1952007.html",
    "bunterepublik.wordpress.com.talstrasse.html",
    "californiaglobe.com.amazon.html",
    "campino2k.de.uberspace.html",
    "citylimits.org-Nycha.html",
    "creeny.wordpress.com.nebelsuppe.html",
    "motor1.de-erwischt.html",
    "eldeber.com.bo-autos.html",
    "gay.ch-papst.html",
    "gizmeo.eu.insekten.html",
    "journal.3960.org.firefox.html",
    "lapresse.tn.parite.html",
    "litradio.net.bossong.html",
    "motor.at-elektroroller.html",
    "netzpolitik.org.abmahnungen.html",
    "strangemachines.io.performant.html",
    "trome.pe-chollywood.html",
    "ultimasnoticias.com.ve-ucraina.html",
    "24horas.cl-segundo.html",
    "aclu.org-grades.html",
    "anchor.ch.lanka.html",
    "campograndenews.com.br-adolescente.html",
    "correio24horas.com.br-PMS.html",
    "correiobraziliense.com.br-poderes.html",
    "katzen-forum.net-Pepe.html",
    "livenet.ch-sprache.html",
    "d42c68f1b0f4408b81cf8f00bbe1a631.html",
    "oetv.at-taucher.html",
    "piratenpartei.at.grundeinkommen.html",
    "publimetro.cl-ministra.html",
    "unsere-zeitung.at.inklusion.html",
]


KNOWN_SNIPPET_MISSES: dict[str, str] = {}
"""Pages whose snippets byline is known to get wrong, and why: strict, so a fix shows."""


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(f, marks=pytest.mark.xfail(reason=KNOWN_SNIPPET_MISSES[f], strict=True))
        if f in KNOWN_SNIPPET_MISSES
        else f
        for f in PAGES
    ],
)
def test_annotated_snippets(file):
    entry = annotations()[file]
    body = normalise(article(file).body)
    missed = [s for s in entry["with"] if normalise(s) not in body]
    leaked = [s for s in entry["without"] if normalise(s) in body]
    assert (missed, leaked) == ([], [])


@pytest.mark.parametrize("file", PAGES)
def test_annotated_metadata(file):
    entry = annotations()[file]
    found = tool_output(file)
    wrong = {
        name: (entry[name], found[name])
        for name in ("title", "author", "date")
        if normalise(
            entry.get(name)
            if isinstance(entry.get(name), str)
            else "; ".join(entry.get(name) or [])
        )
        and not metadata_matches(name, entry[name], found[name])
    }
    assert wrong == {}


# Measured on all 790 pages when last raised: F1 0.958 (P 0.953, R 0.962), title 0.882
# (600 of 680, raised from 0.857 on 2026-12-07), author 0.843 (361 of 428, raised from 0.825
# on 2026-12-07, when a visible byline that names no person became the credit), date 0.940.
# Raise them when byline gets better; never lower them to pass.
# (Precision was lowered once, from 0.945, when the paragraph model was retrained with
# scripts/train_blocks.py, reproducibly and with site-grouped CV: F1 0.952 (P 0.944, R 0.960),
# CV F1 0.949; the weights shipped before could not be reproduced.)
# (Recall was lowered once, from 0.959, on 2026-12-07, when the paragraph model learned the
# share of the text its paragraph's box holds (``box_share``): F1 0.954 -> 0.957 (P 0.946 ->
# 0.955, R 0.962 -> 0.958), CV F1 0.9522 -> 0.9536, the blind check's main text 0.9292 ->
# 0.9313; F1 and precision were raised with it. With the next paragraph's share too and a
# row of boxes of one kind read as one: P 0.953, R 0.961, CV 0.9542, blind 0.9329, and recall
# went back to 0.959.)
FLOORS: dict[str, float] = {
    "f1": 0.956,
    "precision": 0.953,
    "recall": 0.960,
    "title": 0.883,
    "author": 0.840,
    "date": 0.937,
}


def test_quality_gate():
    score = Score()
    for file, entry in sorted(annotations().items()):
        try:
            found = {"body": article(file).body, **tool_output(file)}
        except byline.ExtractionError:
            found = {}
        score.add_text(entry, found.get("body"))
        for name in METADATA_FIELDS:
            score.add_field(name, entry.get(name), found.get(name))
    measured = {
        "f1": score.f1,
        "precision": score.precision,
        "recall": score.recall,
        **{name: score.accuracy(name) for name in ("title", "author", "date")},
    }
    below = {
        name: (round(measured[name], 3), floor)
        for name, floor in FLOORS.items()
        if measured[name] < floor
    }
    assert below == {}, f"below the floor (measured, floor): {below}; all: {measured}"


# The body's language against the page's declaration, on all 790 pages (2026-12-07, eighth
# session): of 739 pages that declare one, the body overrules the most trusted declaration on
# 21 (mostly German pages whose template declares en-US; by reading them the text is right on
# all but 3, German pages of mostly English quotations): on 4 a less trusted declaration
# agrees with it, on 17 the language read from the text is the record's. All 51 that declare
# none are read.
MAX_OVERRULED_SHARE = 0.04
MIN_UNDECLARED_READ_SHARE = 0.9


def test_the_body_s_language_rarely_overrules_a_declaration_and_reads_the_undeclared():
    overruled = declared = undeclared = read = 0
    for file in sorted(annotations()):
        try:
            record = article(file)
        except byline.ExtractionError:
            continue
        origin = record.provenance.get("language")
        from_text = origin is not None and origin.source == "text"
        if origin is None or (from_text and not origin.alternatives):
            undeclared += 1
            read += from_text
        else:
            declared += 1
            overruled += from_text
    assert overruled <= MAX_OVERRULED_SHARE * declared, (overruled, declared)
    assert read >= MIN_UNDECLARED_READ_SHARE * undeclared, (read, undeclared)
