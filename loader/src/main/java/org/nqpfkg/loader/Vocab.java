package org.nqpfkg.loader;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the project's own terms and of the reused vocabularies, in one place. */
public final class Vocab {
    private Vocab() {}

    public static final String BASE = "https://w3id.org/nqpf-kg/";
    public static final String NQPF = BASE + "ontology#";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";
    public static final String SHAPES_NS = BASE + "shapes#";

    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String ITSRDF = "http://www.w3.org/2005/11/its/rdf#";

    /** Named graphs that hold the project's own data files rather than documents. */
    public static final String ONTOLOGY_GRAPH = GRAPH + "ontology";
    public static final String VOCABULARY_GRAPH = GRAPH + "vocabulary";
    public static final String SHAPES_GRAPH = GRAPH + "shapes";
    public static final String SYSTEM_GRAPH = GRAPH + "system";

    public static Node nqpf(String local) { return NodeFactory.createURI(NQPF + local); }
    public static Node nif(String local) { return NodeFactory.createURI(NIF + local); }
    public static Node skos(String local) { return NodeFactory.createURI(SKOS + local); }
    public static Node prov(String local) { return NodeFactory.createURI(PROV + local); }
    public static Node dct(String local) { return NodeFactory.createURI(DCT + local); }
    public static Node rdfs(String local) { return NodeFactory.createURI(RDFS + local); }
    public static Node iri(String iri) { return NodeFactory.createURI(iri); }

    /** SPARQL prefix block shared by the code's own queries and the named queries. */
    public static final String PREFIXES = """
            PREFIX nqpf: <%s>
            PREFIX nif:  <%s>
            PREFIX skos: <%s>
            PREFIX prov: <%s>
            PREFIX dcterms: <%s>
            PREFIX rdf:  <%s>
            PREFIX rdfs: <%s>
            PREFIX xsd:  <%s>
            PREFIX owl:  <%s>
            PREFIX itsrdf: <%s>
            """.formatted(NQPF, NIF, SKOS, PROV, DCT, RDF, RDFS, XSD, OWL, ITSRDF);
}
