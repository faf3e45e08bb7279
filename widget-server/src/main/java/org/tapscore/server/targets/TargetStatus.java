package org.tapscore.server.targets;

/**
 * The judgement of a target: whether the answers since it was set say the campaign is on its path. Once the
 * target date has come the same judgement says whether the target was reached, so each status has two labels.
 */
public enum TargetStatus {
    /** No answers in the 90 days before the target was set, and no baseline given: there is no path. */
    NO_BASELINE("No baseline to measure from", "No baseline to measure from"),
    NO_ANSWERS("No answers yet", "No answers before the target date"),
    /** Below 30 answers the interval's normal approximation is too poor to judge by. */
    TOO_FEW("Too few answers", "Too few answers to tell whether it was reached"),
    ON_TRACK("On track", "Reached"),
    UNCLEAR("Too close to call", "Too close to call whether it was reached"),
    BEHIND("Behind", "Missed");

    private final String running;
    private final String finished;

    TargetStatus(String running, String finished) {
        this.running = running;
        this.finished = finished;
    }

    /** What the page says: {@code finished} once the target date has come. */
    public String label(boolean finished) {
        return finished ? this.finished : running;
    }
}
