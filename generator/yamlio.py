"""YAML in and out, with PyYAML's C implementation when it is built."""

from __future__ import annotations

from typing import Any

import yaml

try:
    Loader: type = yaml.CSafeLoader
    Dumper: type = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    Loader = yaml.SafeLoader
    Dumper = yaml.SafeDumper


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)


def dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
