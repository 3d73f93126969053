"""Text processing is shared by a server's threads: it must give the same answers when hammered at once."""

from concurrent.futures import ThreadPoolExecutor

from ookbalans.search.language import indexed_words, key, split_compound
from ookbalans.search.text import stem

WORDS = ["borstvoedingscafe", "zwangerschappen", "huilende", "bevallingen", "opvoedcursussen", "geldzorgen"]


def analyse_all(round_number: int):
    words = [f"{word}{'s' * (round_number % 3)}" for word in WORDS]
    stem.cache_clear() if round_number % 50 == 0 else None
    return [(stem(word), key(word), split_compound(word), tuple(indexed_words(word))) for word in words]


def test_many_threads_get_the_same_stems_as_one():
    expected = [analyse_all(number) for number in range(300)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _attempt in range(3):
            stem.cache_clear()
            assert list(pool.map(analyse_all, range(300))) == expected
