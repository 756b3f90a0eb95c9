# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a quote's IRI hangs from another resource than the one it backs.
# shape: <https://w3id.org/acuerdos/shapes/Evidence-iri-form>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    <decision/2017-06-08-mexico/agreement-2-a/evidence/2017-06-08-final-act-1> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence <decision/2017-06-08-mexico/agreement-2-a/evidence/2017-06-08-final-act-1> .
}
INSERT {
    <decision/2017-06-08-mexico/agreement-2/evidence/2017-06-08-final-act-9> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2-a> acu:evidence <decision/2017-06-08-mexico/agreement-2/evidence/2017-06-08-final-act-9> .
}
WHERE {
    <decision/2017-06-08-mexico/agreement-2-a/evidence/2017-06-08-final-act-1> ?p ?o .
}
