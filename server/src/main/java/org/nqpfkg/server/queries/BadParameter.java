package org.nqpfkg.server.queries;

/**
 * A named-query parameter (or the page size, offset or output format of a run) that cannot be used:
 * unknown, missing, too long, not matching its pattern, or not convertible to an RDF term.
 * The message is plain English, names the parameter, and is safe to show to the caller (a 400 problem).
 */
public class BadParameter extends IllegalArgumentException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** Name of the offending parameter as the caller gave it (possibly shortened), or "limit", "offset", "format". */
    public String parameter() { return parameter; }
}
