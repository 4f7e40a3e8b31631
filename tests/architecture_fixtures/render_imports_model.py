# module: committee_papers.render.pdf.document
# caught: render may not import committee_papers.model
from ...model import Report
