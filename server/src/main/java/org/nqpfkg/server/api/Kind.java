package org.nqpfkg.server.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.nqpfkg.loader.Vocab;

/** The resource kinds the facade lists: URL segment, ontology class, IRI segment, and which filters apply. */
public enum Kind {
    LEVELS("levels", "Level", "level", Set.of()),
    PATHS("paths", "Path", "path", Set.of("level", "document")),
    MECHANISMS("mechanisms", "Mechanism", "mechanism", Set.of("level", "horizon", "document")),
    POLICIES("policies", "Policy", "policy", Set.of("level", "horizon", "document")),
    ORGANIZATIONS("organizations", "Organization", "organization", Set.of("level", "document")),
    SECTORS("sectors", "Sector", "sector", Set.of("level", "document")),
    DOCUMENTS("documents", "Document", "document", Set.of());

    public final String path;
    public final String type;
    public final String segment;
    public final Set<String> filters;

    Kind(String path, String type, String segment, Set<String> filters) {
        this.path = path;
        this.type = type;
        this.segment = segment;
        this.filters = filters;
    }

    public String iri(String id) { return Vocab.ID + segment + "/" + id; }

    public static Optional<Kind> of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
