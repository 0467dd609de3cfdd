"""Render chosen DOM nodes as plain text paragraphs and as minimal safe HTML.

Text rules:

- Every block element (p, div, headings, list items, table rows, block quotes,
  captions...) is its own paragraph; paragraphs are joined by one blank line.
- Whitespace inside a paragraph is collapsed to single spaces; ``&nbsp;`` is a
  space; zero-width spaces, BOMs, word joiners and soft hyphens (hints for
  line breaking, invisible mid-line) are removed; zero-width *joiners*, which
  shape Arabic, Indic scripts and emoji, are kept.
- A ``<br>`` splits a paragraph only when the line before it ends a sentence,
  when both lines around it are short (addresses, verse), or when it is one of
  several ``<br>`` in a row (a blank line). Otherwise it is a stray line break
  inside a sentence and becomes a space.
- Tables that hold data (no blocks in their cells) give one paragraph per row,
  cells joined by " | "; layout tables are read as plain containers.
- ``<pre>`` keeps its line breaks.

Figure captions and photo credits go to ``Image.caption`` and not to the text
(the corpus annotations, like most readers, treat them as furniture); the HTML
keeps them as the ``<figcaption>`` of a figure that shows its image.

HTML keeps only p, h2-h6 (h1 becomes h2), ul/ol/li, blockquote, figure, figcaption, img
(absolute src, alt), table/tr/th/td (colspan, rowspan),
a (absolute http(s)/mailto href), em/strong/b/i, code and pre. Text is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Final, cast

from lxml import etree

from byline import lexicon
from byline.blocks import Block, DroppedElement, Group, Reason, Rule, Verdict
from byline.boilerplate import (
    attribute_names,
    is_permalink,
    links_to_a_heading_beside,
    links_to_comments,
    links_to_its_heading,
    name_words,
)
from byline.document import (
    BLOCK_TAGS,
    HEADING_KINDS,
    SENTENCE_ENDS,
    Document,
    same_page,
    squeezed,
    text_content,
    visible,
    words_in_any_script,
)
from byline.lexicon import alternation, lexicon_words, trie_alternation
from byline.memo import remembered
from byline.record import Image

HEADINGS: Final = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6"}
INLINE_FORMAT: Final = frozenset({"em", "strong", "b", "i", "code", "a"})
SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")

SHORT_LINE_CHARS: Final = 50
"""Lines around a <br> both shorter than this are separate lines (addresses, verse)."""
SENTENCE_END: Final = ".!?…:;。！？\"”»'"
MIN_IMAGE_SIDE: Final = 50
"""Images narrower or lower than this (declared size) are icons or tracking pixels."""
LEAD_BLOCKS: Final = 3
"""Byline and date lines are dropped only among the first blocks of the article."""
MAX_LEAD_LINE_CHARS: Final = 80
"""A byline or date line is short."""

_NOT_IMAGE: Final = re.compile(
    r"(?:^|[/_.-])(?:pixel|spacer|blank|tracking|1x1|transparent|placeholder|lazy)[/_.-]", re.I
)
_BYLINE_LINE: Final = re.compile(
    r"^(?:"
    + alternation(
        lexicon_words(lexicon.BYLINE_PREPOSITIONS, without=("di",))
        + lexicon_words(lexicon.AUTHOR_LABELS)
        + lexicon_words(lexicon.TEXT_LABELS)
        + lexicon.EXPLICIT_BYLINE_LEADS["en"]
    )
    + r")\b[\s:,]",
    re.I,
)
"""A lead byline line. Not "di" (German "Di, 5. März" opens a date line, see ``lexicon``);
of the explicit leads, the English ones only: the German ones ("Eine Kolumne von X") would
also drop lines that the body of two dev pages keeps today (left for the accuracy work)."""
_DATE_PART: Final = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]|\b\d{1,2}:\d\d\b")
_AGE_LINE: Final = re.compile(
    r"\d{1,3}\s?(?:(?:(?-i:[smhdwy]|mo)|mins?|hrs?)\.?(?:\s+ago)?"
    r"|(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago)",
    re.I,
)
"""A line that is an age alone ("1d", "5w", "4 min", "3 hours ago"): the date of a teaser
card. (A unit of one letter is in lower case, "3D" is no age; a unit in full needs its "ago",
"12 months" may be a term.)"""
_STATUS_LINE: Final = re.compile(
    r"^(?:" + alternation(lexicon_words(lexicon.STATUS_LINE_STARTS)) + r")\b", re.I
)
# "Read also: <headline>" teasers and the headings of related-link boxes; the phrase must
# stand alone or end in ":" or "»".
_READ_ALSO: Final = re.compile(
    r"^(?:" + alternation(lexicon_words(lexicon.READ_ALSO)) + r")\s*(?:[:：»›>|–—-]|[?!.…]*$)",
    re.I,
)
# Searched in the text case-folded, as a tree of the phrases' letters: a case-insensitive
# search for dozens of phrases at every position of every short block cost 10 % of the time
# per page; this costs next to nothing.
_DISCLOSURE: Final = re.compile(
    trie_alternation(lexicon_words(lexicon.DISCLOSURES) + lexicon_words(lexicon.AGE_NOTICES))
)
MAX_DISCLOSURE_CHARS: Final = 400
"""A notice about the article is a sentence or two, never one of its paragraphs."""
# The label of an ad slot, alone on its line: "Advertisement", "ANZEIGE:", "- Werbung -".
_AD_LABEL: Final = re.compile(
    r"^[\W_]*(?:" + alternation(lexicon_words(lexicon.AD_LABELS)) + r")[\W_]*$", re.I
)
MAX_AD_LABEL_CHARS: Final = 60
"""Longer lines are never ad labels alone (and spare the pattern long paragraphs)."""
# Photo credits and caption lines: "Foto: dpa", "(Photo: AP)", "Getty Images".
_CREDIT_LINE: Final = re.compile(
    r"^[(\[]?(?:"
    + alternation(lexicon_words(lexicon.PICTURE_CREDIT_LABELS))
    + r")\s*[:./,]|^(?:"
    + alternation(lexicon_words(lexicon.PICTURE_AGENCIES))
    + r")\b",
    re.I,
)
# The comment section under an article: its heading ("Leave a Reply", "3 Kommentare",
# "Comments on this entry") and the lines of its form ("Name *", "Your email address will
# not be published.").
_COMMENT_HEADING: Final = re.compile(
    r"^(?:\d+\s+)?(?:(?:"
    + alternation(lexicon_words(lexicon.COMMENT_HEADINGS))
    + r")(?:\s*\(\d+\))?\s*[:.!?…]*$|(?:"
    + alternation(lexicon_words(lexicon.COMMENTS_ON_HEADINGS))
    + r")\s*(?:[\"'“”„«»‘’‚‹›]|(?:"
    + alternation(lexicon_words(lexicon.ENTRY_WORDS))
    + r")\s*[:.]?$))",
    re.I,
)
_COMMENT_FORM_LINE: Final = re.compile(
    r"^(?:(?:"
    + alternation(lexicon_words(lexicon.COMMENT_FORM_LABELS))
    + r")\s*[*:]?\s*\*?$|(?:"
    + alternation(lexicon_words(lexicon.COMMENT_FORM_NOTICES))
    + r")\b)",
    re.I,
)
_TRAIL_SEPARATOR: Final = re.compile(r"\s*[>›»/→|]\s*")
"""What separates the steps of a breadcrumb trail ("Home > News", "Accueil » Actualités")."""
MAX_TRAIL_STEP_WORDS: Final = 4
"""A step of a trail is a section's name, a few words."""
TABLE_CELL_TAGS: Final = frozenset({"td", "th"})
LINK_BOX_RULES: Final = frozenset({Rule.NAMED_LINK_BOX, Rule.LINK_LIST, Rule.LINK_BOX})
"""A heading right before a box of links dropped so is the box's ("Related", "Mehr zum Thema"),
unless it reads as prose (``MIN_PROSE_HEADING_WORDS``); one before a caption, a credit or a
hidden box heads the section that goes on after it (a heading with nothing after it goes
anyway: ``Rule.TRAILING_HEADING``)."""
MIN_PROSE_HEADING_WORDS: Final = 10
"""A heading this long that ends a sentence is prose set large (a standfirst in an h2), no
box's label ("Related", "Mehr zum Thema", "You might also like:")..."""
MIN_LONG_HEADING_WORDS: Final = 15
"""...and so is one this long, however it ends (a standfirst without a full stop)."""
MAX_COMMENT_FORM_LINE_CHARS: Final = 160
"""A comment form's label or notice is a line, never a paragraph."""
MAX_TEASER_CHARS: Final = 200
"""A "Read also: ..." teaser is a headline, never a long paragraph."""
MAX_CREDIT_CHARS: Final = 100
_COPYRIGHT_NOTICE: Final = re.compile(r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))", re.I)
"""A line that opens with the copyright sign, or the word and a sign or a year, is the site's
or a picture's notice ("Copyright law changed in 2019" opens a paragraph)."""
MAX_NOTICE_CHARS: Final = 160
"""A copyright notice is a line or two, never a paragraph."""
MAX_LINK_LABEL_WORDS: Final = 5
"""A paragraph that is only a link of this few words (in any script: a linked Chinese
sentence is no button) is a label or a button."""
MIN_SENTENCE_LOWER_WORDS: Final = 3
"""A short line ending in a full stop with this many lowercase words is a sentence."""
MAX_STATUS_LINE_WORDS: Final = 8
CAPTION_WORD: Final = "caption"
_CAPTION_WORDS: Final = frozenset({CAPTION_WORD, "legend", "legende", "bildunterschrift", "credit"})
"""Class words of a caption; a word that ends in "caption" too (MediaWiki's "thumbcaption")."""
MAX_DATA_CELL_CHARS: Final = 400
"""A table cell holding more text than this holds prose: the table lays out a page."""
_BLOCK_IN_CELL: Final = etree.XPath(
    "boolean(.//td//*[self::p or self::div or self::table or self::ul or self::ol"
    " or self::blockquote or self::h1 or self::h2 or self::h3 or self::h4]"
    " | .//th//*[self::p or self::div or self::table]"
    f" | .//td[string-length() > {MAX_DATA_CELL_CHARS}])"
)

Token = tuple[str, ...]  # ("t", text) | ("o", name, html) | ("c", name) | ("br",) | ("img", html)
_BR: Final[Token] = ("br",)


BoxJudge = Callable[[etree._Element], Rule | None]
"""Why a box inside the chosen nodes is dropped whole, or None to render it."""
_CAPTION: Final = Reason(Rule.CAPTION)


def _render_every_box(el: etree._Element) -> Rule | None:
    return None


class Renderer:
    """Walks chosen nodes and collects paragraphs, their HTML and images.

    ``blocks`` are the blocks kept so far; ``entries`` everything rendered or dropped, in
    order (a block dropped later stays there with its verdict), and ``nodes`` the nodes
    rendered, each with where its entries start.
    """

    def __init__(
        self,
        doc: Document,
        title: str | None = None,
        judge_box: BoxJudge | None = None,
        captions: bool = False,
    ) -> None:
        self.doc = doc
        self.title = title.casefold() if title else None
        self.judge_box = judge_box or _render_every_box
        self.captions = captions
        """Whether captions are text (a page whose only text is its pictures' captions)."""
        self.blocks: list[Block] = []
        self.entries: list[Block | DroppedElement] = []
        self.nodes: list[tuple[etree._Element, int]] = []
        self.images: list[Image] = []
        self._seen_images: set[str] = set()
        self._tokens: list[Token] = []
        self._kind = "p"
        self._group: Group | None = None
        self._element: etree._Element | None = None
        self._lists: list[str] = []

    # --- public -------------------------------------------------------------

    def render(self, node: etree._Element) -> None:
        self.nodes.append((node, len(self.entries)))
        self._element = node
        self._walk(node)
        self._flush()

    def result(self) -> tuple[str, str, list[Image]]:
        """The body text, its HTML and the images.

        Figure captions and photo credits describe a picture, not the story: they
        stay out of the text, and in the HTML only as the ``<figcaption>`` of a
        figure that shows its image (and in ``Image.caption``); unless ``captions``.
        """
        pictured = {block.group for block in self.blocks if "<img" in block.html}
        shown = []
        for block in self.blocks:
            if block.kind != "figcaption" or self.captions:
                shown.append(block)
            elif _is_figure(block.group) and block.group in pictured:
                block.drop(_CAPTION, Verdict.CAPTION)
                shown.append(block)
            else:
                block.drop(_CAPTION)
        self.blocks = [block for block in shown if not _dropped_as_ad_label(block)]
        self._drop_metadata_boxes()
        self._drop_related_sections()
        self._cut_at_comments()
        if any(block.text and block.kind not in HEADING_KINDS for block in self.blocks):
            # a heading with nothing under it introduced something removed (on a page of
            # nothing but headings, they are its text)
            while self.blocks[-1].kind in HEADING_KINDS:
                self.blocks.pop().drop(Reason(Rule.TRAILING_HEADING))
        text = "\n\n".join(
            block.text for block in self.blocks if block.text and block.verdict is Verdict.KEPT
        )
        return text, _assemble_html(self.blocks), self.images

    def _drop_metadata_boxes(self) -> None:
        """The other lines of a box of short lines one of which is a byline: the article's
        metadata ("Category: News", "Hits: 147", "Details" in Joomla's info box). A box
        that also holds a sentence or a heading holds text."""
        lines: dict[etree._Element, list[Block]] = {}
        for entry in self.entries:
            if isinstance(entry, Block) and entry.element is not None:
                box = entry.element.getparent()
                if box is not None:
                    lines.setdefault(box, []).append(entry)
        metadata = [
            block
            for box_lines in lines.values()
            if _is_metadata_box(box_lines)
            for block in box_lines
            if block.verdict is Verdict.KEPT
        ]
        for block in metadata:
            block.drop(Reason(Rule.METADATA))
        if metadata:
            self.blocks = [block for block in self.blocks if block.reason != Reason(Rule.METADATA)]

    def _drop_related_sections(self) -> None:
        """Drop what a heading of related stories ("Read also", "Mehr zum Thema") heads: its
        teasers are other stories, however much of their text they show."""
        sections = [
            element
            for entry in self.entries
            if isinstance(entry, Block)
            and entry.reason == _RELATED_HEADING
            and entry.kind in HEADING_KINDS
            and entry.element is not None
            for element in _headed_section(entry.element)
        ]
        if not sections:
            return
        inside = frozenset(sections)
        for block in self.blocks:
            element = block.element
            if element is not None and (
                element in inside or not inside.isdisjoint(element.iterancestors())
            ):
                block.drop(_RELATED_HEADING)
        self.blocks = [block for block in self.blocks if block.reason != _RELATED_HEADING]

    def _cut_at_comments(self) -> None:
        """Drop the comment section: a heading that opens it ("Leave a Reply", "Kommentare",
        "3 Comments"), after the article's text, and everything after it. The heading marks
        where the section starts even when the paragraph model left the heading itself out."""
        kept = {id(block) for block in self.blocks}
        after_text = cutting = False
        cut: set[int] = set()
        for entry in self.entries:
            if not isinstance(entry, Block):
                continue
            shown = id(entry) in kept
            cutting = cutting or (
                after_text
                and (shown or (entry.reason is not None and entry.reason.rule is Rule.MODEL))
                and entry.kind in HEADING_KINDS
                and _COMMENT_HEADING.match(entry.text) is not None
            )
            if cutting and shown:
                cut.add(id(entry))
            after_text = after_text or shown
        for block in self.blocks:
            if id(block) in cut:
                block.drop(Reason(Rule.COMMENTS))
        self.blocks = [block for block in self.blocks if id(block) not in cut]

    # --- walking ------------------------------------------------------------

    def _walk(self, node: etree._Element) -> None:
        """Render ``node`` itself (never judged by ``keep``) and everything in it."""
        stack: list[object] = []
        self._enter(node, stack, top=True)
        self._drain(stack)

    def _contents(self, el: etree._Element) -> None:
        stack: list[object] = []
        self._push_contents(el, stack)
        self._drain(stack)

    def _drain(self, stack: list[object]) -> None:
        """Work through the stack in document order. An explicit stack, not recursion:
        pages nest deeper than Python's recursion limit. An item is an element to
        enter, a text to add, or a callback that closes a block or an inline tag."""
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self._text(item)
            elif callable(item):
                item()
            else:
                self._enter(cast(etree._Element, item), stack, top=False)

    def _enter(self, el: etree._Element, stack: list[object], top: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if not top and (rule := self.judge_box(el)) is not None:
            self.entries.append(DroppedElement(el, rule))
            blocks = self.blocks
            if (
                rule in LINK_BOX_RULES
                and blocks
                and blocks[-1].kind in HEADING_KINDS
                and not _has_text(self._tokens)
                and not _reads_as_prose(blocks[-1].text)
            ):
                blocks.pop().drop(Reason(Rule.HEADING_OF_DROPPED_BOX))  # the box's heading
            return
        if tag == "a" and self._kind in HEADING_KINDS and is_permalink(el):
            return  # the heading's "¶": no word of it
        if tag == "a" and links_to_a_heading_beside(el):
            return  # the permalink after a heading, in its box
        if tag == "a" and self._kind in HEADING_KINDS and links_to_its_heading(el):
            self._push_contents(el, stack)  # a heading's words linked to itself are its words
            return
        if tag == "a" and _counts_comments(el, self.doc):
            return  # "2 comments", beside a byline or a date
        if tag == "br":
            self._tokens.append(_BR)
        elif tag == "img":
            self._image(el)
        elif tag == "pre":
            self._pre(el)
        elif tag == "table" and not _BLOCK_IN_CELL(el):
            self._table(el)
        elif tag in BLOCK_TAGS:
            stack.append(self._open_block(el, tag))
            self._push_contents(el, stack)
        elif tag in INLINE_FORMAT and (opening := _opening_tag(el, tag, self.doc)) is not None:
            self._tokens.append(("o", tag, opening))
            stack.append(lambda: self._tokens.append(("c", tag)))
            self._push_contents(el, stack)
        else:
            self._push_contents(el, stack)

    def _push_contents(self, el: etree._Element, stack: list[object]) -> None:
        """Queue the children and their tails (reversed: the stack pops the last first)."""
        for child in reversed(el):
            tail = child.tail  # (each read of ``tail`` or ``text`` builds a new string)
            if tail:
                stack.append(tail)
            stack.append(child)
        text = el.text
        if text:
            self._text(text)

    def _text(self, text: str) -> None:
        self._tokens.append(("t", visible(text)))

    def _open_block(self, el: etree._Element, tag: str) -> Callable[[], None]:
        """Start a block's paragraph state; return the callback that ends it."""
        self._flush()
        saved = (self._kind, self._group, len(self._lists), self._element)
        self._element = el
        if tag in HEADINGS:
            self._kind = HEADINGS[tag]
        elif self._kind in HEADING_KINDS:
            self._kind = "p"  # a block inside a heading (broken markup) is text, not heading
        elif tag in ("ul", "ol"):
            self._lists.append(tag)
            self._group = (tag, id(el))
        elif tag == "li":
            self._kind = "li"
            if not self._lists:
                self._group = ("ul", id(el.getparent()))
        elif tag == "blockquote":
            self._kind, self._group = "p", ("blockquote", id(el))
        elif tag == "figure":
            self._group = ("figure", id(el))
        elif tag == "figcaption" or _is_caption(el):
            self._kind = "figcaption"

        def close() -> None:
            self._flush()
            self._kind, self._group, self._element = saved[0], saved[1], saved[3]
            del self._lists[saved[2] :]

        return close

    def _pre(self, el: etree._Element) -> None:
        self._flush()
        lines = [line.rstrip() for line in visible(text_content(el)).split("\n")]
        text = "\n".join(line for line in lines if line.strip()).strip("\n")
        if text:
            self._add(Block("pre", text, f"<pre>{escape(text)}</pre>", el, self._group))

    def _table(self, el: etree._Element) -> None:
        self._flush()
        group = ("table", id(el))
        caption = el.find("caption")
        if caption is not None:  # what the table shows: its title
            self._contents(caption)
            for text, html in _segments(self._tokens):
                if text:
                    self._add(Block("p", text, html, caption, group))
            self._tokens = []
        for row in el.iter("tr"):
            if (rule := self.judge_box(row)) is not None:
                self.entries.append(DroppedElement(row, rule))
                continue
            texts, cells = [], []
            for cell in row:
                if cell.tag not in ("td", "th"):
                    continue
                self._contents(cell)
                segments = _segments(self._tokens)
                self._tokens = []
                text = " ".join(t for t, _ in segments if t)
                html = " ".join(h for _, h in segments if h)
                if text:
                    texts.append(text)
                cells.append(f"<{cell.tag!s}{_span_attributes(cell)}>{html}</{cell.tag!s}>")
            if texts:
                row_html = f"<tr>{''.join(cells)}</tr>"
                self._add(Block("tr", " | ".join(texts), row_html, row, group))

    def _image(self, el: etree._Element) -> None:
        image = _image_record(el, self.doc)
        if image is None:
            return
        if image.url not in self._seen_images:
            self._seen_images.add(image.url)
            self.images.append(image)
        alt = " ".join((el.get("alt") or "").split())
        self._tokens.append(("img", f'<img src="{escape(image.url)}" alt="{escape(alt)}">'))

    # --- paragraphs ---------------------------------------------------------

    def _flush(self) -> None:
        tokens, self._tokens = self._tokens, []
        if _is_blank(tokens):
            return
        label = _is_link_label(tokens)
        kind, element, group = self._kind, self._element, self._group
        for text, html in _segments(tokens):
            rule = Rule.LINK_LABEL if label else self._residual(text) if text else None
            if rule is not None:
                dropped = Block(kind, text, html, element, group, Verdict.DROPPED, Reason(rule))
                self.entries.append(dropped)
            elif text or html:
                block = Block(kind, text, html, element, group)
                self.blocks.append(block)
                self.entries.append(block)

    def _add(self, block: Block) -> None:
        self.blocks.append(block)
        self.entries.append(block)

    def _residual(self, text: str) -> Rule | None:
        """The headline again (alone or ending a breadcrumb trail), a teaser, a credit, a date
        line or a lead byline."""
        folded = text.casefold()
        if self.title and _repeats_headline(folded, self.title):
            return Rule.HEADLINE
        if len(text) <= MAX_TEASER_CHARS and _READ_ALSO.match(text):
            return Rule.READ_ALSO
        if (
            len(text) <= MAX_COMMENT_FORM_LINE_CHARS
            and _COMMENT_FORM_LINE.match(text)
            and (self._element is None or self._element.tag not in TABLE_CELL_TAGS)
        ):
            return Rule.COMMENTS  # (a table's "Name" column is no form's label)
        if len(text) <= MAX_CREDIT_CHARS and _CREDIT_LINE.match(text):
            return Rule.CREDIT
        if len(text) <= MAX_NOTICE_CHARS and _COPYRIGHT_NOTICE.match(text):
            return Rule.CREDIT  # "© 2024 The Daily Example. All rights reserved."
        if len(text) <= MAX_DISCLOSURE_CHARS and _DISCLOSURE.search(folded):
            return Rule.DISCLOSURE
        # (a list's items that each carry a date are entries: a filmography, a timeline)
        if self._kind != "li" and (line := _date_line(text)) is not None:
            return line
        if _text_blocks_reach(self.blocks, LEAD_BLOCKS):
            return None
        if (
            len(text) <= MAX_LEAD_LINE_CHARS
            and not _ends_sentence(text)
            and _BYLINE_LINE.match(text) is not None
        ):
            return Rule.BYLINE
        return None


def _counts_comments(link: etree._Element, doc: Document) -> bool:
    """Whether ``link`` leads to the page's own comment section and says how many comments
    it holds, or names it ("2 commentaires", "No Comments", "Leave a comment"): a link a
    sentence may make ("tell us in the comments") stays, and so does a link to another
    page's comments (a source's address)."""
    if not links_to_comments(link) or not _on_this_page(link.get("href") or "", doc):
        return False
    text = " ".join(visible(text_content(link)).split())
    return any(c.isdigit() for c in text) or _COMMENT_HEADING.match(text) is not None


def _on_this_page(href: str, doc: Document) -> bool:
    """Whether ``href`` (with a fragment) points into the page ``doc`` itself."""
    return href.startswith("#") or same_page(doc.absolute(href.partition("#")[0]), doc.url)


def _repeats_headline(folded: str, title: str) -> bool:
    """Whether a line (``folded``) is the headline (``title``, folded), alone or ending a
    breadcrumb trail."""
    return folded == title or (folded.endswith(title) and _is_trail_to(folded, title))


def _is_trail_to(folded: str, title: str) -> bool:
    """Whether ``folded`` is a breadcrumb trail that ends in the headline (``title``):
    "home > news > headline", short steps each ended by a trail's separator."""
    if len(folded) <= len(title):
        return False
    steps = _TRAIL_SEPARATOR.split(folded[: -len(title)].rstrip())
    return (
        len(steps) > 1
        and not steps[-1].strip()
        and all(0 < len(step.split()) <= MAX_TRAIL_STEP_WORDS for step in steps[:-1])
    )


# --- segments and the <br> rule ------------------------------------------------


def _segments(tokens: list[Token]) -> list[tuple[str, str]]:
    """(text, html) paragraphs from one block's tokens, split at <br> by the rule above."""
    if all(token[0] == "t" for token in tokens):
        # Plain text, the common case: one line, its HTML the escaped text (what the
        # general path below gives, without its per-token bookkeeping).
        text = squeezed("".join(token[1] for token in tokens))
        return [(text, escape(text, quote=False))] if text else []
    lines = _lines(tokens)
    out: list[tuple[str, str]] = []
    previous_blank = False
    for text, html in lines:
        if not text and not html:
            previous_blank = True
            continue
        if out and not previous_blank and _joins(out[-1][0], text):
            last_text, last_html = out[-1]
            out[-1] = (f"{last_text} {text}".strip(), f"{last_html} {html}".strip())
        else:
            out.append((text, html))
        previous_blank = False
    return out


def _joins(before: str, after: str) -> bool:
    """True when a <br> between these lines is a stray break inside a sentence."""
    if not before or not after:
        return False
    if _ends_sentence(before):
        return False
    return not (len(before) < SHORT_LINE_CHARS and len(after) < SHORT_LINE_CHARS)


def _lines(tokens: list[Token]) -> list[tuple[str, str]]:
    """Split tokens at <br>; each line's HTML closes and reopens the inline tags it spans."""
    lines = []
    current: list[Token] = []
    open_tags: list[Token] = []
    start_tags: list[Token] = []
    for token in tokens:
        if token[0] == "br":
            lines.append(_line(start_tags, current, open_tags))
            current, start_tags = [], list(open_tags)
            continue
        current.append(token)
        if token[0] == "o":
            open_tags.append(token)
        elif token[0] == "c" and open_tags:
            open_tags.pop()
    lines.append(_line(start_tags, current, open_tags))
    return lines


def _line(start_tags: list[Token], tokens: list[Token], end_tags: list[Token]) -> tuple[str, str]:
    text = " ".join("".join(token[1] for token in tokens if token[0] == "t").split())
    html = _line_html([*start_tags, *tokens, *(("c", tag[1]) for tag in reversed(end_tags))])
    return text, html


def _line_html(tokens: list[Token]) -> str:
    out: list[str] = []
    space = False  # a space is owed before the next word
    started = False
    for token in tokens:
        kind = token[0]
        if kind == "t":
            raw = token[1]
            if not raw:
                continue
            if raw[0].isspace() and started:
                space = True
            words = raw.split()
            if words:
                if space:
                    out.append(" ")
                out.append(escape(" ".join(words), quote=False))
                started = True
                space = raw[-1].isspace()
        elif kind == "o" or kind == "img":
            if space:
                out.append(" ")
                space = False
            out.append(token[2] if kind == "o" else token[1])
            started = started or kind == "img"
        elif kind == "c":
            out.append(f"</{token[1]}>")
    html = "".join(out)
    return "" if not started else _drop_empty_tags(html)


_EMPTY_TAG: Final = re.compile(r"<(em|strong|b|i|code|a)\b[^>]*>\s*</\1>")


def _drop_empty_tags(html: str) -> str:
    if "></" not in html and "> </" not in html:
        return html
    previous = None
    while previous != html:
        previous, html = html, _EMPTY_TAG.sub("", html)
    return html


def _is_blank(tokens: list[Token]) -> bool:
    """No tokens, or only white space (the spaces between block tags): most flushes."""
    return all(token[0] == "t" and (token[1].isspace() or not token[1]) for token in tokens)


def _is_link_label(tokens: list[Token]) -> bool:
    """A block that is nothing but a short link: a section label, "Sign in", "Next"."""
    depth = 0
    linked: list[str] = []
    unlinked: list[str] = []
    for token in tokens:
        if token[0] == "o" and token[1] == "a":
            depth += 1
        elif token[0] == "c" and token[1] == "a":
            depth -= 1
        elif token[0] == "t":
            (linked if depth > 0 else unlinked).append(token[1])
    words = " ".join(linked).split()
    return (
        bool(words)
        and not "".join(unlinked).strip()
        and words_in_any_script(" ".join(words)) <= MAX_LINK_LABEL_WORDS
        and not any(map(_spells_address, words))
    )


def _spells_address(word: str) -> bool:
    """True for a web or e-mail address written out: a cited source or a contact, which
    the reader reads as text, not a label to click."""
    return "@" in word or word.startswith(("http://", "https://", "www."))


def _text_blocks_reach(blocks: list[Block], count: int) -> bool:
    """True when ``blocks`` hold at least ``count`` text paragraphs (stops counting there)."""
    for block in blocks:
        if block.text:
            count -= 1
            if count <= 0:
                return True
    return False


def _has_text(tokens: list[Token]) -> bool:
    return any(token[0] == "t" and not token[1].isspace() for token in tokens)


METADATA_LINE_RULES: Final = frozenset({Rule.BYLINE, Rule.DATE_LINE, Rule.STATUS_LINE})
"""The lines a box of the article's metadata holds besides its labels."""


_RELATED_HEADING: Final = Reason(Rule.READ_ALSO)


def _headed_section(heading: etree._Element) -> list[etree._Element]:
    """The boxes right after ``heading``, beside it or beside the box it is alone in
    (``<div><h2>Related</h2></div><ul>...</ul>``), up to the next heading or paragraph: a
    box of related stories inside the article is followed by the article's next paragraph."""
    label = heading
    parent = label.getparent()
    while (
        label.getnext() is None
        and parent is not None
        and len(parent) == 1
        and parent.tag not in ("body", "article", "main")
    ):
        label, parent = parent, parent.getparent()
    section = []
    for sibling in label.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in HEADINGS or sibling.tag == "p":
            break
        section.append(sibling)
    return section


def _is_metadata_box(lines: list[Block]) -> bool:
    """True for the lines of one box when one is a byline, the others byline or date lines
    or short lines that are neither sentences nor headings. (Date lines alone do not make
    one: a list of awards or events, each dated, is text.)"""
    bylined = False
    for block in lines:
        reason = block.reason
        if reason is not None and reason.rule in METADATA_LINE_RULES:
            bylined = bylined or reason.rule is Rule.BYLINE
        elif not _is_label_line(block):
            return False
    return bylined


def _is_label_line(block: Block) -> bool:
    """A short line that is neither a heading nor, when kept, a sentence."""
    if block.kind in HEADING_KINDS or len(block.text) > MAX_LEAD_LINE_CHARS:
        return False
    return block.verdict is not Verdict.KEPT or (
        bool(block.text) and not _ends_sentence(block.text)
    )


def _ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in SENTENCE_END


def _reads_as_prose(text: str) -> bool:
    """Whether a heading's ``text`` is prose, no label: a sentence of
    ``MIN_PROSE_HEADING_WORDS`` or more, or ``MIN_LONG_HEADING_WORDS`` however it ends."""
    words = words_in_any_script(text)
    return words >= MIN_LONG_HEADING_WORDS or (
        words >= MIN_PROSE_HEADING_WORDS and text.rstrip().endswith(tuple(SENTENCE_ENDS))
    )


def _date_line(text: str) -> Rule | None:
    """Whether ``text`` is a short line that only dates the article ("5 June 2023, 14:02")
    or says its status ("Updated ...")."""
    # (Splitting no further than one word past the limit tells whether it is passed.)
    too_long = len(text.split(maxsplit=MAX_STATUS_LINE_WORDS)) > MAX_STATUS_LINE_WORDS
    if (
        too_long
        or _ends_sentence(text.rstrip("."))
        or _ends_with_word_and_period(text)
        or _reads_like_sentence(text)
    ):
        return None
    if _DATE_PART.search(text) is not None or _AGE_LINE.fullmatch(text) is not None:
        return Rule.DATE_LINE
    return Rule.STATUS_LINE if _STATUS_LINE.match(text) is not None else None


def _reads_like_sentence(text: str) -> bool:
    """True for a sentence that ends in a date ("Her appointment was announced in December
    2019."): a full stop after words, most of them lowercase (a date line's words are labels
    and names: "Aktualisiert am 17.01.2021.", "Veröffentlicht am 16.08.2019.")."""
    if not text.endswith("."):
        return False
    words = [word for word in text.split() if word.isalpha()]
    return sum(word.islower() for word in words) >= MIN_SENTENCE_LOWER_WORDS


def _ends_with_word_and_period(text: str) -> bool:
    """True for a line ending like a sentence: a word and a full stop. (A date line may end
    in a period only after its number: "Aktualisiert am 17.01.2021.")"""
    return text.endswith(".") and text[-2:-1].isalpha()


# --- HTML ---------------------------------------------------------------------


def _opening_tag(el: etree._Element, tag: str, doc: Document) -> str | None:
    if tag != "a":
        return f"<{tag}>"
    href = doc.absolute(el.get("href"))
    if not href or not href.lower().startswith(SAFE_SCHEMES):
        return None
    return f'<a href="{escape(href)}">'


def _span_attributes(cell: etree._Element) -> str:
    out = ""
    for name in ("colspan", "rowspan"):
        value = (cell.get(name) or "").strip()
        if value.isdigit() and value != "1":
            out += f' {name}="{value}"'
    return out


def _is_figure(group: Group | None) -> bool:
    return group is not None and group[0] == "figure"


def _dropped_as_ad_label(block: Block) -> bool:
    """Drop ``block`` if it is an ad slot's label alone ("Advertisement", "ANZEIGE"), and
    say so. Read after the paragraph model (which weighs no line this short), so that its
    training sees the page as before; a heading is kept (a section on "Advertising")."""
    text = block.text
    if (
        not text
        or len(text) > MAX_AD_LABEL_CHARS
        or block.kind in HEADING_KINDS
        or _AD_LABEL.match(text) is None
    ):
        return False
    block.drop(Reason(Rule.AD_LABEL))
    return True


def _assemble_html(blocks: list[Block]) -> str:
    """Blocks to HTML, wrapping runs of the same list, quote, table or figure."""
    out: list[str] = []
    open_group: Group | None = None
    for block in blocks:
        kind, group, text, html = block.kind, block.group, block.text, block.html
        bare_image = not text and html.startswith("<img")
        if group != open_group:
            if open_group is not None:
                out.append(f"</{open_group[0]}>")
            if group is not None:
                out.append(f"<{group[0]}>")
            open_group = group
        if kind == "tr":
            out.append(html)
        elif kind == "li" and group is not None and group[0] in ("ul", "ol"):
            out.append(f"<li>{html}</li>")
        elif kind == "li":
            out.append(f"<p>{html}</p>")
        elif kind == "figcaption" and out and out[-1].startswith("<figcaption>"):
            out[-1] = f"{out[-1].removesuffix('</figcaption>')} {html}</figcaption>"
        elif kind == "pre" or (bare_image and _is_figure(group)):
            out.append(html)
        else:
            out.append(f"<{kind}>{html}</{kind}>")
    if open_group is not None:
        out.append(f"</{open_group[0]}>")
    return "\n".join(out)


# --- images -----------------------------------------------------------------


def _image_record(el: etree._Element, doc: Document) -> Image | None:
    source = _image_source(el)
    url = doc.absolute(source) if source else None
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    width, height = _dimension(el.get("width")), _dimension(el.get("height"))
    if (width is not None and width < MIN_IMAGE_SIDE) or (
        height is not None and height < MIN_IMAGE_SIDE
    ):
        return None
    if _NOT_IMAGE.search(url):
        return None
    return Image(url=url, caption=_caption(el), width=width, height=height)


LAZY_SOURCES: Final = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "src")


def _image_source(el: etree._Element) -> str | None:
    for attribute in LAZY_SOURCES:
        value = (el.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return _largest_in_srcset(el.get("data-srcset") or el.get("srcset") or "")


def _largest_in_srcset(srcset: str) -> str | None:
    best, best_size = None, -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):
            continue
        size = 0.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1])
        if size > best_size:
            best, best_size = parts[0], size
    return best


def _dimension(value: str | None) -> int | None:
    value = (value or "").strip().removesuffix("px")
    return int(value) if value.isdigit() else None


def _caption(img: etree._Element) -> str | None:
    """The figcaption of the image's figure, or a caption element right after it."""
    holder = img.getparent()
    for _ in range(4):
        if holder is None:
            break
        if holder.tag == "figure":
            caption = holder.find(".//figcaption")
            return _clean(text_content(caption)) if caption is not None else None
        holder = holder.getparent()
    node = img
    for _ in range(2):
        sibling = node.getnext()
        if sibling is not None and isinstance(sibling.tag, str) and _is_caption(sibling):
            return _clean(text_content(sibling))
        parent = node.getparent()
        if parent is None or len(parent) > 1:
            break
        node = parent
    return None


def _is_caption(el: etree._Element) -> bool:
    return _names_caption(el.get("class"), el.get("id"))


@remembered
def _names_caption(class_attribute: str | None, ident: str | None) -> bool:
    return any(
        word in _CAPTION_WORDS or word.endswith(CAPTION_WORD)
        for name in attribute_names(class_attribute, ident)
        for word in name_words(name)
    )


def _clean(text: str) -> str | None:
    return " ".join(visible(text).split()) or None
