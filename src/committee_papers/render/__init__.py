"""Renderers: the only places that know python-docx, docxtpl, pikepdf, fontTools or HarfBuzz."""
