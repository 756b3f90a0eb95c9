# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the network's acronym is an IRI.
# shape: <https://w3id.org/acuerdos/shapes/CivilSocietyNetwork-acronym>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <organisation/rrocm> acu:acronym "RROCM"@es .
} ;
INSERT DATA {
    <organisation/rrocm> acu:acronym <organisation/rrocm> .
}
