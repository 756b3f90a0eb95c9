# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: agreement 1's action category is not at <…/agreement-1/action-category>.
# shape: <https://w3id.org/acuerdos/shapes/ActionCategoryAssignment-iri>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE { <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment <decision/2017-06-08-mexico/agreement-1/action-category> . <decision/2017-06-08-mexico/agreement-1/action-category> ?p ?o . }
INSERT { <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment <decision/2017-06-08-mexico/category-1> . <decision/2017-06-08-mexico/category-1> ?p ?o . }
WHERE { <decision/2017-06-08-mexico/agreement-1/action-category> ?p ?o . }
