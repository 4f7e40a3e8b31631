# module: committee_papers.style
# caught: style may not import committee_papers.output
from . import output
