"""Render: the aggregated corpus as YAML/JSON records (``records``) and Markdown pages (``pages``,
with ``svg`` drawings and Jinja2 ``templates/``), each page with the file behind it (``edits``).
Pure text out; nothing here knows MkDocs. Where each record and page goes: ``generator.paths``."""
