"""The subject a cue verb governs: the speaker phrase before it, read through appositives,
asides and opening clauses ("In Seoul, Lena Park, a fellow at X, said"; "The Monitoring Team,
set up by eleven states including X and Y, says"), or the main clause a participle hangs from.
"""

from __future__ import annotations

import itertools
import re

from model.cues import (
    ADVERB_WORDS,
    CUE_RE,
    DOCUMENT_NOUNS,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SPOKES_NOUNS,
    TIME_PHRASE,
    TITLE_WORDS,
    VAGUE_HEADS,
)
from model.names import NAME_RUN_RE, is_person_name, strip_titles
from model.organisations import is_abbreviation, sentence_subject
from model.phrases import phrase_after, phrase_before

_GAP_TAIL = re.compile(r"(?:\s+(?:{}|{}))+\s*$".format("|".join(ADVERB_WORDS), TIME_PHRASE))


# Sources the article promises not to name ("who asked not to be named").
_ANONYMOUS = re.compile(
    r"\b(?:asked|requested|spoke|speaking|declined|refused)\b[^.;“”\"«»]{0,30}?\b(?:not to be "
    r"(?:named|identified|quoted by name)|not to use (?:his|her|their) names?|anonymity|"
    r"to be (?:named|identified))"
)


# An unnamed person opening the clause, followed by a modifier rather than the verb: "A U.S.
# official travelling with the president said", "A European diplomat in Beijing told me".
_UNNAMED_SUBJECT = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.’'-]+\s+){0,4}?(?P<noun>[a-z-]+)"
    r"(?=\s*,|\s+(?:in|at|of|from|with|on|close|familiar|involved|based|travelling|traveling|who|"
    r"working|speaking|attending|visiting)\b)"
)


UNNAMED = "an unnamed source"  # resolves to no speaker


# Unnamed people in the plural, with a modifier: "Some scholars in Japan and the US have called".
_UNNAMED_GROUP = re.compile(
    r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Aa]\s+few|[Aa]\s+number\s+of)\s+"
    r"(?:[\w.’'-]+\s+){0,3}?(?P<noun>[a-z-]+)(?=\s*,|\s+(?:in|at|of|from|with|on|close|familiar|"
    r"involved|based|who)\b)"
)


_QUESTIONER = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*:\s+")


def _unnamed_subject(seg: str) -> bool:
    clause = strip_leading_clauses(seg)
    # After a questioner's label ("Kyodo News: Some scholars ... have called")
    group = _UNNAMED_GROUP.match(_QUESTIONER.sub("", clause, count=1))
    noun = group.group("noun") if group else ""
    if noun in VAGUE_HEADS or (noun.endswith("s") and noun[:-1] in PERSON_NOUNS):
        rest = clause[group.end() :]
        return not sentence_break(rest) and not CUE_RE.search(rest)
    match = _UNNAMED_SUBJECT.match(clause)
    if not match or match.group("noun") not in PERSON_NOUNS:
        return False
    rest = clause[match.end() :]
    body = re.match(r"\s+(?:of|for|from)\s+(?:the|an?)\s+((?:[\w-]+\s+){0,3}[\w-]+)", rest)
    if body and any(w.lower() in ORG_HEADS for w in body.group(1).split()):
        return False  # "An official of the ministry told", "A spokesman of the Russian Embassy"
    if match.group("noun") in SPOKES_NOUNS and re.match(r"\s+(?:of|for|from)\s+[A-Z]", rest):
        return False  # "A representative of Azur Air told": the company speaks
    between = clause[: match.start("noun")].split()[1:]
    if match.group("noun") in SPOKES_NOUNS and any(
        w[:1].isupper() or w.lower() in ORG_HEADS for w in between
    ):
        return False  # "A US State Department spokesperson, responding to ..., said"
    return (
        not sentence_break(rest)
        and not CUE_RE.search(rest)
        and not re.search(rf",\s+{NAME_RUN_RE.pattern}\s*,", rest)
    )


def subject_before(seg: str) -> str | None:
    """The speaker phrase ending `seg`, skipping adverbs and an appositive (", a researcher,")."""
    seg = _GAP_TAIL.sub("", seg.rstrip())
    seg = _DASH_ASIDE.sub("", seg)  # "Ivan Kostyk — no relation to the mayor — said"
    seg = _MEDIUM_ASIDE.sub(",", seg)  # "The embassy in Delhi, in a post on X, said"
    seg = _MEDIUM_TAIL.sub("", seg)
    document = _DOCUMENT_OF_EVENT.search(seg)
    if document:  # "and a Kremlin readout of Shoigu's visit praised": the readout's author
        return document.group("doc")
    alias = _ALIAS_AT_END.search(seg)
    if alias:  # "A manager at a travel agency surnamed Liu told": Liu
        return alias.group(1)
    signed = _SIGNED_IN_OUTLET.search(seg)
    if signed:  # "a signed commentary by Jong Myong Chol in the party daily hailed": his
        return signed.group(1)
    relative = _RELATIVE.search(seg)
    if relative:  # "led by Pavel Dorin, deputy chair of ..., who told": the name before
        seg = seg[: relative.start()] + ","
        signed = _SIGNED_DOCUMENT.search(seg)
        if signed:  # "carried a signed commentary by Ri Hyok, which said": its author
            return signed.group(1)
    if _unnamed_subject(seg) or (_ANONYMOUS.search(seg) and not sentence_break(seg)):
        return UNNAMED
    if not seg.endswith(","):
        phrase = phrase_before(seg)
        return _person_of(seg, phrase) or phrase
    lead = _NAME_THEN_APPOSITIVE.fullmatch(strip_leading_clauses(seg))
    lead_name = strip_titles(lead.group(1).split())[0] if lead else []
    if len(lead_name) > 1 and is_person_name(lead_name):
        return lead.group(1)  # "Iryna Bondar, a member of the Committee on X, Y and Z, wrote"
    relative_name = _NAME_THEN_WHO.fullmatch(strip_leading_clauses(seg))
    named = strip_titles(relative_name.group(1).split())[0] if relative_name else []
    if len(named) > 1 and is_person_name(named):
        return relative_name.group(1)  # "economist Lev Brun, who runs the channel «X», wrote"
    body = _BODY_THEN_ASIDE.fullmatch(strip_leading_clauses(seg))
    if body and body.group(1).split()[-1].lower() in ORG_HEADS:
        return body.group(1)  # "The Monitoring Team, formed by eleven states including X, Y, said"
    commas = [i for i, c in enumerate(seg[:-1]) if c == ","][-3:]
    if commas:
        named = _appositive_name(seg[: commas[-1]], seg[commas[-1] + 1 : -1])
        if named:
            return named
    for comma in reversed(commas):
        phrase = phrase_before(seg[:comma].rstrip())
        if not phrase or _PARTY_LABEL.fullmatch(phrase):
            continue  # "Rep. Dale Whitford, R-Ohio, a member of ..., said"
        if phrase[0].isupper() or phrase.lower() in PERSON_PRONOUNS:
            return phrase
        if phrase.split()[0] in ("a", "an") and phrase.split()[-1] in SPOKES_NOUNS:
            return phrase  # "a ministry spokesperson, asked about it, said"
        if (
            phrase.startswith("the ")
            and phrase.split()[-1][:1].isupper()
            and seg[:comma].strip() == phrase
        ):
            return phrase  # "the channel Zimny Front, which has 300,000 followers, posted"
        tokens = phrase.split()
        if len(tokens) > 2 and tokens[0] in PERSON_NOUNS and is_person_name(tokens[1:]):
            return " ".join(tokens[1:])  # "..., fisherman Ueda Shigeru, 68, said"
    return phrase_before(seg[:-1].rstrip())


_ALIAS_AT_END = re.compile(
    r"\b(?:surnamed|nicknamed|named|(?:identified|known)\s+only\s+as|introduced\s+"
    rf"(?:himself|herself)\s+(?:only\s+)?as)\s+({NAME_RUN_RE.pattern})$"
)


# "Iryna Bondar, a member of ...,", "Rep. Kim Ha-neul of the ruling Democratic Party, a member"
_NAME_THEN_APPOSITIVE = re.compile(
    rf"({NAME_RUN_RE.pattern})(?:\s+of\s+(?:the\s+)?(?:ruling\s+)?[A-Z][^,“”\"«»;]{{0,60}})?,"
    r"\s+(?:a|an|the|[a-z][\w-]*)\s[^“”\"«»;]*,"
)


_NAME_THEN_WHO = re.compile(rf"(?:[a-z-]+\s+){{0,2}}({NAME_RUN_RE.pattern}),\s+who\s[^;]*,")


_BODY_THEN_ASIDE = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'-]*))*),\s+"
    r"(?:formed|founded|created|established|set\s+up|launched|made\s+up|which|whose)\s"
    r"[^“”\"«»;]*,"
)


def is_name(phrase: str) -> bool:
    tokens = strip_titles(phrase.split())[0]
    return len(tokens) >= 2 and is_person_name(tokens) and NAME_RUN_RE.fullmatch(phrase) is not None


_DOCUMENT_OF_EVENT = re.compile(
    r"(?:^|,\s+and\s+|\band\s+)(?P<doc>(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w’'-]*\s+){1,3}"
    rf"(?:{'|'.join(sorted(DOCUMENT_NOUNS))}))\s+(?:(?:of|on|about)|"
    # "A Global Daily editorial published on Thursday said": when it came out, not who spoke
    r"(?:published|released|issued|posted|carried|printed|aired)(?:\s+(?:on|in|at|by|late|"
    r"early|this|last|that)\b)?)(?:\s+[^,;“”\"«»]{1,60})?$"
)


_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][\w.]*")


_DASH_ASIDE = re.compile(r"\s+[—–]\s[^—–“”\"]{1,80}\s[—–]$")


_MEDIUM_ASIDE = re.compile(
    r",\s+(?:in|on|via|through)\s+(?:a|an|its|their|his|her)\s+[^,“”\"]{1,50},$"
    # "The embassy, in a statement posted on its page on Thursday, September 4, said"
    r"|,\s+in\s+(?:a|an|its|their|his|her)\s+(?:statement|post|comment|message|letter|reply|"
    r"interview|press\s+release|video|speech)\b[^“”\"]{0,80}?,$"
)
# "The Association of Tour Operators in a comment to RBC called": the body, not RBC
_MEDIUM_TAIL = re.compile(
    r"\s+in\s+(?:a|an|its|their|his|her)\s+(?:comment|statement|interview|letter|reply|"
    r"message)\s+(?:to|with|for)\s+[^,“”\"]{1,40}$"
)


_RELATIVE = re.compile(r",\s*(?:who|which)$")
_SIGNED_IN_OUTLET = re.compile(
    r"\b(?:signed|bylined)\s+(?:commentary|article|editorial|column|essay|op-ed|piece)\s+by\s+"
    rf"({NAME_RUN_RE.pattern})\s+(?:in|for)\s+[^,;“”\"«»]{{1,60}}$"
)
_SIGNED_DOCUMENT = re.compile(
    rf"\b(?:{'|'.join(sorted(DOCUMENT_NOUNS | {'column', 'essay', 'op-ed', 'piece'}))})\s+"
    rf"(?:written\s+)?by\s+({NAME_RUN_RE.pattern}),$"
)


_OF_BODY_IN = re.compile(
    r"\b(?:of|from|at)(?=\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+(?:(?:for|of|and|on|the)\s+)*)+in$)"
)


def _person_of(seg: str, phrase: str | None) -> str | None:
    """`Rep. Choi Seok-jin of the People Power Party said`: the person, not the party."""
    if not phrase:
        return None
    words_ = phrase.split()
    named = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words_)))[::-1]
    if words_[0].islower() and len(named) >= 2 and is_person_name(named):
        # "vice minister of external economic relations Ri Chol-nam": the "of" was the title's
        return None
    rest = seg[: len(seg.rstrip()) - len(phrase)].rstrip()
    # "... of the Asan Forum for Policy Studies in Busan said": the phrase was only the city.
    match = re.search(r"(?:of|from|at)$", rest) or _OF_BODY_IN.search(rest)
    if not match:
        return None
    person = phrase_before(rest[: match.start()].rstrip())
    if not person:
        return None
    tokens = strip_titles(person.split())[0]
    if is_person_name(tokens) and not all(t in TITLE_WORDS for t in tokens):
        return person
    return None


_MEDIA_HEADS = frozenset(
    {"agency", "newspaper", "daily", "paper", "broadcaster", "outlet", "media", "television"}
)
# A body's proper name in apposition: "the European External Action Service (EEAS)"
_BODY_NAME = re.compile(
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'-]*))*(?:\s+\([A-Z]{2,}\))?"
)


def _appositive_name(outer: str, inner: str) -> str | None:
    """`Switzerland's envoy, Claudine Mercier,`: the name in apposition beats the role."""
    inner = inner.strip()
    head = outer.rstrip().rsplit(" ", 1)[-1].lower()
    if (
        head in ORG_HEADS
        and _BODY_NAME.fullmatch(inner)
        and any(w.lower() in ORG_HEADS for w in inner.split())
    ):
        return inner  # "The EU's diplomatic service, the European External Action Service, said"
    if not NAME_RUN_RE.fullmatch(inner):
        return None
    tokens, _ = strip_titles(inner.split())
    if head in _MEDIA_HEADS and (inner.isupper() or inner.istitle()):
        return inner  # "North Korea's state news agency, KCNA, said"
    before = phrase_before(outer)
    named_before = strip_titles(before.split())[0] if before else []
    if (
        len(named_before) >= 2
        and all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in before.split())
        and is_person_name(named_before)
    ):
        return None  # "Rep. Maria Esquivel, California Democrat,": the name, not the label
    if is_person_name(tokens) and (
        head in ROLE_NOUNS
        or head in ORG_HEADS
        or (head.replace("-", "").isalpha() and head.islower())
    ):
        return " ".join(tokens)
    return None


def main_subject(seg: str) -> str | None:
    """The subject of the main clause that a participle (", saying ...") hangs from."""
    if sentence_break(seg):
        return None
    if _unnamed_subject(seg) or _ANONYMOUS.search(seg):
        return UNNAMED
    absolute = re.search(r"\bwith\s+((?:its|his|her|their|the)\s+[^,;:]{1,60}?)\s*$", seg)
    if absolute:  # "..., with its Joint Chiefs of Staff calling the launch “...”"
        phrase = phrase_after(absolute.group(1))
        if phrase and absolute.group(1).startswith(phrase) and len(phrase) > 4:
            return phrase if len(phrase) == len(absolute.group(1).rstrip()) else None
    # "Global Times struck a different tone, writing ...": the whole segment is the main clause
    clause = strip_leading_clauses(seg) or seg
    subject = clause_subject(clause)
    if not subject or subject.split()[0].lower() in ("this", "that", "there", "what"):
        return None
    return subject


def coordinated_subject(seg: str) -> str | None:
    """`X was asked about it and said`, `Mr. Y, asked about that, laughed and said`, `Z declined
    to comment but said`: the cue shares the subject of the clause's first verb."""
    if not re.search(r"\b(?:and|but)(?:\s+then)?\s+$", seg):
        return None
    clause = strip_leading_clauses(seg)
    if sentence_break(clause):
        return None
    subject = sentence_subject(clause)
    return subject if subject and clause.lstrip().startswith(subject) else None


_SENTENCE_BREAK = re.compile(r"(\S+)[.!?][\"”’»]?\s+[A-Z“\"«]|¶")


def sentence_break(text: str) -> bool:
    """Whether a sentence ends inside text ("Col. Cao" and "U.S. Army" do not end one)."""
    for match in _SENTENCE_BREAK.finditer(text):
        token = match.group(1)
        if token is None or not is_abbreviation(token):
            return True
    return False


# Clauses that open a sentence before its subject: "Asked about the talks, ...", "But when I
# asked what Seoul should do, ...", "Then, returning to safer ground: ...", "In Beijing, ...".
_OPENING_CLAUSE = re.compile(
    r"^\s*(?:[A-Z]{2,}[A-Z .’'-]*,[^\n]{0,40}?(?:--|—|–)\s+"  # "BEIJING, June 27 (NCW) --"
    r"|(?:But|And|Yet|So|Then|Still|However|Later|Finally|Meanwhile|Instead),?\s+"
    r"|(?:however|though|too|then|meanwhile),\s+"
    r"|(?:[Ww]hen|[Ii]f|[Oo]nce|[Aa]fter|[Bb]efore|[Ww]hile|[Aa]s|[Uu]ntil)\s+[^,:;“”\"«»]{1,120},\s*"
    r"|(?:[Aa]sked|[Pp]ressed|[Qq]uestioned|[Ss]peaking|[A-Z]?[a-z]+ing)\b[^,:;“”\"«»]{0,120}"
    r"(?:,\s*|(?=:\s*$))"
    r"|(?:In|At|On|From|For|After|During)\b[^,:]{0,40},\s*)"
)


def strip_leading_clauses(text: str) -> str:
    """The main clause of `text`, without the adverbial and participial clauses it opens with."""
    while True:
        match = _OPENING_CLAUSE.match(text)
        if not match or not match.group(0):
            return text.lstrip()
        text = text[match.end() :]


_TRANSCRIPT_LABEL = re.compile(
    r"^\s*([A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3})\s*(?:\([^)]*\))?:"
)


def clause_subject(clause: str) -> str | None:
    """The subject a clause opens with; a name in apposition beats the role (`Kenya's envoy in
    Lima, Joseph Otieno, was blunter:`)."""
    if not clause.strip() or clause.strip() == ":":
        return None
    phrase = sentence_subject(clause)
    if not phrase or not clause.lstrip().startswith(phrase):
        return None
    rest = clause[clause.find(phrase) + len(phrase) :]
    apposed = re.match(
        rf"(?:\s+(?:in|at|to|of|from)\s+[^,]{{1,40}})?,\s+({NAME_RUN_RE.pattern}),", rest
    )
    if apposed:
        named = _appositive_name(phrase, apposed.group(1))
        if named:
            return named
        if phrase.split()[-1].lower() in ORG_HEADS:
            return apposed.group(1)  # "Pyongyang's party newspaper, Rodong Sinmun, ran ..."
    return phrase
