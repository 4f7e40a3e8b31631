# module: committee_papers.assess.check
# caught: assess may not import committee_papers.languages
from ..languages import localised
