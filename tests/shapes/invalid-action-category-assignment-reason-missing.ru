# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: an action category assignment has no reason.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-reason>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE WHERE { <decision/2017-06-08-mexico/agreement-1/action-category> acu:reason ?reason . }
