package org.nqpfkg.loader;

import java.util.Set;

/**
 * Settings of a load.
 *
 * @param maxBytes      text files larger than this are refused
 * @param base          IRI base under which document and thing IRIs are minted
 * @param loaderVersion recorded in each load's provenance
 * @param ontology      where the vocabulary (label variants, English labels) comes from
 * @param knownOrganizations labels of organisations the store already holds: a text that writes one is
 *                      read as naming that organisation, suffix or not (星河, 云帆智算)
 */
public record LoadOptions(long maxBytes, String base, String loaderVersion, OntologyFiles ontology, Set<String> knownOrganizations) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public LoadOptions {
        knownOrganizations = Set.copyOf(knownOrganizations);
    }

    public LoadOptions(long maxBytes, String base, String loaderVersion, OntologyFiles ontology) {
        this(maxBytes, base, loaderVersion, ontology, Set.of());
    }

    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_MAX_BYTES, Vocab.BASE, LoaderVersion.get(), OntologyFiles.bundled());
    }

    public LoadOptions withMaxBytes(long max) { return new LoadOptions(max, base, loaderVersion, ontology, knownOrganizations); }
    public LoadOptions withOntology(OntologyFiles files) { return new LoadOptions(maxBytes, base, loaderVersion, files, knownOrganizations); }
    public LoadOptions withKnownOrganizations(Set<String> labels) { return new LoadOptions(maxBytes, base, loaderVersion, ontology, labels); }
}
