package org.nqpfkg.loader;

/**
 * Settings of a text load.
 *
 * @param maxBytes      files larger than this are refused
 * @param base          IRI base under which document and thing IRIs are minted
 * @param loaderVersion recorded in each load's provenance
 */
public record LoadOptions(long maxBytes, String base, String loaderVersion) {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_MAX_BYTES, Vocab.BASE, LoaderVersion.get());
    }

    public LoadOptions withMaxBytes(long max) { return new LoadOptions(max, base, loaderVersion); }
}
