# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the person's IRI is not <person/{slug}>.
# shape: <https://w3id.org/acuerdos/shapes/Person>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE {
    ?b1 acu:signer <person/ana-ejemplo> .
    <meeting/2017-06-08-mexico/agenda-1> acu:moderator <person/ana-ejemplo> .
    <person/ana-ejemplo> a foaf:Person .
    <person/ana-ejemplo> rdfs:label "Ana Ejemplo"@es .
    <person/ana-ejemplo> rdfs:label "Ana Ejemplo"@en .
    <person/ana-ejemplo> foaf:name "Ana Ejemplo" .
    <person/ana-ejemplo> acu:represents <body/crm/ppt> .
    <person/ana-ejemplo> acu:represents <state/SV> .
    <person/ana-ejemplo> acu:roleText "Viceministra"@es .
}
INSERT {
    ?b1 acu:signer <people/ana-ejemplo> .
    <meeting/2017-06-08-mexico/agenda-1> acu:moderator <people/ana-ejemplo> .
    <people/ana-ejemplo> a foaf:Person .
    <people/ana-ejemplo> rdfs:label "Ana Ejemplo"@en .
    <people/ana-ejemplo> rdfs:label "Ana Ejemplo"@es .
    <people/ana-ejemplo> foaf:name "Ana Ejemplo" .
    <people/ana-ejemplo> acu:represents <body/crm/ppt> .
    <people/ana-ejemplo> acu:represents <state/SV> .
    <people/ana-ejemplo> acu:roleText "Viceministra"@es .
}
WHERE {
    ?b1 a acu:Signature .
    ?b1 acu:onBehalfOf <body/crm/ppt> .
    ?b1 acu:signer <person/ana-ejemplo> .
    <document/2017-06-08-final-act> acu:signature ?b1 .
    <meeting/2017-06-08-mexico/agenda-1> acu:moderator <person/ana-ejemplo> .
    <person/ana-ejemplo> a foaf:Person .
    <person/ana-ejemplo> rdfs:label "Ana Ejemplo"@es .
    <person/ana-ejemplo> rdfs:label "Ana Ejemplo"@en .
    <person/ana-ejemplo> foaf:name "Ana Ejemplo" .
    <person/ana-ejemplo> acu:represents <body/crm/ppt> .
    <person/ana-ejemplo> acu:represents <state/SV> .
    <person/ana-ejemplo> acu:roleText "Viceministra"@es .
}
