# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: an action category assignment has no basis.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-basis>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA { <decision/2017-06-08-mexico/agreement-1/action-category> acu:basis <kind/basis/assigned-by-judgement> . }
