package org.nqpfkg.loader.report;

/**
 * A term frequent in a document (or a load) that the graph has no name for.
 *
 * @param term      its words
 * @param count     how often it stands there
 * @param score     its rank: tf × idf in a document, count × documents in a load
 * @param documents how many documents of the load use it
 * @param example   a sentence it stands in, cut to about {@link Excerpt#WIDTH} characters around it
 */
public record DiscoveredTerm(String term, int count, double score, int documents, String example) {}
