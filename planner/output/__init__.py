"""Qt-free print output (reportlab): signs, placement guide, compliance report."""
