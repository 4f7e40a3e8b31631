# module: committee_papers.api
# caught: imports the command line
from .cli import main
