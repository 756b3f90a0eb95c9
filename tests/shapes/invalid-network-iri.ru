# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the network's IRI is under network/ instead of organisation/.
# shape: <https://w3id.org/acuerdos/shapes/CivilSocietyNetwork>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE DATA {
    <organisation/rrocm> a acu:CivilSocietyNetwork .
    <organisation/rrocm> rdfs:label "Red Regional de Organizaciones Civiles para las Migraciones"@es .
    <organisation/rrocm> rdfs:label "Regional Network of Civil Organizations for Migration"@en .
    <organisation/rrocm> acu:acronym "RROCM"@es .
} ;
INSERT DATA {
    <network/rrocm> a acu:CivilSocietyNetwork .
    <network/rrocm> rdfs:label "Red Regional de Organizaciones Civiles para las Migraciones"@es .
    <network/rrocm> rdfs:label "Regional Network of Civil Organizations for Migration"@en .
    <network/rrocm> acu:acronym "RROCM"@es .
}
