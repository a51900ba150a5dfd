"""Extract: names, quotes, events and new-issue candidates from each clean article.

``tools`` loads the model and compiles the registry; ``workers`` runs the model and the rules over
the articles (on several cores when there are many; ``dask_client`` on a Dask cluster, whose
workers run ``dask_worker``); ``article`` is every rule over one Doc, built
from ``candidates``, ``mentions``, ``cues``, ``quotes`` (+ ``tweets``), ``events/`` and ``topics``.
"""

from generator.extract.article import extract_doc
from generator.extract.tools import Tools, load_tools
from generator.extract.workers import extract

__all__ = ["Tools", "extract", "extract_doc", "load_tools"]
