package org.nqpfkg.loader;

/** The loader's version as Maven built it, recorded in provenance. */
public final class LoaderVersion {
    private LoaderVersion() {}

    public static String get() {
        String v = LoaderVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
