# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the attestation date is a plain string.
# shape: <https://w3id.org/acuerdos/shapes/ConferenceBody-attestedOn>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <body/crm/ppt> acu:attestedOn "2017-06-08"^^xsd:date .
} ;
INSERT DATA {
    <body/crm/ppt> acu:attestedOn "8 de junio de 2017" .
}
