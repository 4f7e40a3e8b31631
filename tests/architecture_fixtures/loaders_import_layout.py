# module: committee_papers.loaders.page
# caught: loaders may not import committee_papers.layout
import committee_papers.layout
