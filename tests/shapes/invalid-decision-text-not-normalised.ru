# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision's text keeps a line break.
# shape: <https://w3id.org/acuerdos/shapes/Decision-text-normalised>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:text "Celebrar una reunión en Bruselas en septiembre."@es .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:text "Celebrar una reunión en Bruselas\nen septiembre."@es .
}
