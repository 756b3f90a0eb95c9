# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a theme assignment is a blank node, which nobody can cite.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment-iri>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment <decision/2017-06-08-mexico/agreement-2/theme/regional-inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2/theme/regional-inter-regional-cooperation> a acu:ThemeAssignment ;
        acu:theme <theme/regional/inter-regional-cooperation> ; acu:basis <kind/basis/named-in-text> .
} ;
INSERT DATA {
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment _:b1 .
    _:b1 a acu:ThemeAssignment ; acu:theme <theme/regional/inter-regional-cooperation> ; acu:basis <kind/basis/named-in-text> .
}
