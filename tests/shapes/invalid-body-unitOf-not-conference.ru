# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the body is a unit of a state.
# shape: <https://w3id.org/acuerdos/shapes/ConferenceBody-unitOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

DELETE DATA {
    <body/crm/ppt> org:unitOf <conference/crm> .
} ;
INSERT DATA {
    <body/crm/ppt> org:unitOf <state/SV> .
}
