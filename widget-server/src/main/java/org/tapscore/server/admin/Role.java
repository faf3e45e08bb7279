package org.tapscore.server.admin;

/** What a user of the admin UI may do: ADMIN changes settings, VIEWER only looks. */
public enum Role {
    ADMIN, VIEWER;

    public boolean canChangeSettings() {
        return this == ADMIN;
    }
}
