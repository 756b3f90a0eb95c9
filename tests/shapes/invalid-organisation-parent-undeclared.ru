# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the office is part of an organisation that is not described.
# shape: <https://w3id.org/acuerdos/shapes/InternationalOrganisation-subOrganizationOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

DELETE DATA {
    <organisation/iom-ro-san-jose> org:subOrganizationOf <organisation/iom> .
} ;
INSERT DATA {
    <organisation/iom-ro-san-jose> org:subOrganizationOf <organisation/ion> .
}
