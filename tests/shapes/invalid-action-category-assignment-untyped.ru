# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: agreement 1's action category has no type.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Typed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA { <decision/2017-06-08-mexico/agreement-1/action-category> a acu:ActionCategoryAssignment . }
