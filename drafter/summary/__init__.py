"""``drafter summary``: the county's roll-up of all townships' answers files and reports.

``collect`` reads the files into units (figures with their sources, check findings) and finds what
the county must chase; ``workbook`` writes the Excel roll-up; ``command`` is the CLI command with
its console table.
"""

from __future__ import annotations

from drafter.summary.collect import BadFile, FigureValue, Summary, Total, Unit, summarise

__all__ = ["BadFile", "FigureValue", "Summary", "Total", "Unit", "summarise"]
