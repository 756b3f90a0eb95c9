# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: an action category assignment names no category.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-category>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA { <decision/2017-06-08-mexico/agreement-1/action-category> acu:actionCategory <kind/action-category/specific-action> . }
