# module: committee_papers.model.text
# caught: model may not import committee_papers.languages
from ..languages import primary
