# module: committee_papers.layout.tables
# caught: layout may not import committee_papers.assess
from ..assess import row_dot
