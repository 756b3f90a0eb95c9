"""acuerdos: a knowledge graph of the commitments of the CRM and the CSM, linked to the GCM."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("acuerdos")  # the VERSION file, through the package's metadata
except PackageNotFoundError:  # run from a copied source tree, not installed
    __version__ = "unknown"
