package org.nqpfkg.loader.emit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Hashes;
import org.nqpfkg.loader.Slugs;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.extract.Extraction;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Link;
import org.nqpfkg.loader.extract.Extraction.Thing;
import org.nqpfkg.loader.extract.Lexicon;
import org.nqpfkg.loader.text.NormalisedText;
import org.nqpfkg.loader.text.Section;
import org.nqpfkg.loader.text.Sentence;
import org.nqpfkg.loader.text.Structure;

/**
 * Writes one document's findings as RDF: the document with its normalised text, sections and
 * sentences (NIF, offsets in code points), each thing with its labels, each link as a triple plus an
 * nqpf:Statement carrying its evidence, and the PROV activity of this load.
 */
public final class GraphEmitter {
    /** What an evidence span's IRI has after its document's: the text index keys on it to leave quotes out. */
    public static final String EVIDENCE_PATH = "/evidence/";

    /** Document metadata: from the sidecar where there is one. */
    public record Metadata(String title, String language, String date, String source, String sourceFile, String sha256, String loaderVersion,
                           String rights) {}

    /** Ontology class local name → IRI path segment. */
    private static final Map<String, String> SEGMENTS = Map.ofEntries(
            Map.entry("Mechanism", "mechanism"), Map.entry("MechanismFamily", "mechanism-family"), Map.entry("Path", "path"),
            Map.entry("Organization", "organization"), Map.entry("Sector", "sector"), Map.entry("Policy", "policy"),
            Map.entry("PolicyMeasure", "measure"), Map.entry("Theory", "theory"), Map.entry("AICharacteristic", "ai-characteristic"),
            Map.entry("AIRisk", "ai-risk"), Map.entry("PolicyDocument", "policy-document"),
            Map.entry("ProductivityElement", "productivity-element"), Map.entry("ProductivityDimension", "productivity-dimension"));

    private final String base;
    private final Lexicon lexicon;
    private final Graph g = GraphFactory.createDefaultGraph();
    private final Map<Thing, Node> nodes = new LinkedHashMap<>();
    /** IRI → the label it was minted for: pinyin drops tones, so homophones (权力/权利) must not share an IRI. */
    private final Map<String, String> minted = new java.util.HashMap<>();
    private Structure structure;
    private Node doc;
    private String docIri;

    public GraphEmitter(String base, Lexicon lexicon) {
        this.base = base;
        this.lexicon = lexicon;
    }

    public static String documentSlug(String fileName) {
        return Slugs.ascii(fileName.replaceFirst("\\.[^.]+$", ""));
    }

    public static String graphIri(String base, String slug) { return base + "graph/document/" + slug; }

    /** The document node inside that graph, which carries the source's {@code nqpf:sha256}. */
    public static String documentIri(String base, String slug) { return base + "id/document/" + slug; }

    public Graph emit(String slug, Metadata meta, Structure structure, Extraction ex) {
        this.structure = structure;
        this.docIri = documentIri(base, slug);
        this.doc = iri(docIri);
        NormalisedText nt = structure.text();
        add(doc, RDF.type.asNode(), Vocab.nqpf("Document"));
        add(doc, RDF.type.asNode(), Vocab.nif("Context"));
        add(doc, Vocab.nif("isString"), NodeFactory.createLiteralString(nt.text()));
        add(doc, Vocab.dct("title"), NodeFactory.createLiteralLang(meta.title(), meta.language()));
        add(doc, Vocab.dct("language"), NodeFactory.createLiteralString(meta.language()));
        if (meta.date() != null) add(doc, Vocab.dct("date"), NodeFactory.createLiteralString(meta.date()));
        if (meta.source() != null) add(doc, Vocab.dct("source"), NodeFactory.createLiteralString(meta.source()));
        if (meta.rights() != null) add(doc, Vocab.dct("rights"), NodeFactory.createLiteralString(meta.rights()));
        add(doc, Vocab.nqpf("slug"), NodeFactory.createLiteralString(slug));
        add(doc, Vocab.nqpf("sourceFile"), NodeFactory.createLiteralString(meta.sourceFile()));
        add(doc, Vocab.nqpf("sha256"), NodeFactory.createLiteralString(meta.sha256()));
        provenance(meta);
        for (Section s : structure.sections()) section(s);
        for (Thing t : ex.things()) thing(t, ex);
        for (Link l : ex.links()) link(l);
        for (Sentence s : structure.sentences()) sentence(s, ex);
        for (Thing t : ex.things("PolicyDocument"))
            link(new Link(null, "cites", t, t.evidence.get(0)));
        new TargetEmitter(g, base, slug, doc, nt, this::evidence, this::statement).emit(ex.targets());
        return g;
    }

    private void provenance(Metadata meta) {
        Instant now = Instant.now();
        Node activity = iri(base + "id/load/" + slugOf(docIri + now + System.nanoTime()));
        add(activity, RDF.type.asNode(), Vocab.nqpf("LoadActivity"));
        add(activity, RDF.type.asNode(), Vocab.prov("Activity"));
        add(activity, Vocab.prov("endedAtTime"), NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime));
        add(activity, Vocab.nqpf("loaderVersion"), NodeFactory.createLiteralString(meta.loaderVersion()));
        add(activity, Vocab.nqpf("sourceFile"), NodeFactory.createLiteralString(meta.sourceFile()));
        add(activity, Vocab.nqpf("sha256"), NodeFactory.createLiteralString(meta.sha256()));
        add(activity, Vocab.prov("generated"), doc);
        add(doc, Vocab.prov("wasGeneratedBy"), activity);
    }

    private void section(Section s) {
        Node n = sectionNode(s);
        add(n, RDF.type.asNode(), Vocab.nqpf("Section"));
        add(n, Vocab.nif("referenceContext"), doc);
        span(n, s.start, s.end());
        if (s.number != null) add(n, Vocab.nqpf("sectionNumber"), NodeFactory.createLiteralString(s.number));
        if (s.title != null) add(n, Vocab.dct("title"), NodeFactory.createLiteralString(s.title));
        add(n, Vocab.nqpf("sectionKind"), NodeFactory.createLiteralString(s.kind));
        if (s.parent != null) add(n, Vocab.nqpf("parentSection"), sectionNode(s.parent));
    }

    private Node sectionNode(Section s) { return iri(docIri + "/section/" + s.index); }

    private void sentence(Sentence s, Extraction ex) {
        Node n = iri(docIri + "/sentence/" + s.index());
        add(n, RDF.type.asNode(), Vocab.nqpf("Sentence"));
        add(n, Vocab.nif("referenceContext"), doc);
        add(n, Vocab.nif("anchorOf"), NodeFactory.createLiteralString(s.text()));
        span(n, s.start(), s.end());
        if (s.section() != null) add(n, Vocab.nqpf("section"), sectionNode(s.section()));
        for (Thing t : ex.things()) {
            if (t.isReference()) continue;
            boolean named = s.text().contains(t.label) || t.variants.stream().anyMatch(s.text()::contains)
                    || t.evidence.stream().anyMatch(e -> e.start() == s.start());
            if (named) add(n, Vocab.nqpf("mentions"), nodes.get(t));
        }
    }

    private void thing(Thing t, Extraction ex) {
        if (t.isReference()) { nodes.put(t, iri(t.iri)); return; }
        String segment = SEGMENTS.getOrDefault(t.kind, t.kind.toLowerCase());
        String slug = Slugs.ascii(t.label);
        String taken = minted.putIfAbsent(segment + "/" + slug, t.label);
        if (taken != null && !taken.equals(t.label)) {
            slug = slug + "-" + slugOf(t.label).substring(0, 6);
            minted.put(segment + "/" + slug, t.label);
        }
        Node n = iri(base + "id/" + segment + "/" + slug);
        nodes.put(t, n);
        add(n, RDF.type.asNode(), Vocab.nqpf(t.kind));
        add(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(t.label, "zh"));
        add(n, Vocab.skos("prefLabel"), NodeFactory.createLiteralLang(t.label, "zh"));
        String en = lexicon.english(t.label, null);
        if (en != null) {
            add(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(en, "en"));
            add(n, Vocab.skos("prefLabel"), NodeFactory.createLiteralLang(en, "en"));
        }
        for (String v : t.variants) add(n, Vocab.skos("altLabel"), NodeFactory.createLiteralLang(v, "zh"));
        // A mechanism or path its document names without a level says so, rather than leaving a gap the shapes refuse.
        if (t.levelMayBeUnstated && ex.links(t, "level").isEmpty())
            add(n, Vocab.nqpf("levelStated"), NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean));
        add(n, Vocab.nqpf("slug"), NodeFactory.createLiteralString(slug));
        for (Evidence e : t.evidence) add(n, Vocab.nqpf("evidence"), evidence(e));
    }

    private void link(Link l) {
        Node s = l.subject() == null ? doc : nodes.get(l.subject());
        Node o = nodes.get(l.object());
        if (s == null || o == null) return;
        statement(s, Vocab.nqpf(l.predicate()), o, l.evidence());
    }

    /** A triple and the nqpf:Statement that carries its evidence. */
    private void statement(Node s, Node p, Node o, Evidence e) {
        add(s, p, o);
        Node st = iri(base + "id/statement/" + slugOf(s.getURI() + " " + p.getURI() + " " + o.getURI()));
        add(st, RDF.type.asNode(), Vocab.nqpf("Statement"));
        add(st, RDF.subject.asNode(), s);
        add(st, RDF.predicate.asNode(), p);
        add(st, RDF.object.asNode(), o);
        add(st, Vocab.nqpf("evidence"), evidence(e));
    }

    private Node evidence(Evidence e) {
        NormalisedText nt = structure.text();
        int start = nt.codePoint(e.start());
        int end = nt.codePoint(e.end());
        Node n = iri(docIri + EVIDENCE_PATH + start + "-" + end + "/" + e.rule());
        if (g.contains(n, RDF.type.asNode(), Vocab.nqpf("Evidence"))) return n;
        add(n, RDF.type.asNode(), Vocab.nqpf("Evidence"));
        add(n, Vocab.nif("referenceContext"), doc);
        add(n, Vocab.nif("anchorOf"), NodeFactory.createLiteralString(nt.slice(e.start(), e.end())));
        span(n, e.start(), e.end());
        if (e.section() != null) add(n, Vocab.nqpf("section"), sectionNode(e.section()));
        add(n, Vocab.nqpf("rule"), NodeFactory.createLiteralString(e.rule()));
        return n;
    }

    private void span(Node n, int start, int end) {
        NormalisedText nt = structure.text();
        add(n, Vocab.nif("beginIndex"), NodeFactory.createLiteralDT(String.valueOf(nt.codePoint(start)), XSDDatatype.XSDnonNegativeInteger));
        add(n, Vocab.nif("endIndex"), NodeFactory.createLiteralDT(String.valueOf(nt.codePoint(end)), XSDDatatype.XSDnonNegativeInteger));
    }

    private void add(Node s, Node p, Node o) { g.add(s, p, o); }

    private static Node iri(String iri) { return NodeFactory.createURI(iri); }

    /** A short stable id from a key: the first 16 hex digits of its SHA-256. */
    static String slugOf(String key) { return Hashes.sha256(key).substring(0, 16); }

}
