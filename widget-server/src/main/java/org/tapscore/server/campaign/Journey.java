package org.tapscore.server.campaign;

/**
 * What a campaign measures: how a customer feels about the business overall (relationship) or about one event
 * such as an order or a support case (touchpoint). Fatigue rules treat the two differently.
 */
public enum Journey {
    RELATIONSHIP,
    TOUCHPOINT
}
