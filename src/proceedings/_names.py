"""Names in text: finding a person's names, their parts and declined forms, to replace them.

The text matching of :mod:`proceedings.pseudonymise`, apart from its keys,
record fields and mapping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ._parts import Person


def normalise(value: str) -> str:
    """The form a value is pseudonymised in: NFC, casefolded, white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


# -- finding names in text -------------------------------------------------------------

#: A word of letters, any script: what a name is made of (and a marked name must hold).
TOKEN = re.compile(r"[^\W\d_]+")
#: Between the words of a name as written in a text: a space, a hyphen, a dot.
_SEPARATOR = re.compile(r"[^\w]{1,3}|_")
#: Words that are part of a name but name no one alone.
_PARTICLE_WORDS = "abu al ibn bin bint ben el de da di du la le van von der den del dos das md st"
_PARTICLES = frozenset([*_PARTICLE_WORDS.split(), "mr", "mrs", "ms", "dr"])
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
#: The endings dropped from a Cyrillic name to find its stem (Юлия: Юли-и, Юли-ю).
_ENDINGS = "аеёиоуыэюяйь"
#: How many letters a declined Cyrillic name may add to its stem (Емельянов-ой).
_MAX_SUFFIX = 3


def _word_key(word: str) -> tuple[str, bool]:
    """How a word of a name is matched: (its key, whether declined forms match)."""
    key = normalise(word)
    if len(key) >= 4 and _CYRILLIC.fullmatch(key):
        return (key[:-1] if key[-1] in _ENDINGS else key), True
    return key, False


def _word_matches(word: str, key: tuple[str, bool]) -> bool:
    stem, declined = key
    if not declined:
        # An English possessive written without its apostrophe ("Mr Soerings surrender").
        return word in (stem, stem + "s")
    return word.startswith(stem) and len(word) - len(stem) <= _MAX_SUFFIX


class NameMatcher:
    """Finds known names, and their parts, in text: whole words, any case, any script.

    A name is matched as a whole (its words in order, separated by spaces,
    hyphens or dots: ``Yulia Emelyanova``, ``yulia-emelyanova``), and each
    of its capitalised words of three letters or more alone (``Emelyanova``),
    except particles (``Abu``, ``al``, ``van``). A Cyrillic word of four
    letters or more also matches its declined forms (``Емельянова`` matches
    ``Емельяновой``, ``Емельянову``): up to three letters after its stem;
    a Latin word also matches with an ``s`` added (a possessive whose
    apostrophe was lost: ``Soerings``).
    The longest name wins; where names of two persons share a word, the one
    added last wins (the record's own person, see :func:`pseudonymise`).
    """

    def __init__(self) -> None:
        # first word key -> [(word keys, replacement, priority)], longest first.
        self._names: dict[str, list[tuple[tuple[tuple[str, bool], ...], str, int]]] = {}
        self._count = 0
        # What the names themselves put between their words ("0" in "A0A"), beyond
        # the spaces, hyphens and dots of any name.
        self._separators: set[str] = set()

    def add(self, names: Iterable[str], replacement: str) -> None:
        """Match these names (each a whole name) and replace them with ``replacement``."""
        for name in names:
            words = TOKEN.findall(name)
            if not words:
                continue
            self._count += 1
            self._put(tuple(_word_key(w) for w in words), replacement)
            between = [m.group() for m in re.finditer(r"(?<=[^\W\d_])[\W\d_]+(?=[^\W\d_])", name)]
            self._separators.update(normalise(b) or b for b in between)
            capitalised = [w for w in words if w[0].isupper()] or words
            for word in capitalised:
                if len(word) >= 3 and word.casefold() not in _PARTICLES:
                    self._put((_word_key(word),), replacement)

    def _put(self, keys: tuple[tuple[str, bool], ...], replacement: str) -> None:
        bucket = self._names.setdefault(keys[0][0], [])
        bucket[:] = [b for b in bucket if b[0] != keys]
        bucket.append((keys, replacement, self._count))
        # Longest first; among equals, the latest added first.
        bucket.sort(key=lambda b: (-len(b[0]), -b[2]))

    def __bool__(self) -> bool:
        return bool(self._names)

    def _copy(self) -> NameMatcher:
        """A matcher that finds the same names, to which more can be added."""
        other = NameMatcher()
        other._names = {first: list(bucket) for first, bucket in self._names.items()}
        other._count = self._count
        other._separators = set(self._separators)
        return other

    def _candidates(self, word: str) -> Iterator[tuple[tuple[tuple[str, bool], ...], str, int]]:
        seen: set[str] = set()
        cut = _MAX_SUFFIX if _CYRILLIC.fullmatch(word) else int(word.endswith("s"))
        for k in range(min(cut, len(word) - 1) + 1):
            stem = word[: len(word) - k]
            if stem not in seen:
                seen.add(stem)
                yield from self._names.get(stem, ())

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where names are in ``text``: (start, end, replacement), in order, not overlapping."""
        if not self._names:
            return []
        words = [(m.start(), m.end(), normalise(m.group())) for m in TOKEN.finditer(text)]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            best: tuple[int, str, int] | None = None  # (words used, replacement, priority)
            for keys, replacement, priority in self._candidates(words[i][2]):
                n = len(keys)
                if best is not None and (n, priority) <= (best[0], best[2]):
                    continue
                if i + n <= len(words) and self._fits(text, words, i, keys):
                    best = (n, replacement, priority)
            if best is None:
                i += 1
                continue
            found.append((words[i][0], words[i + best[0] - 1][1], best[1]))
            i += best[0]
        return found

    def _fits(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        i: int,
        keys: tuple[tuple[str, bool], ...],
    ) -> bool:
        for j, key in enumerate(keys):
            if not _word_matches(words[i + j][2], key):
                return False
            if j:
                between = text[words[i + j - 1][1] : words[i + j][0]]
                if not _SEPARATOR.fullmatch(between) and (
                    (normalise(between) or between) not in self._separators
                ):
                    return False
        return True

    def replace(self, text: str) -> str:
        """``text`` with every name found replaced."""
        spans = self.spans(text)
        if not spans:
            return text
        out: list[str] = []
        at = 0
        for start, end, replacement in spans:
            out += [text[at:start], replacement]
            at = end
        out.append(text[at:])
        return "".join(out)


def person_names(person: Person) -> tuple[str, ...]:
    """Every name a record gives its person: the name, the aliases, the accounts' names."""
    names = [person.name, *person.aliases, *(f.name for f in person.accounts)]
    return tuple(dict.fromkeys(n for n in names if n))
