# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the place's IRI has capitals.
# shape: <https://w3id.org/acuerdos/shapes/Place>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <meeting/2017-06-08-mexico> schema:location <place/mexico-city> .
    <place/mexico-city> a schema:Place .
    <place/mexico-city> rdfs:label "Ciudad de México"@es .
    <place/mexico-city> rdfs:label "Mexico City"@en .
    <place/mexico-city> schema:containedInPlace <state/MX> .
} ;
INSERT DATA {
    <meeting/2017-06-08-mexico> schema:location <place/Mexico-City> .
    <place/Mexico-City> a schema:Place .
    <place/Mexico-City> rdfs:label "Ciudad de México"@es .
    <place/Mexico-City> rdfs:label "Mexico City"@en .
    <place/Mexico-City> schema:containedInPlace <state/MX> .
}
