"""Quoted spans that are named, not said: titles of books and songs, and headlines.

They are set aside before attribution: "author of “The Hermit and the Dragon”" credits nobody,
and a headline repeats words the body quotes properly.
"""

from __future__ import annotations

import re

from model.cues import CUE_RE, words


def named_not_said(text: str, span) -> bool:
    """Whether the span is a title or sits in a headline (span: a `model.quotes.Span`)."""
    title_case = _is_title(text[span.start : span.end]) and not _cue_right_after(text, span)
    return (
        title_case
        or _nickname(text, span)
        or _names_a_work(text, span)
        or _named_by_a_noun(text, span)
        or _in_headline(text, span)
    )


def _nickname(text: str, span) -> bool:
    """`Senator Ramon "Bong" Villarta`: one capitalised word between a first and a last name."""
    word = text[span.start : span.end]
    return (
        re.fullmatch(r"[A-Z][\w-]+", word) is not None
        and re.search(r"\b[A-Z][\w-]+ $", text[max(0, span.open_mark - 30) : span.open_mark])
        is not None
        and re.match(r" [A-Z][\w-]+", text[span.after : span.after + 29]) is not None
    )


_NAMING_NOUN_BEFORE = re.compile(
    r"\b(?:channel|show|programme|program|column|podcast|blog|newsletter|website|site|operation|"
    r"exercise|drills|campaign|slogan|dubbed|named|nicknamed|called)\s*$"
)


def _named_by_a_noun(text: str, span) -> bool:
    """`runs the Telegram channel «Pacific Arithmetic»`, `the drills, dubbed “Joint Sea”`: a
    capitalised name after a naming noun is named, not said."""
    tokens = re.findall(r"[\w’'-]+", text[span.start : span.end])
    capitalised = bool(tokens) and all(t[0].isupper() or t[0].isdigit() for t in tokens)
    before = text[max(0, span.open_mark - 30) : span.open_mark].rstrip(" ,")
    return capitalised and _NAMING_NOUN_BEFORE.search(before) is not None


def _cue_right_after(text: str, span) -> bool:
    """`“For the Gulf,” said Dr Ali Nasser, “...”`: a Title-Case opening that a cue verb
    follows at once is said, the first half of a split quote."""
    following = text[span.after : span.after + 39].lstrip(" ,—–-")
    after = re.sub(r"^(?:he|she|they|it)\s+", "", following)
    return CUE_RE.match(after) is not None


_MINOR_WORDS = words("of the a an and in on to for with by at or nor but from as into vs is are be")


_WORK_BEFORE = re.compile(
    r"\b(?:author|editor|co-author|director)\s+of\s*$|"
    r"\b(?:book|novel|memoir|film|documentary|study|essay|monograph|titled|entitled)\s*,?\s*$"
)


def _names_a_work(text: str, span) -> bool:
    """`author of « Le Dernier Royaume ermite »`, `her book “Ties that bind”`: a title in any
    case, named rather than said."""
    return _WORK_BEFORE.search(text, max(0, span.open_mark - 40), span.open_mark) is not None


def _is_title(quote: str) -> bool:
    """A headline, book or song title in Title Case ("The Banner of Friendship Flies Higher"):
    named, not said. Speech is never written that way."""
    tokens = re.findall(r"[\w’'-]+", quote)
    return (
        len(tokens) >= 3
        and tokens[0][0].isupper()
        and all(t[0].isupper() or t[0].isdigit() or t.lower() in _MINOR_WORDS for t in tokens)
    )


def _in_headline(text: str, span) -> bool:
    """A quote in a headline, subhead or liveblog post title ("Xinhua: ‘friendship and
    peace’"): a short line without a full stop or a past-tense cue that ends without sentence
    punctuation. Headlines repeat words the body quotes properly, so they are not annotated."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    return (
        len(line) < 130
        and ". " not in line
        and " said" not in line
        and not re.search(r"[.!?:;…]$", line.rstrip("”\"’'»)] "))
    )
