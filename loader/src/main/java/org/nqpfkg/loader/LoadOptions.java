package org.nqpfkg.loader;

/**
 * Settings of a load.
 *
 * @param maxBytes      text files larger than this are refused
 * @param base          IRI base under which document and thing IRIs are minted
 * @param loaderVersion recorded in each load's provenance
 * @param ontology      where the vocabulary (label variants, English labels) comes from
 */
public record LoadOptions(long maxBytes, String base, String loaderVersion, OntologyFiles ontology) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_MAX_BYTES, Vocab.BASE, LoaderVersion.get(), OntologyFiles.bundled());
    }

    public LoadOptions withMaxBytes(long max) { return new LoadOptions(max, base, loaderVersion, ontology); }
    public LoadOptions withOntology(OntologyFiles files) { return new LoadOptions(maxBytes, base, loaderVersion, files); }
}
