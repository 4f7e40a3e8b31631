# module: committee_papers.model.pack
# caught: model may not import committee_papers.assess.dot
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..assess.dot import Assessment
