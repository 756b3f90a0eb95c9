# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the source file is given with its folder.
# shape: <https://w3id.org/acuerdos/shapes/SourceDocument-sourceFile>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <document/2017-06-08-final-act> acu:sourceFile "001_eee5ef25a9d85a71.txt" .
} ;
INSERT DATA {
    <document/2017-06-08-final-act> acu:sourceFile "data/sources/001_eee5ef25a9d85a71.txt" .
}
