# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: all the themes of a decision are assigned by judgement.
# shape: <https://w3id.org/acuerdos/shapes/DecisionThemeNamedInText-themeAssignment>
# severity: Info

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment ?b1 .
}
INSERT {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Holding a joint meeting is cooperation between the two regions."@en .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment ?b1 .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/named-in-text> .
    ?b1 acu:theme <theme/regional/inter-regional-cooperation> .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment ?b1 .
}
