# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the conference has no acronym.
# shape: <https://w3id.org/acuerdos/shapes/Conference-acronym>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <conference/crm> acu:acronym "CRM"@es .
    <conference/crm> acu:acronym "RCM"@en .
}
