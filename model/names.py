"""People the article names: name runs, titles, and the registry that resolves partial names.

"Mr. Ward" or "Ward" resolve to the fullest earlier name ("Peter Ward"). Two people who share a
surname are kept apart by recency and by the organisation named with them ("Mr. Kim of X").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from model.cues import (
    NATIONALITY_WORDS,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLACE_WORDS,
    ROLE_NOUNS,
    TITLE_WORDS,
    words,
)

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CAP_TOKEN = rf"(?:[{_UPPER}][\w’'.]*(?:-[\w’'.]+)*|al-[{_UPPER}]\w+)"
_LINK_TOKEN = r"(?:de|van|von|der|den|bin|ibn|da|dos|del|la|le|du|of)"
NAME_RUN_RE = re.compile(rf"{_CAP_TOKEN}(?: (?:{_LINK_TOKEN} )?{_CAP_TOKEN})*")

# Capitalised words that start sentences or name places and things, never people.
_NOT_NAME = frozenset(
    words("""
In The A An But And On At For As If When While After Before Since By From With Without Neither
Both Speaking Asked Meanwhile However Still Yet It She They We I This That These Those His Her
Their Our Its My What Who Why How Where Some Many Most Few Several Every Each All Any No Not
Nobody Whom Related Advertisement SEE ALSO See Also Read More Photo Share Under Over Across
Korea Russia China Japan Nations Council Ministry Agency News Institute University Department
Committee Party Army Forces Staff Sea Union States Kingdom Republic Federation Assembly Office
Centre Center Command Commission Bank Times Post Daily Herald Sinmun Press Wire Service
Foundation Group Security Cosmodrome Summit Forum Organization Organisation Cooperation Shanghai
Moscow Beijing Seoul Tokyo Pyongyang Washington Kyiv Brussels East West Far Street Square Hall
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Europe Asia Pacific Ukraine America Kursk
Kremlin Pentagon Xinhua KCNA TASS NATO EU UN DPRK PRC ROK US U.S. U.N. Stories Editor Reporting
Yes So Then Now Here There Today Yesterday Instead Indeed Even Only Just Like Such Other Another
Foreign Affairs Defence Defense Embassy Mission Government Parliament Congress Senate White
House Force Air Navy Guard Coast Administration Aviation Radio Television TV Channel
One Two Three Four Five Six Seven Eight Nine Ten Dozens Hundreds Thousands
""")
)

LEADING_JUNK = frozenset(
    words("""
Meanwhile However Separately Still Instead Later Earlier Also But And Yet So Then Now Asked
Speaking Indeed Moreover Similarly Likewise Elsewhere Nonetheless Nevertheless Today Yesterday
""")
)

# Lower-case words that introduce the name of a clause's subject ("the scholar Fang Wei").
INTRODUCING_WORDS = (
    ROLE_NOUNS
    | PERSON_NOUNS
    | words("""
retiree pensioner shopper tourist commuter
spokesperson spokesman spokeswoman scholar colleague namesake host operator driver scientist
sinologist named called mayor vice-minister vice-chairman blogger lawyer worker
""")
)


_SENTENCE_FULL_STOP = re.compile(r"(?!(?:Jr|Sr|Inc|Co|Ltd)\.$).*[a-z]{2}\.")
_SENTENCE_END_IN_RUN = re.compile(r"(?<=[a-z]{2})(?<!Mrs)(?<!Gen)(?<!Col)(?<!Capt)(?<!Sgt)\. ")


@dataclass
class Person:
    name: str
    first_pos: int
    gender: str | None = None
    context: str = ""  # text around the introduction, to tell same-surname people apart


@dataclass
class Mention:
    pos: int
    person: Person
    subject: bool
    possessive: bool = False  # "Zhao's answer": the sentence is about the answer


@dataclass
class Registry:
    """People and organisations the article names, with their positions."""

    people: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)  # the quotes' spans
    sentence_starts: list[int] = field(default_factory=list)


def surname_keys(name: str) -> set[str]:
    # Korean and Chinese names put the family name first, Western names last; both are keys.
    tokens = name.split()
    return {tokens[0].lower(), tokens[-1].lower()} if tokens else set()


def strip_titles(tokens: list[str]) -> tuple[list[str], str | None]:
    """Drop leading titles and nationality words ("Chinese Foreign Minister"), noting Mr./Ms."""
    gender = None
    if len(tokens) > 1 and _INITIALLED.fullmatch(tokens[-1]):
        # "Head of the Oil Policy Department of the Ministry of Energy Ts.Munkhbayar"
        gender = _HONORIFIC_GENDER.get(tokens[-2].rstrip("."))
        return tokens[-1:], gender
    honorifics = [i for i, t in enumerate(tokens[:-1]) if t.rstrip(".") in _HONORIFIC_GENDER]
    if honorifics and honorifics[-1] > 0:
        # "Researcher of the Institute for Strategic Studies Dr. N.Altantsetseg"
        tokens = tokens[honorifics[-1] :]
    links = [i for i, t in enumerate(tokens) if t in ("of", "to", "for")]
    holder = post_holder(tokens)
    if holder:
        # "Deputy Director General of Russian Railways Sergei Vakhrushev", "Ambassador of the
        # Russian Federation to Mongolia Nikolai Orlov": the name after the post's body or place
        tokens, links = holder, []
    if links and links[-1] < len(tokens) - 1:
        if any(t.lower() in ORG_HEADS for t in tokens[: links[-1]]):
            return [], None  # "General Administration of Civil Aviation": a body, not a name
        tail = tokens[-1].lower()
        titled = tokens[0] in TITLE_WORDS  # not "Joint Chiefs of Staff"
        if links[0] > 1 and titled and (tail in ORG_HEADS or tail in _PLACE_AND_SCHOOL_HEADS):
            tokens = tokens[: links[0]]  # "Professor Hirano Emi of Seiwa University"
        else:
            tokens = tokens[links[-1] + 1 :]  # "Minister of Transport Vadim Ostapenko"
    while len(tokens) > 1 and (
        tokens[0] in TITLE_WORDS
        or tokens[0] in NATIONALITY_WORDS
        or (tokens[0] in PLACE_WORDS and len(tokens) > 2)  # "(to) Mongolia Nikolai Orlov"
        or tokens[0] in _NOT_NAME
        or tokens[0] in LEADING_JUNK
        or (tokens[0].endswith("ist") and len(tokens) > 2)
        or (tokens[0].isupper() and len(tokens[0]) > 1 and len(tokens) > 2)  # "MEP", "JCS"
        # "Defector Pak Song-chol", "Presenter Dmitry Arsenyev"
        or (tokens[0].lower() in PERSON_NOUNS and len(tokens) > 2)
    ):
        head = tokens.pop(0).rstrip(".")
        gender = _GENDERED.get(head, gender)
    if len(tokens) > 3 and not (len(tokens) == 4 and tokens[0] in _VIETNAMESE_SURNAMES):
        # a long run is titles plus a name: names here have 2–3 parts (Vietnamese ones 4:
        # "Nguyen Thi Lan Phuong")
        return strip_titles(tokens[-3:])[0], gender
    return tokens, gender


def post_holder(tokens: list[str]) -> list[str] | None:
    """The person's name ending a post's last part: "... of Russian Railways Sergei Vakhrushev"
    -> "Sergei Vakhrushev"; None when no body or place word comes before a two-part name."""
    links = [i for i, t in enumerate(tokens) if t in ("of", "to", "for")]
    if not links:
        return None
    tail = tokens[links[-1] + 1 :]
    ends = [
        i
        for i, t in enumerate(tail)
        if t.rstrip("’'s").lower() in ORG_HEADS | _PLACE_AND_SCHOOL_HEADS or t in PLACE_WORDS
    ]
    if not ends or len(tail) - ends[-1] - 1 < 2:
        return None
    name = tail[ends[-1] + 1 :]
    return name if is_person_name(name) else None


_VIETNAMESE_SURNAMES = frozenset(
    words("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Trinh")
)


_GENDERED = {"Mr": "m", "Ms": "f", "Mrs": "f", "Sir": "m", "Dame": "f"}
_HONORIFIC_GENDER = {**_GENDERED, "Dr": None, "Prof": None}
# Initials before a name, as Indian and Mongolian names are written ("K.S. Raghavan",
# "Ts.Munkhbayar"); a token with its initials attached is a whole name.
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.)+")
_INITIALLED = re.compile(rf"(?:[A-Z][a-z]?\.)+[{_UPPER}][a-z]+")

# Last words of places and schools, never of a person's name ("Kochi Prefecture").
_PLACE_AND_SCHOOL_HEADS = frozenset(
    words("""
university institute academy college school prefecture province oblast region county district
krai city island islands peninsula square street avenue sea river airport port station strait
straits bay gulf lake mountains canal bridge railway highway cosmodrome
""")
)


def is_person_name(tokens: list[str]) -> bool:
    return (
        bool(tokens)
        and tokens[-1].lower() not in _PLACE_AND_SCHOOL_HEADS
        and not any(t.rstrip(".,") in _NOT_NAME for t in tokens)
        and all(not t.isupper() or len(t) <= 1 or _INITIALS.fullmatch(t) for t in tokens)
        and tokens[-1] not in NATIONALITY_WORDS  # "Two North Korean (soldiers)"
        and tokens[-1].lower() not in ORG_HEADS  # "the Sanctions Monitoring Team"
    )


def build_registry(text: str, masked: list[tuple[int, int]], sentence_starts: set[int]) -> Registry:
    """Collect named people (outside quotes) in text order."""
    reg = Registry(masked=masked, sentence_starts=sorted(sentence_starts))
    for match in NAME_RUN_RE.finditer(text):
        if any(a <= match.start() < b for a, b in masked) and not _ALIAS_BEFORE.search(
            text, max(0, match.start() - _ALIAS_WINDOW), match.start()
        ):
            continue  # inside a quote, unless it is a call sign in quotation marks
        nickname = _NICKNAME_AFTER.match(text, match.end())
        if nickname:  # 'Senator Ramon "Bong" Villarta': one name around the nickname
            _register(reg, text, match.start(), nickname.end(), sentence_starts)
            continue
        # "... by Rep. Lim Da-eun. Later that day": one name per sentence the run crosses
        cuts = [m.end() for m in _SENTENCE_END_IN_RUN.finditer(match.group(0))]
        for a, b in zip([0, *cuts], [*cuts, len(match.group(0))], strict=True):
            _register(reg, text, match.start() + a, match.start() + b, sentence_starts)
    return reg


def _register(reg: Registry, text: str, start: int, end: int, sentence_starts: set[int]) -> None:
    raw = text[start:end].rstrip()
    preposition = LEADING_PREPOSITION.match(raw)
    if preposition:  # "For Kang Mi-yeon, a former diplomat, the winner is clear"
        start, raw = start + preposition.end(), raw[preposition.end() :]
    tokens, gender = strip_titles(raw.split())
    if " of " in raw:
        # "Lawmaker Bonar Siregar of House Commission I", "Professor Han Ji-won of Korea
        # University's School of International Studies": the person, not the post's body (a
        # name before "of" is never a title, so it wins over what follows the last "of")
        head, head_gender = strip_titles(raw[: raw.index(" of ")].split())
        if len(head) >= 2 and is_person_name(head):
            raw, tokens, gender = raw[: raw.index(" of ")], head, head_gender
    end = start + len(raw)
    offset = end - len(" ".join(tokens))
    if tokens and _SENTENCE_FULL_STOP.fullmatch(tokens[-1]):
        tokens[-1] = tokens[-1][:-1]  # "by Rep. Park Min-ah." ends the sentence
    if tokens and tokens[-1].endswith(("'s", "’s")):
        # A possessive ("Russia's") names no new speaker, but "Zhao's answer" mentions a
        # person already known.
        bare = [*tokens[:-1], tokens[-1][:-2]]
        known = lookup(reg, " ".join(bare), offset, text) if is_person_name(bare) else None
        if known is not None:
            subject = _looks_like_subject(text, start, end, sentence_starts)
            reg.mentions.append(Mention(offset, known, subject, possessive=True))
        return
    if not is_person_name(tokens) or _DESCRIBES_NAME_AFTER.match(text, end):
        return
    # "For Kang Mi-yeon, ...": a sentence about her view, so she is its subject
    subject = preposition is not None or _looks_like_subject(text, start, end, sentence_starts)
    alias = _ALIAS_BEFORE.search(text, max(0, start - _ALIAS_WINDOW), start) is not None
    line_start = text.rfind("\n", 0, start) + 1
    byline = text.startswith("By ", line_start) and start - line_start <= 3
    subject = (subject or alias) and not byline  # "By Grace Holloway": the reporter
    if alias and tokens[-1].endswith("."):
        tokens[-1] = tokens[-1][:-1]  # "identified only by his surname, Ri."
    aged = _AGE_AFTER.match(text, offset + len(" ".join(tokens)))  # "Anton, 34, a mechanic"
    if alias:  # "gave only his first name, Sergei": a new person unless that very name is known
        person = next((p for p in reversed(reg.people) if p.name == " ".join(tokens)), None)
    else:
        person = lookup(reg, " ".join(tokens), offset, text, gender)
    # "A younger man, a Mr Hu,", "Her neighbour, pensioner Viktor,": one name, but a person's
    lone = (
        raw.split()[0].rstrip(".") in _GENDERED
        and re.search(r"\b[Aa]n?\s+$", text[max(0, start - 4) : start]) is not None
    ) or _ROLE_BEFORE_LONE_NAME.search(text, max(0, start - 40), start) is not None
    if person is None and (
        len(tokens) >= 2 or alias or aged or lone or _INITIALLED.fullmatch(tokens[0])
    ):
        # The context keeps the titles before the name: "the retired general" finds "Retired
        # Lieutenant General Hideo Kanzaki".
        person = Person(" ".join(tokens), offset, gender, text[start : offset + 160])
        reg.people.append(person)
    if person is not None:
        person.gender = person.gender or gender
        reg.mentions.append(Mention(offset, person, subject))


# The one name an article gives an otherwise unnamed person: "a drone operator with the call
# sign Borsuk", "a foreman who gave only his first name, Anton", "a retiree surnamed Wang".
_ALIAS_BEFORE = re.compile(
    r"\b(?:call\s+sign|nom\s+de\s+guerre|(?:first|given|family|sur)\s*name|surnamed|nicknamed|"
    r"goes\s+by|going\s+by|(?:identified|known)(?:\s+by\s+[^,.;“”\"]{1,40}?)?\s+only\s+as|"
    r"(?:his|her|their)\s+name\s+(?:only\s+)?as|"
    r"introduced\s+(?:himself|herself|themselves)\s+(?:only\s+)?as|"
    r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
    r"friend))"
    r"\s*,?\s+(?:of\s+)?[“\"‘]?$"
)
_ALIAS_WINDOW = 80
_NICKNAME_AFTER = re.compile(rf' ["“][A-Z][\w-]+["”] {NAME_RUN_RE.pattern}')
# "Leftist Brazilian lawmaker Jandira Mota": the capitalised words describe the name after them.
_DESCRIBES_NAME_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(ROLE_NOUNS | PERSON_NOUNS))})\s+[A-Z]")
# A capitalised preposition that a name run swallows at a sentence start ("For Kang Mi-yeon").
LEADING_PREPOSITION = re.compile(r"(?:For|To|With|From|Like|Unlike|According to)\s+")
# "Anton, 34, a mechanic", "Valentyna, 67, whose windows ...", "Yelena, a 52-year-old tourist",
# "Sergei, a driver from Ussuriysk": a first name alone is a person. Nouns that also describe a
# place or a body ("Moscow, a member of ...", "Beijing, the host") do not count.
_PLACE_LIKE_NOUNS = words("host member leader head chief chair former deputy owner source agent")
_LONE_NAME_NOUNS = "|".join(sorted(PERSON_NOUNS - _PLACE_LIKE_NOUNS))
_ROLE_BEFORE_LONE_NAME = re.compile(rf"(?:^|[,(]\s*)(?:{_LONE_NAME_NOUNS})\s+$")
_AGE_AFTER = re.compile(
    r",\s+(?:\d{1,3},\s|an?\s+\d{1,3}-year-old\b|"
    rf"an?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_LONE_NAME_NOUNS})\b)"
)


def _looks_like_subject(text: str, start: int, end: int, sentence_starts: set[int]) -> bool:
    # A name not governed by a word before it ("said Putin", "with Putin") is a clause's subject,
    # or in apposition to one ("The envoy, Nadia Ferreira-Kos, ..."); so is a name that a role
    # noun introduces ("foreign ministry spokesperson Tan Wei said", "a lawmaker named Oh").
    before = text[max(0, start - 3) : start].rstrip(" ")
    # Not "(": a name in brackets glosses or credits ("(吳佩欣)", a photo's "(Primorye Travel)").
    if start in sentence_starts or not before or before[-1] in '.!?\n,;:—–“"‘':
        return True
    if re.search(
        r"\b[Aa]ccording to\s+(?:[A-Z][\w.-]*\s+){0,6}$", text[max(0, start - 80) : start]
    ):
        return True  # "According to Deputy Minister Oleg Zavyalov, ...": a source, as a subject
    word = re.search(r"([\w-]+)\s*$", text[max(0, start - 40) : start])
    return bool(word) and word.group(1) in INTRODUCING_WORDS


def lookup(
    reg: Registry,
    name: str,
    pos: int,
    text: str,
    gender: str | None = None,
    titles: tuple[str, ...] = (),
) -> Person | None:
    """The known person a (possibly partial) name refers to; None if nobody fits."""
    lowered = name.lower()
    for person in reversed(reg.people):
        if person.name.lower() == lowered and person.first_pos <= pos:
            return person
    if " " in name:
        # "Albuquerque Soares" after "Renata Albuquerque Soares": a compound surname
        tails = [
            p for p in reg.people if p.first_pos < pos and p.name.lower().endswith(" " + lowered)
        ]
        return tails[-1] if len(tails) == 1 else None
    candidates = [
        p
        for p in reg.people
        if lowered in surname_keys(p.name)
        and p.first_pos < pos
        and not (gender and p.gender and p.gender != gender)
    ]
    if not candidates:
        return None
    if gender == "f" and any(p.gender == "f" for p in candidates):
        # "Ms. Park" is the Park already known as a woman. Not so for "Mr.": most people these
        # articles quote are men, so a man known as such does not outrank one of unknown gender.
        candidates = [p for p in candidates if p.gender == "f"]
    if len(candidates) == 1:
        return candidates[0]
    # "Col. Park" is the Park introduced as "Col. Park Jin-woo", not the researcher Park.
    titled = [
        p for p in candidates if titles and set(titles) & set(p.context.split(p.name)[0].split())
    ]
    if len(titled) == 1:
        return titled[0]
    return _disambiguate(reg, candidates, text[pos : pos + 80], pos)


def _disambiguate(reg: Registry, candidates: list[Person], after: str, pos: int) -> Person:
    # "Mr. Kim of CFDOKR": the affiliation named with the mention picks the person.
    org = re.match(r"^[\w’'. -]{0,30}?\b(?:of|at|from)\s+(?:the\s+)?([A-Z][\w-]+)", after)
    if org:
        for person in candidates:
            if org.group(1) in person.context:
                return person
    # "Sharma, the former envoy, said": the apposition repeats what the article said of one
    appos = re.match(r"^[\w’'. -]{0,30}?,\s+(?:the|a|an)\s+([^,.;“”\"]{2,60})[,.;]", after)
    if appos:
        described = {w for w in re.findall(r"[a-z]{4,}", appos.group(1).lower())}
        described |= {ROLE_SYNONYMS[w] for w in described if w in ROLE_SYNONYMS}
        scores = [len(described & _words_of_sentence(p.context)) for p in candidates]
        best = max(scores)
        if best and scores.count(best) == 1:
            return candidates[scores.index(best)]
    for mention in reversed(reg.mentions):
        if mention.person in candidates and mention.pos < pos:
            return mention.person
    return candidates[-1]


def _words_of_sentence(context: str) -> set[str]:
    """The longer words of the sentence that introduced a person (their description)."""
    return set(re.findall(r"[a-z]{4,}", re.split(r"(?<=[.!?])\s", context)[0].lower()))


ROLE_SYNONYMS = {
    "envoy": "ambassador",
    "ambassador": "envoy",
    "lawmaker": "legislator",
    "legislator": "lawmaker",
}


def recent_person(
    reg: Registry, pos: int, gender: str | None, para_start: int = 0
) -> Person | None:
    """The latest person of a compatible gender named before pos: first within the paragraph
    (which is where "he said" almost always points), then further back; sentence subjects
    before other mentions."""
    earlier = [
        m
        for m in reg.mentions
        if m.pos < pos
        and pos - m.pos < 1500
        and not (gender and m.person.gender and m.person.gender != gender)
    ]
    for scope in ([m for m in earlier if m.pos >= para_start], earlier):
        for want_subject in (True, False):
            for mention in reversed(scope):
                if mention.subject or not want_subject:
                    return _first_subject_of_sentence(reg, scope, mention).person
    return None


def _first_subject_of_sentence(reg: Registry, scope: list[Mention], mention: Mention) -> Mention:
    """The sentence's first subject, not a later name in apposition to it: "Anna Ivanova,
    head of the tour operator Sever Tours, says ... “...,” she said" points at Ivanova."""
    if not mention.subject:
        return mention
    index = bisect.bisect_right(reg.sentence_starts, mention.pos) - 1
    start = reg.sentence_starts[index] if index >= 0 else 0
    same = [m for m in scope if m.subject and not m.possessive and start <= m.pos <= mention.pos]
    return same[0] if same else mention


def note_speaker(reg: Registry, pos: int, person: Person, pronoun: str | None) -> None:
    if pronoun in PERSON_PRONOUNS and person.gender is None:
        person.gender = PERSON_PRONOUNS[pronoun]
    reg.mentions.append(Mention(pos, person, True))
    reg.mentions.sort(key=lambda m: m.pos)
