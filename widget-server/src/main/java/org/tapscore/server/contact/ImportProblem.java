package org.tapscore.server.contact;

/** Why one cell (or row) of an import file cannot be imported, with the line people see in their editor. */
public record ImportProblem(int line, String column, String reason) {
}
