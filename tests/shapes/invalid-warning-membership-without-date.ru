# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership says neither as of when nor its span.
# shape: <https://w3id.org/acuerdos/shapes/MembershipDate>
# severity: Warning

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> acu:asOf "2017-06-08"^^xsd:date .
}
