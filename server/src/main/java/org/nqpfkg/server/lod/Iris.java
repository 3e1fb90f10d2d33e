package org.nqpfkg.server.lod;

import org.nqpfkg.loader.Vocab;

/** The IRIs of the dataset's own documents; each is served at the same path on the facade. */
public final class Iris {
    private Iris() {}

    /** The OWL ontology; its classes and properties are hash IRIs in it ({@code ontology#Level}). */
    public static final String ONTOLOGY = Vocab.BASE + "ontology";
    public static final String CONTEXT = Vocab.BASE + "context.jsonld";
    public static final String VOID_DOCUMENT = Vocab.BASE + ".well-known/void";
    /** The dataset itself, as VoID, DCAT and the SPARQL service description name it. */
    public static final String DATASET = VOID_DOCUMENT + "#dataset";
    public static final String CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/";
    public static final String WIKIDATA = "http://www.wikidata.org/entity/";
}
