# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a theme assignment has no type acu:ThemeAssignment.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment>
# severity: Violation
# also: <https://w3id.org/acuerdos/shapes/Typed>

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:ThemeAssignment .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment ?b1 .
}
