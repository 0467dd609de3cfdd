"""The words news pages print around their metadata, per language.

Every pattern and prefilter that reads these words is built from the tables here
(``authors``, ``dates``, ``render``, ``sources.dom_authors``, ``sources._page``), so that
adding a language is adding an entry to each table. Tables are keyed by language code, like
``MONTH_NAMES``; ``""`` holds what no one language owns. Words are lower case; the
patterns match them ignoring case. A pattern that reads only part of a table says which
part and why (``lexicon_words(table, without=...)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, TypeAlias

Table = Mapping[str, tuple[str, ...]]


def _phrases(text: str) -> tuple[str, ...]:
    """``"a|b c"`` -> ``("a", "b c")``: word lists whose entries may hold spaces."""
    return tuple(phrase.strip() for phrase in text.split("|"))


# --- bylines ------------------------------------------------------------------------------

BYLINE_PREPOSITIONS: Final[Table] = {
    "en": ("by",),
    "de": ("von",),
    "fr": ("par",),
    "es": ("por",),
    "pt": ("por",),
    "it": ("di",),
    "nl": ("door",),
    "pl": ("przez",),
    "sv": ("av",),
    "da": ("af",),
    "ar": ("بقلم",),
    "he": ("מאת",),
    "id": ("oleh",),
    "ms": ("oleh",),
    "fa": ("به قلم",),
    "th": ("โดย",),
}
"""The word before an author's name: "by Jane Doe", "von Anna Muster"."""

AUTHOR_LABELS: Final[Table] = {
    "en": ("author", "authors"),
    "de": ("autor", "autorin", "autoren", "autorinnen", "redakteur", "redakteurin"),
    "fr": ("auteur", "auteurs", "autrice"),
    "es": ("autora",),
    "pl": ("autorka",),
    "ru": ("автор", "авторы"),
    "it": ("autore", "autrice", "autori"),
    "da": ("forfatter",),
    "sv": ("författare",),
    "ar": ("الكاتب", "الكاتبة", "كاتب", "كتب", "كتبت", "إعداد"),
    "ja": ("著者", "筆者", "記者", "執筆"),
    "zh": ("作者", "原作者", "记者", "撰文"),
    "ko": ("작성자", "글쓴이"),
    "hi": ("लेखक", "लेखिका", "संवाददाता", "रिपोर्ट", "रिपोर्टर"),
    "ur": ("تحریر", "مصنف", "رپورٹ"),
    "sr": ("аутор", "ауторка"),
    "tr": ("yazar", "yazan", "muhabir"),
    "id": ("penulis", "reporter", "wartawan"),
    "fa": ("نویسنده", "خبرنگار"),
    "th": ("ผู้เขียน",),
    "vi": ("tác giả",),
    "fi": ("kirjoittaja", "kirjoittajat", "toimittaja"),
    "hu": ("szerző", "szerzők", "írta"),
    "sl": ("avtor", "avtorica"),
    "lt": ("autorius", "autorė"),
    "lv": ("autors", "autore"),
    "el": ("συντάκτης", "συγγραφέας"),
}
"""Labels before the names: "Autor: Hans Meier", "Author Jane Doe"."""

TEXT_LABELS: Final[Table] = {
    "en": ("text", "words"),
    "de": ("text",),
    "fr": ("texte",),
    "ru": ("текст",),
    "zh": ("文",),
    "ja": ("文",),
}
"""Labels of the text's author among the credits of a feature ("Text: X, Fotos: Y", "Words:
X · Photos: Y", "文：张伟")."""
CJK_TEXT_LABELS: Final = TEXT_LABELS["zh"] + TEXT_LABELS["ja"]
"""The text labels of scripts without spaces, which need no space before the name."""
CREDIT_SLASHES: Final = "/／|｜"
"""Chinese and Japanese pages also set a slash or a bar between the text label and the name
("文/张伟", "文｜张伟")."""

DESK_LABELS: Final[Table] = {
    "de": ("redaktion",),
    "fr": ("rédaction",),
    "es": ("redacción",),
    "pt": ("redação",),
    "it": ("redazione",),
    "pl": ("redakcja",),
}
"""The desk: a label before names only with a colon ("Redaktion: Eberhard Fuhr"), else the
desk's own name ("Redaktion Gelbe Liste")."""

BYLINE_LEADS: Final[Table] = {
    "en": _phrases(
        "written by|posted by|published by|submitted by|story by|words by|reporting by|"
        "view all posts by|"
        "more from|more by|from|published|posted|interview|text and photos|words and pictures|"
        "about the author|recipe by|recipe from|copyright"
    ),
    "de": _phrases(
        "geschrieben von|verfasst von|erstellt von|veröffentlicht von|publiziert von|"
        "beitrag von|ein beitrag von|ein artikel von|alles von|zeige alle beiträge von|"
        "alle beiträge von|veröffentlicht|publiziert|interview|"
        "text & fotos|text und fotos|text & bilder|text und bilder|text und interview|"
        "text & interview|über den autor|über die autorin|eingestellt von|gepostet von|"
        "rezept von|ein rezept von"
    ),
    "fr": _phrases("écrit par|publié par|à propos de l'auteur"),
    "es": _phrases("escrito por|publicado por|publicado|escribe|sobre el autor|receta de"),
    "it": _phrases("scritto da|a cura di"),
    "nl": _phrases("geschreven door"),
    "pl": _phrases("napisał|napisała"),
    "ru": _phrases("от"),
    "zh": _phrases("责任编辑|编辑|作者|记者"),
    "": _phrases("~"),
}
"""Other lead-ins of the names in a byline: phrases ("written by"), verbs ("publiziert"),
an author box's heading ("About the author"), credits of text and pictures."""

EXPLICIT_BYLINE_LEADS: Final[Table] = {
    "en": _phrases("posted by|written by|submitted by|words by|story by|text by"),
    "de": _phrases(
        "text von|geschrieben von|verfasst von|erstellt von|beitrag von|ein beitrag von|"
        "ein artikel von|ein text von|ein bericht von|ein kommentar von|ein gastbeitrag von|"
        "eine kolumne von|eine reportage von|eine analyse von|eine glosse von|"
        "eine rezension von|eingestellt von|gepostet von|veröffentlicht von|publiziert von|"
        "rezept von|ein rezept von"
    ),
    "fr": _phrases("publié par|écrit par|posté par|rédigé par"),
    "es": _phrases("publicado por|escrito por|redactado por"),
    "pt": _phrases("publicado por|escrito por|postado por"),
    "nl": _phrases("geplaatst door|geschreven door"),
    "it": _phrases("scritto da|pubblicato da|postato da"),
    "sv": _phrases("skriven av|skrivet av|publicerad av|postad av"),
    "nb": _phrases("skrevet av|publisert av|postet av"),
    "da": _phrases("skrevet af|udgivet af|postet af"),
    "ro": _phrases("scris de|publicat de|postat de"),
}
"""Lead-ins that make any short text a byline, even one name alone ("Posted by Konstantin");
a bare preposition ("von Anfang an") may begin a sentence."""

LEAD_WORDS_BEFORE_VON: Final[Table] = {
    "de": _phrases(
        "alles|mehr|beitrag|artikel|kolumne|kommentar|gastbeitrag|pressemitteilung|bericht|"
        "reportage|analyse|glosse|rezension|text|erstellt|geschrieben|verfasst|veröffentlicht|"
        "publiziert|eingestellt|gepostet|rezept|zusammengestellt|aufgezeichnet"
    ),
}
"""German words that make the "von" after them a byline's lead inside a longer text
("Disko Von Ernst Lohoff" is a name, "Ein Kommentar von Ernst Lohoff" a byline)."""

ROLE_WORDS: Final[Table] = {
    "en": _phrases(
        "reporter|journalist|correspondent|editor|author|photographer|columnist|contributor|"
        "writer|spokesperson|spokesman|spokeswoman|"
        # the jobs a company's or a university's blog prints after its writers' names
        "manager|director|founder|co-founder|ceo|cto|cfo|coo|president|chairman|chairwoman|"
        "consultant|analyst|researcher|scientist|economist|strategist|specialist|"
        "coordinator|officer|adviser|advisor|lecturer|intern|producer|blogger"
    ),
    "de": _phrases(
        "reporter|reporterin|redakteur|redakteurin|chefredakteur|chefredakteurin|journalist|"
        "journalistin|korrespondent|korrespondentin|editorin|autor|autorin|fotograf|"
        "fotografin|kolumnist|kolumnistin|pressesprecher|pressesprecherin|sprecher|sprecherin|"
        "geschäftsführer|geschäftsführerin|gründer|gründerin|berater|"
        "beraterin|referent|referentin|volontär|volontärin|praktikant|praktikantin"
    ),
    "fr": _phrases(
        "auteur|philosophe|journaliste|rédacteur|rédactrice|correspondant|correspondante|"
        "directeur|directrice|fondateur|fondatrice|chroniqueur|chroniqueuse"
    ),
    "es": _phrases(
        "autora|periodista|redactor|redactora|corresponsal|director|directora|fundador|"
        "fundadora|columnista"
    ),
    # Korean and Japanese print the role after the name: "홍길동 기자", "山田太郎 記者"
    "ko": _phrases("기자|특파원|논설위원|선임기자|객원기자"),
    "ja": _phrases("記者|特派員|編集委員"),
}
"""Roles printed next to a byline ("Jane Doe Reporter")."""

ROLES_AFTER_NAME: Final = ROLE_WORDS["ko"] + ROLE_WORDS["ja"]
"""Roles that follow the name they title, as Korean and Japanese print them: a name and one of
these make a byline wherever they stand in a short line ("입력 2024.03.05 · 홍길동 기자")."""

ROLE_ENDINGS: Final[Table] = {
    "de": _phrases(
        "experte|expertin|redakteur|redakteurin|korrespondent|korrespondentin|reporter|"
        "reporterin|journalist|journalistin|kolumnist|kolumnistin|autor|autorin|leiter|"
        "leiterin"
    ),
}
"""Endings of compound roles printed before a name: "Finanz-Experte Max Muster",
"Gesundheitsexpertin Anna Muster", "Wirtschaftsredakteur Jan Beispiel"."""

TITLE_MODIFIERS: Final[Table] = {
    "en": _phrases(
        "chief|senior|junior|staff|contributing|managing|executive|associate|deputy|assistant|"
        "political|foreign|business|sports|science|technology|health|special|guest|freelance|"
        "national|international|digital|investigative|economics|legal|features|culture"
    ),
}
"""Words of a job title before its role word, printed after a name: "Jane Doe, Chief
Political Correspondent", "Jane Doe Contributing Writer"."""

INTERFACE_LABELS: Final[Table] = {
    "en": _phrases(
        "sign in|sign up|log in|login|log out|logout|register|subscribe|share|home|menu|search|"
        "follow|follow author|follow us|newsletter|comments|comment|reply|print|popular|"
        "popularity|trending|authoring|read more|view profile|my account|account|settings"
    ),
    "de": _phrases(
        "anmelden|abmelden|einloggen|registrieren|abonnieren|teilen|startseite|suche|drucken|"
        "kommentare|kommentieren|antworten|beliebtheit|beliebt|folgen|mein konto|profil"
    ),
    "fr": _phrases(
        "connexion|se connecter|s'inscrire|inscription|partager|accueil|rechercher|"
        "popularité|suivre|commentaires|répondre|mon compte"
    ),
    "es": _phrases(
        "iniciar sesión|registrarse|suscribirse|compartir|inicio|buscar|popularidad|seguir|"
        "comentarios|responder|mi cuenta|lo más visto|más leídas"
    ),
    "pt": _phrases(
        "entrar|cadastre-se|compartilhar|partilhar|início|pesquisar|popularidade|seguir|"
        "comentários|responder|minha conta"
    ),
    "it": _phrases("accedi|registrati|condividi|cerca|popolarità|segui|commenti|rispondi"),
    "nl": _phrases("inloggen|aanmelden|delen|zoeken|populariteit|volgen|reageren"),
    "pl": _phrases("zaloguj|zaloguj się|udostępnij|szukaj|popularność|obserwuj|komentarze"),
    "ru": _phrases("войти|регистрация|поделиться|поиск|популярность|подписаться|комментарии"),
    "ar": _phrases("تسجيل الدخول|مشاركة|بحث|الشعبية|شعبية|متابعة|تعليقات|الرئيسية"),
    "zh": _phrases("登录|注册|分享|搜索|关注|评论|回复|发消息|发短消息|加为好友|个人资料|打招呼"),
    "ja": _phrases("ログイン|新規登録|シェア|検索|フォロー|コメント|返信|プロフィール"),
    # GnuBoard's member menu beside every name: send a note or mail, profile, posts, search
    "ko": _phrases(
        "로그인|회원가입|공유|검색|팔로우|댓글|답변|쪽지보내기|메일보내기|자기소개|"
        "아이디로 검색|이름으로 검색|전체게시물|홈페이지"
    ),
}
"""Labels of the site's interface (log-in, sharing, search, ranking widgets) that sit where a
byline does and are never a name: a text that is one of them names no one."""

OFFICE_WORDS: Final[Table] = {
    "en": _phrases(
        "president|prime|minister|secretary|chancellor|governor|mayor|senator|ambassador"
    ),
    "de": _phrases("präsident|präsidentin"),
    "fr": _phrases("président|présidente|ministre"),
    "es": _phrases("presidente|ministro"),
    "": _phrases("dr.|prof."),
}
"""Offices and titles printed between "Speech by" and the speaker's name."""

OFFICE_ENDINGS: Final[Table] = {
    "de": _phrases(
        "präsident|präsidentin|kanzler|kanzlerin|minister|ministerin|meister|meisterin|"
        "sekretär|sekretärin"
    ),
}
"""Endings of compound offices: "Bundespräsident", "Oberbürgermeisterin"."""

SIGN_OFF_WORDS: Final[Table] = {
    "en": _phrases("regards|wishes|cheers|thanks"),
    "de": _phrases("grüße|grüsse|gruß|gruss|danke"),
    "fr": _phrases("salutations"),
    "es": _phrases("saludos"),
}
"""Words of the greeting that ends a letter, on the line where a signature may stand."""

# --- dates ----------------------------------------------------------------------------------

DIGIT_ZEROS: Final = (
    "\u0660", "\u06f0", "\u0966", "\u09e6", "\u0a66", "\u0ae6", "\u0b66", "\u0be6", "\u0c66",
    "\u0ce6", "\u0d66", "\u0e50", "\u0ed0", "\u1040", "\u17e0", "\uff10",
)  # fmt: skip
"""The zeros of the scripts whose digits pages write dates in, each followed by one to nine:
Arabic-Indic, Eastern Arabic-Indic (Persian, Urdu), Devanagari, Bengali, Gurmukhi, Gujarati,
Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Myanmar, Khmer and full-width (Chinese,
Japanese)."""
OTHER_DIGITS: Final = "".join(chr(ord(zero) + n) for zero in DIGIT_ZEROS for n in range(10))
"""Those digits, zero to nine in each script."""

UPDATE_WORDS: Final[Table] = {
    "en": _phrases("updated|update|last modified|modified|last updated|last edited|edited|revised"),
    "de": _phrases(
        "aktualisiert|zuletzt aktualisiert|geändert|zuletzt am|stand|überarbeitet|letzte änderung"
    ),
    "fr": _phrases("mis à jour|mise à jour|révisé|révisée"),
    "es": _phrases("actualizado|actualización"),
    "it": _phrases("aggiornato|aggiornamento"),
    "pt": _phrases("atualizado|atualização"),
    "nl": _phrases("bijgewerkt"),
    "pl": _phrases("zaktualizowano|aktualizacja"),
    "ru": _phrases("обновлено|обновлен"),
    "uk": _phrases("оновлено"),
    "tr": _phrases("güncelleme|güncellenme|güncellendi|son güncelleme"),
    "id": _phrases("diperbarui"),
    "sv": _phrases("uppdaterad|uppdaterat"),
    "da": _phrases("opdateret"),
    "no": _phrases("oppdatert"),
    "fi": _phrases("päivitetty"),
    "cs": _phrases("aktualizováno"),
    "sk": _phrases("aktualizované"),
    "hu": _phrases("frissítve|módosítva|frissítés"),
    "ro": _phrases("actualizat|actualizată"),
    "el": _phrases("ενημερώθηκε|ενημέρωση"),
    # Scripts without spaces between words name the label in full ("更新时间", "最終更新")
    "zh": _phrases(
        "更新时间|更新時間|更新日期|更新于|更新於|最后更新|最後更新|修改时间|修改時間|更新"
    ),
    "ja": _phrases("更新日時|更新日|最終更新"),
    "ko": _phrases("최종수정|수정일|수정|업데이트"),
    "ar": _phrases("آخر تحديث|تم التحديث|تحديث"),
    "he": _phrases("עודכן|עדכון אחרון|עדכון"),
    "hi": _phrases("अपडेटेड|अपडेट"),
    "th": _phrases("อัปเดตล่าสุด|อัปเดต|อัพเดท|อัพเดต|แก้ไขล่าสุด"),
    "fa": _phrases("آخرین به‌روزرسانی|به‌روزرسانی|بروزرسانی|به روز رسانی"),
    "vi": _phrases("cập nhật"),
}
"""Words that, just before a date, say it is a modification date."""

PUBLISH_WORDS: Final[Table] = {
    "en": _phrases("published|posted|created|date|publication"),
    "de": _phrases("veröffentlicht|erschienen|erstellt|datum|publikation"),
    "fr": _phrases("publié|publiée|mise en ligne|mis en ligne|publication"),
    "es": _phrases("publicado|publicada|fecha"),
    "it": _phrases("pubblicato|pubblicata"),
    "pt": _phrases("publicado|publicada"),
    "nl": _phrases("gepubliceerd"),
    "pl": _phrases("opublikowano"),
    "ru": _phrases("опубликовано"),
    "uk": _phrases("опубліковано"),
    "tr": _phrases("yayınlanma|yayımlanma|yayınlandı|yayımlandı"),
    "id": _phrases("diterbitkan|dipublikasikan|diposting"),
    "sv": _phrases("publicerad|publicerat"),
    "da": _phrases("udgivet|publiceret"),
    "no": _phrases("publisert"),
    "fi": _phrases("julkaistu"),
    "cs": _phrases("publikováno|zveřejněno"),
    "sk": _phrases("publikované|zverejnené"),
    "hu": _phrases("közzétéve|publikálva|megjelent"),
    "ro": _phrases("publicat|publicată"),
    "el": _phrases("δημοσιεύθηκε|δημοσίευση"),
    "zh": _phrases(
        "发布时间|發佈時間|發布時間|发布日期|發佈日期|发表时间|發表時間|发布于|發佈於|發布於|"
        "发表于|發表於|发布|發佈|發布|时间|時間|日期"
    ),
    "ja": _phrases("公開日時|公開日|配信日時|配信日|掲載日|投稿日|公開|配信|掲載|投稿"),
    "ko": _phrases("기사입력|입력|등록일|등록|작성일|작성|게재|발행"),
    "ar": _phrases("تاريخ النشر|نشر في|نُشر في|نشر|نُشر"),
    "he": _phrases("פורסם|פורסמה|פרסום"),
    "hi": _phrases("प्रकाशित|प्रकाशन"),
    "th": _phrases("เผยแพร่|โพสต์|วันที่"),
    "fa": _phrases("تاریخ انتشار|منتشر شده|انتشار|تاریخ"),
    "vi": _phrases("ngày đăng|đăng lúc|đăng|xuất bản"),
}
"""Words that, just before a date, say it is the publication date (or label the page's one
date: "Datum: 26. Januar 2022")."""

ENTRY_WORDS: Final[Table] = {
    "en": _phrases("this entry|this post|this article"),
    "de": _phrases("dieser eintrag|dieser beitrag|dieser artikel"),
    "fr": _phrases("cet article|ce billet|cette entrée"),
    "es": _phrases("esta entrada|este artículo|este post"),
    "it": _phrases("questo articolo|questo post|questa voce"),
    "pt": _phrases("este artigo|esta entrada|este post"),
    "nl": _phrases("dit bericht|dit artikel"),
    "pl": _phrases("ten wpis|ten artykuł"),
}
"""Words by which a blog's closing note names the page itself, before the day it says the page
was published ("This entry was posted on Wednesday, March 18th, 2020 at 10:00 am and is filed
under ...", "Dieser Eintrag wurde am 18. März 2020 veröffentlicht ...")."""

SIGN_UP_WORDS: Final[Table] = {
    "en": _phrases("joined|registered|member since"),
    "de": _phrases("registriert|mitglied seit|dabei seit"),
    "fr": _phrases("inscrit|inscrite|inscription"),
    "es": _phrases("registrado|miembro desde"),
    "it": _phrases("iscritto"),
    "nl": _phrases("lid sinds"),
    "pl": _phrases("zarejestrowany"),
    "ru": _phrases("зарегистрирован"),
}
"""Words that, just before a date, say it is not the page's: when a forum or comment user
signed up ("Registriert: 18.09.2008", "Joined: Mar 2010")."""

STATUS_LINE_STARTS: Final[Table] = {
    "en": _phrases("updated|last updated|last modified|published|posted on"),
    "de": _phrases("aktualisiert|veröffentlicht|erstellt am|stand:"),
    "fr": _phrases("mis à jour|publié le"),
    "es": _phrases("actualizado|publicado"),
    "it": _phrases("ultima modifica"),
    "pt": _phrases("publicado"),
}
"""Openings of a line that only dates the article ("Updated 5 June 2023, 14:02")."""

RELATIVE_TIME_WORDS: Final[Table] = {
    "en": _phrases("ago|just now|yesterday|today"),
    "de": _phrases("vor|gestern|heute"),
    "fr": _phrases("il y a|hier|aujourd'hui"),
    "es": _phrases("hace|ayer|hoy"),
    "pt": _phrases("há|atrás|ontem|hoje"),
    "it": _phrases("fa|ieri|oggi"),
    "nl": _phrases("geleden|gisteren|vandaag"),
    "pl": _phrases("temu|wczoraj|dzisiaj"),
    "ru": _phrases("назад|вчера|сегодня"),
    "ar": _phrases("منذ|أمس|اليوم"),
}
"""Words of a date shown as time ago ("3 years ago", "vor 2 Tagen", "hace 5 horas"), whose
exact date a widget keeps in its ``title``."""

# --- month names ----------------------------------------------------------------------------
# Full names, their declined forms (Polish and Russian genitive) and common abbreviations
# (``dates`` matches them with an optional dot).


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MONTH_NAMES: Final[Table] = {
    "en": _split(
        "january february march april may june july august september october november december"
        " jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    "de": _split(
        "januar februar märz april mai juni juli august september oktober november dezember"
        " jänner jän mär mrz okt dez"
    ),
    "fr": _split(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
        " fevrier aout janv févr fevr avr juil déc"
    ),
    "es": _split(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
        " diciembre setiembre ene abr ago dic"
    ),
    "it": _split(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre"
        " dicembre gen mag giu lug set ott"
    ),
    "pt": _split(
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro"
        " dezembro marco fev mai out dez"
    ),
    "nl": _split(
        "januari februari maart april mei juni juli augustus september oktober november"
        " december mrt"
    ),
    "pl": _split(
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik"
        " listopad grudzień stycznia lutego marca kwietnia maja czerwca lipca sierpnia"
        " września października listopada grudnia sty lut kwi cze lip sie wrz paź lis gru"
    ),
    "ru": _split(
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
        " января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
        " янв фев мар апр авг сен сент окт ноя дек"
    ),
    "uk": _split(
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
    ),
    "tr": _split(
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"
        " oca şub nis haz tem ağu eyl eki kas ara"
    ),
    "id": _split(
        "januari februari maret april mei juni juli agustus september oktober november desember"
        " peb agu agt agus nop des"
    ),
    "sv": _split(
        "januari februari mars april maj juni juli augusti september oktober november december"
    ),
    "da": _split(
        "januar februar marts april maj juni juli august september oktober november december"
    ),
    "no": _split(
        "januar februar mars april mai juni juli august september oktober november desember"
    ),
    # Finnish: the partitive of dates ("4. maaliskuuta 2016"), then the nominative
    "fi": _split(
        "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta"
        " syyskuuta lokakuuta marraskuuta joulukuuta tammikuu helmikuu maaliskuu huhtikuu"
        " toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu"
    ),
    # Czech and Slovak: the genitive of dates ("4. března 2016", "4. marca 2016")
    "cs": _split(
        "ledna února března dubna května června července srpna září října listopadu prosince"
    ),
    "sk": _split(
        "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra"
    ),
    "hu": _split(
        "január február március április május június július augusztus szeptember október"
        " november december febr márc ápr máj jún júl szept"
    ),
    "ro": _split(
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie"
        " decembrie"
    ),
    # Greek: the genitive of dates ("4 Μαρτίου 2016"), the nominative, the abbreviations, and
    # May as capitals write it ("ΜΑΪΟΥ"; capitals drop the accents, and ``dates`` also reads
    # every name without them)
    "el": _split(
        "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου"
        " οκτωβρίου νοεμβρίου δεκεμβρίου ιανουάριος φεβρουάριος μάρτιος απρίλιος μάιος"
        " ιούνιος ιούλιος αύγουστος σεπτέμβριος οκτώβριος νοέμβριος δεκέμβριος ιαν φεβ μαρ"
        " απρ ιουν ιουλ αυγ σεπ σεπτ οκτ νοε δεκ μαϊου μαϊος"
    ),
    # Serbian (in Latin, then Cyrillic letters), Croatian, Bosnian and Slovenian, with the
    # genitive of dates ("4. marta 2016", "4. ožujka 2016."). Croatian "listopad(a)",
    # October, is left out: it is Polish and Czech November.
    "sr": _split(
        "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar"
        " januara februara marta aprila maja juna jula avgusta septembra oktobra novembra"
        " decembra јануар фебруар март април мај јун јул август септембар октобар новембар"
        " децембар јануара фебруара марта априла маја јуна јула августа септембра октобра"
        " новембра децембра"
    ),
    "sl": _split(
        "januar februar marec april maj junij julij avgust september oktober november december"
        " januarja februarja marca aprila maja junija julija avgusta septembra oktobra"
        " novembra decembra"
    ),
    "hr": _split(
        "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna studenoga studenog"
        " prosinca"
    ),
    # Bulgarian and Macedonian
    "bg": _split(
        "януари февруари март април май юни юли август септември октомври ноември декември"
    ),
    "mk": _split(
        "јануари февруари март април мај јуни јули август септември октомври ноември декември"
    ),
    # Baltic: Estonian, Latvian, Lithuanian (the genitive of "2016 m. kovo 4 d.")
    "et": _split(
        "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember"
    ),
    "lv": _split(
        "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris"
        " novembris decembris"
    ),
    "lt": _split(
        "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio"
        " lapkričio gruodžio"
    ),
    "ca": _split(
        "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre"
    ),
    "gl": _split(
        "xaneiro febreiro marzo abril maio xuño xullo agosto setembro outubro novembro decembro"
    ),
    "ms": _split(
        "januari februari mac april mei jun julai ogos september oktober november disember"
    ),
    "tl": _split(
        "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre"
    ),
    "is": _split(
        "janúar febrúar mars apríl maí júní júlí ágúst september október nóvember desember"
    ),
    "sq": _split("janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor"),
    "hi": _split(
        "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर फरवरी सितम्बर"
        " अक्तूबर नवम्बर दिसम्बर"
    ),
    # Hebrew, also with the preposition that dates take ("4 במרץ 2016")
    "he": _split(
        "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר בינואר"
        " בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר"
    ),
    # Thai, then its abbreviations with their dots ("7 ธ.ค. 2569": years are of the Buddhist
    # Era, which ``byline.dates`` reads with its own pattern)
    "th": _split(
        "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม"
        " พฤศจิกายน ธันวาคม ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค."
    ),
    # Languages of India and Pakistan, and Nepali: the English names in their scripts, some in
    # two spellings (a long or short final vowel)
    "bn": _split(
        "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর"
        " জানুয়ারী ফেব্রুয়ারী মার্চ এপ্রিল মে জুন জুলাই আগষ্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর"
    ),
    "ta": _split("ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் மே ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்"),
    "te": _split("జనవరి ఫిబ్రవరి మార్చి ఏప్రిల్ మే జూన్ జూలై ఆగస్టు సెప్టెంబర్ అక్టోబర్ నవంబర్ డిసెంబర్"),
    "kn": _split("ಜನವರಿ ಫೆಬ್ರವರಿ ಮಾರ್ಚ್ ಏಪ್ರಿಲ್ ಮೇ ಜೂನ್ ಜುಲೈ ಆಗಸ್ಟ್ ಸೆಪ್ಟೆಂಬರ್ ಅಕ್ಟೋಬರ್ ನವೆಂಬರ್ ಡಿಸೆಂಬರ್"),
    "ml": _split("ജനുവരി ഫെബ്രുവരി മാർച്ച് ഏപ്രിൽ മേയ് ജൂൺ ജൂലൈ ഓഗസ്റ്റ് സെപ്റ്റംബർ ഒക്ടോബർ നവംബർ ഡിസംബർ"),
    "gu": _split("જાન્યુઆરી ફેબ્રુઆરી માર્ચ એપ્રિલ મે જૂન જુલાઈ ઑગસ્ટ સપ્ટેમ્બર ઑક્ટોબર નવેમ્બર ડિસેમ્બર"),
    "pa": _split("ਜਨਵਰੀ ਫ਼ਰਵਰੀ ਮਾਰਚ ਅਪ੍ਰੈਲ ਮਈ ਜੂਨ ਜੁਲਾਈ ਅਗਸਤ ਸਤੰਬਰ ਅਕਤੂਬਰ ਨਵੰਬਰ ਦਸੰਬਰ"),
    "mr": _split("जानेवारी फेब्रुवारी मार्च एप्रिल मे जून जुलै ऑगस्ट सप्टेंबर ऑक्टोबर नोव्हेंबर डिसेंबर"),
    "ne": _split("जनवरी फेब्रुअरी मार्च अप्रिल मे जुन जुलाई अगस्ट सेप्टेम्बर अक्टोबर नोभेम्बर डिसेम्बर"),
    "ur": _split("جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر"),
    "sw": _split(
        "januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba"
    ),
    # Persian names of the Gregorian months (the Solar Hijri ones: ``SOLAR_HIJRI_MONTHS``)
    "fa": _split("ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"),
    # Arabic: the Egyptian and Gulf names, then the Levantine and Iraqi ones (some two words)
    "ar": (
        *_split("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
        *_split("ابريل إبريل اغسطس اكتوبر"),
        *("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول"),
        *("تشرين الأول", "تشرين الثاني", "كانون الأول"),
    ),
}
"""Month names per language: the twelve names (and declined forms, twelve at a time) in
order, then abbreviations, whose numbers ``MONTH_OVERRIDES`` gives."""

SOLAR_HIJRI_MONTHS: Final = _split(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند"
)
"""The months of the Solar Hijri calendar in order, as Iranian pages name them."""

JAPANESE_ERAS: Final[Mapping[str, int]] = {"令和": 2019, "平成": 1989, "昭和": 1926}
"""Japanese era -> the Gregorian year of its first year (元年, "year one")."""

THAI_LETTERS: Final = "\u0e01-\u0e2e"
"""The Thai consonants, as a character class's range: every Thai month name holds one."""
_OTHER_CALENDAR_SIGNS: Final = "\u0600-\u06ff\u0e00-\u0e7f" + "".join(
    era[0] for era in JAPANESE_ERAS
)
"""The letters of the scripts the other calendars are written in (Arabic, Thai) and the eras'
first characters, as a character class's ranges."""
_OTHER_CALENDAR_SCRIPT: Final = re.compile(f"[{_OTHER_CALENDAR_SIGNS}]")
_OTHER_CALENDAR_YEAR: Final = re.compile(
    rf"[2๒][45๔๕]\d\d|[{THAI_LETTERS}]\.\s?\d\d(?!\d)|[1۱١][34۳۴٣٤]\d\d|" + "|".join(JAPANESE_ERAS)
)


def holds_other_calendar_year(text: str) -> bool:
    """Whether ``text`` may hold a date of another calendar (``byline.calendars``): a year of
    the Buddhist Era (in Western or Thai digits, or two digits after a Thai abbreviation), a
    Solar Hijri year (in Western or Persian digits), a Japanese era. A cheap test: the year's
    pattern, tried at every place, runs only on text in those scripts."""
    return (
        _OTHER_CALENDAR_SCRIPT.search(text) is not None
        and _OTHER_CALENDAR_YEAR.search(text) is not None
    )


OTHER_SCRIPT_DATE_SIGN: Final = re.compile(f"[{OTHER_DIGITS}{_OTHER_CALENDAR_SIGNS}]")
"""A character that a date in another script's digits or in another calendar holds. One
character class, which the regex engine scans for in a tight loop: a text in Latin, Greek or
Cyrillic letters is passed over at the cost of one scan, before any finer test."""


MONTH_OVERRIDES: Final[Mapping[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12, "jänner": 1, "jän": 1, "mär": 3, "mrz": 3,
    "okt": 10, "dez": 12, "fevrier": 2, "aout": 8, "janv": 1, "févr": 2, "fevr": 2, "avr": 4,
    "juil": 7, "déc": 12, "setiembre": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "gen": 1,
    "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10, "marco": 3, "fev": 2, "mai": 5,
    "out": 10, "mrt": 3, "oca": 1, "şub": 2, "nis": 4, "haz": 6, "tem": 7, "ağu": 8, "eyl": 9,
    "eki": 10, "kas": 11, "ara": 12, "sty": 1, "lut": 2, "kwi": 4, "cze": 6, "lip": 7, "sie": 8,
    "wrz": 9, "paź": 10, "lis": 11, "gru": 12, "febr": 2, "márc": 3, "ápr": 4, "máj": 5,
    "jún": 6, "júl": 7, "szept": 9, "ιαν": 1, "φεβ": 2, "μαρ": 3, "απρ": 4, "ιουν": 6,
    "ιουλ": 7, "αυγ": 8, "σεπ": 9, "σεπτ": 9, "οκτ": 10, "νοε": 11, "δεκ": 12, "μαϊου": 5,
    "μαϊος": 5,
    "studenoga": 11, "studenog": 11, "prosinca": 12, "फरवरी": 2, "सितम्बर": 9, "अक्तूबर": 10,
    "नवम्बर": 11, "दिसम्बर": 12, "янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "дек": 12,
    "ابريل": 4, "إبريل": 4, "اغسطس": 8, "اكتوبر": 10, "peb": 2, "agu": 8, "agt": 8, "agus": 8,
    "nop": 11, "des": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}  # fmt: skip
"""Month numbers of the abbreviations and forms that do not follow the position of the name
in ``MONTH_NAMES``."""

PLACES_OF_SEVERAL_WORDS: Final = _phrases(
    "new york|new york city|los angeles|san francisco|san diego|san jose|san antonio|"
    "las vegas|new orleans|salt lake city|kansas city|oklahoma city|jersey city|long beach|"
    "fort worth|el paso|santa fe|des moines|baton rouge|little rock|st. louis|saint louis|"
    "st. paul|palm beach|west palm beach|capitol hill|silicon valley|new jersey|new mexico|"
    "new hampshire|north carolina|south carolina|north dakota|south dakota|west virginia|"
    "rhode island|puerto rico|washington d.c.|washington dc|mexico city|guatemala city|"
    "panama city|san juan|santo domingo|san josé|buenos aires|rio de janeiro|são paulo|"
    "sao paulo|belo horizonte|porto alegre|la paz|costa rica|el salvador|new delhi|"
    "hong kong|kuala lumpur|ho chi minh city|sri lanka|abu dhabi|tel aviv|gaza city|"
    "west bank|kuwait city|addis ababa|dar es salaam|cape town|port elizabeth|"
    "port-au-prince|port moresby|new zealand|south africa|saudi arabia|united states|"
    "united kingdom|united nations|the hague|den haag|st. petersburg|saint petersburg|"
    "sankt petersburg|nizhny novgorod|frankfurt am main|freiburg im breisgau|"
    "halle (saale)|st. gallen|sankt gallen|la chaux-de-fonds|aix-en-provence|"
    "clermont-ferrand|las palmas|santa cruz|san sebastián|palma de mallorca|"
    "gold coast|new south wales|south australia|western australia|"
    "nai dilli|नई दिल्ली|新德里"
)
"""Places of several words that news pages print after a byline's names, where they report
from: "By Jane Doe, New York" (a place of one word is told by its shape alone)."""


# --- languages: the words that tell them apart ---------------------------------------------

FUNCTION_WORDS: Final[Table] = {
    # The most frequent words of running text in each language written in the Latin, the
    # Cyrillic or the Devanagari script (articles, prepositions, conjunctions, pronouns,
    # auxiliaries), by which ``byline.textlanguage`` reads the language of a text. Neighbours
    # that share many of them (Danish and Norwegian, Czech and Slovak, Indonesian and Malay)
    # are told apart by the words only one of them has.
    "en": _phrases(
        "the|of|and|to|in|is|that|for|it|with|was|on|as|are|be|by|this|have|from|at|not|but|"
        "they|his|her|which|you|we|has|had|were|been|their|will|would|there|an|who|also|more|"
        "can|about|said|or|its|she|he|when|what|than|into|after|could|these|those"
    ),
    "de": _phrases(
        "der|die|und|in|den|von|zu|das|mit|sich|des|auf|für|ist|im|dem|nicht|ein|eine|als|"
        "auch|es|an|werden|aus|er|hat|dass|sie|nach|wird|bei|einer|um|am|sind|noch|wie|einem|"
        "über|einen|so|zum|war|haben|nur|oder|aber|vor|zur|bis|mehr|durch|man|sein|wurde|"
        "sei|wenn|ich|wir|uns|diese|dieser|kann|schon|zwischen|sowie|gegen"
    ),
    "fr": _phrases(
        "de|la|le|et|les|des|en|un|du|une|que|est|pour|qui|dans|par|plus|pas|au|sur|ne|se|"
        "ce|il|sont|avec|ou|son|aux|elle|mais|nous|vous|été|ont|cette|comme|leur|sa|ses|être|"
        "y|on|je|tout|fait|aussi|leurs|entre|sans|dont|où|lors|après|avait"
    ),
    "es": _phrases(
        "de|la|que|el|en|y|los|del|se|las|por|un|para|con|no|una|su|al|lo|como|más|pero|sus|"
        "le|ya|este|porque|esta|entre|cuando|muy|sin|sobre|también|me|hasta|hay|donde|quien|"
        "desde|todo|nos|durante|fue|ha|son|está|esto|según|cual|ese|esa|están|tiene|año"
    ),
    "it": _phrases(
        "di|e|il|la|che|in|per|un|è|del|non|una|da|le|si|con|della|al|lo|gli|dei|nel|alla|"
        "anche|come|più|ma|sono|delle|ha|questo|questa|ci|se|dal|nella|suo|sua|essere|tra|"
        "stato|degli|alle|ai|dopo|sul|sulla|loro|quando|ancora|anni|molto|dalla|hanno"
    ),
    "pt": _phrases(
        "de|o|que|e|do|da|em|um|para|é|com|não|uma|os|no|se|na|por|mais|as|dos|como|mas|foi|"
        "ao|ele|das|tem|à|seu|sua|ou|ser|quando|muito|há|nos|já|está|também|só|pelo|pela|até|"
        "isso|ela|entre|era|depois|sem|mesmo|aos|ter|seus|quem|nas|esse|eles|estão|você|essa|"
        "são|ainda|disse|foram|sobre|anos"
    ),
    "nl": _phrases(
        "de|en|van|het|een|in|is|dat|op|te|zijn|voor|met|die|niet|aan|er|om|ook|als|dan|maar|"
        "bij|of|uit|door|naar|worden|wordt|over|nog|heeft|hij|zij|ze|was|werd|wel|kan|tot|"
        "geen|meer|deze|dit|hun|haar|zo|al|wat|we|ik|hebben|jaar|moet|veel|waar|zal"
    ),
    "pl": _phrases(
        "i|w|na|z|się|nie|do|to|że|jest|o|jak|a|co|ale|po|od|za|przez|dla|jego|jej|są|oraz|"
        "czy|tak|już|tym|tego|tylko|być|może|który|która|które|przy|ich|pod|także|gdy|bardzo|"
        "lub|było|został|została|jednak|również|roku|tych|ze|we|były|będzie"
    ),
    "cs": _phrases(
        "a|se|na|v|je|že|to|s|z|do|o|i|jsou|ve|pro|by|ale|jako|za|po|jeho|k|tak|které|který|"
        "která|od|při|byl|byla|bylo|jejich|už|jen|také|může|než|jak|tento|této|podle|aby|"
        "mezi|však|není|či|své|jsme|jsem|bude|nebo|roce|tím|když"
    ),
    "sk": _phrases(
        "a|sa|na|v|je|že|to|s|z|do|o|aj|sú|vo|pre|by|ale|ako|za|po|jeho|k|tak|ktoré|ktorý|"
        "ktorá|od|pri|bol|bola|bolo|ich|už|len|tiež|môže|podľa|aby|medzi|však|nie|alebo|"
        "svoje|sme|som|bude|keď|roku|tým|ešte|ktorí"
    ),
    "sv": _phrases(
        "och|i|att|det|som|en|på|är|av|för|med|till|den|har|de|inte|om|ett|han|men|var|jag|"
        "sig|från|vi|så|kan|man|när|år|säger|hon|under|också|efter|eller|nu|sina|vid|då|ska|"
        "skulle|hade|blev|mot|alla|där|utan|mycket|finns|även|mellan|vara"
    ),
    "da": _phrases(
        "og|i|at|det|er|en|til|på|af|for|med|som|den|de|ikke|har|et|om|var|han|men|jeg|fra|"
        "vi|så|kan|man|når|også|efter|eller|nu|ved|da|skal|skulle|havde|blev|mod|alle|der|"
        "uden|meget|hun|sig|hvor|hvad|dig|mig|nogle|være|bliver|været|hvis|sin|sit|os|kun|"
        "sagde|blevet|siger|endnu|hele|hende|noget"
    ),
    "nb": _phrases(
        "og|i|å|det|er|en|til|på|av|for|med|som|den|de|ikke|har|et|om|var|han|men|jeg|fra|vi|"
        "så|kan|man|når|også|etter|eller|nå|ved|da|skal|skulle|hadde|ble|mot|alle|der|uten|"
        "mye|hun|seg|hvor|hva|deg|meg|noen|være|blir|vært|hvis|sin|sitt|oss|bare|at|sa|"
        "blitt|veldig|sier|fortsatt|hele|henne|noe"
    ),
    "fi": _phrases(
        "ja|on|ei|se|että|oli|hän|ovat|ole|mutta|kun|tai|myös|kuin|sen|joka|jo|niin|nyt|vain|"
        "mukaan|olla|hänen|sekä|jotka|tämä|tässä|siitä|mitä|voi|olisi|kanssa|jälkeen|ennen|"
        "vuoden|kaikki|sitten|jossa|mikä|siis|vielä|koska|ollut"
    ),
    "et": _phrases(
        "ja|on|ei|et|see|oli|ka|kui|ta|mis|aga|või|ning|mida|seda|oma|siis|veel|kes|nii|"
        "juba|tema|olid|pole|ainult|üle|nagu|ole|selle|mille|kus|kõik|pärast|tuleb|aasta|"
        "üks|välja|saab|neid|mitte"
    ),
    "lt": _phrases(
        "ir|kad|į|su|iš|tai|yra|o|bet|kaip|jo|ne|taip|dar|buvo|už|apie|tik|nuo|prie|jau|"
        "kuris|kuri|kurie|savo|per|be|ar|po|bus|gali|labai|tačiau|jos|jų|metų|tiek|arba"
    ),
    "lv": _phrases(
        "un|ir|ar|no|par|uz|kas|ka|lai|bet|arī|tā|to|tas|vai|jau|vēl|pie|kā|nav|bija|būs|"
        "tikai|viņš|viņa|kur|pēc|savu|līdz|starp|jo|gadā|tika|tiek|var|šo|šī"
    ),
    "ro": _phrases(
        "de|și|în|la|cu|pe|care|din|nu|un|să|se|este|pentru|mai|că|sau|ce|fost|sunt|au|lui|"
        "ei|dar|fi|prin|după|acest|această|până|al|ale|cel|cea|foarte|va|către|într|"
        "unei|unui|anul|poate|despre|astfel"
    ),
    "hu": _phrases(
        "a|az|és|hogy|nem|is|egy|van|meg|de|ez|már|csak|volt|mint|még|ha|azt|vagy|el|kell|"
        "ki|be|fel|után|között|mert|pedig|lesz|sem|ami|aki|amely|így|most|nagyon|minden|"
        "azonban|szerint|lehet|ezt|évben|vannak|amit"
    ),
    "tr": _phrases(
        "ve|bir|bu|da|de|için|ile|olarak|çok|daha|en|gibi|ne|ki|değil|var|sonra|kadar|olan|"
        "her|ama|veya|şey|ancak|göre|olduğu|diye|yok|ya|mı|mi|ben|biz|onun|bunu|şu|"
        "ise|yıl|tarafından|oldu|ayrıca"
    ),
    "ca": _phrases(
        "de|la|i|el|que|a|en|els|les|per|un|una|del|amb|no|es|va|al|com|més|però|hi|ha|són|"
        "sobre|també|seu|seva|aquest|aquesta|quan|perquè|molt|fins|entre|ja|tot|tots|ser|"
        "dels|pel|pels|aquests|havia|seus|aquí|any"
    ),
    "sl": _phrases(
        "in|je|v|da|se|na|za|so|z|pa|ki|ne|tudi|ali|kot|po|bi|ter|od|s|to|že|o|iz|pri|do|"
        "lahko|še|bo|bil|bila|ima|kar|sem|ga|jih|med|ker|ko|samo|bilo|smo|leta"
    ),
    "sh": _phrases(
        # Croatian, Serbian and Bosnian in the Latin script: one language to these words
        "i|u|je|da|se|na|za|su|od|a|to|s|o|koji|kao|ali|iz|sa|što|šta|će|bi|ne|ili|po|do|još|"
        "bio|bila|nije|samo|koja|koje|kako|sve|već|prema|nakon|biti|može|godine|ima|kada|"
        "gdje|gde|njegov|njihov|ovo|ova|ove"
    ),
    "id": _phrases(
        "yang|dan|di|ini|itu|dengan|untuk|dari|dalam|tidak|akan|pada|juga|ke|ada|karena|oleh|"
        "saya|kami|mereka|sudah|bisa|atau|lebih|telah|seperti|adalah|tersebut|kata|para|hal|"
        "sebagai|namun|bahwa|masih|hanya|baru|jika|saat|kita|belum|banyak|menjadi|tahun"
    ),
    "ms": _phrases(
        "yang|dan|di|ini|itu|dengan|untuk|dari|dalam|tidak|akan|pada|juga|ke|ada|kerana|oleh|"
        "saya|kami|mereka|sudah|boleh|atau|lebih|telah|seperti|adalah|tersebut|kata|para|hal|"
        "sebagai|namun|bahawa|masih|hanya|baru|jika|ketika|kita|belum|banyak|menjadi|tahun|"
        "daripada|iaitu|ialah|beliau|sebelum"
    ),
    "vi": _phrases(
        "của|và|các|có|là|được|trong|cho|không|người|những|với|một|này|đã|để|khi|từ|theo|về|"
        "năm|đến|như|cũng|ra|sẽ|tại|nhưng|nhiều|thì|làm|vào|đó|hơn|nên|sau|việc|lại|cả"
    ),
    "tl": _phrases(
        # (not the short words of Tagalog, "sa", "na", "ni", "ko": syllables of romanised
        # Chinese and of many other languages)
        "ang|ng|mga|ay|para|hindi|ito|kung|siya|kanyang|nang|lang|niya|sila|kami|kayo|ating|"
        "dahil|pero|naman|ngayon|lamang|kaniyang|mula|upang|ayon|noong"
    ),
    "ru": _phrases(
        "и|в|не|на|что|с|по|это|как|к|но|из|у|за|от|о|его|для|так|же|все|он|она|они|был|"
        "была|было|бы|только|уже|или|ещё|если|мы|вы|при|когда|их|то|этого|который|которые|"
        "также|может|года|чтобы|более|были"
    ),
    "uk": _phrases(
        "і|в|у|на|не|що|з|до|та|це|як|за|від|по|його|але|для|так|вже|про|або|ще|був|була|"
        "було|які|який|яка|також|коли|ми|ви|вони|їх|щоб|може|року|під|при|між|цього|буде"
    ),
    "bg": _phrases(
        "и|в|на|да|се|за|от|че|не|с|е|по|са|това|като|но|което|който|която|му|ще|бъде|със|"
        "във|след|между|много|още|вече|или|при|има|към|той|тя|те|ги|беше|бяха|тази"
    ),
    "hi": _phrases("के|है|में|की|और|से|को|का|एक|यह|कि|पर|भी|नहीं|हैं|लिए|था|ने|कर|इस|गया|किया"),
    "mr": _phrases("आणि|आहे|या|च्या|मध्ये|हे|ही|की|तर|होते|केले|आहेत|त्यांनी|करण्यात|झाली|होता"),
    "ne": _phrases("र|छ|को|मा|गर्न|पनि|भएको|छन्|यो|लागि|हो|गरेको|तथा|थियो|भने|गरे"),
}
"""(Serbian and Macedonian in the Cyrillic script, Belarusian: told by their own letters.)"""


# --- main text: teasers and credits ------------------------------------------------------

READ_ALSO: Final[Table] = {
    "en": _phrases(
        "read also|read more|also read|see also|related|related articles|related stories|"
        "more on this|you may also like|you might also like|recommended"
    ),
    "de": _phrases(
        "lesen sie auch|lesen sie mehr|lesen sie hier|auch interessant|auch lesen|"
        "das könnte sie interessieren|das könnte sie auch interessieren|"
        "das könnte dich interessieren|das könnte dich auch interessieren|mehr zum thema|"
        "mehr themen|weitere informationen|weitere infos|weitere themen|weitere artikel|"
        "weitere beiträge|weitere nachrichten|weitere meldungen|ähnliche artikel|"
        "ähnliche beiträge|ähnliche nachrichten|weiterlesen|schon gelesen"
    ),
    "es": _phrases(
        "lea|lea también|lea más|lee también|leer más|le puede interesar|te puede interesar|"
        "vea también|ver también|mire|mira"
    ),
    "fr": _phrases("à lire aussi|a lire aussi|lire aussi|voir aussi"),
    "pt": _phrases("leia também|veja também"),
    "it": _phrases("leggi anche"),
    "pl": _phrases(
        "czytaj też|czytaj także|czytaj również|czytaj więcej|zobacz też|zobacz także|"
        "zobacz również|dowiedz się więcej"
    ),
}
"""Headings of "read also" teasers and related-link boxes."""

COMMENT_HEADINGS: Final[Table] = {
    "en": _phrases(
        "leave a reply|leave a comment|post a comment|add a comment|add comment|"
        "write a comment|comments|responses|join the discussion|reader comments"
    ),
    "de": _phrases(
        "schreibe einen kommentar|kommentar schreiben|kommentar verfassen|kommentare|"
        "hinterlasse einen kommentar|kommentar hinterlassen|leserkommentare"
    ),
    "fr": _phrases(
        "laisser un commentaire|laisser une réponse|ajouter un commentaire|commentaires"
    ),
    "es": _phrases(
        "deja un comentario|deja una respuesta|dejar un comentario|escribe un comentario|"
        "comentarios"
    ),
    "it": _phrases("lascia un commento|lascia una risposta|commenti"),
    "pt": _phrases("deixe um comentário|deixe uma resposta|comentários"),
    "nl": _phrases("laat een reactie achter|geef een reactie|reacties"),
    "pl": _phrases("dodaj komentarz|zostaw komentarz|komentarze"),
    "ru": _phrases("комментарии|оставить комментарий|добавить комментарий"),
}
"""Headings of the comment section under an article ("Leave a Reply", "3 Kommentare"):
what follows them is readers' text and the comment form."""

COMMENTS_ON_HEADINGS: Final[Table] = {
    "en": _phrases(
        "thoughts on|one thought on|responses to|one response to|replies to|one reply to|"
        "comments on|one comment on"
    ),
    "de": _phrases("gedanken zu|ein gedanke zu|kommentare zu|ein kommentar zu"),
    "fr": _phrases("réflexions sur|réflexion sur|commentaires sur|un commentaire sur"),
    "es": _phrases("comentarios en|un comentario en|respuestas a|una respuesta a"),
}
"""The count of the comments on a post before its quoted title, as blog themes head the
comment section: "3 thoughts on “Title”", "2 Gedanken zu „Titel“"."""

DISCLOSURES: Final[Table] = {
    "en": _phrases(
        "contains affiliate links|contain affiliate links|contains references to products from|"
        "we may earn a commission|we may receive a commission|we earn a commission|"
        "as an amazon associate|do not necessarily reflect the views|"
        "do not necessarily reflect those of|are those of the author and do not"
    ),
    "de": _phrases(
        "enthält affiliate-links|enthält affiliate links|sogenannte affiliate-links|"
        "sind affiliate-links|gibt die meinung des autors wieder|"
        "gibt die meinung der autorin wieder|nicht notwendigerweise die der redaktion|"
        "nicht zwingend die meinung der redaktion|erhalten wir eine provision|"
        "bekommen wir eine provision"
    ),
    "fr": _phrases(
        "liens affiliés|liens d'affiliation|n'engagent que leurs auteurs|"
        "n'engagent que leur auteur|n'engage que son auteur"
    ),
    "es": _phrases(
        "enlaces de afiliados|no refleja necesariamente|no reflejan necesariamente|"
        "recibimos una comisión"
    ),
}
"""Phrases of a notice about the article, not of it: its affiliate links, and that its views
are the author's alone ("This post contains affiliate links", "Der Beitrag gibt die Meinung
des Autors wieder")."""

AGE_NOTICES: Final[Table] = {
    "en": _phrases(
        "this article was last updated|this post was last updated|"
        "the information described in this article may have changed|"
        "the information in this article may be outdated|"
        "this article is more than a year old|this post is more than a year old"
    ),
    "de": _phrases(
        "dieser artikel ist älter als|dieser beitrag ist älter als|"
        "die informationen in diesem artikel sind möglicherweise veraltet"
    ),
    "fr": _phrases("cet article date de plus d|les informations de cet article peuvent être"),
    "zh": _phrases(
        "本文最后更新于|文章最后更新于|文中所描述的信息可能已发生改变|文章内容可能已经过时"
    ),
}
"""Phrases of a theme's notice that a post is old ("This article was last updated 3 years
ago. The information described in this article may have changed."), set over many blogs'
posts by their themes (Hexo's, Valaxy's): about the article, not of it."""

AD_LABELS: Final[Table] = {
    "en": _phrases(
        "advertisement|advertising|ad|sponsored|sponsored content|paid content|"
        "story continues below advertisement|article continues below advertisement|"
        "article continues below|story continues below|continue reading below|"
        "scroll to continue with content|content continues below"
    ),
    "de": _phrases(
        "anzeige|werbung|sponsored|gesponsert|weiterlesen nach der anzeige|"
        "lesen sie nach der anzeige weiter|artikel wird unter der anzeige fortgesetzt|"
        "der artikel wird unter der anzeige fortgesetzt"
    ),
    "fr": _phrases("publicité|pub|la suite après cette publicité|la suite après la publicité"),
    "es": _phrases("publicidad|anuncio|contenido patrocinado|sigue leyendo"),
    "it": _phrases("pubblicità|annuncio|contenuto sponsorizzato"),
    "pt": _phrases("publicidade|anúncio|continua após a publicidade"),
    "nl": _phrases("advertentie|gesponsord"),
    "pl": _phrases("reklama|materiał sponsorowany"),
    "sv": _phrases("annons"),
    "da": _phrases("annonce|reklame"),
    "no": _phrases("annonse|reklame"),
    "fi": _phrases("mainos"),
    "cs": _phrases("reklama"),
    "ru": _phrases("реклама"),
}
"""Labels of an ad slot ("Advertisement", "Anzeige", "Story continues below
advertisement"): a line that is one of them alone marks where an ad shows, no text."""

COMMENT_FORM_LABELS: Final[Table] = {
    "en": _phrases("name|email|e-mail|website|comment|your name|your email"),
    "de": _phrases("name|e-mail|website|webseite|kommentar|dein name|ihr name"),
    "fr": _phrases("nom|e-mail|site web|commentaire"),
    "es": _phrases("nombre|correo electrónico|web|sitio web|comentario"),
    "it": _phrases("nome|email|sito web|commento"),
    "pt": _phrases("nome|e-mail|site|comentário"),
}
"""Labels of a comment form's fields: a line that is one of them alone ("Name *",
"Website") is the form's."""

COMMENT_FORM_NOTICES: Final[Table] = {
    "en": _phrases(
        "your email address will not be published|required fields are marked|"
        "save my name, email, and website|notify me of follow-up comments|"
        "notify me of new posts|post comment|submit comment|cancel reply|"
        "you must be logged in to post a comment"
    ),
    "de": _phrases(
        "deine e-mail-adresse wird nicht veröffentlicht|"
        "ihre e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind mit|"
        "meinen namen, meine e-mail-adresse und meine website|kommentar abschicken|"
        "benachrichtige mich über nachfolgende kommentare|antworten abbrechen"
    ),
    "fr": _phrases(
        "votre adresse e-mail ne sera pas publiée|votre adresse de messagerie ne sera pas publiée|"
        "les champs obligatoires sont indiqués"
    ),
    "es": _phrases(
        "tu dirección de correo electrónico no será publicada|"
        "los campos obligatorios están marcados|publicar el comentario"
    ),
    "it": _phrases(
        "il tuo indirizzo email non sarà pubblicato|i campi obbligatori sono contrassegnati"
    ),
    "pt": _phrases(
        "o seu endereço de e-mail não será publicado|o seu endereço de email não será publicado|"
        "campos obrigatórios são marcados"
    ),
}
"""Openings of a comment form's notices and buttons ("Your email address will not be
published.")."""

PICTURE_CREDIT_LABELS: Final[Table] = {
    "en": _phrases(
        "photo|photos|image|images|picture|credit|credits|source|image source|image credit|"
        "photo credit|picture credit"
    ),
    "de": _phrases("foto|fotos|bild|bilder|quelle|titelbild|beitragsbild|abbildung|grafik"),
    "fr": _phrases("crédit|crédits|crédit photo|crédits photo|crédit photos|crédits photos"),
    "es": _phrases("foto|fotos|fuente"),
    "pl": _phrases("fot|źródło"),
}
"""Labels of a photo credit or a caption's source line ("Foto: dpa", "(Photo: AP)")."""

PICTURE_AGENCIES: Final[Table] = {
    "": _phrases("getty images|istock|shutterstock|fotolia|imago|picture alliance|afp|reuters"),
}
"""Agencies whose name alone opens a photo credit line ("Getty Images / X")."""


def lexicon_words(table: Table, without: Iterable[str] = ()) -> tuple[str, ...]:
    """The distinct words of ``table`` in every language, but those in ``without``: in the
    table's order (languages, then words), so patterns built from them are stable."""
    left_out = frozenset(without)
    words: dict[str, None] = {}
    for entries in table.values():
        for word in entries:
            if word not in left_out:
                words.setdefault(word)
    return tuple(words)


def covering(words: Iterable[str]) -> tuple[str, ...]:
    """The fewest of ``words`` that every one of them holds: ``("autor", "autorin")`` ->
    ``("autor",)``. A text holding none of them holds none of ``words``."""
    distinct = sorted(set(words), key=len)
    kept: list[str] = []
    for word in distinct:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so "sept" wins over "sep")."""
    return "|".join(re.escape(w) for w in sorted(sorted(set(words)), key=len, reverse=True))


Trie: TypeAlias = "dict[str, Trie]"
"""Words by their letters: each letter leads to the rest; "" marks a word's end."""


def trie_alternation(words: Iterable[str]) -> str:
    """The alternation of ``words`` as a tree of their shared beginnings ("ma(?:rch|y)"):
    what ``alternation`` matches, the longest word first, but tried a letter at a time rather
    than a word at a time (the month names of 30 languages: ten times faster)."""
    tree: Trie = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(tree)


def _trie_pattern(node: Trie) -> str:
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a shorter word ends here: the longer ones first, then none
        return f"(?:{body})?"
    return body


BARE_LEADS: Final = lexicon_words(BYLINE_PREPOSITIONS, without=("di", "av"))
"""The prepositions read as a byline's lead wherever a short text begins with one. Not "di",
also German Tuesday ("Di, 5. März") and the start of surnames ("Di Maio"), nor "av", an
abbreviation ("AV-Technik") and a common piece of words: the prefilter of such texts
(``sources._page.BYLINE_LEAD_HINT``) would let most texts of a page through."""
