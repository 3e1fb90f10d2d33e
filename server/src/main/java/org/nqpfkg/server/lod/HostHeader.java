package org.nqpfkg.server.lod;

/** The Host a client asked for, as the descriptions repeat it in URLs; anything but a plain host and port is not repeated. */
public final class HostHeader {
    private static final String PLAIN = "[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?";

    private HostHeader() {}

    /** {@code host[:port]} from the header, or {@code localhost} when it is missing or odd. */
    public static String of(String header) {
        return header == null || !header.matches(PLAIN) ? "localhost" : header;
    }

    /** The host without its port: the SPARQL endpoint is on the same host as the facade, on another port. */
    public static String name(String header) {
        String host = of(header);
        if (host.startsWith("[")) return host.substring(0, host.indexOf(']') + 1);
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
