"""Render: the aggregated corpus as YAML/JSON records (``records``) and Markdown pages (``pages``,
with ``svg`` drawings and Jinja2 ``templates/``). Pure text out; nothing here knows MkDocs."""
