# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the sub-item has no theme.
# shape: <https://w3id.org/acuerdos/shapes/Decision-themeAssignment>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionThemeNamedInText-themeAssignment>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:themeAssignment ?b1 .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:themeAssignment ?b1 .
}
