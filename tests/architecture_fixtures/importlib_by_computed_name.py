# module: committee_papers.layout.build
# caught: an import by a computed name cannot be checked
from importlib import import_module

name = "render" + ".pdf"
module = import_module(name)
