# module: committee_papers.assess.page
# caught: imports docx, which only the renderers may
import docx
