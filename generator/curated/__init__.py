"""Curated data: what humans write under ``seeds/curated/``, loaded and checked against its JSON
Schemas (``registry``) and across files (``check``): the one place curated data is validated,
for the build and for ``python -m generator check`` alike."""
