# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the theme IRI is misspelt.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment-theme>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/ThemeAssignment-iri-form>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
}
INSERT {
    ?b1 acu:theme <theme/regional/interregional-cooperation> .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment ?b1 .
}
