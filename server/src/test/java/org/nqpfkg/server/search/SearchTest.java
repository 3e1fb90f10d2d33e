package org.nqpfkg.server.search;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.TestSupport;
import org.nqpfkg.server.sparql.SparqlServer;
import org.nqpfkg.server.store.KnowledgeStore;

/** Full-text search in Chinese over the seed's sentences, on a real TDB2 store with its Lucene index. */
class SearchTest {
    static final Path SEEDS = Path.of("../seeds");
    static final String SEED_TEXT = "ai-new-quality-productive-forces.txt";
    static final String SLUG = "ai-new-quality-productive-forces";
    static final String PREFIXES = Vocab.PREFIXES + "PREFIX text: <http://jena.apache.org/text#>\n";

    @TempDir static Path dir;
    static KnowledgeStore store;
    static SentenceSearch search;

    @TempDir Path own;

    @BeforeAll
    static void load() {
        Path storeDir = dir.resolve("store");
        TestSupport.Run run = TestSupport.kg("load", "--store", storeDir.toString(), SEEDS.toString());
        assertEquals(0, run.exit(), run.err());
        store = KnowledgeStore.open(storeDir, OntologyFiles.bundled());
        search = new SentenceSearch(store);
    }

    @AfterAll
    static void close() {
        if (store != null) store.close();
    }

    // ---- helpers

    static List<String> column(DatasetGraph dsg, String query, String var, Object... substitutions) {
        return Txn.calculateRead(dsg, () -> {
            var b = QueryExec.dataset(dsg).query(PREFIXES + query);
            for (int i = 0; i < substitutions.length; i += 2) {
                Object v = substitutions[i + 1];
                b = b.substitution((String) substitutions[i], v instanceof Node n ? n : NodeFactory.createLiteralString(v.toString()));
            }
            List<String> out = new ArrayList<>();
            b.select().forEachRemaining(row -> {
                Node n = row.get(var);
                out.add(n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
            });
            return out;
        });
    }

    /** IRIs of the sentences whose text contains {@code s}, by plain string matching. */
    static Set<String> sentencesContaining(DatasetGraph dsg, String s) {
        return new HashSet<>(column(dsg, "SELECT ?s WHERE { ?s a nqpf:Sentence ; nif:anchorOf ?t FILTER(CONTAINS(?t, ?x)) }", "s", "x", s));
    }

    static long anchorQuads(DatasetGraph dsg) {
        // Evidence quotes and mentions are not indexed (they are parts of sentences).
        return Long.parseLong(column(dsg, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s nif:anchorOf ?t "
                + "FILTER(!CONTAINS(STR(?s), '/evidence/') && !CONTAINS(STR(?s), '/mention/')) } }", "n").get(0));
    }

    static String documentText(String slug) {
        return column(store.datasetGraph(), "SELECT ?t WHERE { ?d nqpf:slug ?slug ; nif:isString ?t }", "t", "slug", slug).get(0);
    }

    static String unmark(String snippet) {
        return snippet.replace("<mark>", "").replace("</mark>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static Path copyOfSeed(Path folder, String from, String to) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path f : files.toList()) Files.copy(f, folder.resolve(f.getFileName()));
        }
        if (from != null) {
            Path text = folder.resolve(SEED_TEXT);
            String fuzzy = String.join("\\s*", from.codePoints().mapToObj(c -> Pattern.quote(Character.toString(c))).toList());
            Matcher m = Pattern.compile(fuzzy).matcher(Files.readString(text, StandardCharsets.UTF_8));
            assertTrue(m.find(), "the seed contains " + from);
            Files.writeString(text, m.replaceAll(Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
        }
        return folder;
    }

    // ---- tests

    @ParameterizedTest
    @ValueSource(strings = {"能力整合", "灯塔工厂", "人工智能"})
    void findsTheSentencesThatContainTheTermBestFirst(String term) {
        SentenceSearch.SearchResult r = search.search(term, 100, 0);
        Set<String> expected = sentencesContaining(store.datasetGraph(), term);
        assertFalse(expected.isEmpty(), "the seed has sentences with " + term);
        assertEquals(expected.size(), r.total(), "every sentence with the term, and no other");
        assertEquals(Math.min(expected.size(), 100), r.hits().size());
        String doc = documentText(SLUG);
        double previous = Double.MAX_VALUE;
        for (SentenceSearch.Hit h : r.hits()) {
            assertTrue(h.text().contains(term), h.text());
            assertTrue(expected.contains(h.sentenceIri()), h.sentenceIri());
            assertTrue(h.score() <= previous, "ranked by score");
            previous = h.score();
            assertEquals(SLUG, h.documentId());
            assertTrue(h.sentenceId().matches("sentence/\\d+") && h.sentenceIri().endsWith("/" + h.sentenceId()), h.sentenceId());
            assertTrue(h.start() >= 0 && h.end() > h.start(), h.start() + ".." + h.end());
            String atOffsets = doc.substring(doc.offsetByCodePoints(0, h.start()), doc.offsetByCodePoints(0, h.end()));
            assertEquals(atOffsets, h.text(), "start/end are code-point offsets into the document text");
            assertTrue(h.snippet().contains("<mark>"), h.snippet());
            assertEquals(h.text(), unmark(h.snippet()));
            assertNotNull(h.sectionTitle(), "seed sentences sit in sections");
        }
    }

    @Test
    void marksTheWholeTermAndListsWhatTheSentenceMentions() {
        SentenceSearch.Hit h = search.search("灯塔工厂", 10, 0).hits().get(0);
        assertTrue(h.snippet().contains("<mark>灯塔工厂</mark>"), h.snippet());
        assertFalse(h.mentions().isEmpty(), "the sentence names companies");
        for (SentenceSearch.Mention m : h.mentions()) {
            assertTrue(m.iri().startsWith(Vocab.ID) && m.iri().endsWith(m.id()), m.toString());
            assertNotNull(m.label(), m.toString());
            assertNotNull(m.type(), m.toString());
        }
        assertTrue(h.mentions().stream().anyMatch(m -> m.label().equals("海尔集团") && m.type().equals("Organization")), h.mentions().toString());

        SentenceSearch.Hit mechanism = search.search("能力整合", 10, 0).hits().stream()
                .filter(x -> x.mentions().stream().anyMatch(m -> m.id().equals("mechanism/neng-li-zheng-he-ji-zhi"))).findFirst().orElseThrow();
        assertEquals("能力整合机制", mechanism.mentions().stream().filter(m -> m.id().equals("mechanism/neng-li-zheng-he-ji-zhi"))
                .findFirst().orElseThrow().label(), "the Chinese label is preferred");
    }

    @Test
    void aTermMatchesAsAWholeNotWordByWord() {
        DatasetGraph dsg = store.datasetGraph();
        Set<String> term = sentencesContaining(dsg, "能力整合");
        Set<String> onlyOneWord = new HashSet<>(sentencesContaining(dsg, "能力"));
        onlyOneWord.addAll(sentencesContaining(dsg, "整合"));
        onlyOneWord.removeAll(term);
        assertFalse(onlyOneWord.isEmpty(), "the seed has sentences with 能力 or 整合 but not 能力整合");
        Set<String> found = new HashSet<>();
        search.search("能力整合", 100, 0).hits().forEach(h -> found.add(h.sentenceIri()));
        assertEquals(term, found);
        found.retainAll(onlyOneWord);
        assertEquals(Set.of(), found);

        // Two terms must both occur.
        for (SentenceSearch.Hit h : search.search("能力整合 培训", 100, 0).hits())
            assertTrue(h.text().contains("能力整合") && h.text().contains("培训"), h.text());
        assertTrue(search.search("能力整合\u3000培训", 100, 0).total() > 0, "an ideographic space separates terms too");
    }

    @Test
    void pagesAreSlicesOfOneRanking() {
        SentenceSearch.SearchResult all = search.search("人工智能", 100, 0);
        assertTrue(all.total() > 100, "enough hits to page: " + all.total());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 100; offset += 30) {
            SentenceSearch.SearchResult page = search.search("人工智能", Math.min(30, 100 - offset), offset);
            assertEquals(all.total(), page.total());
            page.hits().forEach(h -> paged.add(h.sentenceIri()));
        }
        assertEquals(all.hits().stream().map(SentenceSearch.Hit::sentenceIri).toList(), paged);
        assertEquals(List.of(), search.search("人工智能", 10, (int) all.total()).hits());
    }

    @Test
    void luceneSyntaxInTheQueryIsText() {
        long sentences = Long.parseLong(column(store.datasetGraph(), "SELECT (COUNT(?s) AS ?n) WHERE { ?s a nqpf:Sentence }", "n").get(0));
        for (String q : List.of("能力\" OR *:*", "(", "\\", "*:*", "*", "能力)", "text:能力", "uri:*", "能力~2", "能力^10 OR 整合", "[a TO z]", "\"\"", "&&", "-能力", "能力 NOT 整合")) {
            SentenceSearch.SearchResult r = assertDoesNotThrow(() -> search.search(q, 100, 0), q);
            assertTrue(r.total() < sentences, q + " returned " + r.total() + " of " + sentences);
            assertTrue(r.total() <= sentencesContaining(store.datasetGraph(), "能力").size() || !q.contains("能力"), q);
        }
        assertEquals(0, search.search("能力\" OR *:*", 100, 0).total(), "the quote and OR are words to find, not syntax");
        assertTrue(search.search("能力)", 100, 0).total() > 0, "punctuation next to a word does not hide it");
    }

    @Test
    void emptyBlankAndOverlongQueriesAreRefused() {
        for (String q : new String[] {null, "", "   ", "\u3000\t\n"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search.search(q, 10, 0), String.valueOf(q));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search.search("能".repeat(201), 10, 0));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertDoesNotThrow(() -> search.search("能".repeat(200), 10, 0));
        assertThrows(IllegalArgumentException.class, () -> search.search("能力", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> search.search("能力", 10, -1));
    }

    @Test
    void textQueryWorksInSparqlOverTheStoresDataset() {
        DatasetGraph dsg = store.datasetGraph();
        Node q = NodeFactory.createLiteralString("\"灯塔工厂\"");
        assertEquals(List.of("1"), column(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s text:query (nif:anchorOf ?q) . ?s a nqpf:Sentence }", "n", "q", q));
        String graph = column(dsg, "SELECT ?g WHERE { GRAPH ?g { ?d a nqpf:Document } }", "g").get(0);
        Node g = NodeFactory.createURI(graph);
        assertEquals(List.of("1"), column(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s text:query (nif:anchorOf ?q) . ?s a nqpf:Sentence } }", "n", "q", q, "g", g),
                "inside the document's graph");
        assertEquals(List.of("0"), column(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s text:query (nif:anchorOf ?q) } }", "n", "q", q, "g", NodeFactory.createURI(Vocab.ONTOLOGY_GRAPH)),
                "the graph field limits a GRAPH query to that graph");
        assertEquals(List.of("0"), column(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s text:query (nif:anchorOf ?q) } }", "n", "q", q, "g", NodeFactory.createURI("urn:test:none")));
    }

    @Test
    void textQueryWorksOverTheSparqlEndpoint() throws Exception {
        SparqlServer server = SparqlServer.builder(store).port(TestSupport.freePort()).build().start();
        try {
            HttpResponse<String> r = TestSupport.get(TestSupport.sparqlGet(server.port(), PREFIXES
                    + "SELECT ?s ?score WHERE { (?s ?score) text:query (nif:anchorOf '\"灯塔工厂\"') . ?s a nqpf:Sentence }"), "Accept", "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("/sentence/"), r.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void aReadThatFailsDoesNotUndoAConcurrentWritersIndexChanges() throws Exception {
        // Txn.execute*, and Fuseki on a failed or timed-out query, abort a read transaction when it throws.
        try (KnowledgeStore s = KnowledgeStore.open(own.resolve("store"), OntologyFiles.bundled())) {
            DatasetGraph dsg = s.datasetGraph();
            CountDownLatch added = new CountDownLatch(1);
            CountDownLatch readerDone = new CountDownLatch(1);
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    dsg.begin(ReadWrite.WRITE);
                    dsg.add(NodeFactory.createURI("urn:test:g"), NodeFactory.createURI("urn:test:s"), TextIndex.ANCHOR_OF,
                            NodeFactory.createLiteralString("同时写入的灯塔工厂。"));
                    added.countDown();
                    readerDone.await();
                    dsg.commit();
                } catch (Throwable t) {
                    writerFailure.set(t);
                    added.countDown();
                } finally {
                    dsg.end();
                }
            });
            writer.start();
            assertTrue(added.await(30, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> Txn.executeRead(dsg, () -> { throw new IllegalStateException("a failed query"); }));
            readerDone.countDown();
            writer.join(30_000);
            assertNull(writerFailure.get(), () -> "the write failed: " + writerFailure.get());
            assertEquals(List.of("urn:test:s"), column(dsg, "SELECT ?s WHERE { ?s text:query (nif:anchorOf '\"灯塔工厂\"') }", "s"));
            assertEquals(anchorQuads(dsg), s.textIndex().size());
        }
    }

    @Test
    void graphStoreWritesThroughTheEndpointAreIndexed() throws Exception {
        try (KnowledgeStore s = KnowledgeStore.open(own.resolve("store"), OntologyFiles.bundled())) {
            SparqlServer server = SparqlServer.builder(s).port(TestSupport.freePort()).adminPassword("s3cret").build().start();
            try {
                String url = "http://127.0.0.1:" + server.port() + "/kg/data?graph=urn:test:g";
                assertEquals(201, put(url, "<urn:test:s> <" + Vocab.NIF + "anchorOf> \"这是一家灯塔工厂。\" ."), "created");
                assertEquals(List.of("urn:test:s"), column(s.datasetGraph(), "SELECT ?s WHERE { ?s text:query (nif:anchorOf '\"灯塔工厂\"') }", "s"));
                assertEquals(200, put(url, "<urn:test:s> <" + Vocab.NIF + "anchorOf> \"这是一家农场。\" ."), "replaced");
                assertEquals(List.of(), column(s.datasetGraph(), "SELECT ?s WHERE { ?s text:query (nif:anchorOf '\"灯塔工厂\"') }", "s"));
                assertEquals(List.of("urn:test:s"), column(s.datasetGraph(), "SELECT ?s WHERE { ?s text:query (nif:anchorOf '\"农场\"') }", "s"));
                assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().size());
            } finally {
                server.stop();
            }
        }
    }

    static int put(String url, String turtle) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "text/turtle")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(turtle, StandardCharsets.UTF_8)).build();
        return TestSupport.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /**
     * Index entries and nif:anchorOf quads of a closed store, read without opening a KnowledgeStore
     * (whose open would rebuild an index that is out of step and hide the fault).
     */
    record IndexState(long entries, long anchorQuads) {}

    static IndexState state(Path storeDir) throws IOException {
        long entries;
        try (var directory = FSDirectory.open(storeDir.resolve(TextIndex.FOLDER)); var reader = DirectoryReader.open(directory)) {
            entries = reader.numDocs();
        }
        DatasetGraph tdb2 = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        try {
            return new IndexState(entries, anchorQuads(tdb2));
        } finally {
            TDBInternal.expel(tdb2);
        }
    }

    /** Rows of a text:query for the term over sentences, without DISTINCT (a duplicate entry would show). */
    static long rowsWith(Path storeDir, String term) {
        try (KnowledgeStore s = KnowledgeStore.open(storeDir, OntologyFiles.bundled())) {
            assertEquals(0, s.textIndex().rebuiltAtOpen(), "the index was kept in step with the store, not rebuilt");
            long rows = column(s.datasetGraph(), "SELECT ?s WHERE { ?s text:query (nif:anchorOf ?q) . ?s a nqpf:Sentence }", "s",
                    "q", "\"" + term + "\"").size();
            assertEquals(rows, new SentenceSearch(s).search(term, 10, 0).total());
            return rows;
        }
    }

    @Test
    void reloadingTheSameDocumentGivesTheSameHits() throws Exception {
        Path storeDir = own.resolve("store");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir.toString(), SEEDS.toString()).exit());
        IndexState once = state(storeDir);
        assertEquals(once.anchorQuads(), once.entries(), "one index entry per indexed nif:anchorOf triple");
        long hits = rowsWith(storeDir, "人工智能");
        assertTrue(hits > 0);
        // Named, not found in a folder: a folder load would skip the document, stored unchanged.
        TestSupport.Run reload = TestSupport.kg("load", "--store", storeDir.toString(), "--replace", SEEDS.resolve("ai-new-quality-productive-forces.txt").toString());
        assertEquals(0, reload.exit(), reload.err());
        assertTrue(reload.out().startsWith("loaded ai-new-quality-productive-forces.txt"), reload.out());
        assertEquals(once, state(storeDir), "a reload leaves as many entries as before: no duplicates, no stale ones");
        assertEquals(hits, rowsWith(storeDir, "人工智能"));
    }

    @Test
    void replacingADocumentLeavesNoStaleEntries() throws Exception {
        Path storeDir = own.resolve("store");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir.toString(), copyOfSeed(own.resolve("v1"), null, null).toString()).exit());
        assertEquals(1, rowsWith(storeDir, "灯塔工厂"));
        TestSupport.Run run = TestSupport.kg("load", "--store", storeDir.toString(), "--replace", copyOfSeed(own.resolve("v2"), "灯塔工厂", "灯塔农场").toString());
        assertEquals(0, run.exit(), run.err());
        IndexState after = state(storeDir);
        assertEquals(after.anchorQuads(), after.entries(), "the replaced graph's entries were deleted with it");
        assertEquals(0, rowsWith(storeDir, "灯塔工厂"), "the old sentence left the index with its graph");
        assertEquals(1, rowsWith(storeDir, "灯塔农场"));
    }

    @Test
    void indexChangesCommitAndAbortWithTheStoreTransaction() {
        Path storeDir = own.resolve("store");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir.toString(), SEEDS.toString()).exit());
        try (KnowledgeStore s = KnowledgeStore.open(storeDir, OntologyFiles.bundled())) {
            DatasetGraph dsg = s.datasetGraph();
            SentenceSearch ss = new SentenceSearch(s);
            Node graph = NodeFactory.createURI(column(dsg, "SELECT ?g WHERE { GRAPH ?g { ?d a nqpf:Document } }", "g").get(0));

            // An aborted removal changes nothing.
            dsg.begin(ReadWrite.WRITE);
            dsg.removeGraph(graph);
            dsg.abort();
            dsg.end();
            assertEquals(1, ss.search("灯塔工厂", 10, 0).total());
            assertEquals(anchorQuads(dsg), s.textIndex().size());

            // SPARQL Update through the dataset is indexed, and so is its undoing.
            String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> a nqpf:Sentence ; nif:anchorOf \"又一家灯塔工厂。\" } }";
            Txn.executeWrite(dsg, () -> UpdateExec.dataset(dsg).update(PREFIXES + insert).execute());
            assertEquals(2, ss.search("灯塔工厂", 10, 0).total());
            Txn.executeWrite(dsg, () -> UpdateExec.dataset(dsg).update(PREFIXES + insert.replace("INSERT DATA", "DELETE DATA")).execute());
            assertEquals(1, ss.search("灯塔工厂", 10, 0).total());

            // A committed removal of the document's graph takes all its entries with it.
            Txn.executeWrite(dsg, () -> dsg.removeGraph(graph));
            assertEquals(0, ss.search("人工智能", 10, 0).total());
            assertEquals(0, anchorQuads(dsg));
            assertEquals(0, s.textIndex().size(), "no stale entries");
        }
    }

    @Test
    void aLoadTheGateRefusesLeavesNoIndexEntries() throws Exception {
        // A load's sentences are indexed on a thread of their own while its quads are written: a refused unit
        // must still take the other units' entries back with the transaction.
        Path good = Files.writeString(own.resolve("good.txt"), "晨光评论:渔港的新变化\n\n渔港里的冷链仓库用上了智能分拣线。\n");
        Path bad = Files.writeString(own.resolve("bad.ttl"), """
                @prefix nqpf: <https://w3id.org/nqpf-kg/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/nqpf-kg/id/mechanism/x> a nqpf:Mechanism ; rdfs:label "x"@en .
                """);
        try (KnowledgeStore s = KnowledgeStore.open(own.resolve("store"), OntologyFiles.bundled())) {
            var load = new org.nqpfkg.server.store.SourceLoad(org.nqpfkg.loader.LoadOptions.defaults(), new java.io.PrintWriter(java.io.Writer.nullWriter()));
            long entries = s.textIndex().size();
            var refused = load.read(List.of(good, bad));
            assertThrows(org.nqpfkg.loader.LoadException.class, () -> s.replace(refused));
            assertEquals(entries, s.textIndex().size(), "no entry of the refused load");
            assertEquals(0, new SentenceSearch(s).search("冷链仓库", 10, 0).total());

            s.replace(load.read(List.of(good)));
            assertEquals(1, new SentenceSearch(s).search("冷链仓库", 10, 0).total(), "the index still takes a good load");
            assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().size());
        }
    }

    @Test
    void aMissingIndexIsRebuiltFromTheStoreAtOpen() throws Exception {
        Path storeDir = own.resolve("store");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir.toString(), SEEDS.toString()).exit());
        long before = rowsWith(storeDir, "人工智能");
        Path index = storeDir.resolve(TextIndex.FOLDER);
        assertTrue(Files.isDirectory(index), "the index lives in the store folder");
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        try (KnowledgeStore s = KnowledgeStore.open(storeDir, OntologyFiles.bundled())) {
            assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().rebuiltAtOpen());
            assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().size());
            assertEquals(before, new SentenceSearch(s).search("人工智能", 10, 0).total());
            assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().rebuild(), "an explicit rebuild gives the same");
            assertEquals(anchorQuads(s.datasetGraph()), s.textIndex().size());
            assertEquals(before, new SentenceSearch(s).search("人工智能", 10, 0).total());
        }
        IndexState rebuilt = state(storeDir);
        assertEquals(rebuilt.anchorQuads(), rebuilt.entries());
    }

    @Test
    void anIndexOutOfStepWithTheStoreIsRebuiltAtOpen() throws Exception {
        // A write around the index (plain TDB2, as kg validate's test does) is caught at the next open.
        Path storeDir = own.resolve("store");
        assertEquals(0, TestSupport.kg("load", "--store", storeDir.toString(), SEEDS.toString()).exit());
        DatasetGraph tdb2 = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        Txn.executeWrite(tdb2, () -> UpdateExec.dataset(tdb2).update(PREFIXES
                + "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> a nqpf:Sentence ; nif:anchorOf \"又一家灯塔工厂。\" } }").execute());
        TDBInternal.expel(tdb2);
        IndexState stale = state(storeDir);
        assertEquals(stale.anchorQuads() - 1, stale.entries());
        try (KnowledgeStore s = KnowledgeStore.open(storeDir, OntologyFiles.bundled())) {
            assertEquals(stale.anchorQuads(), s.textIndex().rebuiltAtOpen());
            assertEquals(2, new SentenceSearch(s).search("灯塔工厂", 10, 0).total());
        }
    }
}
