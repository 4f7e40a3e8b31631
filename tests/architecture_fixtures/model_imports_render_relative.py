# module: committee_papers.model.status
# caught: model may not import committee_papers.render.docx
from ..render.docx import wml
