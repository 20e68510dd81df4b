"""Where the attribution sits: the cue verb next to a quote and the speaker phrase it governs.

`“...,” said Peter Ward, a researcher` (inverted, after), `Peter Ward, a researcher, said “...”`
(before), `according to Peter Ward`, `“...” This was stated by Peter Ward` (next sentence).
Each finder returns (phrase, cue, position of the phrase) or None; resolution comes later.
"""

from __future__ import annotations

import re

from model.cues import (
    ACCORDING_RE,
    CUE_RE,
    DOCUMENT_NOUNS,
    PARTICIPLE_RE,
    PERSON_NOUNS,
    ROLE_NOUNS,
    TIME_PHRASE,
)
from model.phrases import phrase_after
from model.subjects import (
    UNNAMED,
    coordinated_subject,
    is_name,
    main_subject,
    sentence_break,
    subject_before,
)

_LEAD = re.compile(r"^\s*(?:[,—–-]\s*)?")


# An indefinite speaker granted anonymity in the attribution itself: "“...,” a senior official
# of the presidential office said on condition of anonymity." The codebook's null.
ANONYMITY = re.compile(
    r"on condition of anonymity|anonymously|(?:asked|requested) not to be (?:named|identified)"
)


def cue_before(before: str, offset: int):
    """The rightmost cue before a quote whose subject can be found: (phrase, cue, pos)."""
    fronted = _FRONTED_ACCORDING.search(before)
    if fronted:  # "According to KCNA, he and Kim agreed to expand “exchanges”": KCNA says so
        phrase = phrase_after(before[fronted.end() :])
        rest = before[fronted.end() + len(phrase or "") :]
        if (
            phrase
            and rest.lstrip().startswith(",")
            and not _ANOTHER_CLAUSE.search(rest)
            and not _SAYING.search(rest)  # "According to KCNA, the commission said": its words
        ):
            return phrase, "according to", offset + fronted.end()
    cues = sorted(
        list(CUE_RE.finditer(before))
        + list(ACCORDING_RE.finditer(before))
        + list(PARTICIPLE_RE.finditer(before)),
        key=lambda m: m.start(),
        reverse=True,
    )
    first_phrase = None
    for index, match in enumerate(cues):
        if _passive_ask(before, match) or _MODAL_BEFORE.search(before, 0, match.start()):
            continue  # "cooperation would continue “...”" reports no speech
        quoted = _QUOTED_AS.search(before, 0, match.start())
        if quoted and PARTICIPLE_RE.fullmatch(match.group(0)):
            # "Yonhap quoted the ministry as saying": the words are the ministry's; "quoted the
            # head of the district, Gennady Voronkov, as saying": his
            appos = quoted.group("appos")
            if appos and is_name(appos):
                return appos, "quoted", offset + quoted.start("appos")
            return quoted.group("who"), "quoted", offset + quoted.start("who")
        if ACCORDING_RE.fullmatch(match.group(0)):
            phrase = phrase_after(before[match.end() :])
            if phrase:
                return phrase, match.group(0).strip(), offset + match.end()
            continue
        if PARTICIPLE_RE.fullmatch(match.group(0)):
            issued = _DOCUMENT_BY.search(before, 0, match.start())
            if issued:  # "KCNA carried a statement from the ministry calling it “...”"
                return issued.group("who"), match.group(0), offset + issued.start("who")
            subject = main_subject(before[: match.start()])
            if subject:
                return subject, match.group(0), offset + before.find(subject)
            continue
        phrase = subject_before(before[: match.start()])
        if phrase:
            outer = _outer_speaker(before, match, phrase, cues[index + 1 :], offset)
            if outer:
                return outer
            at = before.rfind(phrase, 0, match.start())  # "The report, released by X, says"
            return phrase, match.group(0), offset + (at if at >= 0 else match.start() - len(phrase))
        coordinated = coordinated_subject(before[: match.start()])
        if coordinated:
            return coordinated, match.group(0), offset + before.find(coordinated)
        after_quote = re.search(r"¶[,—–-]?\s*$", before[: match.start()]) is not None
        inverted = phrase_after(before[match.end() :]) if after_quote else None
        if inverted and inverted[0].isupper() and inverted.split()[0] not in ("The", "A", "An"):
            # "“A,” said Yelena Tarkhova, a deputy director, “and B.”": the second part too
            at = before.find(inverted, match.end())
            return inverted, match.group(0), offset + at
        first_phrase = first_phrase or (None, match.group(0), offset + match.start())
    return first_phrase


_FRONTED_ACCORDING = re.compile(r"(?:^|;\s+)\s*[Aa]ccording to\s+")
_ANOTHER_CLAUSE = re.compile(r"[;:]|\bbut\b|\bwhile\b")
_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|wrote|writes|declared|added|called|calls|"
    r"described|warned|noted|argued|insisted|quoted|cited|praised|condemned|denounced)\b"
)
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|can|should|may|might|must|to|not)\s+$")
# "Yonhap quoted the ministry as saying", "media cited a source as saying"; not "X was quoted by
# Yonhap as saying" (X's words)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?!by\s)(?P<who>[^,;:“”\"]{2,80}?)"
    r"(?:,\s*(?P<appos>[^;:“”\"]{1,100}),)?\s+as\s+$"
)
_DOCUMENT_BY = re.compile(
    rf"\b(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\s+(?:from|by)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,;:“”\"]{1,80}?),?\s+$"
)
_ASKED_BY_OTHERS = re.compile(r"(?:^|[,;]|\b(?:when|if|once|after|being|I|we))\s*$")


# Between an earlier cue and the later cue's subject: nothing, or "that" and the start of the
# reported clause ("KCNA reported Friday that the talks in Moscow had confirmed that ...").
_REPORTED_CLAUSE = re.compile(
    rf"^\s+(?:(?:{TIME_PHRASE}|[A-Z][a-z]+day)\s+)?(?:(?:that|what)\s+(?:[^,;:“”\"«»]{{1,60}}\s)?)?$"
)
# A second reported clause: "KCNA reported that A agreed to ... and that B expressed “...”".
_AND_THAT = re.compile(r"\band\s+that\s+$")


def _outer_speaker(before: str, match, phrase: str, earlier, offset: int):
    """`KCNA reported that Kim pledged “...”`, `Wu said officials describe it as “...”`, `the
    JCS said it would continue ...`: a cue whose subject opens the reported clause of an earlier
    cue; the words are the earlier speaker's."""
    start = before.rfind(phrase, 0, match.start())
    for prev in earlier:
        if prev.end() > start:
            continue
        gap = before[prev.end() : start]
        if not _REPORTED_CLAUSE.match(gap):
            if _AND_THAT.search(gap) and not re.search(r"[.!?]\s", gap):
                start = prev.start()  # the words go to whoever reported the first clause
                continue
            return None
        if ACCORDING_RE.fullmatch(prev.group(0)) or PARTICIPLE_RE.fullmatch(prev.group(0)):
            return None
        found = cue_before(before[: prev.end()], offset)
        return found if found and found[0] else None
    return None


def _passive_ask(before: str, match) -> bool:
    """`Asked about it, ...`, `when asked`, `I asked`: the speaker was asked, nobody says it."""
    return match.group(0).lower() == "asked" and bool(
        _ASKED_BY_OTHERS.search(before[: match.start()])
    )


def cue_after(after: str, offset: int, inverted: bool, closed: bool = True):
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
        phrase = subject_before(subject)
        if phrase == UNNAMED and not sentence_break(subject):
            return phrase, cue.group(0), offset + lead  # "“...,” one diplomat in Seoul told me"
        # `“...,” China's defence ministry spokesperson, Col. Cao Wei, said`: the name may sit
        # in apposition, as long as the clause runs on from the quote.
        if (
            phrase
            and (
                rest.lstrip("¶ ").startswith(phrase)
                or re.sub(r"^(?:his|her|its|their)\s+", "", rest.lstrip("¶ ")).startswith(phrase)
                # "“...,” economist Lev Brun, who ..., wrote": a role noun before the name
                or _after_role_noun(rest.lstrip("¶ "), phrase)
                # "“...,” a woman identified only as Lyudmila told the channel"
                or (
                    re.match(r"(?:an?|one)\s", rest.lstrip("¶ ")) is not None
                    and subject.rstrip().endswith(phrase)
                    and len(subject) < 80
                    and not sentence_break(subject)
                )
                or (
                    closed
                    and "," in subject[: max(subject.find(phrase), 0)]
                    and _opens_clause(subject)
                    and not sentence_break(subject)
                )
            )
        ):
            return phrase, cue.group(0), offset + lead + max(subject.find(phrase), 0)
        break
    return None


def _after_role_noun(text: str, phrase: str) -> bool:
    noun, _, rest = text.partition(" ")
    return noun in ROLE_NOUNS | PERSON_NOUNS and rest.startswith(phrase)


def _opens_clause(text: str) -> bool:
    return text[:1].isupper() or text.split(" ", 1)[0] in ("a", "an", "the")


# `“...” This was stated by Anatoly Reva, ...`: the attribution is the next sentence.
_STATED_BY = re.compile(
    r"\s*(?:(?:This|That|These words|The (?:remarks?|comments?|words|message|account|"
    r"assessment|warning|verdict))\s+(?:was|were|came)\b[^.!?“”\"«»]{0,60}?\b(?:by|from)"
    r"|(?:That|This) (?:is|was) the (?:verdict|view|assessment|account|warning) of"
    r"|(?:That|This) (?:is|was) how)\s+"
)


def stated_by(after: str, offset: int):
    match = _STATED_BY.match(after)
    if not match:
        return None
    phrase = phrase_after(after[match.end() :])
    return (phrase, "stated", offset + match.end()) if phrase else None
