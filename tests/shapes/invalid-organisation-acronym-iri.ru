# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the organisation's acronym is an IRI.
# shape: <https://w3id.org/acuerdos/shapes/InternationalOrganisation-acronym>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <organisation/iom> acu:acronym "IOM"@en .
    <organisation/iom> acu:acronym "OIM"@es .
} ;
INSERT DATA {
    <organisation/iom> acu:acronym <organisation/iom> .
}
