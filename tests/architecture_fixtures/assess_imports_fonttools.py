# module: committee_papers.assess.page
# caught: imports fontTools.ttLib, which only the renderers may
from fontTools.ttLib import TTFont  # noqa: F401
