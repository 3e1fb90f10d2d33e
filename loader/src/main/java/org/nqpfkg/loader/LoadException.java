package org.nqpfkg.loader;

/** A source that cannot be loaded; the message names the file and the reason, for the user to read. */
public class LoadException extends Exception {
    public LoadException(String message) { super(message); }
    public LoadException(String message, Throwable cause) { super(message, cause); }
}
