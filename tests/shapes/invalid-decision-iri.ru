# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision's IRI has no meeting segment.
# shape: <https://w3id.org/acuerdos/shapes/Decision>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE {
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Sending inputs to the other conference is international cooperation."@en .
    ?b1 acu:theme <theme/gcm-objective/23> .
    ?b2 a acu:ThemeAssignment .
    ?b2 acu:basis <kind/basis/named-in-text> .
    ?b2 acu:theme <theme/regional/extra-regional-migration> .
    ?b3 a oa:SpecificResource .
    ?b3 oa:hasSelector ?b4 .
    ?b3 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-1> a acu:Agreement .
    <decision/2017-06-08-mexico/agreement-1> rdfs:label "Acuerdo 1"@es .
    <decision/2017-06-08-mexico/agreement-1> rdfs:label "Agreement 1"@en .
    <decision/2017-06-08-mexico/agreement-1> acu:addressee <organisation/iom> .
    <decision/2017-06-08-mexico/agreement-1> acu:adoptedAt <meeting/2017-06-08-mexico> .
    <decision/2017-06-08-mexico/agreement-1> acu:dateText "a más tardar el 12 de junio"@es .
    <decision/2017-06-08-mexico/agreement-1> acu:deadline "2017-06-12"^^xsd:date .
    <decision/2017-06-08-mexico/agreement-1> acu:evidence ?b3 .
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <document/2017-06-08-final-act/section-1> .
    <decision/2017-06-08-mexico/agreement-1> acu:mustAct <body/crm/ppt> .
    <decision/2017-06-08-mexico/agreement-1> acu:number "1" .
    <decision/2017-06-08-mexico/agreement-1> acu:position "1"^^xsd:integer .
    <decision/2017-06-08-mexico/agreement-1> acu:recordedIn <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-1> acu:text "Enviar los insumos a más tardar el 12 de junio."@es .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b2 .
    <decision/2017-06-08-mexico/agreement-1> acu:unofficialTranslation "Send the inputs by 12 June at the latest."@en .
    <decision/2017-06-08-mexico/agreement-2-a> acu:consolidates <decision/2017-06-08-mexico/agreement-1> .
    <decision/2017-06-08-mexico/agreement-1> acu:numberEvidence ?n ; acu:evidence ?n .
    ?n a oa:SpecificResource ; oa:hasSource <document/2017-06-08-final-act> ; oa:hasSelector ?nsel .
    <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment <decision/2017-06-08-mexico/agreement-1/action-category> .
    <decision/2017-06-08-mexico/agreement-1/action-category> a acu:ActionCategoryAssignment .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:actionCategory <kind/action-category/specific-action> .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:reason "\"Enviar los insumos a más tardar el 12 de junio.\": a deliverable and a deadline."@en .
}
INSERT {
    <decision/agreement-1> acu:numberEvidence <decision/agreement-1/evidence/2017-06-08-final-act-2> ;
        acu:evidence <decision/agreement-1/evidence/2017-06-08-final-act-2> .
    <decision/agreement-1/evidence/2017-06-08-final-act-2> a oa:SpecificResource ;
        oa:hasSource <document/2017-06-08-final-act> ; oa:hasSelector ?nsel .
    <decision/agreement-1/theme/gcm-objective-23> a acu:ThemeAssignment .
    <decision/agreement-1/theme/gcm-objective-23> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/agreement-1/theme/gcm-objective-23> acu:reason "Sending inputs to the other conference is international cooperation."@en .
    <decision/agreement-1/theme/gcm-objective-23> acu:theme <theme/gcm-objective/23> .
    <decision/agreement-1/theme/regional-extra-regional-migration> a acu:ThemeAssignment .
    <decision/agreement-1/theme/regional-extra-regional-migration> acu:basis <kind/basis/named-in-text> .
    <decision/agreement-1/theme/regional-extra-regional-migration> acu:theme <theme/regional/extra-regional-migration> .
    <decision/agreement-1/evidence/2017-06-08-final-act-1> a oa:SpecificResource .
    <decision/agreement-1/evidence/2017-06-08-final-act-1> oa:hasSelector ?b4 .
    <decision/agreement-1/evidence/2017-06-08-final-act-1> oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-2-a> acu:consolidates <decision/agreement-1> .
    <decision/agreement-1> a acu:Agreement .
    <decision/agreement-1> rdfs:label "Acuerdo 1"@es .
    <decision/agreement-1> rdfs:label "Agreement 1"@en .
    <decision/agreement-1> acu:addressee <organisation/iom> .
    <decision/agreement-1> acu:adoptedAt <meeting/2017-06-08-mexico> .
    <decision/agreement-1> acu:dateText "a más tardar el 12 de junio"@es .
    <decision/agreement-1> acu:deadline "2017-06-12"^^xsd:date .
    <decision/agreement-1> acu:evidence <decision/agreement-1/evidence/2017-06-08-final-act-1> .
    <decision/agreement-1> acu:inSection <document/2017-06-08-final-act/section-1> .
    <decision/agreement-1> acu:mustAct <body/crm/ppt> .
    <decision/agreement-1> acu:number "1" .
    <decision/agreement-1> acu:position "1"^^xsd:integer .
    <decision/agreement-1> acu:recordedIn <document/2017-06-08-final-act> .
    <decision/agreement-1> acu:text "Enviar los insumos a más tardar el 12 de junio."@es .
    <decision/agreement-1> acu:themeAssignment <decision/agreement-1/theme/gcm-objective-23> .
    <decision/agreement-1> acu:themeAssignment <decision/agreement-1/theme/regional-extra-regional-migration> .
    <decision/agreement-1> acu:unofficialTranslation "Send the inputs by 12 June at the latest."@en .
    <decision/agreement-1> acu:actionCategoryAssignment <decision/agreement-1/action-category> .
    <decision/agreement-1/action-category> a acu:ActionCategoryAssignment .
    <decision/agreement-1/action-category> acu:actionCategory <kind/action-category/specific-action> .
    <decision/agreement-1/action-category> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/agreement-1/action-category> acu:reason "\"Enviar los insumos a más tardar el 12 de junio.\": a deliverable and a deadline."@en .
}
WHERE {
    <decision/2017-06-08-mexico/agreement-1> acu:numberEvidence ?n .
    ?n oa:hasSelector ?nsel .
    ?b4 a oa:TextQuoteSelector .
    ?b4 oa:exact "Enviar los insumos a más tardar el 12 de junio." .
    ?b1 a acu:ThemeAssignment .
    ?b1 acu:basis <kind/basis/assigned-by-judgement> .
    ?b1 acu:reason "Sending inputs to the other conference is international cooperation."@en .
    ?b1 acu:theme <theme/gcm-objective/23> .
    ?b2 a acu:ThemeAssignment .
    ?b2 acu:basis <kind/basis/named-in-text> .
    ?b2 acu:theme <theme/regional/extra-regional-migration> .
    ?b3 a oa:SpecificResource .
    ?b3 oa:hasSelector ?b4 .
    ?b3 oa:hasSource <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-1> a acu:Agreement .
    <decision/2017-06-08-mexico/agreement-1> rdfs:label "Acuerdo 1"@es .
    <decision/2017-06-08-mexico/agreement-1> rdfs:label "Agreement 1"@en .
    <decision/2017-06-08-mexico/agreement-1> acu:addressee <organisation/iom> .
    <decision/2017-06-08-mexico/agreement-1> acu:adoptedAt <meeting/2017-06-08-mexico> .
    <decision/2017-06-08-mexico/agreement-1> acu:dateText "a más tardar el 12 de junio"@es .
    <decision/2017-06-08-mexico/agreement-1> acu:deadline "2017-06-12"^^xsd:date .
    <decision/2017-06-08-mexico/agreement-1> acu:evidence ?b3 .
    <decision/2017-06-08-mexico/agreement-1> acu:inSection <document/2017-06-08-final-act/section-1> .
    <decision/2017-06-08-mexico/agreement-1> acu:mustAct <body/crm/ppt> .
    <decision/2017-06-08-mexico/agreement-1> acu:number "1" .
    <decision/2017-06-08-mexico/agreement-1> acu:position "1"^^xsd:integer .
    <decision/2017-06-08-mexico/agreement-1> acu:recordedIn <document/2017-06-08-final-act> .
    <decision/2017-06-08-mexico/agreement-1> acu:text "Enviar los insumos a más tardar el 12 de junio."@es .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b1 .
    <decision/2017-06-08-mexico/agreement-1> acu:themeAssignment ?b2 .
    <decision/2017-06-08-mexico/agreement-1> acu:unofficialTranslation "Send the inputs by 12 June at the latest."@en .
    <decision/2017-06-08-mexico/agreement-2-a> acu:consolidates <decision/2017-06-08-mexico/agreement-1> .
    <decision/2017-06-08-mexico/agreement-1> acu:actionCategoryAssignment <decision/2017-06-08-mexico/agreement-1/action-category> .
    <decision/2017-06-08-mexico/agreement-1/action-category> a acu:ActionCategoryAssignment .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:actionCategory <kind/action-category/specific-action> .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:basis <kind/basis/assigned-by-judgement> .
    <decision/2017-06-08-mexico/agreement-1/action-category> acu:reason "\"Enviar los insumos a más tardar el 12 de junio.\": a deliverable and a deadline."@en .
}
