package org.nqpfkg.server.lod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;

/**
 * The representations a linked-data resource has, and the choice among them by a request's {@code Accept}
 * header (RFC 9110 §12.5.1): the offered type with the highest quality wins, ties go to the order offered.
 * A client that accepts none of them gets none: answering another format would hide its mistake.
 */
public enum RdfMedia {
    TURTLE("text/turtle; charset=utf-8", RDFFormat.TURTLE_PRETTY, "text/turtle", "application/x-turtle"),
    JSONLD("application/ld+json", RDFFormat.JSONLD11_PRETTY, "application/ld+json", "application/json"),
    NTRIPLES("application/n-triples; charset=utf-8", RDFFormat.NTRIPLES, "application/n-triples"),
    RDFXML("application/rdf+xml; charset=utf-8", RDFFormat.RDFXML_PRETTY, "application/rdf+xml"),
    HTML("text/html; charset=utf-8", null, "text/html", "application/xhtml+xml");

    /** Every representation, Turtle first: what a client that accepts anything gets. */
    public static final List<RdfMedia> ALL = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
    /** The RDF serialisations alone. */
    public static final List<RdfMedia> RDF = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);

    public final String contentType;
    /** Jena's writer for it; null for HTML, which is rendered by {@link RdfHtml}. */
    public final RDFFormat format;
    private final List<String> names;

    RdfMedia(String contentType, RDFFormat format, String... names) {
        this.contentType = contentType;
        this.format = format;
        this.names = List.of(names);
    }

    /** The first name is the one a client should ask for. */
    public String mediaType() { return names.get(0); }

    /** The best of {@code offered} for this Accept header; empty when the client accepts none of them (406). */
    public static Optional<RdfMedia> choose(String accept, List<RdfMedia> offered) {
        if (accept == null || accept.isBlank()) return Optional.of(offered.get(0));
        List<Range> ranges = parse(accept);
        RdfMedia best = null;
        double bestQ = 0;
        for (RdfMedia m : offered) {
            double q = m.quality(ranges);
            if (q > bestQ) { best = m; bestQ = q; }
        }
        return Optional.ofNullable(best);
    }

    /** The quality the client gives this representation: that of the most specific range matching one of its names. */
    private double quality(List<Range> ranges) {
        int specificity = -1;
        double q = 0;
        for (Range r : ranges)
            for (String name : names) {
                int s = r.specificity(name);
                if (s > specificity) { specificity = s; q = r.q; }
            }
        return q;
    }

    private record Range(String type, double q) {
        /** 2 for an exact match, 1 for type/*, 0 for * / *, -1 for no match. */
        int specificity(String name) {
            if (type.equals(name)) return 2;
            if (type.equals("*/*")) return 0;
            if (type.endsWith("/*") && name.startsWith(type.substring(0, type.length() - 1))) return 1;
            return -1;
        }
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) continue;
            if (type.equals("*")) type = "*/*";
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;  // a quality that cannot be read accepts nothing rather than everything
                    }
                }
            }
            ranges.add(new Range(type, q));
        }
        return ranges;
    }

    /** What a 406 says: the types this resource does have. */
    public static String offeredList(List<RdfMedia> offered) {
        return String.join(", ", offered.stream().map(RdfMedia::mediaType).toList());
    }
}
