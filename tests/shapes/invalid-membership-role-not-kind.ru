# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the role is a kind from the meeting scheme, not the role scheme.
# shape: <https://w3id.org/acuerdos/shapes/Membership-role>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> org:role <kind/role/presidency-holder> .
} ;
INSERT DATA {
    <membership/crm/ppt/2017-06-08/SV> org:role <kind/meeting/troika-meeting> .
}
