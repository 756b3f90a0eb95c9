# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a follow-up's IRI is not derived from the two resources it links.
# shape: <https://w3id.org/acuerdos/shapes/FollowUp-iri-form>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> .
}
INSERT {
    <decision/2017-06-08-mexico/agreement-2/follow-up/1> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2> acu:followUp <decision/2017-06-08-mexico/agreement-2/follow-up/1> .
}
WHERE {
    <decision/2017-06-08-mexico/agreement-2/follow-up/meeting/2017-09-brussels> ?p ?o .
}
