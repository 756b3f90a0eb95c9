"""acuerdos: a knowledge graph of the commitments of the CRM and the CSM, linked to the GCM."""

__version__ = "0.1.0"
