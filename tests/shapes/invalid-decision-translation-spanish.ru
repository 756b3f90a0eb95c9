# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the translation is tagged @es.
# shape: <https://w3id.org/acuerdos/shapes/Decision-unofficialTranslation>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:unofficialTranslation "Invite IOM."@en .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2-a> acu:unofficialTranslation "Invite IOM."@es .
}
