package org.nqpfkg.server.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The named queries: every {@code *.rq} file of the {@code queries/} folder, read from the folder when
 * it exists (so edits take effect on restart without a rebuild), else from the copy bundled in the jar
 * under {@code /queries/}. Each file starts with a grlc-style header of {@code #+} comment lines:
 *
 * <pre>
 * #+ summary: Evidence for a mechanism and the policies that answer it
 * #+ description: &gt;
 * #+   Longer text, folded into one paragraph ("|" keeps the line breaks).
 * #+ params:
 * #+   - name: mechanism
 * #+     type: slug            # slug, iri, string, integer or lang
 * #+     kind: mechanism       # slug only: the value becomes &lt;https://w3id.org/nqpf-kg/id/mechanism/VALUE&gt;
 * #+     pattern: "^[a-z0-9-]{1,100}$"   # optional, anchored with ^ and $; else the type's default
 * #+     required: true        # default false
 * #+     default: ...          # optional, for parameters that are not required
 * #+     description: ...
 * #+ pagination: 100
 * </pre>
 *
 * followed by the SPARQL SELECT query, which uses each parameter as the plain variable {@code ?name}
 * and must have an ORDER BY so that pages are stable. A file that breaks any of these rules makes
 * {@link #load(Path)} fail with an {@link InvalidQueryFile} naming the file.
 */
public final class NamedQueries {
    /** Folder of the bundled copy inside the jar (and in target/classes). */
    public static final String RESOURCE_FOLDER = "queries";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,49}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Set<String> TOP_KEYS = Set.of("summary", "description", "params", "pagination");
    private static final Set<String> PARAM_KEYS = Set.of("name", "type", "kind", "pattern", "required", "default", "description");

    /** A query file that cannot be used; the message starts with the file name. */
    public static final class InvalidQueryFile extends IllegalStateException {
        private final String file;

        public InvalidQueryFile(String file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
            this.file = file;
        }

        public String file() { return file; }
    }

    private final Map<String, NamedQuery> queries;
    private final String origin;

    private NamedQueries(Map<String, NamedQuery> queries, String origin) {
        this.queries = Collections.unmodifiableMap(queries);
        this.origin = origin;
    }

    /**
     * Reads the {@code *.rq} files of {@code folder} when it is an existing folder, else the bundled
     * copy. Fails on the first unusable file, naming it.
     *
     * @throws InvalidQueryFile for a malformed file
     * @throws UncheckedIOException when a file cannot be read
     */
    public static NamedQueries load(Path folder) {
        if (folder != null && Files.isDirectory(folder)) {
            Map<String, String> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    String file = p.getFileName().toString();
                    if (file.endsWith(".rq") && Files.isRegularFile(p)) files.put(file, read(folder.relativize(p).toString(), Files.readAllBytes(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the named queries in " + folder, e);
            }
            return build(files, folder.toString());
        }
        return bundled();
    }

    /** The copy bundled under {@code /queries/} in the jar (or target/classes). */
    public static NamedQueries bundled() {
        return build(readBundled(), "bundled copy");
    }

    private static NamedQueries build(Map<String, String> files, String origin) {
        Map<String, NamedQuery> queries = new TreeMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            NamedQuery q = parse(e.getKey(), e.getValue());
            queries.put(q.name(), q);
        }
        return new NamedQueries(queries, origin);
    }

    /** Every query, sorted by name. */
    public List<NamedQuery> all() { return List.copyOf(queries.values()); }

    /** The names, sorted. */
    public Set<String> names() { return queries.keySet(); }

    /** The query of that name, if any. */
    public Optional<NamedQuery> get(String name) { return Optional.ofNullable(name == null ? null : queries.get(name)); }

    /** Where the queries were read from: a folder path or "bundled copy". */
    public String origin() { return origin; }

    /** {@link NamedQuery#describe()} of every query, sorted by name: the body of GET /api/queries. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NamedQuery q : queries.values()) out.add(q.describe());
        return out;
    }

    // ------------------------------------------------------------------ reading files

    private static String read(String file, byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new InvalidQueryFile(file, "is not UTF-8 text", e);
        }
    }

    /**
     * Lists the bundled files without a generated index: the {@code queries/} folder next to this class,
     * in target/classes or inside the (shaded) jar that holds it.
     */
    private static Map<String, String> readBundled() {
        Path location = codeLocation();
        try {
            if (location != null && Files.isDirectory(location)) return readTree(location.resolve(RESOURCE_FOLDER));
            if (location != null && Files.isRegularFile(location)) {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    return readTree(jar.getPath("/" + RESOURCE_FOLDER));
                }
            }
            // Unusual class loaders: fall back to the resource URL of the folder.
            URL url = NamedQueries.class.getResource("/" + RESOURCE_FOLDER);
            if (url == null) return Map.of();
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return readTree(Path.of(uri));
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readTree(jar.provider().getPath(uri));
                }
            }
            throw new IllegalStateException("cannot list the bundled named queries at " + url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled named queries", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled named queries", e);
        }
    }

    private static Path codeLocation() {
        try {
            CodeSource source = NamedQueries.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            URI uri = source.getLocation().toURI();
            return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> readTree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) return files;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String file = p.getFileName().toString();
                if (file.endsWith(".rq") && Files.isRegularFile(p))
                    files.put(file, read(RESOURCE_FOLDER + "/" + file, Files.readAllBytes(p)));
            }
        }
        return files;
    }

    // ------------------------------------------------------------------ parsing one file

    /**
     * Parses one query file. {@code file} is its name (e.g. {@code mechanism-evidence.rq}); the query's
     * name is the file name without {@code .rq}.
     *
     * @throws InvalidQueryFile naming {@code file} when the header or the query is unusable
     */
    public static NamedQuery parse(String file, String content) {
        String base = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
        if (!base.endsWith(".rq")) throw new InvalidQueryFile(file, "a named query file must end in .rq", null);
        String name = base.substring(0, base.length() - 3);
        if (!NAME.matcher(name).matches())
            throw new InvalidQueryFile(file, "the name '" + name + "' must be lower-case letters, digits, '-' or '_' (at most 100)", null);

        // The header is the #+ lines of the leading comment block; the rest of the file is the query.
        String[] lines = content.split("\r\n|\r|\n", -1);
        List<HeaderLine> header = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean inHeader = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (inHeader && line.startsWith("#+")) {
                header.add(new HeaderLine(i + 1, line.substring(2)));
                continue;
            }
            if (trimmed.startsWith("#+"))
                throw new InvalidQueryFile(file, "line " + (i + 1) + ": '#+' header lines must come first, before the query", null);
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) inHeader = false;
            text.append(line).append('\n');
        }
        if (header.isEmpty()) throw new InvalidQueryFile(file, "has no '#+' header (at least '#+ summary: ...')", null);

        Map<String, Object> h;
        try {
            h = yaml(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryFile(file, "bad header: " + e.getMessage(), e);
        }
        for (String key : h.keySet())
            if (!TOP_KEYS.contains(key)) throw new InvalidQueryFile(file, "unknown header key '" + key + "' (known: summary, description, params, pagination)", null);

        String summary = scalar(file, h, "summary");
        if (summary == null || summary.isBlank()) throw new InvalidQueryFile(file, "the header needs a summary", null);
        String description = scalar(file, h, "description");
        Integer pagination = null;
        String pag = scalar(file, h, "pagination");
        if (pag != null) {
            if (!pag.matches("[0-9]{1,5}") || Integer.parseInt(pag) < 1 || Integer.parseInt(pag) > NamedQuery.MAX_PAGE)
                throw new InvalidQueryFile(file, "pagination must be a whole number from 1 to " + NamedQuery.MAX_PAGE + "; got '" + pag + "'", null);
            pagination = Integer.parseInt(pag);
        }

        Query query;
        try {
            // The whole file parses: its header lines are SPARQL comments, so line numbers match.
            query = QueryFactory.create(content, Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new InvalidQueryFile(file, "the query does not parse: " + e.getMessage(), e);
        }
        if (!query.isSelectType()) throw new InvalidQueryFile(file, "a named query must be a SELECT query", null);
        if (!query.hasOrderBy()) throw new InvalidQueryFile(file, "a named query must have an ORDER BY, so that its pages are stable", null);

        List<NamedQuery.Param> params = params(file, h.get("params"), text.toString());
        // Substitute a sample term for every parameter now, so a query that cannot take a value
        // (say, one that BINDs its own parameter variable) fails at load, not on a caller's request.
        // A dry run on an empty dataset, with every parameter bound and with only the required ones,
        // catches what substitution makes unusable at run time (say, BOUND(?param)).
        Map<Var, Node> all = new LinkedHashMap<>();
        Map<Var, Node> requiredOnly = new LinkedHashMap<>();
        for (NamedQuery.Param p : params) {
            all.put(Var.alloc(p.name()), sampleTerm(p));
            if (p.required()) requiredOnly.put(Var.alloc(p.name()), sampleTerm(p));
        }
        for (Map<Var, Node> sample : List.of(all, requiredOnly)) {
            try {
                Query substituted = QueryTransformOps.replaceVars(query, sample);
                try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.empty()).query(substituted)
                        .timeout(10, java.util.concurrent.TimeUnit.SECONDS).build()) {
                    exec.select().forEachRemaining(b -> {});
                }
            } catch (RuntimeException e) {
                throw new InvalidQueryFile(file, "the parameters cannot be substituted into the query: " + e.getMessage(), e);
            }
        }
        NamedQuery q = new NamedQuery(name, summary.strip(), description == null ? "" : description.strip(), params, pagination,
                text.toString().strip() + "\n", query);
        for (NamedQuery.Param p : params) {
            if (p.defaultValue() == null) continue;
            try {
                q.bind(Map.of(p.name(), p.defaultValue()));
            } catch (BadParameter e) {
                throw new InvalidQueryFile(file, "the default of parameter '" + p.name() + "' is not valid: " + e.getMessage(), e);
            }
        }
        return q;
    }

    private static Node sampleTerm(NamedQuery.Param p) {
        return switch (p.type()) {
            case SLUG, IRI -> NodeFactory.createURI("https://example.org/sample");
            case STRING, LANG -> NodeFactory.createLiteralString("x");
            case INTEGER -> NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        };
    }

    private static String scalar(String file, Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) return (String) v;
        throw new InvalidQueryFile(file, "'" + key + "' must be a single value, not a list or a map", null);
    }

    private static List<NamedQuery.Param> params(String file, Object raw, String queryText) {
        List<NamedQuery.Param> out = new ArrayList<>();
        if (raw == null) return out;
        if (!(raw instanceof List<?> list)) throw new InvalidQueryFile(file, "'params' must be a list of parameters ('- name: ...')", null);
        Set<String> seen = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) throw new InvalidQueryFile(file, "each entry of 'params' must be a map with name, type ...", null);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            for (String key : map.keySet())
                if (!PARAM_KEYS.contains(key))
                    throw new InvalidQueryFile(file, "unknown parameter key '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(PARAM_KEYS)) + ")", null);
            String pname = scalar(file, map, "name");
            if (pname == null || !PARAM_NAME.matcher(pname).matches())
                throw new InvalidQueryFile(file, "parameter name '" + pname + "' must be a SPARQL variable name (letters, digits, _)", null);
            if (!seen.add(pname)) throw new InvalidQueryFile(file, "parameter '" + pname + "' is declared twice", null);
            String where = "parameter '" + pname + "': ";
            String typeLabel = scalar(file, map, "type");
            NamedQuery.Param.Type type = typeLabel == null ? null : NamedQuery.Param.Type.of(typeLabel);
            if (type == null) throw new InvalidQueryFile(file, where + "type must be one of slug, iri, string, integer, lang; got '" + typeLabel + "'", null);
            String kind = scalar(file, map, "kind");
            if (type == NamedQuery.Param.Type.SLUG) {
                if (kind == null || !KIND.matcher(kind).matches())
                    throw new InvalidQueryFile(file, where + "a slug needs a kind, the IRI path segment such as 'mechanism'; got '" + kind + "'", null);
            } else if (kind != null) {
                throw new InvalidQueryFile(file, where + "only a slug parameter has a kind", null);
            }
            String pattern = scalar(file, map, "pattern");
            if (pattern == null) pattern = type.defaultPattern();
            if (!pattern.startsWith("^") || !pattern.endsWith("$"))
                throw new InvalidQueryFile(file, where + "the pattern must be anchored with ^ and $: " + pattern, null);
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new InvalidQueryFile(file, where + "the pattern is not a valid regular expression: " + e.getDescription(), e);
            }
            String req = scalar(file, map, "required");
            boolean required;
            if (req == null || req.equals("false")) required = false;
            else if (req.equals("true")) required = true;
            else throw new InvalidQueryFile(file, where + "required must be true or false; got '" + req + "'", null);
            String def = scalar(file, map, "default");
            if (def != null && required) throw new InvalidQueryFile(file, where + "a required parameter cannot have a default", null);
            String desc = scalar(file, map, "description");
            if (!Pattern.compile("[?$]" + Pattern.quote(pname) + "(?![A-Za-z0-9_\\u00B7\\u0300-\\u036F\\u203F-\\u2040])").matcher(queryText).find())
                throw new InvalidQueryFile(file, where + "the query never uses ?" + pname, null);
            out.add(new NamedQuery.Param(pname, type, kind, pattern, required, def, desc == null ? null : desc.strip()));
        }
        return out;
    }

    // ------------------------------------------------------------------ the header, read as YAML by Jackson

    private record HeaderLine(int number, String text) {}

    /** Scalars as the text the header wrote (the checks below read "true", "100" ...), structure kept. */
    private static Object asText(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), asText(v)));
            return out;
        }
        if (node instanceof List<?> l) return l.stream().map(NamedQueries::asText).toList();
        return node == null ? null : String.valueOf(node);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            // yes/no/on/off stay words (a header says true or false); a key given twice is an error.
            new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** The header lines, "#+" removed, read as YAML: a mapping, else a message naming the line. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(List<HeaderLine> header) {
        StringBuilder text = new StringBuilder();
        for (HeaderLine l : header) text.append(l.text().startsWith(" ") ? l.text().substring(1) : l.text()).append('\n');
        try {
            Object parsed = YAML.readValue(text.toString(), Object.class);
            if (!(parsed instanceof Map)) throw new IllegalArgumentException("the header must be a mapping of keys (summary:, params:, ...)");
            return (Map<String, Object>) asText(parsed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String where = line > 0 && line <= header.size() ? "line " + header.get(line - 1).number() + ": " : "";
            throw new IllegalArgumentException(where + e.getOriginalMessage(), e);
        }
    }
}
