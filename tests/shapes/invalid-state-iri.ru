# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a state's IRI is not <state/{alpha-2}>.
# shape: <https://w3id.org/acuerdos/shapes/State>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/State-code-matches-iri>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustAct <state/MX> .
    <meeting/2017-06-08-mexico> acu:participant <state/MX> .
    <place/mexico-city> schema:containedInPlace <state/MX> .
    <state/MX> a acu:State .
    <state/MX> rdfs:label "Mexico"@en .
    <state/MX> rdfs:label "México"@es .
    <state/MX> acu:iso3166Alpha2 "MX" .
    <state/MX> acu:iso3166Alpha3 "MEX" .
    <state/MX> acu:m49 "484" .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:mustAct <state/MEX> .
    <meeting/2017-06-08-mexico> acu:participant <state/MEX> .
    <place/mexico-city> schema:containedInPlace <state/MEX> .
    <state/MEX> a acu:State .
    <state/MEX> rdfs:label "Mexico"@en .
    <state/MEX> rdfs:label "México"@es .
    <state/MEX> acu:iso3166Alpha2 "MX" .
    <state/MEX> acu:iso3166Alpha3 "MEX" .
    <state/MEX> acu:m49 "484" .
}
