package org.tapscore.server.response;

import java.util.Set;

/**
 * What the server knows about who sends an answer: the page's origin (null when not a browser), whether an
 * API key was presented, and the origins that are the server itself.
 */
public record Caller(String origin, boolean authenticated, Set<String> ownOrigins) {
}
