package org.nqpfkg.loader.link;

/** How a mention names its concept: by a preferred label, by an alternative label, or by the specific head of a label. */
public enum Match {
    LABEL, ALIAS, HEAD;

    /** The value written to {@code nqpf:matchKind}. */
    public String value() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The rule recorded on each mention's {@code nqpf:rule}. */
    public String rule() { return "mention-" + value(); }
}
