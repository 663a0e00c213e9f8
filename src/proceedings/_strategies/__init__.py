"""The engine behind :mod:`proceedings.strategies` and :mod:`proceedings.testing`.

One module per concern: argument checks (``_validation``), valid records and
their parts (``records``), JSON with one thing broken (``broken``), dates
(``dates``), lawful histories and near-lawful mutations (``histories``), and the
independent oracle of protections the state machine checks against
(``oracle``). Everything here imports Hypothesis; the library never imports it.
"""
