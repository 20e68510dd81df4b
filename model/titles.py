"""Quoted spans that are named, not said: titles of books and songs, and headlines.

They are set aside before attribution: "author of “The Hermit and the Dragon”" credits nobody,
and a headline repeats words the body quotes properly.
"""

from __future__ import annotations

import re

from model.cues import words


def named_not_said(text: str, span) -> bool:
    """Whether the span is a title or sits in a headline (span: a `model.quotes.Span`)."""
    return (
        _is_title(text[span.start : span.end])
        or _names_a_work(text, span)
        or _in_headline(text, span)
    )


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
