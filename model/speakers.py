"""Who said it: find the speaker phrase next to a cue verb for each quote, then resolve it.

The Attributor works through the quotes in text order (resolution needs order): a cue in the
quote's sentence, before or after it, wins; a quote with no cue of its own inherits a speaker
from an interview's interviewee, a person just introduced, or the quote before it.
"""

from __future__ import annotations

import bisect
import re

from model.attribution import ANONYMITY, cue_after, cue_before, stated_by
from model.cues import ACCORDING_RE, CUE_RE, ORG_HEADS, SPOKES_NOUNS, VAGUE_HEADS, words
from model.fullest_name import fullest_name
from model.names import NAME_RUN_RE, build_registry, is_person_name, strip_titles
from model.organisations import sentence_subject
from model.phrases import phrase_after
from model.resolution import resolve
from model.subjects import UNNAMED, clause_subject, strip_leading_clauses

# --- attribution ------------------------------------------------------------------------------

_INHERIT_GAP = 2  # a quote may take its speaker from a quote at most this many paragraphs back


class Attributor:
    """Finds the speaker and cue of each quote span, in text order (resolution needs order)."""

    def __init__(self, text: str, spans, sents: list[tuple[int, int]], titles=()) -> None:
        self.text = text
        self.spans = spans
        self.sents = sents
        # Titles set aside by the caller still name nobody: "author of “The Northern Triangle”".
        masked = sorted((s.open_mark, s.after) for s in [*spans, *titles])
        self.reg = build_registry(text, masked, {a for a, _ in sents})
        self.results: list[tuple[str | None, str | None, bool]] = []

    def attribute(self, index: int) -> tuple[str | None, str | None, bool]:
        """(speaker, cue, attributed): attributed means a cue credits someone with the words."""
        strong = self._after(index, next_sentence=False) or self._before(index)
        weak = None
        if not strong:
            weak = (
                self._soundbite(index)
                or self._after_later(index)
                or self._shared_after(index)
                or self._second_half(index)
                or self._after(index, True)
                or self._stated_in_next_paragraph(index)
                or self._lead_paragraph(index)
            )
        found = strong or weak
        if found:
            phrase, cue, pos = found
            speaker = resolve(self.reg, phrase, pos, self.text)[0] if phrase else None
            if speaker is None and phrase and _FURTHER_DOCUMENT.match(phrase):
                speaker = self._inherited(index)  # "A second post added:": the same author
            if self._anonymous(phrase, pos):
                speaker = None
            result = (speaker, cue, strong is not None or speaker is not None)
        else:
            result = (self._inherited(index), None, False)
        result = (fullest_name(self.reg, result[0]), result[1], result[2])
        self.results.append(result)
        return result

    def _anonymous(self, phrase: str | None, pos: int) -> bool:
        """An indefinite person granted anonymity in the attribution clause itself ("a senior
        official of the presidential office said on condition of anonymity"). A spokesperson
        stays the voice of the body ("A representative of Nordwind, ..., told X on condition
        of anonymity")."""
        words = phrase.lower().split() if phrase else []
        if not words or words[0] not in _INDEFINITE or SPOKES_NOUNS & set(words):
            return False
        clause = re.split(r"[«»“”\"]|[.!?]\s", self.text[pos : pos + 200], maxsplit=1)[0]
        return ANONYMITY.search(clause) is not None

    # where the attribution may sit

    def _sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sents, (pos, len(self.text) + 1)) - 1
        return self.sents[max(i, 0)] if self.sents else (0, len(self.text))

    def _masked(self, start: int, end: int, keep: int) -> str:
        """text[start:end] with every other quote blanked out, so cues inside quotes don't count."""
        chars = list(self.text[start:end])
        for i, span in enumerate(self.spans):
            if i == keep:
                continue
            for j in range(max(span.open_mark, start), min(span.after, end)):
                chars[j - start] = "¶"
        return "".join(chars)

    def _before(self, index: int):
        span = self.spans[index]
        sent_start = self._sentence(span.open_mark)[0]
        before = self._masked(sent_start, span.open_mark, index)
        if before.rstrip().endswith(":"):
            lead = self._colon_lead(before, sent_start)
            if lead:
                return lead
        return cue_before(before, sent_start)

    def _colon_lead(self, before: str, offset: int):
        """`Ward put it bluntly: “...”`, `Asked about X, Ward was direct: “...”`, `WARD: “...”`."""
        label = self._transcript_label(before)
        if label:
            return label[0], label[1], offset + len(before) - len(before.lstrip())
        labelled = _LABELLED_SOURCE.match(before)
        if labelled:
            phrase = phrase_after(before[labelled.end() :])
            if phrase:
                return phrase, ":", offset + labelled.end()
        found = cue_before(before, offset)
        if found:
            return found
        clause = strip_leading_clauses(before)
        phrase = clause_subject(clause)
        if phrase and phrase.lower() not in ("the", "a"):
            return phrase, ":", offset + len(before) - len(clause) + max(clause.find(phrase), 0)
        return None

    def _after_text(self, index: int, next_sentence: bool) -> tuple[str, int] | None:
        span = self.spans[index]
        if span.close_mark is None:
            return None
        start = span.close_mark + 1
        end = self._sentence(start + 1)[1] if next_sentence else self._sentence(span.close_mark)[1]
        if next_sentence and end <= start:
            return None
        if index + 1 < len(self.spans):
            end = min(end, self.spans[index + 1].open_mark)
        return self.text[start:end], start

    def _after(self, index: int, next_sentence: bool):
        found = self._after_text(index, next_sentence)
        span = self.spans[index]
        if not found:
            return None
        after, offset = found
        last = self.text[span.end - 1] if span.end > span.start else ""
        continues = last in ",?!—–-:;" or re.match(r"\s*(?:[,—–]|[a-z])", after) is not None
        if next_sentence:
            before = self.text[self._sentence(span.open_mark)[0] : span.open_mark]
            if continues or before.strip() or not re.match(r"\s*[A-Z]", after):
                return None
        elif not continues:
            return None
        if next_sentence:
            return stated_by(after, offset) or cue_after(after, offset, inverted=False)
        # `“...,” China's envoy, Col. Ri, said`: an attribution clause after the quote needs the
        # quote to end its own clause; `“closely monitoring” the border, and Washington said` not.
        closed = last in ",?!—–-:;" or re.match(r"\s*[,—–]", after) is not None
        return cue_after(after, offset, inverted=True, closed=closed)

    def _paragraph_opened(self, index: int) -> int | None:
        """Where the quote's paragraph starts, when the quote opens it; else None."""
        open_mark = self.spans[index].open_mark
        para_start = self.text.rfind("\n", 0, open_mark) + 1
        return None if self.text[para_start:open_mark].strip() else para_start

    def _stated_in_next_paragraph(self, index: int):
        """`“...”` as a paragraph, then `That was how Tomas Wiater, a diplomat, described it.`"""
        if self._paragraph_opened(index) is None:
            return None
        close = self.spans[index].after
        start = close + len(self.text[close:]) - len(self.text[close:].lstrip())
        if start >= len(self.text) or "\n" not in self.text[close:start]:
            return None
        return stated_by(self.text[start : self._sentence(start)[1]], start)

    def _lead_paragraph(self, index: int):
        """A quote that opens its paragraph after one ending in a colon ("..., she wrote:")."""
        para_start = self._paragraph_opened(index)
        if para_start is None:
            return None
        prev_end = len(self.text[:para_start].rstrip())
        if prev_end == 0 or self.text[prev_end - 1] != ":":
            return None
        sent_start = self._sentence(prev_end - 1)[0]
        before = self._masked(sent_start, prev_end, index)
        caption = _LOWER_THIRD.match(before)
        if caption and not CUE_RE.search(before) and "\n" in self.text[prev_end:para_start]:
            tokens, _ = strip_titles(caption.group(1).split())
            if is_person_name(tokens):
                # "[Soundbite] Choi Eun-mi, Research Fellow, Korea Institute ... (Korean) :"
                return caption.group(1), ":", sent_start + caption.start(1)
        return self._colon_lead(before, sent_start)

    def _soundbite(self, index: int):
        """A broadcast script's caption over a sound bite: `[SOUNDBITE] Park Jae-hoon / Democratic
        Party lawmaker` (the role may take a line of its own), then the quote opening a line."""
        line_start = self._paragraph_opened(index)
        if line_start is None:
            return None
        lines = self.text[:line_start].rstrip("\n").split("\n")[-3:]
        for back, line in enumerate(reversed(lines)):
            caption = _SOUNDBITE.match(line)
            if caption:
                pos = line_start - sum(len(x) + 1 for x in lines[len(lines) - back - 1 :])
                return caption.group(1), ":", pos + caption.start(1)
            if not line.strip() or any(mark in line for mark in '“”"«»') or len(line) > 120:
                return None
        return None

    def _after_later(self, index: int):
        """`... “a game changer” for Moscow, Weidner said.` (attribution closes the sentence)."""
        found = self._after_text(index, False)
        if not found:
            return None
        after, offset = found
        # "... “grave concerns” to both, Japan's defence ministry said, calling it ...": the
        # attribution may be any clause after the first comma, not only the last one.
        commas = [i for i, c in enumerate(after) if c == ","]
        ends = [*commas[1:], len(after)] if commas else []
        for start, end in reversed(list(zip(commas, ends, strict=True))):
            found = cue_after(after[start + 1 : end], offset + start + 1, inverted=False)
            if found:
                return found
        return None

    def _shared_after(self, index: int):
        """`... is “a sanctions story”, and the bank blocks it “automatically”, he said.`: two
        quotes in one sentence share the attribution that closes it."""
        if index + 1 >= len(self.spans):
            return None
        this, after = self.spans[index], self.spans[index + 1]
        if this.close_mark is None or self._sentence(this.open_mark) != self._sentence(
            after.open_mark
        ):
            return None
        between = self.text[this.close_mark + 1 : after.open_mark]
        if CUE_RE.search(between) or ACCORDING_RE.search(between):
            return None
        return self._after(index + 1, False) or self._after_later(index + 1)

    def _second_half(self, index: int):
        """`“A,” Tan told journalists. “B.”`: the second half of a split quote has the
        attribution between the two halves, before any the next sentence may hold."""
        if index == 0 or self.spans[index - 1].close_mark is None:
            return None
        between = self.text[self.spans[index - 1].close_mark + 1 : self.spans[index].open_mark]
        if "\n" in between or not re.search(r"[.:]\s+$", between):
            return None
        return self._after(index - 1, False)

    def _interviewee(self, pos: int) -> str | None:
        """In a Q&A interview an answer right after a "Q:" line is the interviewee's."""
        if not _QUESTION_LINE.search(
            self.text[max(0, pos - 600) : pos]
        ) and not self._after_question(pos):
            return None
        for intro in reversed(list(_INTERVIEW_INTRO.finditer(self.text, 0, pos))):
            phrase = phrase_after(self.text[intro.end() : intro.end() + 120])
            if phrase:
                return resolve(self.reg, phrase, intro.end(), self.text)[0]
        return None

    def _after_question(self, pos: int) -> bool:
        """A quote that opens its paragraph right after a paragraph that is one bare question
        (an interviewer's, with no quotation marks): the answer in a Q&A without "Q:" labels."""
        para_start = self.text.rfind("\n", 0, pos) + 1
        if self.text[para_start:pos].strip():
            return False
        prev = self.text[:para_start].rstrip()
        question = prev[prev.rfind("\n") + 1 :].strip()
        return (
            question.endswith("?")
            and not any(mark in question for mark in '“”"«»')
            and len(question) < 300
        )

    def _transcript_label(self, before: str):
        """`LI WEN (translation): “...”`, `ASHBY: “...”`: a speaker label in capitals. The
        journalists' own labels (REPORTER, HOST) credit no source."""
        match = _TRANSCRIPT_LABEL.match(before)
        if not match:
            return None
        label = match.group(1)
        if set(label.replace("(", " ").split()) & _JOURNALIST_LABELS:
            return UNNAMED, ":", 0
        return " ".join(w.capitalize() if w.isupper() else w for w in label.split()), ":", 0

    def _inherited(self, index: int) -> str | None:
        """No cue of its own: a Q&A interviewee, a person just introduced, or the speaker of
        the previous quote when it is close by."""
        span = self.spans[index]
        interviewee = self._interviewee(span.open_mark)
        if interviewee:
            return interviewee
        prev_close, prev_speaker = 0, None
        if index > 0:
            prev_close = self.spans[index - 1].after
            prev_speaker = self.results[index - 1][0]
        lead_in = self._lead_in(prev_close, span.open_mark, index)
        if lead_in is not None:
            return lead_in or None
        own = self._own_subject(index)
        if own:
            return own
        newer = [
            m
            for m in self.reg.mentions
            if prev_close <= m.pos < span.open_mark and m.subject and span.open_mark - m.pos < 400
        ]
        if newer and newer[-1].person.name != prev_speaker:
            return newer[-1].person.name
        paragraphs_back = self.text[prev_close : span.open_mark].strip().count("\n\n")
        if prev_speaker is not None and paragraphs_back <= _INHERIT_GAP:
            return prev_speaker
        return None

    def _own_subject(self, index: int) -> str | None:
        """`KCNA, for its part, celebrated an “eternal friendship”`, `The ministry, in a post on
        Telegram, thanked its “Korean friends”`: no cue verb, but the words sit in a sentence
        whose subject is a named source, which is a better guess than the last speaker."""
        span = self.spans[index]
        start = self._sentence(span.open_mark)[0]
        before = self._masked(start, span.open_mark, index)
        if not before.strip() or "¶" in before:
            return None
        subject = clause_subject(strip_leading_clauses(before))
        if not subject or not (subject[0].isupper() or subject.lower().startswith("the ")):
            return None
        if subject.split()[0] in _NOT_SUBJECTS or (len(subject.split()) < 2 and subject.istitle()):
            return None  # "Rajin", "Red": a single capitalised word is as likely a place
        name = resolve(self.reg, subject, start + max(before.find(subject), 0), self.text)[0]
        words = (name or "").lower().replace("’", "'").split()
        known = any(p.name == name for p in self.reg.people)
        if name and (known or words[-1] in ORG_HEADS or name.isupper()):
            return name
        return None

    def _lead_in(self, prev_close: int, open_mark: int, index: int) -> str | None:
        """The sentence just before an uncued quote, when it introduces a source: "Experts
        here say ..." or "One analyst told me ..." (unnamed: ""), "Lena Ruiz warned ..." (her).
        None when it introduces nobody."""
        start = self._sentence(prev_close - 1)[1] if prev_close else 0
        sentences = [(a, b) for a, b in self.sents if a >= start and b <= open_mark]
        if not sentences:
            return None
        own = self._sentence(open_mark)[0]
        if self.text[own:open_mark].strip():
            return None  # the quote's own sentence leads in: see the other rules
        a, b = sentences[-1]
        sentence = self._masked(a, b, index)
        if "¶" in sentence or any(a <= m.pos < b for m in self.reg.mentions):
            return None
        subject = sentence_subject(sentence)
        if subject and _is_unnamed(subject):
            return ""
        found = cue_before(sentence, a)
        if found and found[0]:
            speaker = resolve(self.reg, found[0], found[2], self.text)[0]
            return speaker or ""
        return None


def _is_unnamed(phrase: str) -> bool:
    words = phrase.lower().split()
    return words[0] in ("a", "an", "one", "some", "others", "several", "many", "most") or (
        words[-1] in VAGUE_HEADS
    )


_FURTHER_DOCUMENT = re.compile(
    r"(?:[Aa]nother|[Aa] (?:second|third|further|later|separate|follow-up))\s+"
    r"(?:post|statement|message|letter|reply|response|tweet)$"
)
_NOT_SUBJECTS = frozenset({"This", "That", "These", "Those", "There", "It", "What", "Some", "Many"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})


# A label that names the source before a colon: "Quote from Olena Marchuk, a spokesperson:",
# "Statement by the ministry:", "Reaction from Kyiv:".
_LABELLED_SOURCE = re.compile(
    r"^\s*(?:Quote|Quotes|Comment|Comments|Statement|Reaction|Response|Message|Post|Words)"
    r"\s+(?:from|by|of)\s+"
)
# A broadcast caption before a sound bite: a name, then its titles, then a colon.
_LOWER_THIRD = re.compile(
    rf"^\s*(?:\[[^\]]{{1,30}}\]\s*)?({NAME_RUN_RE.pattern})\s*,\s*[^:“”\"«»]{{1,150}}:\s*$"
)
# "[SOUNDBITE] Park Jae-hoon", "[SOT - TRANSLATED] Alexei Morozov": the caption's name line
_SOUNDBITE = re.compile(
    rf"^\s*\[(?i:sound\s*bite|sot|interview)[^\]]{{0,30}}\]\s*({NAME_RUN_RE.pattern})\s*(?:[/,|–—]\s*[^“”\"«»\[]*)?$"
)
_QUESTION_LINE = re.compile(r"(?:^|\n)(?:Q|Question)\s*[:.][^\n]*\n\s*$")
_TRANSCRIPT_LABEL = re.compile(
    r"^\s*(Q|[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3})\s*(?:\([^)]{0,40}\))?\s*:\s*$"
)
_JOURNALIST_LABELS = words(
    "REPORTER HOST ANCHOR ANNOUNCER CORRESPONDENT PRESENTER INTERVIEWER NARRATOR Q QUESTION VOICE"
)
_INTERVIEW_INTRO = re.compile(
    r"(?:spoke|talked|speaks|talks) (?:to|with)\s+|interviewed\s+|interview with\s+|"
    r"\b(?:We|we|I) asked\s+|"
    r"sat down with\s+"
)
