from byline.quotes import find_quotes


def test_quote_with_speaker_after_it():
    body = (
        '"The Ministers concurred to set up a working group on economic security," '
        "the ministry said."
    )
    (quote,) = find_quotes(body)
    assert quote.text == "The Ministers concurred to set up a working group on economic security"
    assert quote.speaker == "the ministry"


def test_quote_with_inverted_speech_verb_and_typographic_marks():
    (quote,) = find_quotes("“We are fine with this decision,” said John Smith, a farmer.")
    assert quote.text == "We are fine with this decision"
    assert quote.speaker == "John Smith"


def test_speaker_before_the_quote():
    (quote,) = find_quotes('The mayor said: "We will rebuild the bridge by spring."')
    assert quote.speaker == "The mayor"
    assert quote.text == "We will rebuild the bridge by spring."


def test_german_quote():
    (quote,) = find_quotes("„Das ist ein wichtiger Schritt für die Stadt“, sagte Anna Schmidt.")
    assert quote.speaker == "Anna Schmidt"


def test_pronoun_is_not_a_speaker_and_short_quotes_are_terms():
    quotes = find_quotes('He said "this is a long quote here" and left. The "smart" phone.')
    assert [q.text for q in quotes] == ["this is a long quote here"]
    assert quotes[0].speaker is None


def test_chinese_quotes_are_counted_in_words_not_spaces():
    """A quoted Chinese sentence is one word to ``str.split``: counted in any script it is
    speech, while a quoted term (“数字”) is still a scare quote."""
    body = "“数字”农业发展迅速。他说：“我们同意深化合作，并将继续保持密切沟通。”"
    assert [q.text for q in find_quotes(body)] == ["我们同意深化合作，并将继续保持密切沟通。"]


def test_japanese_corner_brackets_quote_speech():
    """Japanese news quotes speech in 「」 (a quotation inside one in 『』); a short bracketed
    term (「働き方」) is a scare quote, as “数字” is in Chinese."""
    body = (
        "「働き方」改革が議論された。首相は「来年度から新しい制度を導入し、"
        "全国で実施する方針だ」と述べた。"
    )
    speech = "来年度から新しい制度を導入し、全国で実施する方針だ"
    assert [q.text for q in find_quotes(body)] == [speech]


def test_quotes_keep_reading_order_across_paragraphs():
    body = '"First quote has enough words," she said.\n\n“Second quote has enough words too.”'
    assert [q.text for q in find_quotes(body)] == [
        "First quote has enough words",
        "Second quote has enough words too.",
    ]


def test_a_continued_quote_keeps_the_paragraph_speaker():
    body = (
        '"This is the most important decision in a generation," chair Margaret Ellery told '
        'reporters. "Every winter we wait is another winter of risk."'
    )
    quotes = find_quotes(body)
    assert [q.speaker for q in quotes] == ["chair Margaret Ellery", "chair Margaret Ellery"]


def test_the_verb_test_before_a_quote_finds_what_the_full_pattern_finds():
    """``_speaker_before`` tests the end of the text first; it must agree with ``_BEFORE``."""
    from byline.quotes import _BEFORE, _speaker_before

    sentences = [
        "The mayor said: ",
        "Die Ministerin sagte , ",
        "Le ministre a déclaré\u00a0: ",
        "THE MINISTRY SAID:\n",
        "The mayor, who said nothing for weeks, finally spoke",
        "Officials in the town, the report said, are worried about ",
        "saidsaid ",
        "",
    ]
    for sentence in sentences:
        expected = _BEFORE.search(sentence)
        found = _speaker_before(sentence)
        assert (found and found.group("speaker")) == (expected and expected.group("speaker"))
    assert _speaker_before("The mayor said: ").group("speaker") == "The mayor"
    assert _speaker_before("Officials in the town, the report said, are worried about ") is None


def test_the_circumstances_of_a_speech_are_no_part_of_its_speaker():
    paragraph = "„Wir haben lange auf diesen Tag gewartet“, sagte Wendt bei der Jungfernfahrt."
    assert [q.speaker for q in find_quotes(paragraph)] == ["Wendt"]
    english = '"We will not reopen the route before the repairs," said Tom Harris at the meeting.'
    assert [q.speaker for q in find_quotes(english)] == ["Tom Harris"]
    office = '"The harbour needs a new wall before the winter," said the head of the council.'
    assert [q.speaker for q in find_quotes(office)] == ["the head of the council"]
