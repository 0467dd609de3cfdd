"""Author names from byline strings, and telling people from organisations.

``split_names("Von Anna Muster und Max Beispiel | 23.06.2023")`` gives
``["Anna Muster", "Max Beispiel"]``; ``is_person_name("dpa")`` is False.
"""

from __future__ import annotations

import re
from typing import Final

from byline import lexicon
from byline.dates import MONTHS
from byline.document import visible, words_in_any_script
from byline.lexicon import alternation, lexicon_words


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """``"a|b c"`` -> ``("a", "b c")``: word lists whose entries may hold spaces."""
    return tuple(phrase.strip() for phrase in text.split("|"))


MAX_NAME_WORDS: Final = 6
"""A 'name' longer than this, in any script (``words_in_any_script``), is a sentence or a
title, not a person."""

MAX_NAME_CHARS: Final = 60

MAX_SHORT_FORM: Final = 2
"""A name's last word of at most this many letters before a full stop is a short form
("Jr.", "Q."); after a longer one the stop ends a sentence."""

MAX_AGENCY_CODE_CHARS: Final = 5
"""A single all-capitals word this short is an agency code or initials ("SP-X", "APA")."""

MAX_BYLINE_CHARS: Final = 300
"""Longer strings are paragraphs or whole author boxes, not bylines."""

BYLINE_PREFIXES: Final = (
    lexicon_words(lexicon.BYLINE_PREPOSITIONS)
    + lexicon_words(lexicon.AUTHOR_LABELS)
    + lexicon_words(lexicon.TEXT_LABELS)
    + lexicon_words(lexicon.BYLINE_LEADS)
    + lexicon_words(lexicon.EXPLICIT_BYLINE_LEADS)
)
"""Lead-ins that introduce the names in a byline (longest first when compiled)."""

# Roles printed next to bylines ("Jane Doe Reporter"). One word before a role is the role's
# adjective ("Rasender Reporter", "deutscher Journalist"), not a name.
ROLE_WORDS: Final = frozenset(lexicon_words(lexicon.ROLE_WORDS))

# Words that end a name when they follow it: roles, links and labels printed next to
# bylines ("Heinz Steiner Weitere Beiträge", "Jane Doe Reporter"), a date's label
# ("기사입력"). A name that starts with one of them is not a name.
NAME_STOP_WORDS: Final = ROLE_WORDS | frozenset(
    _words("""
    staff senior weitere alle mehr more view zeige show follow share related
    folgen twitter facebook instagram linkedin e-mail email mail kontakt contact profil profile
    artikel beiträge posts articles datum date updated actualizado aktualisiert last
    übersetzt translated foto fotos photo photos bild bilder illustration video kamera
    montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday
    thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado sabado domingo
    stand hace quelle source über about zur symbolbild gesponserte gesponsert sponsored
    anzeige werbung biografie biography search suche menu menü
    afficher voir ver mostrar visualizza vedi bekijk zobacz courtesy cortesía
    """)
    + tuple(
        label
        for label in lexicon_words(lexicon.PUBLISH_WORDS) + lexicon_words(lexicon.UPDATE_WORDS)
        if " " not in label  # (one word of a phrase, "en" of "mise en ligne", may be a name's)
    )
)

# Labels of the site's interface where a byline stands ("Sign In", "Follow Author"): no name.
INTERFACE_LABELS: Final = frozenset(lexicon_words(lexicon.INTERFACE_LABELS))

# Words of a job title before its role word ("Chief Political Correspondent"): dropped with the
# role when the title follows a name.
TITLE_MODIFIERS: Final = frozenset(lexicon_words(lexicon.TITLE_MODIFIERS))

PLACES_OF_SEVERAL_WORDS: Final = frozenset(lexicon.PLACES_OF_SEVERAL_WORDS)

ROLE_PHRASE_HYPHENS: Final = 2
"""Hyphens of a role phrase ("editor-at-large"); a double name has one."""

# Endings of compound roles before a name ("Finanz-Experte Max Muster").
ROLE_ENDINGS: Final = lexicon_words(lexicon.ROLE_ENDINGS)

MAX_TITLE_WORDS: Final = 4
"""A job title before a name ("Chief Political Correspondent") is at most this many words,
the last a role word; the name after it has at least ``MIN_TITLED_NAME_WORDS``."""
MIN_TITLED_NAME_WORDS: Final = 2

# Academic degrees printed after a name ("Grant Tinsley, PhD"): never a name of their own.
DEGREES: Final = frozenset(_words("phd ph.d. ph.d md m.d. mba msc m.sc. bsc dipl. rn"))

# Professions and forms of address printed before a name, never part of it.
FORMS_OF_ADDRESS: Final = frozenset(_words("herr frau rechtsanwalt rechtsanwältin"))

# Weekday abbreviations dropped only at the end of a name ("Heiko Sauer Do, 23.06.").
_TRAILING_ABBREVIATIONS: Final = frozenset(
    _words("mo di mi do fr sa so mon tue wed thu fri sat sun")
)

# Words that join two names.
NAME_JOINERS: Final = ("and", "und", "et", "y", "i", "e", "en", "oraz", "и", "u.", "&")

# Lower-case particles that stay lower case when an ALL-CAPS name is title-cased.
NAME_PARTICLES: Final = frozenset(
    _words("von van der den de del della di da dos das du la le ten ter zu y bin al")
)

ADMIN: Final = "admin"
"""User names beginning or ending with this are a site's CMS account, not a person."""

# Whole names that credit an article but are no one person: agencies and desks.
WIRE_AGENCIES: Final = frozenset(
    _phrases(
        "afp|ap|dpa|apa|reuters|sda|sid|kna|epd|ddp|efe|ansa|pap|tass|itar-tass|xinhua|upi|ips|"
        "afp/dpa|dpa/afp|associated press|agence france-presse|bloomberg"
    )
)
MAX_AGENCY_WORDS: Final = 2
"""The most words of an agency's name ("Associated Press")."""
MIN_FULL_NAME_WORDS: Final = 2
"""Words of a full name that an agency's name after it is cut from ("Mary Ap" stays)."""
AGENCY_AND_DESK_NAMES: Final = WIRE_AGENCIES | frozenset(
    _phrases(
        "staff|editors|redaktion|red|red.|team|desk|newsroom|news|editorial board|editorial staff"
    )
)

# Whole names that stand for no one: CMS accounts, roles and empty credits.
PLACEHOLDER_NAMES: Final = frozenset(
    _phrases(
        "admin|administrator|webmaster|editor|redakteur|unknown|anonymous|anonym|guest|gast|user|"
        "root|moderator|autor|author|n/a|none|null|no author|kein autor|unknown author|no name|"
        "blog|publisher|herausgeber|super user"
    )
)

# Picture agencies and credits: they credit photographs, not the text.
PICTURE_CREDITS: Final = frozenset(
    _phrases(
        "pixabay|unsplash|shutterstock|istock|getty images|imago|imago images|picture alliance|zvg"
    )
)

NON_PERSON_NAMES: Final = AGENCY_AND_DESK_NAMES | PLACEHOLDER_NAMES | PICTURE_CREDITS

# Words that, anywhere in a name, make it an organisation, a desk or a role.
ORGANISATION_WORDS: Final = frozenset(
    _words("""
    staff redaktion redaktionsteam redaction rédaction redacción redação redacao redazione redakcja
    редакция
    editorial editors desk newsdesk newsroom team board agency agentur press presse prensa
    news nachrichten media medien verlag gmbh ag inc inc. ltd ltd. llc co. corp corporation
    agencies agences agencias agenturen collectif collective kollektiv
    company group online magazin magazine zeitung journal service services wire reports
    admin administrator webmaster unknown anonymous anonym guest gast
    contributor contributors correspondent correspondents reporter reporters editor
    verein e.v stiftung foundation institut institute university universität hochschule
    gesellschaft association verband ministerium ministry sekretariat secretariat
    noticias notizie firma
    gazette herald tribune chronicle courier observer telegraph sentinel inquirer
    examiner gazzetta kurier anzeiger rundschau tagblatt tageblatt
    """)
)

# Endings of compound words that name organisations ("Tagespresse", "Finanzmagazin").
ORGANISATION_SUFFIXES: Final = (
    "presse", "zeitung", "magazin", "redaktion", "verlag", "agentur", "nachrichten", "medien",
    "pressestelle", "pressebüro", "öffentlichkeitsarbeit", "verband", "ministerium",
    "gesellschaft", "genossenschaft",
)  # fmt: skip
# Endings of street names ("Van-der-Smissen-Straße 9"): an address printed as a byline.
STREET_SUFFIXES: Final = ("straße", "strasse", "gasse")
# Post-office boxes: the contact address an <address> element prints ("PO Box 1866").
_POSTAL_BOX: Final = re.compile(r"\b(?:p\.?\s?o\.?\s+box|postfach)\b", re.IGNORECASE)
LEADING_ARTICLES: Final = frozenset(_words("the die das der el los las les il"))

CJK_NAME_LETTERS: Final = "\uac00-\ud7af\u4e00-\u9fff"
"""Hangul syllables and Chinese characters, the letters of Chinese and Korean names."""
CJK_FULL_NAME: Final = re.compile(f"[{CJK_NAME_LETTERS}]{{2,5}}")
"""A personal name in Hangul or Chinese characters, family name and given name without a
space between: two to five characters ("林玛丽", "홍길동", "山田花子")."""
CJK_AUTHOR_LABELS: Final = tuple(
    label for language in ("zh", "ja", "ko") for label in lexicon.AUTHOR_LABELS[language]
)
"""Author labels of languages without case: a name after one and a space is one, and so is a
name right after one that ends its text or bracket ("（记者张伟）")."""
_CJK_LEAD: Final = (
    "(?:"
    + alternation(CJK_AUTHOR_LABELS)
    + rf")(?={CJK_FULL_NAME.pattern}(?:$|[\s）)]))|(?:"
    + alternation(lexicon.CJK_TEXT_LABELS)
    + rf")\s?[{lexicon.CREDIT_SLASHES}]\s*"
)
"""The CJK leads no space or colon ends: "记者张伟", "文/张伟", "文｜张伟"."""

# Labels that introduce names only with a colon: "Redaktion: Eberhard Fuhr", while
# "Redaktion Gelbe Liste" is a desk.
COLON_LABELS: Final = lexicon_words(lexicon.DESK_LABELS)
_PREFIX: Final = re.compile(
    r"^(?:(?:"
    + alternation(BYLINE_PREFIXES)
    + r")(?:\s*[:：]\s*|\s+|$)|(?:"
    + alternation(COLON_LABELS)
    + r")\s*[:：]\s*|"
    + _CJK_LEAD
    + r"|[:\-–—·•|/]\s*|©\s*(?:(?:19|20)\d\d\b[\s,]*)?)+",
    re.IGNORECASE,
)
# A byline that starts after other words: "Disko Von Ernst Lohoff", "Posted on June 5, 2023 by
# Jane Doe", "Martin Junker Alles von Martin Junker". Lower-case "von" also sits inside names
# ("Anna von Berg"), so it only counts after a word that announces a byline.
# (Of the prepositions, "di" and "av" also begin names and Italian and Scandinavian phrases:
# only as the first word of a byline are they read as its lead.)
_INNER_PREPOSITIONS: Final = lexicon_words(lexicon.BYLINE_PREPOSITIONS, without=("von", "di", "av"))
_INNER_LEAD: Final = re.compile(
    r"(?:^|\s)(?:(?i:"
    + alternation(lexicon.EXPLICIT_BYLINE_LEADS["en"] + _INNER_PREPOSITIONS)
    + r")|Von|(?i:"
    + alternation(lexicon_words(lexicon.LEAD_WORDS_BEFORE_VON))
    + r")\s+von|\d[\d:.]*\s+(?i:von))\s+(?=\S)"
)
# Labels of credits that are not the author's ("Illustration von X", "Foto: Y", a wire
# story's "Reporting by X; Editing by Y").
_CREDIT_LABEL: Final = re.compile(
    r"\b(?:übersetzt von|translated by|fotos?|photos?|photograph(?:s|ed)?|bilder?|interview|"
    r"illustrations?|edit(?:ing|ed)|editor|"
    r"symbolbild|grafik|graphics?|kamera|video)\s*(?::|\s(?:von|by)\s)",
    re.IGNORECASE,
)
# Credits of the website, not of the text: "Powered by WordPress", "Theme by X", "Hecho en
# Bolivia con Drupal por Smartica".
_SITE_CREDIT: Final = re.compile(
    r"\b(?:powered|designed|design|theme|website|webdesign|hosted|made|hecho|desarrollado|"
    r"diseñado|diseño|réalisé|conçu|propulsé|realisierung|umsetzung|entwickelt)\b"
    r"[^|•·]{0,40}?\s(?:by|von|par|por)\s",
    re.IGNORECASE,
)
CONTACT_SEPARATOR: Final = " , "
"""What an e-mail address, a link or a user handle printed in a byline stands for (and a
link of the site's interface beside a name: ``sources.dom_authors``)."""
_EMAIL_OR_URL: Final = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<!\w)@\w+")
_BRACKETS: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】")
_IN_BRACKETS: Final = re.compile(r"\([^()]*\)")
"""A byline in brackets as a whole, which are no aside to drop."""
_DATE_PREPOSITIONS: Final = ("am", "um", "on", "le", "el", "il", "den", "op", "em")
"""Words that put a date after a byline's names: "von X am 3. Mai", "Geplaatst door X op 3
mei", "Escrito por X em 3 de maio"."""
# Where the names end: a separator, a date or a number, another field's label ("Category:",
# "点击:"), an update note, a photo credit, the paper a guest writes for ("for The Post",
# "Special to The Post").
_TAIL: Final = re.compile(
    r"\s[|·•/–—-]+\s|\s*\|\s*|(?<!\w)\d|\s+(?:special\s+to|for)\s"
    r"|\s(?P<label>(?-i:[A-ZÀ-ÖØ-Þ])\w*)\s*[:：]"
    r"|\s[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+\s*[:：]"
    r"|\b(?:updated?|aktualisiert|veröffentlicht|published|posted|"
    r"mis à jour|publié|actualizado|publicado|aggiornato|zaktualizowano|обновлено|"
    + alternation(_DATE_PREPOSITIONS)
    + r")\s+\d",
    re.IGNORECASE,
)
# After a lead, a lower-case "in"/"under" ends the names: "Posted by Jane Doe in Politics".
_CATEGORY_TAIL: Final = re.compile(r"\s(?:in|under)(?:\s|$)")
# Links printed after the names end the whole byline, co-authors included: "Jane Doe Follow
# Reporter for ... and ...".
_LINK_WORD: Final = re.compile(r"\s(?:follow|folgen|abonnieren|subscribe)\b", re.IGNORECASE)
_JOINER: Final = "(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + ")"
# A comma may come before the joiner of the last name: "A, B, and C" (the serial comma).
_SPLIT: Final = re.compile(
    r"\s*[,;&]\s*(?:" + _JOINER + r"\s+)?|(?<=\w)/(?=\w)|\s+" + _JOINER + r"\s+",
    re.IGNORECASE,
)
_SERIAL_JOINER: Final = re.compile(r"\s*,\s*" + _JOINER + r"\s+", re.IGNORECASE)
_TRAILING_NOISE_WORDS: Final = frozenset(
    {"at", "the", "updated", "update", "published", "posted", "aktualisiert", "veröffentlicht",
     "publiziert", "erschienen", "mis", "publié", "publicado", "pubblicato", "|", "-", "–", "—"}
    | set(_DATE_PREPOSITIONS)
    | set(MONTHS)
    | _TRAILING_ABBREVIATIONS
)  # fmt: skip
SENTENCE_ENDS: Final = ("!", "?")
"""Marks that end exclamations and questions, never a list of names."""
NAME_EDGE_CHARS: Final = " ,;:|/-–—'\"«»„“”~→›>·•()（）"
"""Punctuation, quotes and arrows around a name in a byline, never part of it."""
# A user name with digits is a person's handle ("r23", "freeman1984", "Marianne1"); other
# tokens with digits ("R2D2", "3sat") are not names.
_HANDLE_WITH_DIGITS: Final = re.compile(r"^(?:[a-zß-ÿ][a-zß-ÿ0-9._-]*|[^\W\d_]{2,}\d+)$")
_DIGIT: Final = re.compile(r"\d")
_DOMAIN: Final = re.compile(
    r"\w\.(?:com|net|org|de|at|ch|fr|it|es|pl|ru|uk|info|io|co|eu|nl)\b", re.I
)
_FILE_NAME: Final = re.compile(r"\w\.(?:html?|php|aspx?|jsp|pdf)$", re.I)
_PREFIX_WORDS: Final = frozenset(BYLINE_PREFIXES)
# A user name of two name parts joined by a dot or an underscore, in lower case ("jane.doe",
# "max_muster"). (Not a dash: "gabor-munier" is the slug of an author page.)
_NAME_HANDLE: Final = re.compile(r"^([^\W\d_]{2,})[._]([^\W\d_]{2,})$")
_LETTER: Final = re.compile(r"[^\W\d_]")


_GENDER_ENDING: Final = re.compile(r"(?<=[^\W\d_])[/*:_]-?in(?:nen)?\b", re.IGNORECASE)
"""The gender-inclusive ending of a German role or label: "Autor/in", "Autor/-in",
"Redakteur*innen", "Autor:in", "Autor_in"."""


def ungendered(text: str) -> str:
    """``text`` with its labels' and roles' gender-inclusive endings dropped ("AUTOR/IN
    Julius Richter" -> "AUTOR Julius Richter"), so that they read as the words they end."""
    if "/" in text or "*" in text or ":" in text or "_" in text:
        return _GENDER_ENDING.sub("", text)
    return text


def split_names(raw: object) -> list[str]:
    """Author names in a byline string, without "By", roles, dates or places."""
    if not isinstance(raw, str):
        return []
    text = ungendered(" ".join(visible(raw).split()))
    if not text or len(text) > MAX_BYLINE_CHARS:
        return []
    # an address or a handle after each name separates the names ("By A @a B"), as a comma
    text = _EMAIL_OR_URL.sub(CONTACT_SEPARATOR, text)
    text = _without_initials(text)
    if _IN_BRACKETS.fullmatch(text):
        text = text[1:-1]  # "(Reporting by X; Editing by Y)": a wire story's closing credits
    text = _BRACKETS.sub(" ", text)
    if text.casefold() in NON_PERSON_NAMES:
        return []  # "No Author": the whole text is a placeholder
    unprefixed = _strip_prefix(text)
    led = unprefixed != text
    text = unprefixed
    label = _CREDIT_LABEL.search(text) or _SITE_CREDIT.search(text)
    if label is not None:
        if label.start() == 0:
            return []  # "Photograph by X": the credit of a picture, not of the text
        text = text[: label.start()]
    lead = _INNER_LEAD.search(text)
    # (A lone "Von" opening the text may be a surname, "Von Kathrin"; "Pressemitteilung von"
    # is a lead wherever it stands.)
    if lead is not None and (lead.start() > 0 or " " in lead.group(0).strip()):
        text, led = text[lead.end() :], True
    category = _CATEGORY_TAIL.search(text) if led else None
    if category is not None:
        text = text[: category.start()]
    link = _LINK_WORD.search(text)
    if link is not None:
        text = text[: link.start()]
    tail = _TAIL.search(text)
    if tail is not None:
        text = text[: _tail_start(text, tail)]
    if text.rstrip().endswith(SENTENCE_ENDS):
        return []  # "Endlich mehr Beschleunigung wagen!": a headline, not names
    names: list[str] = []
    parts = _SPLIT.split(text)
    separators = ["", *_SPLIT.findall(text)]
    for index, (part, separator) in enumerate(zip(parts, separators, strict=True)):
        if _is_known_place(part):
            continue  # "By Jane Doe, New York": where she reports from, no name
        name = _clean_name(part)
        if not name or name.casefold() in DEGREES:
            continue
        if not is_person_name(name):
            if _names_an_organisation(name):
                break  # "Olympia-Verlag GmbH, Nürnberg, Germany": its address follows
            continue
        following = separators[index + 1] if index + 1 < len(separators) else None
        if _is_place_after_name(name, separator, names) and _ends_or_joins(following):
            continue  # "Von A, Berlin", "Von A und B, Berlin, und C": where they write from
        if name not in names:
            names.append(name)
    return names


def _tail_start(text: str, tail: re.Match[str]) -> int:
    """Where the names end before ``tail``: at a label ("Jane Doe Fotos: X"), but after the
    word before the colon when that word ends a name of one word more ("Jane Doe: Blogger")."""
    if tail.group("label") and len(text[: tail.start()].split()) < MIN_FULL_NAME_WORDS:
        return tail.end("label")
    return tail.start()


MAX_INITIALS: Final = 3
"""Letters of the initials a site prints in a round badge before each writer's name."""


def _without_initials(text: str) -> str:
    """``text`` without the initials badge before each name, which separates the names
    instead: "LP Luana Patriolino RF Raphael Felice" -> "Luana Patriolino , Raphael Felice"."""
    words = text.split(" ")
    kept: list[str] = []
    for index, word in enumerate(words):
        letters = len(word)
        named = words[index + 1 : index + 1 + letters]
        if (
            2 <= letters <= MAX_INITIALS
            and word.isupper()
            and word.isalpha()
            and len(named) == letters
            and all(name[:1] == initial for name, initial in zip(named, word, strict=True))
        ):
            if kept:
                kept.append(CONTACT_SEPARATOR.strip())
            continue
        kept.append(word)
    return " ".join(kept)


def _names_an_organisation(name: str) -> bool:
    """Whether ``name`` is an organisation's full name (by the words it holds) or a phrase:
    what follows it in a byline is its address or the rest of its name ("Bundesministerium
    für Wirtschaft und Klimaschutz"). (A desk's one word, "Redaktion, Anna Muster", may be
    followed by people.)"""
    words = name.split()
    lowered_words = [word.casefold().strip(".,:;") for word in words]
    return len(words) > 1 and (
        any(word in ORGANISATION_WORDS for word in lowered_words)
        or any(word.endswith(ORGANISATION_SUFFIXES) for word in lowered_words)
        or _mixes_lowercase_words(words)
    )


def _ends_or_joins(separator: str | None) -> bool:
    """Whether a byline's part is its last, or the last name's joiner follows it (", and")."""
    return separator is None or _SERIAL_JOINER.fullmatch(separator) is not None


def _is_known_place(part: str) -> bool:
    """Whether ``part`` of a byline is a place of several words (``PLACES_OF_SEVERAL_WORDS``)."""
    return " ".join(part.split()).strip(NAME_EDGE_CHARS).casefold() in PLACES_OF_SEVERAL_WORDS


def _is_place_after_name(name: str, separator: str, names: list[str]) -> bool:
    """Whether ``name``, one word after a comma that follows a full name (at the end of a
    byline, or before the last name's joiner), is the place the author writes from: "Von
    Markus Balser, Berlin"."""
    return (
        separator.strip() == ","
        and " " not in name
        and bool(names)
        and " " in names[-1]
        and name[:1].isupper()
    )


def is_person_name(name: str, declared: bool = False) -> bool:
    """Whether ``name`` looks like a person rather than an organisation or placeholder.

    ``declared``: markup calls it a person (schema.org ``Person``), so a lower-case word
    after a capitalised first name ("Mobasir hassan") does not make it a phrase.
    """
    if not isinstance(name, str):
        return False
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_CHARS or not _LETTER.search(name):
        return False
    if any(c.isdigit() for c in name) and not _HANDLE_WITH_DIGITS.match(name):
        return False
    if "@" in name or "://" in name or "www." in name.lower():
        return False
    if _DOMAIN.search(name) or _FILE_NAME.search(name):
        return False  # "Spiegel.de", "stunnel_rsync.html": a site or a page, not a person
    words = name.split()
    if words_in_any_script(name) > MAX_NAME_WORDS:
        return False
    if len(words) == 1 and name.isupper() and len(name) <= MAX_AGENCY_CODE_CHARS:
        return False  # "SP-X", "KNA", "DT": an agency code or initials, not a name
    lowered = name.casefold()
    if len(words) == 1 and (lowered.startswith(ADMIN) or lowered.endswith(ADMIN)):
        return False  # "wordpressadmin", "admin2": the CMS account, not a person
    if lowered in NON_PERSON_NAMES or lowered in _PREFIX_WORDS or lowered in NAME_JOINERS:
        return False
    if lowered in INTERFACE_LABELS:
        return False  # "Sign In", "Follow Author": the site's interface, not a name
    lowered_words = [word.strip(".,:;") for word in lowered.split()]
    if any(word in ORGANISATION_WORDS for word in lowered_words):
        return False
    if any(word.endswith(ORGANISATION_SUFFIXES) for word in lowered_words):
        return False  # "Tagespresse", "Finanzmagazin": German compounds name organisations
    if any(word.endswith(STREET_SUFFIXES) for word in lowered_words):
        return False  # "Van-der-Smissen-Straße": an address
    if _POSTAL_BOX.search(name):
        return False  # "Creative Commons PO Box": an organisation's contact address
    if len(words) > 1 and lowered_words[0] in LEADING_ARTICLES:
        return False  # "Die Tagespresse", "El Colombiano": no personal name starts with an article
    if lowered_words[0] in NAME_STOP_WORDS:
        return False
    if declared and words[0][:1].isupper():
        return True
    return not _mixes_lowercase_words(words)


def is_user_handle(name: str) -> bool:
    """Whether ``name`` is one token of letters and digits, a user name ("delta201", "r23",
    "Marianne1"): no word of a language, so one alone after "by" still names a person."""
    return (
        " " not in name
        and _DIGIT.search(name) is not None
        and _HANDLE_WITH_DIGITS.match(name) is not None
        and _LETTER.search(name) is not None
    )


def _mixes_lowercase_words(words: list[str]) -> bool:
    """Whether capitalised words sit next to lower-case ones that are not particles.

    "Tricks für zu Hause" is a phrase; "Ursula von der Leyen" and "john smith" may be names.
    """
    capitalised = [w[:1].isupper() for w in words]
    if len(words) < 2 or not any(capitalised) or all(capitalised):
        return False
    return any(
        not cap and w[:1].isalpha() and w.lower() not in NAME_PARTICLES
        for w, cap in zip(words, capitalised, strict=True)
    )


def _strip_prefix(text: str) -> str:
    match = _PREFIX.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    # "Di" and "Von" also begin surnames ("Von Trier"): strip them before a single word only
    # when written in lower case ("von gizzmo").
    lead = match.group(0).strip()
    if lead in ("Di", "Von", "DI", "VON") and len(rest.split()) < 2:
        return text
    return rest


_NAME_BEFORE_ROLE: Final = re.compile("[\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff]+$")
"""A name in Hangul, kana or Chinese characters, one word: the scripts whose languages print
a role after the name it titles (one word before a role is elsewhere the role's adjective)."""


def _clean_name(part: str) -> str:
    words = _without_title(part.strip(NAME_EDGE_CHARS).split())
    while len(words) > 1 and words[0].casefold() in FORMS_OF_ADDRESS:
        words.pop(0)  # "Rechtsanwalt Sebastian Einbock"
    for index, word in enumerate(words[1:], start=1):
        folded = word.casefold().strip(".,:")
        if folded in NAME_STOP_WORDS or _is_role(folded):
            if index == 1 and _is_role(folded) and _NAME_BEFORE_ROLE.match(words[0]):
                return words[0]  # "홍길동 기자": Korean and Japanese print the role after it
            if index == 1 and (_is_role(folded) or folded in ORGANISATION_WORDS):
                # "Rasender Reporter", "Freier Journalist": a role; "Globe Staff", "Times Staff
                # Writer": the paper's desk; no name
                return ""
            words = words[:index]
            if _is_role(folded):
                # The words of the role's title before it: "Jane Doe Contributing Writer",
                # "Anna Muster freie Journalistin" (and "Chief Political Correspondent"
                # after a comma is the title of the name before it, no name); a title in
                # sentence case opens with the capital before its lower-case role
                # ("Richard Adams Education editor").
                titled = len(words)
                while words and (
                    words[-1].casefold() in TITLE_MODIFIERS
                    or (words[-1].islower() and words[-1] not in NAME_PARTICLES)
                ):
                    words.pop()
                if len(words) == titled and word.islower() and len(words) > MIN_TITLED_NAME_WORDS:
                    words.pop()
            break
    words = _without_agency(words)
    while words and words[-1].casefold().strip(".,") in _TRAILING_NOISE_WORDS:
        words.pop()  # "John Smith, June 5": the month is left when the digits are cut
    if words and words[-1].endswith(".") and len(_LETTER.findall(words[-1])) > MAX_SHORT_FORM:
        words[-1] = words[-1][:-1]  # "By Jane Doe. Photos by John Roe": a full stop
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]  # "Jane Doe Jane Doe": a picture's text and the link's
    name = " ".join(words).strip(" ,;:|-–—")
    if len(words) == 1 and name.isupper() and len(name) <= MAX_AGENCY_CODE_CHARS:
        return ""  # "SP-X", "KNA": an agency code, before title case would hide it
    if name.isupper() and len(name) > 3:
        name = _title_case(name)
    return name


def _without_agency(words: list[str]) -> list[str]:
    """A full name without the wire agency printed after it: "Jane Doe Reuters", "Jane Doe
    Associated Press" (the agency's name alone is no person's: ``NON_PERSON_NAMES``)."""
    for size in range(MAX_AGENCY_WORDS, 0, -1):
        named = len(words) >= MIN_FULL_NAME_WORDS + size
        if named and " ".join(words[-size:]).casefold() in WIRE_AGENCIES:
            return words[:-size]
    return words


def _is_role(word: str) -> bool:
    """Whether ``word`` (folded) is a role: "reporter", or a role in a phrase of hyphened
    words, "editor-in-chief", "editor-at-large" (not a double name, "Autor-Muster")."""
    return word in ROLE_WORDS or (
        word.count("-") >= ROLE_PHRASE_HYPHENS and word.partition("-")[0] in ROLE_WORDS
    )


_INVERTED_NAME: Final = re.compile(
    r"^(?P<surname>(?:[a-z]+\s){0,2}[A-ZÀ-Þ][\w'’-]+),\s*"
    r"(?P<given>(?:[A-ZÀ-Þ](?:[a-zß-ÿ][\w'’-]*|\.)?(?:\s|$)){1,3})$"
)
"""A name written surname first, as catalogues and citations write it: "Harm, Robert",
"Schmidt, Anna Maria", "van der Berg, J." (one comma; a particle or two before the surname;
given names or initials after it, which an agency's letters are not: "Reuters, AP")."""


def inverted_name(value: str) -> str:
    """``value`` in reading order when it is a name written surname first (the form Dublin
    Core creators and citation authors take: "Harm, Robert" -> "Robert Harm"), else as is.
    Only for those sources: elsewhere "Harm, Robert" may be two people."""
    text = " ".join(value.split())
    match = _INVERTED_NAME.match(text)
    return f"{match.group('given').strip()} {match.group('surname')}" if match else value


def handle_as_name(name: str) -> str:
    """``name`` as a person's name: a handle of two name parts ("jane.doe", "max_muster")
    as the name it stands for ("Jane Doe"); any other name (a domain, "kath.net") as it is."""
    handle = _NAME_HANDLE.match(name) if name.islower() and not _DOMAIN.search(name) else None
    if handle is None:
        return name
    return f"{handle.group(1).title()} {handle.group(2).title()}"


def _without_title(words: list[str]) -> list[str]:
    """``words`` without the job title printed before the name: "Senior Editor Jane Doe",
    "Chief Political Correspondent John Smith", "Finanz-Experte Max Muster" -> the name.
    A title is up to ``MAX_TITLE_WORDS`` words ending in a role word or a compound role."""
    for index, word in enumerate(words[:MAX_TITLE_WORDS]):
        if len(words) - index - 1 < MIN_TITLED_NAME_WORDS:
            break
        folded = word.casefold().strip(".,:")
        if folded in ROLE_WORDS or (len(folded) > 1 and folded.endswith(ROLE_ENDINGS)):
            return words[index + 1 :]
    return words


def _title_case(name: str) -> str:
    """ "JEAN-LUC VON DER LEYEN" -> "Jean-Luc von der Leyen"."""
    words = name.title().split()
    return " ".join(
        w.lower() if i and w.lower() in NAME_PARTICLES else w for i, w in enumerate(words)
    )


def credit(raw: str) -> str | None:
    """What a byline that names no person credits, as written: a desk, an agency or the
    organisation itself ("Redaktion", "AFP/The Local", "Staff and news service reports").

    None for placeholders ("Unknown", "admin"), picture credits, addresses and anything
    too long to be a byline.
    """
    text = _strip_prefix(" ".join(visible(raw).split())).strip(NAME_EDGE_CHARS)
    folded = text.casefold()
    unusable = (
        not _LETTER.search(text)
        or len(text) > MAX_NAME_CHARS
        or words_in_any_script(text) > MAX_NAME_WORDS
        or folded in PLACEHOLDER_NAMES
        or folded in PICTURE_CREDITS
        or folded in INTERFACE_LABELS
        or ADMIN in folded
        or _EMAIL_OR_URL.search(text) is not None
    )
    return None if unusable else text
