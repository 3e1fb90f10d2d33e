package org.nqpfkg.loader.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.nqpfkg.loader.OntologyFiles;

/** Validates candidate graphs, together with the ontology and vocabulary, against the project's SHACL shapes. */
public final class ShaclGate {
    private final Shapes shapes;
    private final Graph reference;

    public ShaclGate(OntologyFiles files) {
        this.shapes = Shapes.parse(files.graph("shapes.ttl"));
        this.reference = files.reference();
    }

    public Verdict check(List<Graph> candidates) {
        MultiUnion union = new MultiUnion();
        union.addGraph(reference);
        candidates.forEach(union::addGraph);
        return new Verdict(ShaclValidator.get().validate(shapes, union));
    }

    /** A validation report with its violations described in one line each. */
    public record Verdict(ValidationReport report) {
        public boolean conforms() {
            return report.getEntries().stream().noneMatch(e -> e.severity() == Severity.Violation);
        }

        public List<String> problems() {
            List<String> lines = new ArrayList<>();
            for (ReportEntry e : report.getEntries()) lines.add(describe(e));
            return lines;
        }

        private static String describe(ReportEntry e) {
            StringBuilder sb = new StringBuilder();
            sb.append(e.severity().level().getLocalName()).append(": ").append(e.message());
            sb.append(" [focus ").append(str(e.focusNode()));
            if (e.resultPath() != null) sb.append(", path ").append(e.resultPath());
            if (e.value() != null) sb.append(", value ").append(str(e.value()));
            return sb.append(']').toString();
        }

        private static String str(Node n) {
            String s = n.isLiteral() ? '"' + n.getLiteralLexicalForm() + '"' : n.toString();
            return s.length() > 120 ? s.substring(0, 117) + "..." : s;
        }
    }
}
