"""Drop-in replacements for spaCy pipeline components: the same annotations in less time.

``generator.extract.model`` swaps them into the pipeline it loads. Nothing here imports the rest
of the package, so the key of the cached Docs (``memo.store.DOC_CODE``: the model module and what
it imports) covers these files without covering the rules, and a rule edit keeps the Docs.
"""
