"""Loading the search's language data once in the server's master process, before it forks its workers.

The first search in a process loads the lexicons (wordfreq's Dutch frequencies, simplemma's
dictionaries for Dutch and the interface's other languages, the thesaurus): about 7 s of CPU and
700 MB. Loaded in gunicorn's master (`--preload`) and frozen out of the garbage collector's reach,
those pages are shared by every worker (copy-on-write) instead of copied into each, and a worker
that gunicorn restarts serves at once.
"""

from __future__ import annotations

import gc
import logging
import time

logger = logging.getLogger(__name__)

# One query that walks every part of the understanding: Dutch lemmas and compounds, a typo, the
# thesaurus, and words in each of the interface's other languages and scripts.
WARM_QUERY = (
    "ik ben moe en verdrietig na de bevallingen borstvoedng kinderopvangtoeslag "
    "baby crying hamile вагітна رضاعة"
)


def warm() -> float:
    """Load the language data (and, when the database answers, the index's vocabulary); seconds taken.

    Database connections opened here are closed again: a forked worker must open its own.
    """
    from django.db import connections

    from ookbalans.search import concepts, demand, engine, language, understanding

    started = time.perf_counter()
    language.lexicon()
    for word in WARM_QUERY.split():
        language.word_keys(word)
    index = concepts.shared_index()
    demand.thesaurus_words()
    understanding.understand(WARM_QUERY, understanding.Lookup((), index), index)
    try:
        engine.understood(WARM_QUERY)
    except Exception:  # a database that is not there yet: each worker loads the vocabulary itself
        logger.warning("search vocabulary not preloaded: the database did not answer", exc_info=True)
    finally:
        connections.close_all()
    # What was loaded lives as long as the process: keep the collector from touching (and so
    # copying) those pages in every worker.
    gc.collect()
    gc.freeze()
    return time.perf_counter() - started
