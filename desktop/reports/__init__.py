"""Printouts as PDF (ReportLab): the shared page frame in ``base`` and one module per printout."""
