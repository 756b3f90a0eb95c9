# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting is presided by an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-presidedBy>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-06-08-mexico> acu:presidedBy <body/crm/ppt> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> acu:presidedBy <body/crm/pres> .
}
