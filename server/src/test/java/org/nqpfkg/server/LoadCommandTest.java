package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kg load, validate and query against a real TDB2 store in a temporary folder. */
class LoadCommandTest {
    @TempDir Path dir;

    static final String GOOD = """
            @prefix nqpf: <https://w3id.org/nqpf-kg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <https://w3id.org/nqpf-kg/id/theory/ren-li-zi-ben-li-lun> a nqpf:Theory ; rdfs:label "人力资本理论"@zh .
            """;

    Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    String store() { return dir.resolve("store").toString(); }

    @Test
    void loadsAGoodFileIntoANamedGraphOfItsOwnAndQueriesIt() throws Exception {
        Path good = write("theory.ttl", GOOD);
        TestSupport.Run run = TestSupport.kg("load", "--store", store(), good.toString());
        assertEquals(0, run.exit(), run.err());
        TestSupport.Run q = TestSupport.kg("query", "--store", store(), "--format", "csv",
                "SELECT ?g ?l WHERE { GRAPH ?g { ?t a nqpf:Theory ; rdfs:label ?l } }");
        assertEquals(0, q.exit(), q.err());
        assertTrue(q.out().contains("https://w3id.org/nqpf-kg/graph/file/theory-ttl,人力资本理论"), q.out());
        assertEquals(0, TestSupport.kg("validate", "--store", store()).exit());
    }

    @Test
    void aFileThatFailsShaclIsRefusedAndTheStoreIsUnchanged() throws Exception {
        TestSupport.kg("load", "--store", store(), write("theory.ttl", GOOD).toString());
        List<String> before = TestSupport.quads(Path.of(store()));
        Path good2 = write("another.ttl", GOOD.replace("ren-li-zi-ben", "chuang-xin"));
        Path bad = write("bad.ttl", """
                @prefix nqpf: <https://w3id.org/nqpf-kg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/nqpf-kg/id/mechanism/x> a nqpf:Mechanism ; rdfs:label "x"@en .
                """);
        TestSupport.Run run = TestSupport.kg("load", "--store", store(), good2.toString(), bad.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("bad.ttl") && run.err().contains("fails SHACL validation"), run.err());
        assertTrue(run.err().contains("Mechanism must have exactly one nqpf:level"), run.err());
        assertEquals(before, TestSupport.quads(Path.of(store())), "all or nothing: the good file was not loaded either");
    }

    @Test
    void aFileThatDoesNotParseIsRefusedAndTheStoreIsUnchanged() throws Exception {
        TestSupport.kg("load", "--store", store(), write("theory.ttl", GOOD).toString());
        List<String> before = TestSupport.quads(Path.of(store()));
        Path broken = write("broken.ttl", "<urn:a> <urn:b> .");
        TestSupport.Run run = TestSupport.kg("load", "--store", store(), broken.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("broken.ttl") && run.err().contains("does not parse"), run.err());
        assertEquals(before, TestSupport.quads(Path.of(store())));
    }

    @Test
    void reloadingAFileReplacesItsGraph() throws Exception {
        Path file = write("theory.ttl", GOOD);
        TestSupport.kg("load", "--store", store(), file.toString());
        List<String> once = TestSupport.quads(Path.of(store()));
        TestSupport.kg("load", "--store", store(), file.toString());
        assertEquals(once, TestSupport.quads(Path.of(store())));
    }

    @Test
    void validateExitsOneOnViolations() throws Exception {
        // A violation can enter only around the gate, e.g. by SPARQL Update; simulate that by writing TDB2 directly.
        TestSupport.kg("load", "--store", store(), write("theory.ttl", GOOD).toString());
        var dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(store());
        org.apache.jena.system.Txn.executeWrite(dsg, () -> org.apache.jena.sparql.exec.UpdateExec.dataset(dsg).update("""
                PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#>
                INSERT DATA { GRAPH <urn:test:g> { <urn:test:m> a nqpf:Mechanism } }""").execute());
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        TestSupport.Run run = TestSupport.kg("validate", "--store", store());
        assertEquals(1, run.exit());
    }

    @Test
    void readingVerbsRefuseAStoreThatDoesNotExist() {
        TestSupport.Run run = TestSupport.kg("query", "--store", dir.resolve("nowhere").toString(), "ASK {}");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("no store at"), run.err());
        assertNotEquals(0, TestSupport.kg("validate", "--store", dir.resolve("nowhere").toString()).exit());
        assertFalse(java.nio.file.Files.exists(dir.resolve("nowhere")), "nothing was created");
    }

    @Test
    void queryReportsAParseErrorPlainly() throws Exception {
        assertEquals(0, TestSupport.kg("load", "--store", store(), write("theory.ttl", GOOD).toString()).exit());
        TestSupport.Run run = TestSupport.kg("query", "--store", store(), "SELECT WHERE {");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("does not parse") && run.err().contains("line 1"), run.err());
    }

    @Test
    void dryRunPrintsTrigAndLeavesTheStoreAlone() throws Exception {
        TestSupport.kg("load", "--store", store(), write("theory.ttl", GOOD).toString());
        List<String> before = TestSupport.quads(Path.of(store()));
        TestSupport.Run run = TestSupport.kg("load", "--store", store(), "--dry-run", "--report", "../seeds");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("<https://w3id.org/nqpf-kg/graph/document/ai-new-quality-productive-forces>"), "TriG names the graph");
        assertTrue(run.out().contains("candidate terms seen but not typed"), "--report lists candidates");
        assertEquals(before, TestSupport.quads(Path.of(store())));
    }

    @Test
    void ontologyGraphsAreReloadedWhenTheirFilesChange() throws Exception {
        Path onto = Files.createDirectories(dir.resolve("ontology"));
        for (String f : List.of("nqpf.ttl", "vocabulary.ttl", "shapes.ttl", "context.jsonld"))
            Files.write(onto.resolve(f), org.nqpfkg.loader.OntologyFiles.bundled().bytes(f));
        assertEquals(0, TestSupport.kg("load", "--store", store(), "--ontology", onto.toString(), write("theory.ttl", GOOD).toString()).exit());
        String ask = "SELECT ?l WHERE { GRAPH <https://w3id.org/nqpf-kg/graph/vocabulary> { <urn:test:term> rdfs:label ?l } }";
        TestSupport.Run first = TestSupport.kg("query", "--store", store(), "--ontology", onto.toString(), "--format", "csv", ask);
        assertFalse(first.out().contains("added"), first.out());
        Files.writeString(onto.resolve("vocabulary.ttl"), "\n<urn:test:term> <http://www.w3.org/2000/01/rdf-schema#label> \"added\" .\n",
                java.nio.file.StandardOpenOption.APPEND);
        TestSupport.Run second = TestSupport.kg("query", "--store", store(), "--ontology", onto.toString(), "--format", "csv", ask);
        assertTrue(second.out().contains("added"), "the changed vocabulary was reloaded: " + second.out());
    }
}
