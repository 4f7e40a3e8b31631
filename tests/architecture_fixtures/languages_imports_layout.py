# module: committee_papers.languages
# caught: languages may not import committee_papers.layout
from .layout import layout_report
