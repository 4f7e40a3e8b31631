# module: committee_papers.assess.dot
# caught: assess may not import committee_papers.render.pdf


def later() -> None:
    from ..render.pdf import draw
