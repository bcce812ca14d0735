"""The 4P indicators: definitions (one YAML file each, in this folder) and their computation.

>>> from playbooks.indicators import load_indicators
>>> len(load_indicators())
31
"""

from playbooks.indicators.compute import IndicatorValue, compute_indicators, cutoff, drilldown, year_span
from playbooks.indicators.definitions import PILLARS, IndicatorDef, indicator, load_indicators

__all__ = ["IndicatorDef", "IndicatorValue", "PILLARS", "compute_indicators", "cutoff", "drilldown", "indicator",
           "load_indicators", "year_span"]
