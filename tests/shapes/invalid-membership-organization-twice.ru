# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership names two organisations.
# shape: <https://w3id.org/acuerdos/shapes/Membership-organization>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

INSERT DATA {
    <membership/crm/ppt/2017-06-08/SV> org:organization <conference/crm> .
}
