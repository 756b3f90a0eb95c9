# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership's member is an IRI that is not described.
# shape: <https://w3id.org/acuerdos/shapes/Membership-member>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX org: <http://www.w3.org/ns/org#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> org:member <state/SV> .
} ;
INSERT DATA {
    <membership/crm/ppt/2017-06-08/SV> org:member <state/SL> .
}
