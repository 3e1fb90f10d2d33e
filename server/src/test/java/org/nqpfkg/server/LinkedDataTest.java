package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;

/**
 * Linked-data completeness over real HTTP: content negotiation (and 406) for every kind of IRI, the VoID and
 * service descriptions against the store's own counts, the dumps against the store's quads, and links to Wikidata
 * loaded from linkset files. The document is invented; so is the test's own linkset.
 */
class LinkedDataTest {
    static final String TEXT = """
            人工智能赋能制造企业的路径研究

            人工智能促进企业新质生产力涌现。记者从星河重工集团获悉，该集团将在云帆科技有限公司的支持下建设算力中心，通过人工智能优化供应链。
            星河重工集团计划扩大投资，推动产业链上下游的生态协同。
            """;
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final Map<String, Lang> RDF_TYPES = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
            "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);

    @TempDir static Path dir;
    static ServedStore served;
    static String organization;

    @BeforeAll
    static void start() throws Exception {
        Path ontology = Files.createDirectories(dir.resolve("data/ontology"));
        try (var files = Files.list(Path.of("../ontology"))) {
            for (Path f : files.toList()) Files.copy(f, ontology.resolve(f.getFileName()));
        }
        Path links = Files.createDirectories(dir.resolve("data/links"));
        Files.copy(Path.of("../links/wikidata-organizations.ttl"), links.resolve("wikidata-organizations.ttl"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("bay-report.txt"), TEXT);
        Files.writeString(docs.resolve("bay-report.meta.json"),
                "{\"title\": \"人工智能赋能制造企业的路径研究\", \"language\": \"zh\", \"rights\": \"© Invented Press; quoted as evidence only.\"}");
        OntologyFiles files = OntologyFiles.from(ontology);
        served = ServedStore.of(dir, List.of(docs), files);
        JsonNode orgs = served.json("/api/organizations");
        assertTrue(orgs.get("total").asInt() >= 1, orgs.toString());
        organization = orgs.get("items").get(0).get("id").asText();
        // A linkset added while the store is open is picked up by the next sync, as `kg serve` and `kg load` do.
        Files.writeString(links.resolve("test-links.ttl"), """
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix void: <http://rdfs.org/ns/void#> .
                <https://w3id.org/nqpf-kg/.well-known/void#test-links> a void:Linkset ; void:linkPredicate owl:sameAs .
                <https://w3id.org/nqpf-kg/id/organization/%s> owl:sameAs <http://www.wikidata.org/entity/Q4115189> .
                """.formatted(organization));
        assertTrue(served.store.syncOntology().contains("links/test-links.ttl"));
    }

    @AfterAll
    static void stop() { served.close(); }

    static HttpResponse<String> get(String url, String accept) throws Exception { return TestSupport.get(url, "Accept", accept); }

    static Graph parse(HttpResponse<String> r, Lang lang, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).base(base).parse(g);
        return g;
    }

    static Node iri(String s) { return NodeFactory.createURI(s); }

    /** Each RDF type, HTML, and the 406 for one dereferenceable IRI; {@code describes} is a triple its RDF must hold. */
    static void negotiates(String path, Node s, Node p, Node o) throws Exception {
        String url = served.base + path;
        for (Map.Entry<String, Lang> type : RDF_TYPES.entrySet()) {
            HttpResponse<String> r = get(url, type.getKey());
            assertEquals(200, r.statusCode(), path + " as " + type.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type.getKey()), path + " as " + type.getKey()
                    + " answered " + r.headers().firstValue("Content-Type"));
            Graph g = parse(r, type.getValue(), url);
            // The context's JSON-LD is the context document itself: a context, which states no triples.
            if (path.equals("/context.jsonld") && type.getValue() == Lang.JSONLD) {
                assertTrue(ServedStore.JSON.readTree(r.body()).has("@context"));
                continue;
            }
            assertTrue(g.contains(s, p, o), path + " as " + type.getKey() + " lacks " + s + " " + p + " " + o);
        }
        HttpResponse<String> html = get(url, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (html.statusCode() == 303) {
            assertTrue(html.headers().firstValue("Location").isPresent(), path);
        } else {
            assertEquals(200, html.statusCode(), path + ": " + html.body());
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(html.body().contains(s.getURI()), path + " as HTML names " + s);
        }
        HttpResponse<String> none = get(url, "image/png");
        assertEquals(406, none.statusCode(), path + ": " + none.body());
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(none.body().contains("application/rdf+xml"), "the 406 names what there is: " + none.body());
    }

    @Test
    void everyKindOfIriAnswersEachMediaTypeAndRefusesOthers() throws Exception {
        Node org = iri(Vocab.ID + "organization/" + organization);
        negotiates("/id/organization/" + organization, org, RDF.type.asNode(), Vocab.nqpf("Organization"));
        negotiates("/id/lens/capability", iri(Vocab.ID + "lens/capability"), RDF.type.asNode(), Vocab.nqpf("Lens"));
        negotiates("/ontology", iri("https://w3id.org/nqpf-kg/ontology"), RDF.type.asNode(), OWL.Ontology.asNode());
        negotiates("/ontology", Vocab.nqpf("Organization"), RDF.type.asNode(), OWL.Class.asNode());
        negotiates("/ontology", Vocab.nqpf("level"), RDF.type.asNode(), OWL.ObjectProperty.asNode());
        negotiates("/vocab/term/artificial-intelligence", iri(Vocab.BASE + "vocab/term/artificial-intelligence"),
                Vocab.skos("prefLabel"), NodeFactory.createLiteralLang("人工智能", "zh"));
        negotiates("/context.jsonld", iri(Vocab.BASE + "context.jsonld"), RDF.type.asNode(), iri("http://www.w3.org/ns/json-ld#Context"));
    }

    @Test
    void pagesDescribeClassesAndPropertiesAndTheContextIsAJsonLdContext() throws Exception {
        String page = get(served.base + "/ontology", "text/html").body();
        assertTrue(page.contains("id=\"Organization\"") && page.contains("id=\"level\""), "a section per term, at its fragment");
        assertTrue(page.contains("所属层面") && page.contains("rdfs:domain"), "labels in both languages and the domain");
        HttpResponse<String> ctx = get(served.base + "/context.jsonld", "application/ld+json");
        assertTrue(ServedStore.JSON.readTree(ctx.body()).has("@context"));
        assertEquals(200, get(served.base + "/context.jsonld", "application/json").statusCode());
        served.assertProblem("/vocab/term/no-such-term", 404);
    }

    @Test
    void facadeJsonLinksToItsContext() throws Exception {
        HttpResponse<String> r = served.get("/api/levels");
        String link = r.headers().firstValue("Link").orElse("");
        assertTrue(link.contains("</context.jsonld>") && link.contains("rel=\"http://www.w3.org/ns/json-ld#context\""), link);
        assertEquals(200, served.get("/context.jsonld").statusCode());
    }

    @Test
    void voidDescriptionCountsWhatTheStoreHolds() throws Exception {
        String url = served.base + "/.well-known/void";
        Model m = ModelFactory.createModelForGraph(parse(get(url, "text/turtle"), Lang.TURTLE, url));
        for (String type : List.of("application/ld+json", "application/rdf+xml", "application/n-triples"))
            assertEquals(m.size(), parse(get(url, type), RDF_TYPES.get(type), url).size(), type);
        long quads = Txn.calculateRead(served.store.datasetGraph(), () -> {
            long n = 0;
            var it = served.store.datasetGraph().find();
            while (it.hasNext()) { it.next(); n++; }
            return n;
        });
        assertEquals(quads, longOf(m, "SELECT ?n { ?d a void:Dataset ; void:triples ?n ; void:sparqlEndpoint ?e }"));
        assertEquals(storeCount("SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a nqpf:Organization }"),
                longOf(m, "SELECT ?n { ?d void:classPartition [ void:class nqpf:Organization ; void:entities ?n ] }"));
        assertEquals(storeCount("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s a ?o } }"),
                longOf(m, "SELECT ?n { ?d void:propertyPartition [ void:property rdf:type ; void:triples ?n ] }"));
        assertEquals(3, longOf(m, "SELECT ?n { ?d void:subset <https://w3id.org/nqpf-kg/.well-known/void#wikidata-organizations> . "
                + "<https://w3id.org/nqpf-kg/.well-known/void#wikidata-organizations> a void:Linkset ; void:triples ?n }"));
        assertEquals(1, longOf(m, "SELECT ?n { <https://w3id.org/nqpf-kg/.well-known/void#test-links> void:triples ?n }"));
        assertEquals(2, longOf(m, "SELECT (COUNT(?dump) AS ?n) { ?d void:dataDump ?dump FILTER(CONTAINS(STR(?dump), \"/dumps/nqpf-kg.\")) }"));
        assertEquals(1, longOf(m, "SELECT (COUNT(*) AS ?n) { ?d a dcat:Dataset ; dcterms:license <https://creativecommons.org/licenses/by/4.0/> }"));
        assertEquals(1, longOf(m, "SELECT (COUNT(*) AS ?n) { ?d void:vocabulary <https://w3id.org/nqpf-kg/ontology> }"));
        // Of the dataset itself: the linkset's target (Wikidata) has an endpoint of its own.
        String endpoint = m.getResource("https://w3id.org/nqpf-kg/.well-known/void#dataset")
                .getPropertyResourceValue(m.createProperty(VOID + "sparqlEndpoint")).getURI();
        assertEquals("http://127.0.0.1:" + served.server.sparqlPort() + "/kg/sparql", endpoint);
    }

    @Test
    void theEndpointDescribesItselfWhenFetchedWithoutAQuery() throws Exception {
        for (String path : List.of("/kg/sparql", "/kg")) {
            String url = "http://127.0.0.1:" + served.server.sparqlPort() + path;
            HttpResponse<String> r = get(url, "text/turtle");
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            Model m = ModelFactory.createModelForGraph(parse(r, Lang.TURTLE, url));
            assertEquals(1, longOf(m, "SELECT (COUNT(*) AS ?n) { <" + url + "> a sd:Service ; sd:endpoint <" + url + "> ; "
                    + "sd:supportedLanguage sd:SPARQL11Query ; sd:defaultDataset ?d }"));
            assertEquals(served.store.quadCount(), longOf(m, "SELECT ?n { ?s sd:defaultDataset [ void:triples ?n ] }"));
            assertEquals(406, get(url, "image/png").statusCode());
        }
        HttpResponse<String> query = TestSupport.get(TestSupport.sparqlGet(served.server.sparqlPort(), "ASK { ?s ?p ?o }"),
                "Accept", "application/sparql-results+json");
        assertEquals(200, query.statusCode(), "a query still reaches Fuseki");
    }

    @Test
    void theDumpsLoadIntoAnEmptyStoreAsTheSameQuads() throws Exception {
        List<String> expected = quads(served.store.datasetGraph());
        for (Map.Entry<String, Lang> dump : Map.of("nqpf-kg.trig.gz", Lang.TRIG, "nqpf-kg.nq.gz", Lang.NQUADS).entrySet()) {
            HttpResponse<byte[]> r = TestSupport.HTTP.send(HttpRequest.newBuilder(URI.create(served.base + "/dumps/" + dump.getKey()))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElse(""));
            Path empty = dir.resolve("reloaded-" + dump.getValue().getName());
            DatasetGraph reloaded = DatabaseMgr.connectDatasetGraph(empty.toString());
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                Txn.executeWrite(reloaded, () -> RDFParser.source(in).lang(dump.getValue()).parse(reloaded));
                TestSupport.assertSameQuads(expected, quads(reloaded));
            } finally {
                TDBInternal.expel(reloaded);
            }
            assertTrue(Files.list(served.store.dir().resolve("dumps")).anyMatch(f -> f.getFileName().toString().endsWith(dump.getKey())),
                    "written to the store's folder");
        }
        served.assertProblem("/dumps/everything.zip", 404);
    }

    @Test
    void linksetsAreGraphsOfTheirOwnAndOrganisationsShowTheirSameAs() throws Exception {
        DatasetGraph dsg = served.store.datasetGraph();
        Txn.executeRead(dsg, () -> {
            Graph links = dsg.getGraph(iri(OntologyFiles.LINKSET_GRAPHS + "wikidata-organizations"));
            assertEquals(3, links.find(Node.ANY, OWL.sameAs.asNode(), Node.ANY).toList().size());
            assertTrue(links.find(iri(OntologyFiles.LINKSET_GRAPHS + "wikidata-organizations"), Vocab.dct("source"), Node.ANY).hasNext(),
                    "the graph says which file it came from");
            links.find(Node.ANY, OWL.sameAs.asNode(), Node.ANY).forEach(t ->
                    assertTrue(t.getObject().getURI().matches("http://www\\.wikidata\\.org/entity/Q[0-9]+"), t.toString()));
        });
        assertFalse(served.store.sourceGraphs().stream().anyMatch(g -> g.startsWith(OntologyFiles.LINKSET_GRAPHS)),
                "a linkset is no source document: validation and loads leave it alone");
        JsonNode item = served.json("/api/organizations/" + organization);
        assertEquals("http://www.wikidata.org/entity/Q4115189", item.get("sameAs").get(0).asText(), item.toString());
        Graph described = parse(get(served.base + "/id/organization/" + organization, "text/turtle"), Lang.TURTLE, served.base);
        assertTrue(described.contains(iri(Vocab.ID + "organization/" + organization), OWL.sameAs.asNode(), iri("http://www.wikidata.org/entity/Q4115189")));
    }

    @Test
    void aDocumentCarriesTheRightsItsSidecarStates() throws Exception {
        Graph doc = parse(get(served.base + "/id/document/bay-report", "text/turtle"), Lang.TURTLE, served.base);
        assertTrue(doc.contains(iri(Vocab.ID + "document/bay-report"), Vocab.dct("rights"),
                NodeFactory.createLiteralString("© Invented Press; quoted as evidence only.")));
    }

    static long longOf(Model m, String select) {
        String q = "PREFIX void: <" + VOID + "> PREFIX sd: <" + SD + "> PREFIX dcat: <http://www.w3.org/ns/dcat#> " + Vocab.PREFIXES + select;
        try (var qe = QueryExecutionFactory.create(q, m)) {
            var rs = qe.execSelect();
            assertTrue(rs.hasNext(), "no answer to " + select);
            return rs.next().getLiteral("n").getLong();
        }
    }

    static long storeCount(String select) {
        DatasetGraph dsg = served.store.datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(Vocab.PREFIXES + select).build()) {
                return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
            }
        });
    }

    /** Every quad, sorted, with blank node labels left out (each store draws its own). */
    static List<String> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<String> all = new ArrayList<>();
            dsg.find().forEachRemaining(q -> all.add(q.toString().replaceAll("_:[0-9a-zA-Z-]+", "_:b")));
            all.sort(null);
            return all;
        });
    }
}
