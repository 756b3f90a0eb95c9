# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the membership has no English label.
# shape: <https://w3id.org/acuerdos/shapes/Labelled-label-en>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE DATA {
    <membership/crm/ppt/2017-06-08/SV> rdfs:label "El Salvador, holder of the RCM PPT"@en .
}
