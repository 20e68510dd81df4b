"""Where the attribution sits: the cue verb next to a quote and the speaker phrase it governs.

`“...,” said Peter Ward, a researcher` (inverted, after), `Peter Ward, a researcher, said “...”`
(before), `according to Peter Ward`, `“...” This was stated by Peter Ward` (next sentence).
Each finder returns (phrase, cue, position of the phrase) or None; resolution comes later.
"""

from __future__ import annotations

import re

from model.cues import (
    ACCORDING_RE,
    ADVERB_WORDS,
    CUE_RE,
    ORG_HEADS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    TIME_PHRASE,
    TITLE_WORDS,
    phrase_after,
    phrase_before,
)
from model.names import NAME_RUN_RE, is_person_name, strip_titles

_LEAD = re.compile(r"^\s*(?:[,—–-]\s*)?")
_GAP_TAIL = re.compile(r"(?:\s+(?:{}|{}))+\s*$".format("|".join(ADVERB_WORDS), TIME_PHRASE))


def _subject_before(seg: str) -> str | None:
    """The speaker phrase ending `seg`, skipping adverbs and an appositive (", a researcher,")."""
    seg = _GAP_TAIL.sub("", seg.rstrip())
    if not seg.endswith(","):
        phrase = phrase_before(seg)
        return _person_of(seg, phrase) or phrase
    commas = [i for i, c in enumerate(seg[:-1]) if c == ","][-3:]
    if commas:
        named = _appositive_name(seg[: commas[-1]], seg[commas[-1] + 1 : -1])
        if named:
            return named
    for comma in reversed(commas):
        phrase = phrase_before(seg[:comma].rstrip())
        if phrase and (phrase[0].isupper() or phrase.lower() in PERSON_PRONOUNS):
            return phrase
    return phrase_before(seg[:-1].rstrip())


def _person_of(seg: str, phrase: str | None) -> str | None:
    """`Rep. Choi Seok-jin of the People Power Party said`: the person, not the party."""
    if not phrase:
        return None
    rest = seg[: len(seg.rstrip()) - len(phrase)].rstrip()
    match = re.search(r"(?:of|from|at)$", rest)
    if not match:
        return None
    person = phrase_before(rest[: match.start()].rstrip())
    if not person:
        return None
    tokens = strip_titles(person.split())[0]
    if is_person_name(tokens) and not all(t in TITLE_WORDS for t in tokens):
        return person
    return None


def _appositive_name(outer: str, inner: str) -> str | None:
    """`Switzerland's envoy, Claudine Mercier,`: the name in apposition beats the role."""
    inner = inner.strip()
    if not NAME_RUN_RE.fullmatch(inner):
        return None
    tokens, _ = strip_titles(inner.split())
    head = outer.rstrip().rsplit(" ", 1)[-1].lower()
    if is_person_name(tokens) and (
        head in ROLE_NOUNS
        or head in ORG_HEADS
        or (head.replace("-", "").isalpha() and head.islower())
    ):
        return " ".join(tokens)
    return None


def cue_before(before: str, offset: int):
    """The rightmost cue before a quote whose subject can be found: (phrase, cue, pos)."""
    cues = sorted(
        list(CUE_RE.finditer(before)) + list(ACCORDING_RE.finditer(before)),
        key=lambda m: m.start(),
        reverse=True,
    )
    first_phrase = None
    for match in cues:
        if ACCORDING_RE.fullmatch(match.group(0)):
            phrase = phrase_after(before[match.end() :])
            if phrase:
                return phrase, match.group(0).strip(), offset + match.end()
            continue
        phrase = _subject_before(before[: match.start()])
        if phrase:
            return phrase, match.group(0), offset + match.start() - len(phrase)
        first_phrase = first_phrase or (None, match.group(0), offset + match.start())
    return first_phrase


def cue_after(after: str, offset: int, inverted: bool):
    """Attribution right after a quote: `said Peter Ward, ...` or `Peter Ward, ..., said`."""
    lead = _LEAD.match(after).end()
    rest = after[lead:]
    according = ACCORDING_RE.match(rest)
    if according:
        return phrase_after(rest[according.end() :]), according.group(0).strip(), offset + lead
    cue = CUE_RE.match(rest)
    if inverted and cue and cue.group(0) != "told":
        phrase = phrase_after(rest[cue.end() :])
        return phrase, cue.group(0), offset + lead + cue.end()
    for cue in CUE_RE.finditer(rest[:220]):
        subject = rest[: cue.start()]
        phrase = _subject_before(subject)
        # `“...,” China's defence ministry spokesperson, Col. Cao Wei, said`: the name may sit
        # in apposition, as long as the clause runs on from the quote.
        if phrase and (
            rest.lstrip("¶ ").startswith(phrase)
            or (
                "," in subject[: max(subject.find(phrase), 0)]
                and _opens_clause(subject)
                and not _sentence_break(subject)
            )
        ):
            return phrase, cue.group(0), offset + lead + max(subject.find(phrase), 0)
        break
    return None


_SENTENCE_BREAK = re.compile(r"(\S+)[.!?][\"”’»]?\s+[A-Z“\"«]|¶")


def _sentence_break(text: str) -> bool:
    """Whether a sentence ends inside text ("Col. Cao" and "U.S. Army" do not end one)."""
    for match in _SENTENCE_BREAK.finditer(text):
        token = match.group(1)
        if token is None or not re.fullmatch(r"[A-Z][a-z]{0,3}|(?:[A-Z]\.)*[A-Z]", token):
            return True
    return False


def _opens_clause(text: str) -> bool:
    return text[:1].isupper() or text.split(" ", 1)[0] in ("a", "an", "the")


# `“...” This was stated by Anatoly Reva, ...`: the attribution is the next sentence.
_STATED_BY = re.compile(
    r"\s*(?:This|That|These words|The (?:remarks?|comments?|words|message))\s+(?:was|were|came)"
    r"\b[^.!?“”\"«»]{0,60}?\b(?:by|from)\s+"
)


def stated_by(after: str, offset: int):
    match = _STATED_BY.match(after)
    if not match:
        return None
    phrase = phrase_after(after[match.end() :])
    return (phrase, "stated", offset + match.end()) if phrase else None
