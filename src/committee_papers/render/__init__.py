"""Renderers: the only places that know python-docx, docxtpl or reportlab."""
