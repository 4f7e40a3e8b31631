# module: committee_papers.workbook.build
# caught: workbook may not import committee_papers.assess.status
from committee_papers.assess.status import assess_kpi
