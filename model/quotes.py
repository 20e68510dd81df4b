"""Find quotes in news text: their exact spans, speakers, cue verbs and context.

Rules, no statistical model. The steps:
1. pair double quotation marks paragraph by paragraph (a paragraph that re-opens the mark
   without closing the previous one continues the quote; so does a quote left open whose
   close is a lone mark ending one of the next three paragraphs, as transcripts drop the
   re-opening marks; an inner quote in the same marks stays inside its outer quote; a
   paragraph whose first mark closes an attributed quote lost its opening mark, so the quote
   starts with the paragraph), then single marks outside them;
2. split the text into sentences (for context and for where attribution may look);
3. attribute each quote (model.speakers), dropping unattributed scare quotes and titles.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from model.cues import CUE_RE, words
from model.speakers import Attributor
from model.titles import named_not_said

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"'
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER
SINGLE_OPEN = "‘'‹"
SINGLE_CLOSE = "’'›"
OPEN_BEFORE = set(" \t\n([{—–-/") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | set('"')
SHORT_WORDS = 3  # 1–3-word spans are scare quotes or titles unless someone is said to say them

_APOSTROPHE_OPENING = re.compile(r"\d\d|n['’]\s|em\b|til\b|cause\b|tis\b|twas\b", re.IGNORECASE)
_ABBREVIATIONS = frozenset(
    words("""
mr mrs ms dr prof gen lt col sgt st jr sr no vs etc inc co corp rep sen gov adm capt maj jan feb
mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e fig approx dept est
cmdr cdr brig cpl pvt spc pfc rev hon
""")
)


@dataclass(frozen=True)
class Quote:
    article_id: str
    quote: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    context: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Span:
    """A quoted span: the text between the marks, and where its marks are."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when the quote runs unclosed to its paragraph's end

    @property
    def after(self) -> int:
        """Where the text after the quote begins: past its closing mark, or its end if unclosed."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


# --- pairing marks ----------------------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line; a newline always ends a paragraph in news text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPEN_BEFORE and not after.isspace()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _trimmed(text: str, start: int, end: int, open_mark: int, close_mark: int | None) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, open_mark, close_mark)


def double_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    open_mark: int | None = None  # position of the first opening mark of the current quote
    prev_end = 0
    paras = paragraphs(text)
    skip_to = 0  # paragraphs already consumed by a quote whose re-opening marks were dropped
    inner_marks: set[int] = set()  # closing marks of nested quotes in the same marks
    for index, (para_start, para_end) in enumerate(paras):
        if index < skip_to:
            continue
        marks = [i for i in range(para_start, para_end) if text[i] in DOUBLE_MARKS]
        if open_mark is not None:
            first = len(text[para_start:para_end]) - len(text[para_start:para_end].lstrip())
            if marks and marks[0] == para_start + first and text[marks[0]] not in DOUBLE_CLOSE:
                marks = marks[1:]  # the paragraph re-opens the quote: it goes on
            else:
                close = _dropped_reopen_close(text, paras, index)
                if close is not None:
                    # A transcript dropped the re-opening marks: the quote ends at the lone
                    # closing mark that ends a later paragraph.
                    spans.append(_trimmed(text, open_mark + 1, close, open_mark, close))
                    open_mark = None
                    skip_to = next(k for k, (a, b) in enumerate(paras) if a <= close < b) + 1
                    prev_end = paras[skip_to - 1][1]
                    continue
                spans.append(_trimmed(text, open_mark + 1, prev_end, open_mark, None))
                open_mark = None
        for i in marks:
            char = text[i]
            if open_mark is None:
                closing_only = not _looks_opening(text, i) and (
                    char in DOUBLE_CLOSE or (char == DOUBLE_EITHER and _looks_closing(text, i))
                )
                if closing_only and i == marks[0] and _dropped_open(text, para_start, i):
                    spans.append(_trimmed(text, para_start, i, para_start, i))
                    continue
                if closing_only:
                    continue  # a stray closing mark
                open_mark = i
            elif i in inner_marks:
                continue
            elif _nested_close(text, i, marks, open_mark) is not None:
                # “He said a “bloc of the willing” was forming,”: the inner pair stays inside.
                inner_marks.add(_nested_close(text, i, marks, open_mark))
            elif char in DOUBLE_OPEN and _looks_opening(text, i) and not _looks_closing(text, i):
                # A new quote opens before the old one closed: end the old one here.
                spans.append(_trimmed(text, open_mark + 1, i, open_mark, None))
                open_mark = i
            else:
                spans.append(_trimmed(text, open_mark + 1, i, open_mark, i))
                open_mark = None
        prev_end = para_end
    if open_mark is not None:
        spans.append(_trimmed(text, open_mark + 1, prev_end, open_mark, None))
    return [s for s in spans if s.end > s.start]


# `..., so we have nothing else,” Tanabe told reporters.`: the attribution right after the mark.
_ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:(?:he|she|they|it|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:also\s+)?)?"
    rf"(?:{CUE_RE.pattern})"
)


def _dropped_open(text: str, para_start: int, close: int) -> bool:
    """Whether the paragraph's first mark closes a quote whose opening mark was dropped: it
    ends a clause of several words from the paragraph's start and its attribution follows."""
    inside = text[para_start:close]
    return (
        inside[-1:] in ",.?!"
        and len(inside.split()) >= 4
        and _ATTRIBUTION_AFTER.match(text, close + 1) is not None
    )


_REOPEN_LOOKAHEAD = 3  # paragraphs an unclosed quote may run on without re-opening marks


def _dropped_reopen_close(text: str, paras: list[tuple[int, int]], index: int) -> int | None:
    """The closing mark that ends one of the next few paragraphs, when those paragraphs hold
    no other double mark: the close of a quote whose re-opening marks were dropped."""
    for para_start, para_end in paras[index : index + _REOPEN_LOOKAHEAD]:
        marks = [i for i in range(para_start, para_end) if text[i] in DOUBLE_MARKS]
        if not marks:
            continue
        last = len(text[:para_end].rstrip()) - 1
        lone = len(marks) == 1 and marks[0] == last and text[last] != "„"
        if lone and text[last] not in DOUBLE_OPEN and _looks_closing(text, last):
            return last
        return None
    return None


def _nested_close(text: str, i: int, marks: list[int], open_mark: int) -> int | None:
    """For an opening mark inside an open quote that starts an inner quote in the same marks
    (it follows a space, and the inner pair closes before the outer quote does): the inner
    closing mark. None otherwise."""
    if text[i] not in DOUBLE_OPEN + DOUBLE_EITHER or i - 1 <= open_mark:
        return None
    if text[i - 1] != " " or not _looks_opening(text, i) or _looks_closing(text, i):
        return None
    later = [j for j in marks if j > i]
    if len(later) < 2:
        return None  # no outer close after the inner pair
    inner_close, outer_close = later[0], later[1]
    inner = text[i + 1 : inner_close]
    nested = (
        text[inner_close] in DOUBLE_CLOSE + DOUBLE_EITHER
        and text[outer_close] in DOUBLE_CLOSE + DOUBLE_EITHER
        and 0 < len(inner.split()) <= 8
        and not _looks_opening(text, inner_close)
        and not re.search(r"[.!?]\s", inner)
    )
    return inner_close if nested else None


def single_spans(text: str, taken: list[Span]) -> list[Span]:
    """Quotes in single marks, outside double-quoted spans; apostrophes never open one."""
    blocked = [(s.open_mark, s.after) for s in taken]
    spans = []
    for para_start, para_end in paragraphs(text):
        i = para_start
        while i < para_end:
            if text[i] in SINGLE_OPEN and _single_opens(text, i) and not _inside(i, blocked):
                close = _single_close(text, i + 1, para_end, blocked)
                if close is not None:
                    spans.append(_trimmed(text, i + 1, close, i, close))
                    i = close
            i += 1
    return [s for s in spans if s.end > s.start]


def _single_opens(text: str, i: int) -> bool:
    if not _looks_opening(text, i) or not text[i + 1 : i + 2].isalnum():
        return False
    return not _APOSTROPHE_OPENING.match(text, i + 1)


def _single_close(text: str, start: int, stop: int, blocked) -> int | None:
    weak: list[int] = []
    for j in range(start, stop):
        if _inside(j, blocked):
            return None
        char = text[j]
        if char in SINGLE_OPEN and char not in SINGLE_CLOSE and _single_opens(text, j):
            break
        if char not in SINGLE_CLOSE or not _looks_closing(text, j):
            continue
        follows = text[j + 1 : j + 3]
        # "Jones’ staff": a possessive s’ before a lower-case word is only a weak closer.
        if text[j - 1] in ".,!?;:" or not follows.strip() or follows[0] in ".,;:!?)—–-":
            return j
        weak.append(j)
    plain = [j for j in weak if text[j - 1] not in "sS"]
    return (plain or weak or [None])[0]


def _inside(i: int, blocked) -> bool:
    return any(a <= i < b for a, b in blocked)


def find_spans(text: str) -> list[Span]:
    doubles = double_spans(text)
    return sorted(doubles + single_spans(text, doubles), key=lambda s: s.start)


# --- sentences --------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]*[A-Z0-9À-Þ])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never crossing a paragraph break."""
    result = []
    for para_start, para_end in paragraphs(text):
        start = para_start
        for match in _SENTENCE_END.finditer(text, para_start, para_end):
            word = re.search(r"([\w.]+)\.*$", text[start : match.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            result.append((start, match.end()))
            start = match.end()
            while start < para_end and text[start].isspace():
                start += 1
        if start < para_end:
            result.append((start, para_end))
    return result


def context_of(text: str, sents: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) holding [start, end) plus the sentence before (codebook §1)."""
    inside = [i for i, (a, b) in enumerate(sents) if a < max(end, start + 1) and b > start]
    if not inside:
        return text[start:end]
    first = max(inside[0] - 1, 0)
    return text[sents[first][0] : sents[inside[-1]][1]].strip()


# --- extraction -------------------------------------------------------------------------------


def extract_quotes(text: str, article_id: str = "") -> list[Quote]:
    """Every quote in `text` with its speaker, cue and context; offsets index `text` exactly."""
    # Titles and headlines are named, not said: set aside before attribution so that a split
    # quote around a book title ("author of “The Hermit and the Dragon.” “...”") stays whole.
    spans, titles = [], []
    for span in find_spans(text):
        (titles if named_not_said(text, span) else spans).append(span)
    sents = sentences(text)
    attributor = Attributor(text, spans, sents, titles)
    quotes = []
    for index, span in enumerate(spans):
        speaker, cue, attributed = attributor.attribute(index)
        if _is_scare_quote(text, span, attributed) and not _continues_statement(
            text, spans, index, quotes
        ):
            continue
        quotes.append(
            Quote(
                article_id,
                text[span.start : span.end],
                speaker,
                cue,
                span.start,
                span.end,
                context_of(text, sents, span.open_mark, span.after),
            )
        )
    return quotes


def _continues_statement(text: str, spans: list[Span], index: int, kept: list[Quote]) -> bool:
    """`“A,” he said. “That's all.”`: a short span that is a sentence of its own, right after a
    kept quote in the same paragraph and its attribution, is the statement's second part."""
    span = spans[index]
    if index == 0 or not kept or span.close_mark is None:
        return False
    prev = spans[index - 1]
    if kept[-1].start != prev.start or prev.close_mark is None:
        return False
    between = text[prev.close_mark + 1 : span.open_mark]
    own = text[span.start : span.end]
    return (
        "\n" not in between
        and len(between) <= 80
        and re.search(r"[.!?]\s*$", between) is not None
        and re.search(r"[.!?]$", own) is not None
        and own[:1].isupper()
    )


def _is_scare_quote(text: str, span: Span, attributed: bool) -> bool:
    words = text[span.start : span.end].split()
    if len(words) > SHORT_WORDS:
        return False
    before = text[max(0, span.open_mark - 12) : span.open_mark].lower()
    return not attributed or "so-called" in before


def naive_quotes(text: str, article_id: str = "") -> list[Quote]:
    """Baseline: pair double quote marks in order, no speaker; shows what the rules add."""
    marks = [i for i, char in enumerate(text) if char in DOUBLE_MARKS]
    sents = sentences(text)
    quotes = []
    for open_mark, close_mark in zip(marks[::2], marks[1::2], strict=False):
        start, end = open_mark + 1, close_mark
        if end > start:
            quotes.append(
                Quote(
                    article_id,
                    text[start:end],
                    None,
                    None,
                    start,
                    end,
                    context_of(text, sents, open_mark, close_mark + 1),
                )
            )
    return quotes
