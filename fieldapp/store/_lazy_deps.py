"""Defer what sqlite-utils imports but the store never uses at start-up.

sqlite-utils imports ``click`` (for its own command line) and ``dateutil.parser`` (for
date-parsing recipes) when it is imported; neither is used by fieldapp's store. Loading
them lazily with the standard library's ``importlib.util.LazyLoader`` saves about 25 ms of
every start (bench/ startup); they still load in full the first time anything touches them.
This module must be imported before ``sqlite_utils``.
"""

from __future__ import annotations

import importlib.util
import sys

DEFERRED = ("click", "dateutil.parser")


def defer_import(name: str) -> None:
    """Put a lazily-loading module for ``name`` into ``sys.modules``, unless already there."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: let the real import fail where it is used
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


for _name in DEFERRED:
    defer_import(_name)
