# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the deadline as printed has no language tag.
# shape: <https://w3id.org/acuerdos/shapes/Decision-dateText>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:dateText "a más tardar el 12 de junio"@es .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:dateText "a más tardar el 12 de junio" .
}
