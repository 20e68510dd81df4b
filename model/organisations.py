"""Organisations as speakers: report each by the fullest name the article gives it.

"the ministry" becomes "Russia's defence ministry" when the article wrote that earlier; "its
foreign ministry" takes the country the sentence before was about; "it said" points back at the
body that was last the subject. Documents that "say" things are `model/documents.py`'s.
"""

from __future__ import annotations

import re

from model.cues import CUE_RE, DOCUMENT_NOUNS, NATIONALITY_WORDS, ORG_HEADS
from model.names import Registry
from model.phrases import phrase_after, phrase_before


def org_before(text: str, pos: int, head: str | None) -> str | None:
    """The fullest name an organisation with this head noun had earlier ("Russia's defence
    ministry" for "the ministry")."""
    found = _org_before(text, pos, head)
    # "The first report from the Monitoring Team": the team, not its report
    return _DOCUMENT_OF.sub("the ", found) if found else None


_DOCUMENT_OF = re.compile(
    rf"^(?:the|a|an|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\s+"
    r"(?:from|by|of)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _org_before(text: str, pos: int, head: str | None) -> str | None:
    pattern = re.escape(head) if head else "|".join(sorted(ORG_HEADS))
    plain = None
    for match in reversed(list(re.finditer(rf"(?i)\b(?:{pattern})\b", text[:pos]))):
        if head is None and pos - match.start() > 600:
            return plain
        phrase = phrase_before(text[: match.end()])
        if phrase:  # "A spokesperson for the South Korean Ministry": the ministry is named
            phrase = _VOICE_OF.sub("", phrase)
        acronym = re.match(r" ([A-Z]{2,6})\b", text[match.end() :])
        if phrase and acronym and match.group(0).islower():
            return acronym.group(1)  # "North Korea's state news agency KCNA"
        titled = re.match(r" ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3})\b", text[match.end() :])
        if phrase and titled and match.group(0) in _MEDIA_HEADS:
            return titled.group(1)  # "the pro-war Telegram channel Severny Veter"
        tail = _NAME_TAIL.match(text[match.end() :])
        if phrase and tail and phrase.lower().split()[0] == "the" and len(phrase.split()) == 2:
            return phrase + tail.group(0)  # "the Ministry of Foreign Affairs of the DPRK"
        if not phrase or (
            phrase.lower().split()[0] in ("a", "an", "its", "their", "the")
            and (len(phrase.split()) <= 2)
        ):
            continue
        if phrase.lower().split()[0] in ("a", "an", "its", "their", "his", "her"):
            continue
        tail = _NAME_TAIL.match(text[match.end() :])
        if tail:
            head = re.match(r"\s+([a-z]+)\b", text[match.end() + tail.end() :])
            if head and head.group(1) in ORG_HEADS:  # "... of the Primorsky Krai administration"
                return phrase + tail.group(0) + head.group(0)
        elif phrase.islower() and phrase.startswith("the "):
            plain = plain or phrase  # "the press office": an earlier mention may name whose
            continue
        return phrase + (tail.group(0) if tail else "")
    return plain


_VOICE_OF = re.compile(
    r"^(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:spokesperson|spokesman|spokeswoman|representative|"
    rf"official|{'|'.join(sorted(DOCUMENT_NOUNS))})\s+(?:for|of|from|at)\s+(?=the\s)",
    re.IGNORECASE,
)
_MEDIA_HEADS = frozenset({"channel", "newspaper", "broadcaster", "outlet", "daily", "paper"})
_NAME_TAIL = re.compile(
    r"(?:\s+(?:of|for|to|in)\s+(?:the\s+)?(?:ruling\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)+"
)


def is_org(phrase: str) -> bool:
    # The head decides: "Deputy Chief Cabinet Secretary Naoki Shibuya" is a person.
    words = phrase.lower().replace("’", "'").split()
    if not words:
        return False
    return (
        words[-1].strip("(),") in ORG_HEADS
        or phrase.isupper()
        or words[0] in ("the", "a", "an")
        or any(w.endswith("'s") for w in words)
    )


def remember_org(reg: Registry, phrase: str, pos: int) -> str:
    """Report an organisation by the fullest name the article gave it ("the ministry")."""
    words = phrase.split()
    if len(words) == 2 and words[0].lower() == "the":
        head = words[1].lower()
        for _, org in reversed(reg.orgs):
            if head in org.lower().split():
                reg.orgs.append((pos, org))
                return org
    reg.orgs.append((pos, phrase))
    return phrase


def recent_org(reg: Registry, pos: int) -> str | None:
    for org_pos, org in reversed(reg.orgs):
        if org_pos < pos:
            return org
    return None


# Nouns for a document that "says" what its author said ("the statement said").
# A capital as the subject of a sentence stands for its country ("Pyongyang stayed away. Its
# foreign ministry said ...": North Korea's foreign ministry).
CAPITALS = {
    "Pyongyang": "North Korea",
    "Beijing": "China",
    "Moscow": "Russia",
    "Seoul": "South Korea",
    "Tokyo": "Japan",
    "Kyiv": "Ukraine",
}
# How far back (characters) a body, a newspaper or a document's issuer is looked for.
LOOK_BACK = 1500
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:(?:But|And|Yet|Meanwhile|Separately|However|Still|Then|Later|Earlier|Also|Instead),?\s+)?"
    r"(?:(?:In|At|On|From|For|After|Before|During|Asked|Speaking|According to|on|in|at)\b"
    r"[^,:;“”\"«»]{0,80},"
    r"\s+)?"
)
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"”’»]?\s+)(?=[\"“«‘]?[A-Z])")
_POSSESSIVE_ACRONYM = re.compile(r"^(?:the\s+)?[\w .’'-]+['’]s\s+(?:official\s+)?([A-Z]{2,})\b")


_POSSESSIVE_AGENCY = re.compile(
    r"^(?:the\s+)?[\w .’'-]+['’]s\s+(?:official\s+|state\s+)*([A-Z][\w-]+)\s+news\s+agency$"
)
# "The official KCNA news agency", "the state-run Xinhua news agency": the agency's name
_NAMED_AGENCY = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:official|state|state-run|state-owned|government)\s+)*"
    r"([A-Z][\w-]+)\s+news\s+agency$"
)


# "the DPRK's Rodong Sinmun newspaper": a paper's own name needs neither owner nor "newspaper"
_POSSESSIVE_NEWSPAPER = re.compile(
    r"^(?:the\s+)?[\w .’'-]+['’]s\s+(?:(?:official|state|state-run|party)\s+)*"
    r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)+)\s+(?:newspaper|daily)$"
)
_POSSESSIVE_NAMED_AGENCY = re.compile(
    r"^(?:the\s+)?[\w .’'-]+['’]s\s+(?:(?:official|state|state-run)\s+)*"
    r"((?:[A-Z][\w-]+\s+)+News\s+Agency)(?:\s+\([A-Z]{2,}\))?$"
)


def clean_org(phrase: str) -> str:
    """Drop words that are not part of a body's name: "The official KCNA", "North Korea's KCNA"
    (a country's acronym agency is reported by its acronym), "the same State Department",
    "Pyongyang's official Korean Central News Agency" (an agency's own name needs no owner)."""
    acronym = _POSSESSIVE_ACRONYM.match(phrase)
    if acronym and not re.search(r"[a-z]", phrase[acronym.end(1) :].replace("news agency", "")):
        return acronym.group(1)
    agency = _POSSESSIVE_AGENCY.match(phrase) or _NAMED_AGENCY.match(phrase)
    if agency:
        return agency.group(1)  # "China's Xinhua news agency" is Xinhua
    named = _POSSESSIVE_NAMED_AGENCY.match(phrase) or _POSSESSIVE_NEWSPAPER.match(phrase)
    if named:
        return named.group(1)
    # "the same State Department", "The 11-country Monitoring Team", "the state-run China
    # Daily", "the nationalist Global Times": not part of the name
    return re.sub(
        r"^((?:the|The)\s+)(?:(?:official|same|state-run|state-owned|nationalist|hawkish|"
        r"party-run|government-run|state-backed|tabloid|influential|\d+-[a-z]+)\s+)+",
        r"\1",
        phrase,
    )


_LINK_WORDS = frozenset({"of", "the", "and", "for", "on"})
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|the|and|for|on)\s+)*[A-Z][\w’'-]*)+")


def fuller_name(text: str, pos: int, phrase: str) -> str:
    """ "The Security Council" -> "Russian Security Council" when the article named it so
    earlier: the codebook asks for the fullest name, and the bare one is ambiguous."""
    bare = re.fullmatch(r"[Tt]he\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)+)", phrase)
    if not bare:
        return phrase
    owned = (
        rf"\b(?:[A-Z][\w-]*(?:['’]s)?\s+)?([A-Z][\w-]*(?:['’]s)?)\s+{re.escape(bare.group(1))}\b"
    )
    fuller = [
        (match.start(), match.group(0))
        for match in re.finditer(owned, text[:pos])
        if match.group(1) in NATIONALITY_WORDS or match.group(1).endswith(("'s", "’s"))
    ]
    # "the Central Military Commission of the Workers' Party of Korea" named in full earlier
    tailed = rf"\b{re.escape(bare.group(1))}(?={_NAME_TAIL.pattern})"
    for match in re.finditer(tailed, text[:pos]):
        tail = _NAME_TAIL.match(text, match.end()).group(0).split("\n")[0]
        head = bare.group(1).split()[-1].lower()
        if tail.lstrip().startswith("in ") and head not in _SITED_HEADS:
            continue  # "the National Intelligence Service in Seoul": where it is, not which
        if tail.strip():
            fuller.append((match.start(), "the " + match.group(0) + tail))
    return max(fuller)[1] if fuller else phrase


# Bodies that an "in <place>" tells apart: one country's embassies, missions and offices.
_SITED_HEADS = frozenset({"embassy", "mission", "consulate", "office", "bureau", "legation"})


def expand_acronym(text: str, pos: int, phrase: str) -> str:
    """ "KCNA" or "the JCS" -> the full name the article spelt out earlier ("the Korean Central
    News Agency"), since the codebook asks for the fullest name; unchanged if none was given."""
    acronym = re.fullmatch(r"(?:[Tt]he\s+)?([A-Z]{2,6})", phrase.strip())
    if not acronym:
        return phrase
    letters = acronym.group(1)
    found = None
    for match in _CAPITALISED_RUN.finditer(text, 0, pos):
        run = match.group(0)
        words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", run)]
        content = [(i, w) for i, w in words if w.lower() not in _LINK_WORDS]
        # Any stretch of the run may spell it: "the official Korean Central News Agency on
        # Saturday" holds KCNA, "South Korea's Joint Chiefs of Staff" holds JCS.
        for first in range(len(content)):
            last = first + len(letters)
            stretch = content[first:last]
            if (
                last <= len(content)
                and "".join(w[0] for _, w in stretch) == letters
                and any(w.lower() in ORG_HEADS for _, w in stretch)  # a body, not "North Korea"
            ):
                end = content[last - 1][0] + len(content[last - 1][1])
                found = run[content[first][0] : end]
                break
    if not found:
        return phrase
    return found if found.lower().startswith("the ") else "the " + found


_NEWSPAPER_WORDS = (
    "Sinmun|Times|Daily|Post|Herald|Journal|Gazette|Ilbo|Shimbun|Pravda|Izvestia|Tribune|Telegraph"
)
_NEWSPAPER_NAME = re.compile(rf"(?:[A-Z][\w’'-]*\s+)*(?:{_NEWSPAPER_WORDS})\b(?:\s+[A-Z][\w’'-]*)*")


def newspaper_before(text: str, pos: int, reg: Registry) -> str | None:
    """For "the paper said": the newspaper last named before pos, outside quotes, however far
    back (an article about one paper names it once and says "the paper" after)."""
    found = None
    for match in _NEWSPAPER_NAME.finditer(text, 0, pos):
        if not any(a <= match.start() < b for a, b in reg.masked):
            found = match.group(0)
    return found


def sentences_before(
    text: str, pos: int, reg: Registry, limit: int = LOOK_BACK, paragraphs: int = 3
):
    """(start, text) of the sentences that begin before pos, latest first, outside quotes and
    questions, within the current and the previous paragraphs."""
    lo = pos
    for _ in range(paragraphs):
        lo = text.rfind("\n\n", max(0, pos - limit), max(lo - 1, 0))
        if lo < 0:
            lo = max(0, pos - limit)
            break
    starts = [
        m.end() for m in _SENTENCE_START.finditer(text, lo, pos) if not _after_abbreviation(m)
    ]
    for i in range(len(starts) - 1, -1, -1):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else pos
        sentence = text[start:end].rstrip()
        if any(a <= start < b for a, b in reg.masked) or _HEADING.match(sentence):
            continue  # a quote, or a question or Q&A heading that names no speaker
        yield start, text[start:end]


def _after_abbreviation(match: re.Match) -> bool:
    # "of U.N. Security Council resolutions", "Col. Cao said": the full stop ends no sentence
    if not match.group(0).startswith(".") or "\n" in match.group(0):
        return False
    word = re.search(r"(\S*)$", match.string[max(0, match.start() - 20) : match.start()]).group(1)
    return is_abbreviation(word)


def is_abbreviation(word: str) -> bool:
    """Whether a word before a full stop is an abbreviation or initial ("Col", "U.S", "N"),
    so the full stop ends no sentence."""
    return re.fullmatch(r"[A-Z][a-z]{0,3}|(?:[A-Z]\.)*[A-Z]", word) is not None


_HEADING = re.compile(r"(?:Q|Question)\s*\d*[.:]|.*\?$", re.DOTALL)
_NAMED_SUBJECT = re.compile(
    r"(?:(?:the|The|A|An)\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|to|and|on|the)\s+)*[A-Z][\w’'.-]*)*"
)


# "Pyongyang, June 1 (CNA) -- ", "SEOUL, Sept. 4 (Yonhap) — ": where and when, not who.
_DATELINE = re.compile(
    r"^\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
    r"[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(?:\([^()\n]{1,30}\))?\s*(?:--|—|–|-)\s*"
)


def sentence_subject(sentence: str) -> str | None:
    """The noun phrase a sentence opens with, after a dateline and a leading clause ("In
    Beijing, ...")."""
    sentence = _DATELINE.sub("", sentence, count=1)
    rest = sentence[_LEADING_CLAUSE.match(sentence).end() :]
    phrase = phrase_after(rest)
    named = _NAMED_SUBJECT.match(rest)
    if phrase is None and named:
        return named.group(0).rstrip(".,")
    if phrase and phrase.split()[-1].lower() in ORG_HEADS and rest.startswith(phrase):
        # "North Korea's main newspaper, the Rodong Sinmun, devoted ...": the name in apposition
        apposed = _APPOSED_NAME.match(rest[len(phrase) :])
        if apposed:
            return apposed.group(1)
    return phrase


_APPOSED_NAME = re.compile(r",\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}),")


def looks_like_org(phrase: str) -> bool:
    words = phrase.replace("’", "'").split()
    last = words[-1].strip("(),").lower() if words else ""
    return bool(words) and (
        last in ORG_HEADS
        or (words[-1].strip("()").isupper() and len(words[-1].strip("()")) > 1)
        or any(w.lower() in ORG_HEADS for w in words)
    )


def paragraph_subject_org(text: str, pos: int, reg: Registry, head: str) -> str | None:
    """The body an earlier sentence of this paragraph or the one before was about, for "the
    agency" there: "South Korea's National Intelligence Service estimated ... The agency told
    lawmakers"."""
    named = re.compile(
        rf"(?:[A-Z][\w’'-]*\s+)+{head.capitalize()}(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'-]*"
        r"(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*)?"
    )
    for _, sentence in sentences_before(text, pos, reg, paragraphs=2):
        body = named.search(sentence)
        if body:  # "RBC sent a request to the Federal Agency for Tourism. The agency told RBC"
            return "the " + body.group(0) if not body.group(0).startswith("The ") else body.group(0)
        subject = sentence_subject(sentence)
        if not subject or subject.lower() == f"the {head}":
            continue
        if looks_like_org(subject) and re.match(r"(?:the )?[A-Z]", subject):
            return subject
        spoke = body_that_spoke(sentence)
        if spoke and re.match(r"(?:the )?[A-Z]", spoke):
            return spoke  # "The first train left on Tuesday, Russian Railways said."
    return None


def body_that_spoke(sentence: str) -> str | None:
    """The body a sentence reports as speaking ("The talks ended, the press office said.")."""
    for cue in reversed(list(CUE_RE.finditer(sentence))):
        phrase = phrase_before(sentence[: cue.start()])
        if phrase and phrase.lower().split()[-1] in ORG_HEADS:
            return phrase
    return None


def subject_org(text: str, pos: int, reg: Registry) -> str | None:
    """The organisation that was last the subject of a sentence before pos ("it said")."""
    for _, sentence in sentences_before(text, pos, reg):
        subject = sentence_subject(sentence)
        if subject and looks_like_org(subject) and subject.split()[0].lower() not in ("a", "an"):
            return subject
        if subject and subject.lower().split()[-1] in DOCUMENT_NOUNS and subject[:4] == "The ":
            return subject  # "The statement said ... It went on:": the statement's author
    return None


def possessor(text: str, pos: int, reg: Registry) -> str | None:
    """For "its foreign ministry": the country or body the sentence before was about."""
    for start, sentence in sentences_before(text, pos, reg):
        if start >= pos - 1:
            continue
        subject = sentence_subject(sentence)
        if subject and (subject[0].isupper() or re.match(r"the [A-Z]", subject)):
            return subject
    return None
