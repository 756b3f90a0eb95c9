# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership date is an xsd:dateTime.
# shape: <https://w3id.org/acuerdos/shapes/Membership-asOf>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> acu:asOf "2017-06-08"^^xsd:date .
} ;
INSERT DATA {
    <membership/crm/ppt/2017-06-08/SV> acu:asOf "2017-06-08T10:00:00"^^xsd:dateTime .
}
