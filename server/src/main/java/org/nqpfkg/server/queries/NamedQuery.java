package org.nqpfkg.server.queries;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;

/**
 * One named SPARQL SELECT query read from {@code queries/NAME.rq}: its grlc-style header (summary,
 * description, parameters, pagination) and its text. Parameter values are validated, turned into RDF
 * terms and bound by substitution into the parsed query: a value is never pasted into query text.
 *
 * <p>Instances are immutable and safe to share between threads. Create them with {@link NamedQueries}.
 */
public final class NamedQuery {
    /** Longest accepted parameter value, in UTF-16 code units. */
    public static final int MAX_VALUE_LENGTH = 500;
    /** Page size used when neither the caller nor the query's header gives one. */
    public static final int DEFAULT_PAGE = 100;
    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE = 10_000;
    /** Timeout used when the caller passes zero or less. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    /** Output formats of {@link Result#write(OutputStream, String)}. */
    public static final List<String> FORMATS = List.of("json-rows", "sparql-json", "csv", "tsv");

    /** A parameter declared in the header. {@code pattern} is the effective one (declared, or the type's default). */
    public record Param(String name, Type type, String kind, String pattern, boolean required,
                        String defaultValue, String description) {
        /** How a parameter value becomes an RDF term. */
        public enum Type {
            /** A slug: the IRI {@code <BASE id/KIND/VALUE>} (e.g. https://w3id.org/nqpf-kg/id/mechanism/VALUE). */
            SLUG("^[a-z0-9][a-z0-9-]{0,199}$"),
            /** An absolute http(s) IRI. */
            IRI("^https?://[^\\s<>\"{}|\\\\^`]+$"),
            /** An xsd:string literal. */
            STRING("^.{1,500}$"),
            /** An xsd:integer literal. */
            INTEGER("^-?\\d{1,9}$"),
            /**
             * A BCP 47 language tag such as zh or en, bound as a plain (xsd:string) literal holding the
             * lower-cased tag, for use as in {@code FILTER(langMatches(lang(?label), ?lang))}.
             */
            LANG("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$");

            private final String defaultPattern;

            Type(String defaultPattern) { this.defaultPattern = defaultPattern; }

            public String defaultPattern() { return defaultPattern; }

            /** The name used in query headers and in {@link #describe()}: slug, iri, string, integer, lang. */
            public String label() { return name().toLowerCase(Locale.ROOT); }

            static Type of(String label) {
                for (Type t : values()) if (t.label().equals(label)) return t;
                return null;
            }
        }
    }

    private static final Pattern HTTP_WITH_HOST = Pattern.compile("(?i)https?://[^/?#@:]");
    private static final Pattern IRI_FORBIDDEN = Pattern.compile("[\\s<>\"{}|\\\\^`]");

    private final String name;
    private final String summary;
    private final String description;
    private final List<Param> params;
    private final Map<String, Param> byName;
    private final Map<String, Pattern> patterns;
    private final Integer pagination;
    private final String text;
    private final Query query;

    NamedQuery(String name, String summary, String description, List<Param> params, Integer pagination,
               String text, Query query) {
        this.name = name;
        this.summary = summary;
        this.description = description;
        this.params = List.copyOf(params);
        this.pagination = pagination;
        this.text = text;
        this.query = query;
        Map<String, Param> map = new LinkedHashMap<>();
        Map<String, Pattern> pats = new LinkedHashMap<>();
        for (Param p : params) {
            map.put(p.name(), p);
            pats.put(p.name(), Pattern.compile(p.pattern()));
        }
        this.byName = Collections.unmodifiableMap(map);
        this.patterns = Collections.unmodifiableMap(pats);
    }

    /** The file name without {@code .rq}; the {@code {name}} of {@code GET /api/queries/{name}}. */
    public String name() { return name; }
    public String summary() { return summary; }
    /** The description, or "" when the header has none. */
    public String description() { return description; }
    public List<Param> params() { return params; }
    /** The page size from the header's {@code pagination}, or null. */
    public Integer pagination() { return pagination; }
    /** The SPARQL text of the file without its {@code #+} header lines. */
    public String text() { return text; }
    /** A copy of the parsed query, before any binding or paging. */
    public Query query() { return query.cloneQuery(); }

    /** Name, summary, description, params (list of maps) and pagination: for GET /api/queries and OpenAPI. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("summary", summary);
        d.put("description", description);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Param p : params) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("type", p.type().label());
            if (p.kind() != null) m.put("kind", p.kind());
            m.put("pattern", p.pattern());
            m.put("required", p.required());
            if (p.defaultValue() != null) m.put("default", p.defaultValue());
            m.put("description", p.description() == null ? "" : p.description());
            ps.add(m);
        }
        d.put("params", ps);
        d.put("pagination", pagination);
        return d;
    }

    // ------------------------------------------------------------------ binding

    /**
     * Validates the caller's raw values and turns them into RDF terms, one per parameter that has a
     * value (given, or the declared default). {@code raw} holds only this query's parameters: the
     * caller removes its own (limit, offset, format ...) first. A null or empty value counts as absent.
     *
     * @throws BadParameter for an unknown name, a missing required value, or a value that is too long,
     *                      does not match the pattern or is not a valid term of the parameter's type
     */
    public Map<Var, Node> bind(Map<String, String> raw) {
        Map<String, String> given = raw == null ? Map.of() : raw;
        for (String key : given.keySet()) {
            if (key == null || !byName.containsKey(key)) {
                String shown = key == null ? "null" : preview(key);
                throw new BadParameter(shown, "Unknown parameter '" + shown + "' for query '" + name + "'; "
                        + (params.isEmpty() ? "it takes no parameters." : "it takes: " + String.join(", ", byName.keySet()) + "."));
            }
        }
        Map<Var, Node> bound = new LinkedHashMap<>();
        for (Param p : params) {
            String value = given.get(p.name());
            if (value == null || value.isEmpty()) value = p.defaultValue();
            if (value == null || value.isEmpty()) {
                if (p.required())
                    throw new BadParameter(p.name(), "Parameter '" + p.name() + "' is required for query '" + name + "'"
                            + (p.description() == null || p.description().isBlank() ? "." : ": " + p.description() + "."));
                continue;
            }
            bound.put(Var.alloc(p.name()), toNode(p, value));
        }
        return bound;
    }

    private Node toNode(Param p, String value) {
        String n = p.name();
        if (value.length() > MAX_VALUE_LENGTH)
            throw new BadParameter(n, "Parameter '" + n + "' is " + value.length() + " characters long; at most "
                    + MAX_VALUE_LENGTH + " are allowed.");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c))
                throw new BadParameter(n, "Parameter '" + n + "' contains a control character (U+"
                        + String.format("%04X", (int) c) + ").");
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c))
                throw new BadParameter(n, "Parameter '" + n + "' is not valid Unicode text (an unpaired surrogate).");
        }
        if (!patterns.get(n).matcher(value).matches())
            throw new BadParameter(n, "Parameter '" + n + "' must match " + p.pattern() + "; got \"" + preview(value) + "\".");
        return switch (p.type()) {
            case SLUG -> checkedIri(n, Vocab.ID + p.kind() + "/" + value);
            case IRI -> checkedIri(n, value);
            case STRING -> NodeFactory.createLiteralString(value);
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new BadParameter(n, "Parameter '" + n + "' must be a whole number; got \"" + preview(value) + "\".");
                }
                yield NodeFactory.createLiteralDT(Long.toString(number), XSDDatatype.XSDinteger);
            }
            case LANG -> NodeFactory.createLiteralString(value.toLowerCase(Locale.ROOT));
        };
    }

    private static Node checkedIri(String param, String iri) {
        String problem = null;
        if (IRI_FORBIDDEN.matcher(iri).find()) problem = "contains a character not allowed in an IRI";
        else {
            try {
                IRIx x = IRIx.create(iri);
                String scheme = x.scheme();
                // isAbsolute() would refuse a fragment (https://...#Organization); a scheme is what matters.
                if (x.isRelative() || scheme == null
                        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
                    problem = "is not an absolute http(s) IRI";
                else if (!HTTP_WITH_HOST.matcher(iri).lookingAt()) problem = "has no host";
            } catch (IRIException e) {
                problem = "is not a valid IRI (" + e.getMessage() + ")";
            }
        }
        if (problem != null)
            throw new BadParameter(param, "Parameter '" + param + "' " + problem + ": \"" + preview(iri) + "\".");
        return NodeFactory.createURI(iri);
    }

    /** A short, printable rendering of a caller's value for an error message. */
    static String preview(String s) {
        StringBuilder b = new StringBuilder();
        int max = 60;
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) b.append(String.format("\\u%04X", (int) c));
            else b.append(c);
        }
        if (b.length() >= max && s.length() > max) b.append("...");
        return b.toString();
    }

    // ------------------------------------------------------------------ paging

    /**
     * A clone of the query with LIMIT and OFFSET for one page. It asks for one row more than the page
     * so that {@link Result#hasMore()} can be told; a LIMIT/OFFSET written in the file still bounds
     * the pages. {@code limit <= 0} means the header's pagination, or {@value #DEFAULT_PAGE}.
     *
     * @throws BadParameter for a negative offset or a limit above {@value #MAX_PAGE}
     */
    public Query pagedQuery(int limit, int offset) {
        long page = pageSize(limit);
        if (offset < 0) throw new BadParameter("offset", "offset must be zero or more; got " + offset + ".");
        Query q = query.cloneQuery();
        long baseOffset = q.hasOffset() ? q.getOffset() : 0;
        long remaining = q.hasLimit() ? Math.max(0, q.getLimit() - offset) : Long.MAX_VALUE;
        q.setOffset(baseOffset + offset > 0 ? baseOffset + offset : Query.NOLIMIT);
        q.setLimit(Math.min(page + 1, remaining));
        return q;
    }

    private long pageSize(int limit) {
        if (limit > MAX_PAGE)
            throw new BadParameter("limit", "limit must be at most " + MAX_PAGE + "; got " + limit + ".");
        if (limit > 0) return limit;
        return pagination != null ? pagination : DEFAULT_PAGE;
    }

    // ------------------------------------------------------------------ running

    /**
     * Validates and binds the parameters, runs one page of the query in a read transaction on
     * {@code dsg} with a timeout, and returns the rows, materialised so they can be written after the
     * transaction has ended. The default graph is whatever {@code dsg} offers (the store sets TDB2's
     * union default graph).
     *
     * @param raw           parameter values by name (only this query's parameters; null or "" = absent)
     * @param limit         page size; zero or less = the header's pagination, or {@value #DEFAULT_PAGE}
     * @param offset        rows to skip, zero or more
     * @param timeoutMillis overall timeout; zero or less = {@value #DEFAULT_TIMEOUT_MILLIS} ms
     * @throws BadParameter for bad parameters, limit or offset (nothing has been run then)
     * @throws org.apache.jena.query.QueryCancelledException when the timeout expires
     */
    public Result run(DatasetGraph dsg, Map<String, String> raw, int limit, int offset, long timeoutMillis) {
        Map<Var, Node> bound = bind(raw);
        long page = pageSize(limit);
        Query paged = pagedQuery(limit, offset);
        long timeout = timeoutMillis > 0 ? timeoutMillis : DEFAULT_TIMEOUT_MILLIS;
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(paged).timeout(timeout, TimeUnit.MILLISECONDS);
            bound.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                RowSet rowSet = exec.select();
                List<Var> vars = rowSet.getResultVars();
                List<Binding> rows = new ArrayList<>();
                while (rowSet.hasNext()) {
                    Binding b = rowSet.next();
                    // Copy out of the store's lazy bindings: the rows outlive the transaction.
                    BindingBuilder copy = Binding.builder();
                    for (Var v : vars) {
                        Node node = b.get(v);
                        if (node != null) copy.add(v, node);
                    }
                    rows.add(copy.build());
                }
                boolean more = rows.size() > page;
                if (more) rows = rows.subList(0, (int) page);
                return new Result(List.copyOf(vars), List.copyOf(rows), more, page, offset);
            }
        });
    }

    /**
     * How many rows the whole answer has (within any LIMIT the file itself writes), with the same parameters and
     * timeout as {@link #run}: the query as a subquery under COUNT(*), its ORDER BY dropped as it cannot change a count.
     */
    public long count(DatasetGraph dsg, Map<String, String> raw, long timeoutMillis) {
        Map<Var, Node> bound = bind(raw);
        Query inner = query.cloneQuery();
        if (inner.getOrderBy() != null && !inner.hasLimit() && !inner.hasOffset()) inner.getOrderBy().clear();
        Query counting = new Query();
        counting.setQuerySelectType();
        counting.setQueryPattern(new org.apache.jena.sparql.syntax.ElementSubQuery(inner));
        counting.addResultVar("n", counting.allocAggregate(org.apache.jena.sparql.expr.aggregate.AggregatorFactory.createCount(false)));
        long timeout = timeoutMillis > 0 ? timeoutMillis : DEFAULT_TIMEOUT_MILLIS;
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(counting).timeout(timeout, TimeUnit.MILLISECONDS);
            bound.forEach(builder::substitution);
            try (QueryExec exec = builder.build()) {
                RowSet rows = exec.select();
                return rows.hasNext() ? ((Number) rows.next().get("n").getLiteralValue()).longValue() : 0L;
            }
        });
    }

    @Override
    public String toString() { return "NamedQuery[" + name + "]"; }

    // ------------------------------------------------------------------ result

    /**
     * One page of rows. {@code hasMore} says whether a next page exists; {@code limit} is the page
     * size that was applied and {@code offset} the rows skipped.
     */
    public record Result(List<Var> vars, List<Binding> rows, boolean hasMore, long limit, long offset) {

        /** Variable names in projection order. */
        public List<String> varNames() {
            List<String> names = new ArrayList<>(vars.size());
            for (Var v : vars) names.add(v.getVarName());
            return names;
        }

        /**
         * Plain rows: every variable of the projection → its value as a string (the IRI, the
         * literal's lexical form, or _:label for a blank node), null when unbound.
         */
        public List<Map<String, String>> rowMaps() {
            List<Map<String, String>> out = new ArrayList<>(rows.size());
            for (Binding b : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                for (Var v : vars) m.put(v.getVarName(), plain(b.get(v)));
                out.add(m);
            }
            return out;
        }

        /**
         * Rows as JSON values: every variable → an IRI or string as a string, a number of any XSD numeric type as a
         * number (BigInteger, BigDecimal or Double), an xsd:boolean as a boolean, null when unbound. What cannot be a
         * JSON number (NaN, INF, an ill-formed literal) stays a string.
         */
        public List<Map<String, Object>> rowValues() {
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Binding b : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Var v : vars) m.put(v.getVarName(), value(b.get(v)));
                out.add(m);
            }
            return out;
        }

        /** The JSON value of a node, as in {@link #rowValues()}. */
        public static Object value(Node n) {
            if (n == null || !n.isLiteral() || n.getLiteralDatatype() == null) return plain(n);
            org.apache.jena.sparql.expr.NodeValue nv = org.apache.jena.sparql.expr.NodeValue.makeNode(n);
            if (nv.isBoolean()) return nv.getBoolean();
            if (nv.isInteger()) return nv.getInteger();
            if (nv.isDecimal()) return nv.getDecimal();
            if ((nv.isDouble() || nv.isFloat()) && Double.isFinite(nv.getDouble())) return nv.getDouble();
            return plain(n);
        }

        /** The value of a node as a plain string, as in {@link #rowMaps()}. */
        public static String plain(Node n) {
            if (n == null) return null;
            if (n.isURI()) return n.getURI();
            if (n.isLiteral()) return n.getLiteralLexicalForm();
            if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
            return n.toString();
        }

        /** A fresh row set over the materialised rows; each call starts again at the first row. */
        public RowSet rowSet() { return RowSetStream.create(vars, rows.iterator()); }

        /**
         * Writes the rows as {@code json-rows} (a JSON array of {@link #rowValues()} objects),
         * {@code sparql-json} (application/sparql-results+json), {@code csv} or {@code tsv} (SPARQL 1.1
         * results CSV/TSV). Does not close {@code out}.
         *
         * @throws BadParameter for any other format
         * @throws UncheckedIOException when writing fails
         */
        public void write(OutputStream out, String format) {
            String f = format == null ? "" : format;
            switch (f) {
                case "json-rows" -> writeJsonRows(out);
                case "sparql-json" -> writeResults(out, ResultSetLang.RS_JSON);
                case "csv" -> writeResults(out, ResultSetLang.RS_CSV);
                case "tsv" -> writeResults(out, ResultSetLang.RS_TSV);
                default -> throw new BadParameter("format", "format must be one of " + String.join(", ", FORMATS)
                        + "; got \"" + preview(f) + "\".");
            }
        }

        /** The media type of a format of {@link #write(OutputStream, String)}. */
        public static String mediaType(String format) {
            return switch (format == null ? "" : format) {
                case "json-rows" -> "application/json";
                case "sparql-json" -> "application/sparql-results+json";
                case "csv" -> "text/csv; charset=utf-8";
                case "tsv" -> "text/tab-separated-values; charset=utf-8";
                default -> throw new BadParameter("format", "format must be one of " + String.join(", ", FORMATS)
                        + "; got \"" + preview(String.valueOf(format)) + "\".");
            };
        }

        private void writeResults(OutputStream out, Lang lang) {
            ResultSetMgr.write(out, ResultSet.adapt(rowSet()), lang);
        }

        private static final JsonFactory JSON = new JsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        private void writeJsonRows(OutputStream out) {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (Binding b : rows) {
                    g.writeStartObject();
                    for (Var v : vars) {
                        g.writeFieldName(v.getVarName());
                        Object value = value(b.get(v));
                        if (value == null) g.writeNull();
                        else if (value instanceof java.math.BigInteger i) g.writeNumber(i);
                        else if (value instanceof java.math.BigDecimal d) g.writeNumber(d);
                        else if (value instanceof Double d) g.writeNumber(d);
                        else if (value instanceof Boolean x) g.writeBoolean(x);
                        else g.writeString(value.toString());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write query results", e);
            }
        }
    }
}
