"""The engine behind :mod:`proceedings.strategies` and :mod:`proceedings.testing`.

One module per concern: argument checks (``_validation``), valid records and
their parts (``records``), JSON with one thing broken (``broken``), dates
(``dates``), lawful histories (``histories``), near-lawful mutations
(``mutations``), the independent oracle of protections the state machine
checks against (``oracle``), and the one place that passes the law to the
engine (``_law``). Everything here imports Hypothesis; the library never imports it.
"""
