# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the place has a third label without a language tag.
# shape: <https://w3id.org/acuerdos/shapes/Labelled-label-tagged>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

INSERT DATA {
    <place/mexico-city> rdfs:label "CDMX" .
}
