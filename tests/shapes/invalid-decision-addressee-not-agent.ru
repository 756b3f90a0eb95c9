# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the addressee is a place.
# shape: <https://w3id.org/acuerdos/shapes/Decision-addressee>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:addressee <organisation/iom> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:addressee <place/mexico-city> .
}
