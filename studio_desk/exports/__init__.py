"""Excel ledgers and the PDF annual summary (openpyxl, reportlab). No Qt here."""
