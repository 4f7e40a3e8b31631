# module: committee_papers.model.values
# caught: the model imports yaml: it uses the standard library only
import yaml
