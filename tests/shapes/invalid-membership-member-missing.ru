# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership has no member.
# shape: <https://w3id.org/acuerdos/shapes/Membership-member>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> org:member <state/SV> .
}
