package org.nqpfkg.loader.report;

/**
 * Documents beyond those being reported on (the ones a store already holds), for the inverse document
 * frequency: a term that many stored documents use is not what makes a new document stand out.
 */
public interface Background {
    /** No other documents: only the reported documents count. */
    Background NONE = new Background() {
        @Override public int documents() { return 0; }
        @Override public int documentsContaining(String term) { return 0; }
    };

    /** How many other documents there are. */
    int documents();

    /** How many of them contain {@code term} as it is written. */
    int documentsContaining(String term);
}
