# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a theme assignment has no basis.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment-basis>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/DecisionThemeNamedInText-themeAssignment>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/extra-regional-migration> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
INSERT {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:theme <theme/regional/extra-regional-migration> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/extra-regional-migration> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
