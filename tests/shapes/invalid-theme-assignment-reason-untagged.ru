# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the reason has no language tag.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment-reason>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Sending inputs to the other conference is international cooperation."@en .
    ?b1 acu:theme <theme/gcm-objective/23> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
INSERT {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Cooperation." .
    ?b1 acu:reason "Sending inputs to the other conference is international cooperation."@en .
    ?b1 acu:theme <theme/gcm-objective/23> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
WHERE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Sending inputs to the other conference is international cooperation."@en .
    ?b1 acu:theme <theme/gcm-objective/23> .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
}
