# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the state has two Spanish labels.
# shape: <https://w3id.org/acuerdos/shapes/Labelled-label-es>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT DATA {
    <state/MX> rdfs:label "Estados Unidos Mexicanos"@es .
}
